export default definePageConfig({
  navigationBarTitleText: '满意度回访',
});
