/**
 * Where "now" comes from for everything that runs on a schedule (reminders, sends, quiet hours, SLAs).
 * Production reads the system clock; dev and test may run a controlled clock that starts at a chosen
 * instant and runs at a chosen speed, so a month of reminders passes in a minute.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** Simulated time = start + (real time elapsed since it was set) × speed. Speed 0 stops it. */
export class ControlledClock extends Clock {
  private anchorSimulated: number;
  private anchorReal: number;
  private rate: number;

  constructor(start: Date = new Date(), speed = 1) {
    super();
    this.anchorSimulated = start.getTime();
    this.anchorReal = Date.now();
    this.rate = speed;
  }

  now(): Date {
    return new Date(this.anchorSimulated + (Date.now() - this.anchorReal) * this.rate);
  }

  get speed(): number {
    return this.rate;
  }

  set(now: Date, speed: number): void {
    this.anchorSimulated = now.getTime();
    this.anchorReal = Date.now();
    this.rate = speed;
  }
}
