export default definePageConfig({
  navigationBarTitleText: '悦行汽车',
  enablePullDownRefresh: true,
});
