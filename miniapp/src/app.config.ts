export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/booking/index',
    'pages/my-cars/index',
    'pages/me/index',
    'pages/login/index',
    'pages/legal/index',
  ],
  // The booking flow past the slot grid, and the customer's bookings, load on demand.
  subPackages: [
    {
      root: 'pages/test-drive',
      pages: ['confirm/index', 'success/index', 'my-bookings/index', 'reschedule/index', 'rate/index'],
    },
  ],
  // Fetched in the background while the customer picks a slot, so 下一步 opens at once.
  preloadRule: {
    'pages/booking/index': { network: 'all', packages: ['pages/test-drive'] },
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
