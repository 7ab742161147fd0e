import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { HttpSmsMessageSender, HttpWechatSubscribeSender, MESSAGE_SENDERS, MessageSenders, RecordingMessageSender } from './messaging/message-senders';
import { HttpSmsSender, RecordingSmsSender, SMS_SENDER, SmsSender } from './sms/sms.sender';
import { FakeWechatAuthClient, HttpWechatAuthClient, WECHAT_AUTH_CLIENT, WechatAuthClient } from './wechat/wechat-auth.client';

const failingRecipients = (config: AppConfig) => config.DEV_CHANNEL_FAILING_RECIPIENTS.split(',').map((recipient) => recipient.trim()).filter(Boolean);

/** The clients for the world outside (WeChat login and messages, SMS), real or dev fakes as the configuration says. */
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
    {
      provide: MESSAGE_SENDERS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): MessageSenders => ({
        WECHAT:
          config.WECHAT_MODE === 'live'
            ? new HttpWechatSubscribeSender(config.WECHAT_APP_ID!, config.WECHAT_APP_SECRET!, config.WECHAT_API_BASE, config.WECHAT_MINIPROGRAM_STATE)
            : new RecordingMessageSender('WECHAT', config.DEV_CHANNEL_LOG, config.DEV_CHANNEL_LATENCY_MS, false, failingRecipients(config)),
        SMS:
          config.SMS_MODE === 'live'
            ? new HttpSmsMessageSender(config.SMS_API_URL!, config.SMS_API_KEY!, config.SMS_SIGN_NAME)
            : new RecordingMessageSender('SMS', config.DEV_CHANNEL_LOG, config.DEV_CHANNEL_LATENCY_MS, true, failingRecipients(config)),
      }),
    },
  ],
  exports: [WECHAT_AUTH_CLIENT, SMS_SENDER, MESSAGE_SENDERS],
})
export class IntegrationsModule {}
