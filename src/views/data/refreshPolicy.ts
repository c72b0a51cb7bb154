// Which lists a refresh of "everything loaded so far" touches (Refresh All, auto-refresh).
import type { LoadStatus } from '../presentation/connection';

export interface RefreshableList {
  /** Whether a load has ever been started. */
  readonly started: boolean;
  readonly status: LoadStatus;
}

export interface RefreshAllOptions {
  /**
   * Leave lists that are still loading alone (auto-refresh): cancelling a load on every tick would never let a
   * long, rate-limited load finish. A refresh the user asks for cancels and starts over.
   */
  skipLoading?: boolean;
}

export function dueForRefresh(list: RefreshableList, options: RefreshAllOptions = {}): boolean {
  return list.started && !(options.skipLoading && list.status === 'loading');
}
