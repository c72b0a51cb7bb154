// Paging strategies shared by the platform clients.
//
// - `numberedPages` (REVE Chat `page_no`): no total, no documented page size. Ends on an empty page, a page
//   shorter than the first full one, or a page that brings nothing new (a server that ignores `page_no`).
// - `offsetPages` (HelpCrunch offset/limit, Rocket.Chat offset/count): page 1 first (and yielded at once);
//   when the reply gives a total, the remaining pages are fetched concurrently (bounded), and yielded in
//   order as each next one is ready. Totals are not trusted blindly: a short or empty page ends the list,
//   and a total that is too small is followed by sequential pages until a short one.
// Both enforce a hard page cap: after yielding what was fetched, ApiError('malformed').
// Breaking out of the iteration aborts whatever is still in flight.
// Both hand over each item once (by id): an item a later page repeats (ties reordered between two page queries,
// a list that shifted) is dropped. When the listing ends they tell `onEnd` how many distinct items arrived, the
// total the server reported, and whether the list is short of it or the server repeated a page instead of
// sending the next one (see ListingEnd in model.ts).

import { linkedController } from './abort';
import { ApiError } from './errors';
import type { ListingEnd } from './model';

export interface Page<T> {
  items: T[];
  /** The total the server reported, when it did. */
  total?: number;
}

export interface PagingOptions {
  signal?: AbortSignal;
  /** Most pages to fetch before giving up with ApiError('malformed'). */
  pageCap: number;
  /** Called once when the listing ends normally, after its last page was handed over. */
  onEnd?: (end: ListingEnd) => void;
}

export function pageCapError(pages: number): ApiError {
  return new ApiError('malformed', `The server kept sending pages; stopped after ${pages} pages.`);
}

/** The items of one listing handed over so far, by id, and what the listing learnt about its own completeness. */
export class ListingTally<T> {
  private readonly seen = new Set<string>();
  private withoutId = 0;
  /** The largest total any page reported. */
  reportedTotal: number | undefined;
  /** A page brought nothing new where the next one was expected. */
  repeatedPage = false;
  /** The server's total counts more than its list holds, and a second read confirmed the list (offsetPages). */
  overcount = false;

  constructor(private readonly idOf: (item: T) => string | undefined) {}

  get received(): number {
    return this.seen.size + this.withoutId;
  }

  noteTotal(total: number | undefined): void {
    if (total !== undefined && Number.isFinite(total) && total >= 0) this.reportedTotal = Math.max(this.reportedTotal ?? 0, Math.floor(total));
  }

  /** The items of `page` not handed over before (first occurrence wins). */
  fresh(page: readonly T[]): T[] {
    const out: T[] = [];
    for (const item of page) {
      const id = this.idOf(item);
      if (id === undefined) {
        this.withoutId += 1;
        out.push(item);
      } else if (!this.seen.has(id)) {
        this.seen.add(id);
        out.push(item);
      }
    }
    return out;
  }

  end(): ListingEnd {
    const received = this.received;
    const out: ListingEnd = { received };
    if (this.reportedTotal !== undefined) out.reportedTotal = this.reportedTotal;
    if (this.reportedTotal !== undefined && received < this.reportedTotal && !this.overcount) {
      out.incomplete = { reason: 'short-of-total', expected: this.reportedTotal };
    } else if (this.repeatedPage) {
      out.incomplete = this.reportedTotal !== undefined ? { reason: 'repeated-page', expected: this.reportedTotal } : { reason: 'repeated-page' };
    }
    return out;
  }
}

/**
 * `page_no` paging without a total. `idOf` reads an item's id (each item is handed over once; a page that brings
 * nothing new means the server ignores `page_no` and ends the list as incomplete).
 * Pages are handed over strictly in order. Pages 1 and 2 are read alone; each further full page doubles the pages
 * requested ahead of the one being read, up to `concurrency`, since nothing but reading on tells where the list
 * ends. A short list costs no extra request; a long one at most `concurrency - 1` past its end, aborted and ignored.
 */
