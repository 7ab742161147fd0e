import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { HttpSmsSender, RecordingSmsSender, SMS_SENDER, SmsSender } from './sms/sms.sender';
import { FakeWechatAuthClient, HttpWechatAuthClient, WECHAT_AUTH_CLIENT, WechatAuthClient } from './wechat/wechat-auth.client';

/** The clients for the world outside (WeChat, SMS), real or dev fakes as the configuration says. */
@Global()
@Module({
  providers: [
    {
      provide: WECHAT_AUTH_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): WechatAuthClient =>
        config.WECHAT_MODE === 'live'
          ? new HttpWechatAuthClient(config.WECHAT_APP_ID!, config.WECHAT_APP_SECRET!, config.WECHAT_API_BASE)
          : new FakeWechatAuthClient(),
    },
    {
      provide: SMS_SENDER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): SmsSender =>
        config.SMS_MODE === 'live'
          ? new HttpSmsSender(config.SMS_API_URL!, config.SMS_API_KEY!, config.SMS_SIGN_NAME)
          : new RecordingSmsSender(),
    },
  ],
  exports: [WECHAT_AUTH_CLIENT, SMS_SENDER],
})
export class IntegrationsModule {}
