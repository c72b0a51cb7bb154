// A clock for tests about time: waits return at once and move the clock on (waits that start together overlap, as
// they would on a real clock); every wait asked for is recorded.
import { cancelledError } from '../../../src/api/abort';
import type { Clock } from '../../../src/api/clock';

export class FakeClock implements Clock {
  private t = Date.now();
  private readonly started = this.t;
  /** Every wait, ms, in the order asked. */
  readonly sleeps: number[] = [];

  now(): number {
    return this.t;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw cancelledError();
    this.sleeps.push(ms);
    const end = this.t + Math.max(0, ms);
    await Promise.resolve();
    this.t = Math.max(this.t, end);
  }

  /** Time that passed on this clock since it was made, ms. */
  get elapsed(): number {
    return this.t - this.started;
  }

  get slept(): number {
    return this.sleeps.reduce((a, b) => a + b, 0);
  }
}