export async function* numberedPages<T>(
  fetchPage: (pageNo: number, signal: AbortSignal | undefined) => Promise<T[]>,
  idOf: (item: T) => string | undefined,
  options: PagingOptions & { concurrency?: number },
): AsyncGenerator<T[], void, undefined> {
  const maxAhead = Math.max(1, Math.floor(options.concurrency ?? 1));
  const { controller, dispose } = linkedController(options.signal);
  const signal = controller.signal;
  const tally = new ListingTally(idOf);
  const requested = new Map<number, Promise<T[]>>();
  let nextToRequest = 1;
  let ahead = 1; // pages in flight at once: 1 until the list proves long
  const fill = (upTo: number) => {
    while (nextToRequest <= Math.min(upTo, options.pageCap)) {
      const pageNo = nextToRequest++;
      const p = fetchPage(pageNo, signal);
      p.catch(() => undefined); // a page read past the end may fail once aborted; only awaited pages count
      requested.set(pageNo, p);
    }
  };
  try {
    let pageSize = 0;
    for (let pageNo = 1; ; pageNo++) {
      if (pageNo > options.pageCap) throw pageCapError(options.pageCap);
      fill(pageNo + ahead - 1);
      const items = await requested.get(pageNo)!;
      requested.delete(pageNo);
      if (items.length === 0) break;
      const fresh = tally.fresh(items);
      if (pageNo > 1 && fresh.length === 0) {
        tally.repeatedPage = true; // the server repeats itself
        break;
      }
      if (fresh.length) yield fresh;
      if (items.length < pageSize) break;
      if (pageNo >= 2 && items.length === pageSize) ahead = Math.min(maxAhead, ahead * 2); // ramp up as the list proves long
      pageSize = Math.max(pageSize, items.length);
    }
    options.onEnd?.(tally.end());
  } finally {
    if (requested.size > 0) controller.abort();
    dispose();
  }
}

/** Whether two pages hold the same ids in the same order (a server that ignores the offset). */
function samePage<T>(a: readonly T[] | undefined, b: readonly T[], idOf: (item: T) => string | undefined): boolean {
  if (!a || a.length !== b.length) return false;
  return a.every((item, i) => idOf(item) !== undefined && idOf(item) === idOf(b[i]));
}

/**
 * offset/limit paging. `fetchPage(offset, limit, signal)` returns one page and the reported total.
 * `concurrency` bounds the requests in flight once the total is known.
 */
