// Simulated time for tests about waiting against the real sandbox (rate-limit windows, auto-refresh, slow
// servers): one clock for the client (ClientOptions.clock, with this.fetch as ClientOptions.fetch), the store
// (StoreOptions.clock) and the sandbox (SandboxOptions.clock).
//
// Time stands still while anything can still happen without it: a request on the wire, a reply being read, a
// promise continuation. Only when everything is waiting for the clock does it jump to the next timer, and fires
// that one timer alone. So waits, windows and ticks pass in no real time; a request reaches the sandbox at the
// simulated moment it was sent (plus the network's simulated latency, `latencyMs`); and a busy machine changes how
// long a test takes, never what happens in it. HTTP itself stays real: every request goes to the sandbox's socket.
// A sandbox on this clock also holds its latency fault (`faults.latencyMs`) on it (SandboxClock.delay): a request
// the server is holding counts as waiting for the clock, not as on the wire. (Not for tests that abort requests:
// the server learns of an abort a moment later than the client, and time could move in between; that fails loudly.)
//
// Drive it with `advance(ms)` (let ms pass, firing every timer on the way) or `run(promise)` (let time pass until
// the promise settles). Nothing moves the clock otherwise: a test that awaits a waiting promise without either of
// them waits forever.

import { cancelledError } from '../../../src/api/abort';
import type { Clock as ApiClock, FetchInitLike, FetchLike, FetchResponseLike } from '../../../src/api/index';
import type { SandboxClock } from '../../../src/sandbox/types';
import type { Clock as StoreClock } from '../../../src/store';

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

let nodeFetch: Promise<FetchLike> | undefined;
/** The client's own default fetch (node-fetch), so that only the counting is added. */
function realFetch(): Promise<FetchLike> {
  nodeFetch ??= import('node-fetch').then((m) => m.default as unknown as FetchLike);
  return nodeFetch;
}

/** What a fetch rejects with when its signal aborts. */
function abortError(): Error {
  const e = new Error('The operation was aborted.');
  e.name = 'AbortError';
  return e;
}

/** Resolves after the current macrotask, once every promise continuation queued so far has run. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface SimulatedTimeOptions {
  /** Epoch ms the clock starts at (default: now). */
  start?: number;
  /** Simulated ms each request travels before it reaches the server (a number, or drawn per request); default 0. */
  latencyMs?: number | (() => number);
}

export class SimulatedTime implements ApiClock, StoreClock, Required<SandboxClock> {
  private t: number;
  private seq = 0;
  private readonly timers = new Map<number, Timer>();
  private onWire = 0;
  /** Requests the sandbox is holding for its latency (each is also on the wire). */
  private held = 0;
  private changed: (() => void)[] = [];
  private misuse: string | undefined;
  private readonly latency: () => number;
  /** Requests sent through `fetch`. */
  requests = 0;

  constructor(options: SimulatedTimeOptions = {}) {
    this.t = options.start ?? Date.now();
    const l = options.latencyMs ?? 0;
    this.latency = typeof l === 'number' ? () => l : l;
  }

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): number {
    const seq = ++this.seq;
    this.timers.set(seq, { at: this.t + Math.max(0, ms), seq, fn });
    return seq;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Timers not yet fired. */
  get pending(): number {
    return this.timers.size;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return this.wait(ms, signal, cancelledError);
  }

  private wait(ms: number, signal: AbortSignal | undefined, onAbort: () => Error): Promise<void> {
    if (signal?.aborted) return Promise.reject(onAbort());
    return new Promise<void>((resolve, reject) => {
      const abort = () => {
        this.clearTimeout(id);
        reject(onAbort());
      };
      const id = this.setTimeout(() => {
        signal?.removeEventListener('abort', abort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', abort, { once: true });
    });
  }

  /** For SandboxClock: the server holds a request `ms` before answering. */
  delay(ms: number): Promise<void> {
    this.held++;
    this.notify();
    return new Promise<void>((resolve) => {
      this.setTimeout(() => {
        this.held--;
        resolve();
      }, ms);
    });
  }

  /** A fetch for ClientOptions.fetch: the real one, after the simulated latency, with the time on the wire counted. */
  readonly fetch: FetchLike = async (url: string, init?: FetchInitLike): Promise<FetchResponseLike> => {
    const latency = this.latency();
    if (latency > 0) await this.wait(latency, init?.signal, abortError);
    this.requests++;
    const onAbort = () => {
      if (this.held > 0) this.misuse = 'a request was aborted while the sandbox held requests on simulated time';
    };
    init?.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const res = await this.onTheWire(async () => (await realFetch())(url, init));
      return { status: res.status, headers: res.headers, text: () => this.onTheWire(() => res.text()) };
    } finally {
      init?.signal?.removeEventListener('abort', onAbort);
    }
  };

  private async onTheWire<T>(io: () => Promise<T>): Promise<T> {
    this.onWire++;
    try {
      return await io();
    } finally {
      this.onWire--;
      this.notify();
    }
  }

  private notify(): void {
    for (const resolve of this.changed.splice(0)) resolve();
  }

  /** Resolves once nothing can happen without the clock: nothing on the wire but what the server holds, nothing left to run. */
  private async quiet(): Promise<void> {
    for (let calm = 0; calm < 2;) {
      await turn();
      if (this.misuse) throw new Error(`simulated time: ${this.misuse}`);
      if (this.onWire <= this.held) {
        calm++;
      } else {
        calm = 0;
        await new Promise<void>((resolve) => this.changed.push(resolve));
      }
    }
  }

  private next(): Timer | undefined {
    let next: Timer | undefined;
    for (const timer of this.timers.values()) if (!next || timer.at < next.at || (timer.at === next.at && timer.seq < next.seq)) next = timer;
    return next;
  }

  private fire(timer: Timer): void {
    this.timers.delete(timer.seq);
    this.t = Math.max(this.t, timer.at);
    timer.fn();
  }

  /** Lets `ms` pass: every timer due on the way fires, in time order, each once everything before it has settled. */
  async advance(ms: number): Promise<void> {
    const until = this.t + ms;
    for (;;) {
      await this.quiet();
      const next = this.next();
      if (!next || next.at > until) break;
      this.fire(next);
    }
    this.t = Math.max(this.t, until);
    await this.quiet();
  }

  /** Lets time pass until `p` settles; its value or error. Fails if `p` waits for nothing that can come. */
  async run<T>(p: Promise<T>, limitMs = 24 * 3_600_000): Promise<T> {
    let settled = false;
    p.then(() => { settled = true; }, () => { settled = true; });
    const until = this.t + limitMs;
    for (;;) {
      await this.quiet();
      if (settled) return p;
      const next = this.next();
      if (!next) throw new Error('simulated time: the promise waits, but no timer is left and nothing is on the wire');
      if (next.at > until) throw new Error(`simulated time: the promise did not settle within ${limitMs} simulated ms`);
      this.fire(next);
    }
  }
}
