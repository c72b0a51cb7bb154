// Which lists a refresh of "everything loaded so far" touches, for both ways it happens: the user's Refresh All
// and auto-refresh (chatdesk.autoRefreshMinutes). One rule, one loop; the vscode side only reads the setting.
import { systemClock, type Clock, type TimerHandle } from './clock';
import type { LoadStatus } from './listState';

export interface RefreshableList {
  /** Whether a load has ever been started. */
  readonly started: boolean;
  readonly status: LoadStatus;
}

export interface RefreshAllOptions {
  /**
   * Leave lists that are still loading alone (auto-refresh): cancelling a load on every tick would never let a
   * long, rate-limited load finish. A refresh the user asks for (Refresh All) cancels and starts over.
   */
  skipLoading?: boolean;
}

/** Whether `list` takes part in a refresh of everything loaded so far. */
export function dueForRefresh(list: RefreshableList, options: RefreshAllOptions = {}): boolean {
  return list.started && !(options.skipLoading && list.status === 'loading');
}

/** The auto-refresh interval for a setting value in minutes: 0 (off) or 1 minute to 24 hours, in ms. */
export function autoRefreshMs(minutes: unknown): number {
  const m = typeof minutes === 'number' && Number.isFinite(minutes) ? minutes : 0;
  return m <= 0 ? 0 : Math.max(1, Math.min(24 * 60, m)) * 60_000;
}

/** Calls `refreshAll({ skipLoading: true })` every `intervalMs` while the interval is on. */
export class AutoRefreshLoop {
  private timer: TimerHandle | undefined;
  private intervalMs = 0;

  constructor(private readonly refreshAll: (options: RefreshAllOptions) => Promise<void>, private readonly clock: Clock = systemClock) {}

  /** 0 turns it off; another value restarts the interval from now. */
  setInterval(ms: number): void {
    this.stop();
    this.intervalMs = Math.max(0, ms);
    this.schedule();
  }

  get interval(): number {
    return this.intervalMs;
  }

  private schedule(): void {
    if (!this.intervalMs) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      // the next tick is counted from this one, not from the end of the refresh (which may take long)
      this.schedule();
      void this.refreshAll({ skipLoading: true });
    }, this.intervalMs);
  }

  private stop(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.stop();
    this.intervalMs = 0;
  }
}
