export default definePageConfig({
  navigationBarTitleText: '车辆档案',
  enablePullDownRefresh: true,
});
