export default definePageConfig({
  navigationBarTitleText: '邀请好友',
  // useShareAppMessage answers only on a page that allows sharing.
  enableShareAppMessage: true,
});
