// What every reader of a list (trees, Find Agent…, hover, tools) needs to know about it besides its items.
import type { ListingWait } from '../api/model';

/** Where a list is in its life: never asked for, loading, the last load finished, or the last load failed. */
export type LoadStatus = 'idle' | 'loading' | 'loaded' | 'error';

/** The list is known to be short of what the server has (see ListingEnd in src/api/model.ts). */
export interface ListIncomplete {
  /** Distinct items received. */
  received: number;
  /** How many the server said there are, where it said. */
  expected?: number;
  reason: 'short-of-total' | 'repeated-page';
}

/** A snapshot of one list's state. */
export interface ListState {
  status: LoadStatus;
  /** Items shown now. */
  count: number;
  /** Items received so far by a load in flight (at least `count` while a refresh runs over older items). */
  progress: number;
  /** The last load's failure (status 'error'); the items shown are what was there before it. */
  error?: unknown;
  /** The last load stopped at the page cap. */
  truncated: boolean;
  /** The last load ended short of the server's total, or on a repeated page. */
  incomplete?: ListIncomplete;
  /**
   * The last refresh ended short, and the complete list shown before it stays (with its own `loadedAt`): what the
   * refresh brought. Then `incomplete` is unset and `complete` true (they describe the items shown).
   */
  refreshShort?: ListIncomplete;
  /** While loading: the load is held back (Chatdesk keeping to the rate limit, a server's wait, a retry) until then. */
  waiting?: ListingWait;
  /** When the items shown were read from the server (epoch ms); for cached items, when they were saved. */
  loadedAt?: number;
  /** The items shown come from the on-disk cache of an earlier session, not from this session's network. */
  cached: boolean;
  /** A rate-limited load is tried again by itself at this time (epoch ms). */
  retryAt?: number;
  /**
   * The items shown are a whole list: the load that produced them finished without a page cap, a shortfall or a
   * repeated page (a cached list was complete when it was saved). Says nothing about a load in flight or failed
   * since: read `status` for that.
   */
  complete: boolean;
}
