// Coalesces bursts of calls into at most one call per `ms` (leading + trailing edge).
export class Throttler<K> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last = 0;
  private readonly pending = new Set<K>();

  constructor(private readonly ms: number, private readonly flush: (keys: K[]) => void) {}

  schedule(key: K): void {
    this.pending.add(key);
    if (this.timer) return;
    const wait = Math.max(0, this.last + this.ms - Date.now());
    this.timer = setTimeout(() => this.run(), wait);
  }

  private run(): void {
    this.timer = undefined;
    this.last = Date.now();
    const keys = [...this.pending];
    this.pending.clear();
    if (keys.length) this.flush(keys);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}
