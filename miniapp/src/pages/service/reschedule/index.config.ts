export default definePageConfig({
  navigationBarTitleText: '改期',
});
