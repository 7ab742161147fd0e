export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/booking/index',
    'pages/my-cars/index',
    'pages/me/index',
    'pages/login/index',
    'pages/legal/index',
  ],
  // The booking flow past the slot grid, and the customer's bookings, load on demand; so does everything
  // past the 我的车 tab (binding a car, its file, workshop bookings, 维修进度), and the loyalty pages past the
  // points card on 我的 (积分, 积分商城, 我的券, 邀请好友), and the rest of 我的: feedback (满意度回访, 投诉与建议) and
  // messages (消息, 消息设置), and the account (个人信息与隐私). A message may open a page of another subpackage, e.g.
  // a survey.
  subPackages: [
    {
      root: 'pages/test-drive',
      pages: ['confirm/index', 'success/index', 'my-bookings/index', 'reschedule/index', 'rate/index'],
    },
    {
      root: 'pages/service',
      pages: [
        'bind/index',
        'vehicle/index',
        'book/index',
        'confirm/index',
        'success/index',
        'my-bookings/index',
        'reschedule/index',
        'work-orders/index',
      ],
    },
    {
      root: 'pages/loyalty',
      pages: ['points/index', 'mall/index', 'redeemed/index', 'coupons/index', 'referrals/index'],
    },
    {
      root: 'pages/feedback',
      pages: ['surveys/index', 'survey/index', 'complaints/index'],
    },
    {
      root: 'pages/messages',
      pages: ['inbox/index', 'settings/index'],
    },
    {
      root: 'pages/account',
      pages: ['privacy/index'],
    },
  ],
  // Fetched in the background while the customer looks at the tab, so the next page opens at once.
  preloadRule: {
    'pages/booking/index': { network: 'all', packages: ['pages/test-drive'] },
    'pages/my-cars/index': { network: 'all', packages: ['pages/service'] },
    'pages/me/index': { network: 'all', packages: ['pages/loyalty', 'pages/feedback', 'pages/messages', 'pages/account'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f6f9',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '悦行汽车',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#8a94a6',
    selectedColor: '#1f5fbf',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab-bar/home.png',
        selectedIconPath: 'assets/tab-bar/home-active.png',
      },
      {
        pagePath: 'pages/booking/index',
        text: '预约',
        iconPath: 'assets/tab-bar/booking.png',
        selectedIconPath: 'assets/tab-bar/booking-active.png',
      },
      {
        pagePath: 'pages/my-cars/index',
        text: '我的车',
        iconPath: 'assets/tab-bar/my-cars.png',
        selectedIconPath: 'assets/tab-bar/my-cars-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab-bar/me.png',
        selectedIconPath: 'assets/tab-bar/me-active.png',
      },
    ],
  },
});
