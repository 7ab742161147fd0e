import { appendFileSync, existsSync, readFileSync } from 'node:fs';

/** One message to one person on an outside channel (WeChat subscribe message or SMS). */
export interface OutgoingMessage {
  /** The outbox row's dedupe key: the provider's request id, so a provider that dedupes sends it once. */
  deliveryKey: string;
  /** An openid (WeChat) or a mainland mobile (SMS). */
  to: string;
  title: string;
  body: string;
  /** The mini-program page the message opens (WeChat). */
  page: string | null;
  templateId: string | null;
  at: Date;
}

export interface MessageSender {
  send(message: OutgoingMessage): Promise<void>;
  /**
   * Whether the provider ignores a second request with the same delivery key. A send cut off mid-way (a
   * crash) is retried only on such a channel; on one that does not, a person decides (the row is parked).
   */
  readonly dedupesByKey: boolean;
}

/** A refusal that retrying will not change (the user revoked the subscription, a bad number). */
export class PermanentSendFailure extends Error {}

export interface MessageSenders {
  WECHAT: MessageSender;
  SMS: MessageSender;
}

export const MESSAGE_SENDERS = Symbol('MESSAGE_SENDERS');

/** WeChat errcodes that mean "this user cannot get this message", not "try later". */
const WECHAT_PERMANENT_ERRORS = new Set([40003, 43101, 47003, 40037]);

/**
 * Sends a mini-program subscribe message (`/cgi-bin/message/subscribe/send`), with the app's access token
 * cached until shortly before it expires. WeChat has no request id, so it does not dedupe.
 */
export class HttpWechatSubscribeSender implements MessageSender {
  readonly dedupesByKey = false;
  private token: { value: string; expiresAt: number } | null = null;

  constructor(
    private readonly appId: string,
    private readonly appSecret: string,
    private readonly apiBase: string,
    private readonly miniprogramState: string,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    if (!message.templateId) throw new PermanentSendFailure('该提醒未配置微信订阅消息模板');
    const url = new URL('/cgi-bin/message/subscribe/send', this.apiBase);
    url.search = new URLSearchParams({ access_token: await this.accessToken() }).toString();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        touser: message.to,
        template_id: message.templateId,
        page: message.page ?? undefined,
        miniprogram_state: this.miniprogramState,
        lang: 'zh_CN',
        data: { thing1: { value: message.title.slice(0, 20) }, thing2: { value: message.body.slice(0, 20) }, time3: { value: message.at.toISOString().slice(0, 10) } },
      }),
      signal: AbortSignal.timeout(5000),
    });
    const body = (await response.json()) as { errcode?: number; errmsg?: string };
    if (body.errcode === 40001 || body.errcode === 42001) this.token = null;
    if (body.errcode && WECHAT_PERMANENT_ERRORS.has(body.errcode)) throw new PermanentSendFailure(`微信拒绝: ${body.errcode} ${body.errmsg ?? ''}`.trim());
    if (!response.ok || body.errcode) throw new Error(`subscribe/send failed: ${body.errcode ?? response.status} ${body.errmsg ?? ''}`.trim());
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now()) return this.token.value;
    const url = new URL('/cgi-bin/token', this.apiBase);
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: this.appId, secret: this.appSecret }).toString();
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    const body = (await response.json()) as { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string };
    if (!body.access_token) throw new Error(`token failed: ${body.errcode ?? response.status} ${body.errmsg ?? ''}`.trim());
    this.token = { value: body.access_token, expiresAt: Date.now() + ((body.expires_in ?? 7200) - 300) * 1000 };
    return body.access_token;
  }
}

/**
 * Posts to the SMS relay (`{mobile, sign, content, outId}` with a bearer key). The relay keeps outIds for a
 * day and accepts a repeated outId without sending again, so a retried send is safe.
 */
export class HttpSmsMessageSender implements MessageSender {
  readonly dedupesByKey = true;

  constructor(
    private readonly apiUrl: string,
    private readonly apiKey: string,
    private readonly signName: string,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    const response = await fetch(this.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.apiKey}` },
      body: JSON.stringify({ mobile: message.to, sign: this.signName, content: `${message.title}：${message.body}`, outId: message.deliveryKey }),
      signal: AbortSignal.timeout(5000),
    });
    if (response.status === 400) throw new PermanentSendFailure(`SMS relay refused the message (400)`);
    if (!response.ok) throw new Error(`SMS relay answered ${response.status}`);
  }
}

export interface RecordedSend {
  channel: 'WECHAT' | 'SMS';
  key: string;
  to: string;
  title: string;
  body: string;
  at: string;
  pid: number;
  /** The provider had already accepted this key (a retried send it ignored). */
  duplicate: boolean;
}

/**
 * Dev/test mode: records what would have been sent, in memory and, when a file is given, as JSON lines
 * that several instances share. It behaves as the real provider does: SMS ignores a key it has seen,
 * WeChat does not. Production refuses to start with it.
 */
export class RecordingMessageSender implements MessageSender {
  readonly sent: RecordedSend[] = [];

  constructor(
    private readonly channel: 'WECHAT' | 'SMS',
    private readonly logFile: string | undefined,
    private readonly latencyMs: number,
    readonly dedupesByKey: boolean,
    private readonly failingRecipients: string[] = [],
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    if (this.failingRecipients.includes(message.to)) throw new Error(`dev ${this.channel} gateway unavailable for ${message.to}`);
    const duplicate = this.dedupesByKey && this.seen(message.deliveryKey);
    const record: RecordedSend = { channel: this.channel, key: message.deliveryKey, to: message.to, title: message.title, body: message.body, at: message.at.toISOString(), pid: process.pid, duplicate };
    this.sent.push(record);
    if (this.sent.length > 1000) this.sent.shift();
    if (this.logFile) appendFileSync(this.logFile, `${JSON.stringify(record)}\n`);
  }

  private seen(key: string): boolean {
    if (!this.logFile) return this.sent.some((record) => record.key === key);
    if (!existsSync(this.logFile)) return false;
    return readFileSync(this.logFile, 'utf8').includes(`"key":${JSON.stringify(key)},`);
  }
}
