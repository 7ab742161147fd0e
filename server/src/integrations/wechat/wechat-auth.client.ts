import { createHash } from 'node:crypto';

/** What WeChat says about a mini-program login code. The session key never leaves the server. */
export interface WechatSession {
  openid: string;
  unionid?: string;
}

export interface WechatAuthClient {
  code2Session(code: string): Promise<WechatSession>;
}

export const WECHAT_AUTH_CLIENT = Symbol('WECHAT_AUTH_CLIENT');

export class WechatLoginRejected extends Error {}

/** Calls WeChat's `jscode2session` HTTP API. */
export class HttpWechatAuthClient implements WechatAuthClient {
  constructor(
    private readonly appId: string,
    private readonly appSecret: string,
    private readonly apiBase: string,
  ) {}

  async code2Session(code: string): Promise<WechatSession> {
    const url = new URL('/sns/jscode2session', this.apiBase);
    url.search = new URLSearchParams({ appid: this.appId, secret: this.appSecret, js_code: code, grant_type: 'authorization_code' }).toString();
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    const body = (await response.json()) as { openid?: string; unionid?: string; errcode?: number; errmsg?: string };
    if (!response.ok || body.errcode || !body.openid) {
      throw new WechatLoginRejected(`jscode2session failed: ${body.errcode ?? response.status} ${body.errmsg ?? ''}`.trim());
    }
    return { openid: body.openid, ...(body.unionid ? { unionid: body.unionid } : {}) };
  }
}

/** Dev/test mode: the same code always maps to the same fake openid. Production refuses to start with it. */
export class FakeWechatAuthClient implements WechatAuthClient {
  async code2Session(code: string): Promise<WechatSession> {
    return { openid: `fake_${createHash('sha256').update(code).digest('hex').slice(0, 28)}` };
  }
}
