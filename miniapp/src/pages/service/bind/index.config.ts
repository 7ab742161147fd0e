export default definePageConfig({
  navigationBarTitleText: '绑定爱车',
});
