export default definePageConfig({
  navigationBarTitleText: '我的车',
  enablePullDownRefresh: true,
});