export async function* offsetPages<T>(
  fetchPage: (offset: number, limit: number, signal: AbortSignal) => Promise<Page<T>>,
  idOf: (item: T) => string | undefined,
  options: PagingOptions & {
    pageSize: number;
    concurrency: number;
    adoptShortPageSize?: boolean;
    /**
     * A server whose total may count more than its list shows (HelpCrunch: its own documented example says 5 for 4
     * agents): the most the total may exceed the distinct items received for the list still to count as complete,
     * when it ended on its own (a short or empty page, no repeats), every page reported the same total, and a second
     * read of the last page returns the same items and total (nothing moved while paging). Default: no tolerance.
     */
    totalOvercount?: (total: number) => number;
  },
): AsyncGenerator<T[], void, undefined> {
  const { pageCap } = options;
  let pageSize = options.pageSize;
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const { controller, dispose } = linkedController(options.signal);
  const signal = controller.signal;
  const tally = new ListingTally(idOf);
  const totals = new Set<number>();
  let last: { offset: number; items: readonly T[] } | undefined; // the last page with items
  let endedOnItsOwn = false; // a short or empty page ended the list
  const note = (offset: number, page: Page<T>) => {
    if (page.total !== undefined) totals.add(page.total);
    if (page.items.length) last = { offset, items: page.items };
  };
  /** Whether a total above what arrived is the server's way of counting, confirmed by a second read (see option). */
  const overcountConfirmed = async (): Promise<boolean> => {
    const total = tally.reportedTotal;
    if (!options.totalOvercount || total === undefined || !last || !endedOnItsOwn || tally.repeatedPage || totals.size !== 1) return false;
    const over = total - tally.received;
    if (over <= 0 || over > options.totalOvercount(total)) return false;
    const again = await fetchPage(last.offset, pageSize, signal);
    return again.total === total && samePage(last.items, again.items, idOf);
  };
  const done = async () => {
    if (await overcountConfirmed()) tally.overcount = true;
    options.onEnd?.(tally.end());
  };
  try {
    const first = await fetchPage(0, pageSize, signal);
    note(0, first);
    tally.noteTotal(first.total);
    if (first.items.length === 0) {
      endedOnItsOwn = true;
      return await done();
    }
    yield tally.fresh(first.items);
    if (first.items.length < pageSize) {
      endedOnItsOwn = true;
      // A server whose page cap is below ours (Rocket.Chat's API_Upper_Count_Limit) says so through its total.
      const total = tally.reportedTotal;
      if (!options.adoptShortPageSize || total === undefined || total <= first.items.length) return await done();
      endedOnItsOwn = false;
      pageSize = first.items.length;
    }

    let pages = 1;
    let previous: readonly T[] | undefined = first.items;
    let nextOffset = pageSize;
    if (tally.reportedTotal !== undefined && tally.received >= tally.reportedTotal) return await done();

    /**
     * Judges the next page: 'stop' (empty, or nothing new where a server that ignores the offset repeats a page),
     * 'last' (short), 'more'. `strict`: a page with nothing new stops even if it differs from the previous one.
     */
    const accept = (items: T[], strict: boolean): { verdict: 'more' | 'last' | 'stop'; fresh: T[] } => {
      if (items.length === 0) return { verdict: 'stop', fresh: [] };
      const repeat = samePage(previous, items, idOf);
      previous = items;
      const fresh = tally.fresh(items);
      if (fresh.length === 0 && (repeat || strict)) {
        tally.repeatedPage = true;
        return { verdict: 'stop', fresh };
      }
      return { verdict: items.length < pageSize ? 'last' : 'more', fresh };
    };

    let lastVerdict: 'more' | 'last' | 'stop' = 'more';
    let rawReceived = first.items.length;
    const firstTotal = tally.reportedTotal;
    if (firstTotal !== undefined && firstTotal > nextOffset) {
      // Known total: fetch the rest concurrently, yield in order. Ties that a server orders differently for each
      // page can make one page all repeats; only an exact repeat of the previous page stops the listing.
      const inFlight: Promise<Page<T>>[] = [];
      let launchOffset = nextOffset;
      const launch = () => {
        const lastOffset = Math.min(tally.reportedTotal ?? 0, pageCap * pageSize);
        while (inFlight.length < concurrency && launchOffset < lastOffset) {
          const p = fetchPage(launchOffset, pageSize, signal);
          p.catch(() => undefined); // awaited in order below; avoid unhandled rejections meanwhile
          inFlight.push(p);
          launchOffset += pageSize;
        }
      };
      launch();
      while (inFlight.length) {
        const page = await inFlight.shift()!;
        pages++;
        rawReceived += page.items.length;
        note(nextOffset, page);
        nextOffset += pageSize;
        const { verdict, fresh } = accept(page.items, false);
        lastVerdict = verdict;
        endedOnItsOwn = verdict !== 'more' && !tally.repeatedPage;
        if (verdict === 'stop') return await done();
        tally.noteTotal(page.total);
        if (fresh.length) yield fresh;
        if (verdict === 'last') return await done();
        launch();
      }
      // Every page up to the total was full. Exactly as many as it said (repeats included): done. Fewer: the page cap
      // stopped the launches. More than it said (the total was low): go on one by one until a short page.
      const reported = tally.reportedTotal ?? 0;
      if (rawReceived === reported) return await done();
      if (rawReceived < reported || pages >= pageCap) throw pageCapError(pageCap);
    }

    // Unknown (or exceeded) total: sequential until a short or empty page, or one with nothing new.
    while (lastVerdict === 'more') {
      if (pages >= pageCap) throw pageCapError(pageCap);
      const page = await fetchPage(nextOffset, pageSize, signal);
      pages++;
      note(nextOffset, page);
      nextOffset += pageSize;
      const { verdict, fresh } = accept(page.items, true);
      lastVerdict = verdict;
      endedOnItsOwn = verdict !== 'more' && !tally.repeatedPage;
      if (verdict === 'stop') break;
      tally.noteTotal(page.total);
      if (fresh.length) yield fresh;
    }
    await done();
  } finally {
    // Normal end, error, or the consumer broke out: cancel whatever is still in flight.
    controller.abort();
    dispose();
  }
}
