/** Sends a text message to a mainland mobile. */
export interface SmsSender {
  send(mobile: string, text: string): Promise<void>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');

/**
 * Posts to an SMS gateway's JSON API (`{mobile, sign, content}` with a bearer key), the shape most
 * domestic gateways and internal SMS relays accept.
 */
export class HttpSmsSender implements SmsSender {
  constructor(
    private readonly apiUrl: string,
    private readonly apiKey: string,
    private readonly signName: string,
  ) {}

  async send(mobile: string, text: string): Promise<void> {
    const response = await fetch(this.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.apiKey}` },
      body: JSON.stringify({ mobile, sign: this.signName, content: text }),
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
  }
}

/** Dev/test mode: records what would have been sent. Production refuses to start with it. */
export class RecordingSmsSender implements SmsSender {
  readonly sent: Array<{ mobile: string; text: string }> = [];

  async send(mobile: string, text: string): Promise<void> {
    this.sent.push({ mobile, text });
    if (this.sent.length > 1000) this.sent.shift();
  }
}
