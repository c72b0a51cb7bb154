// Time as the store sees it, injectable so that tests about time run on a fake clock.

export type TimerHandle = unknown;

export interface Clock {
  /** Epoch ms. */
  now(): number;
  /** Calls `fn` once after `ms`; the handle goes to clearTimeout. */
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // a pending retry or refresh must not keep a process (tests, the bench) alive
    (t as { unref?: () => void }).unref?.();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
