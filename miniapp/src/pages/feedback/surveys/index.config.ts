export default definePageConfig({
  navigationBarTitleText: '满意度回访',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
});
