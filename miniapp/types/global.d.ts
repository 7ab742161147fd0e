/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const url: string;
  export default url;
}
declare module '*.scss';

/** Absolute API base for the weapp build, injected by `defineConstants` in config/index.ts. */
declare const API_BASE_URL: string;
/** WeChat subscribe-message template id for test-drive reminders, from `defineConstants`; '' when not set up. */
declare const TEST_DRIVE_TEMPLATE_ID: string;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'h5';
    API_BASE_URL?: string;
    TEST_DRIVE_TEMPLATE_ID?: string;
  }
}
