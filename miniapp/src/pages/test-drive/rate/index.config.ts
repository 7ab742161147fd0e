export default definePageConfig({
  navigationBarTitleText: '评价试驾',
});
