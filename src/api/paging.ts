// Paging strategies shared by the platform clients.
//
// - `numberedPages` (REVE Chat `page_no`): no total, no documented page size. Sequential; ends on an empty
//   page, a page shorter than the first full one, or a page that repeats the previous page's first item.
// - `offsetPages` (HelpCrunch offset/limit, Rocket.Chat offset/count): page 1 first (and yielded at once);
//   when the reply gives a total, the remaining pages are fetched concurrently (bounded), and yielded in
//   order as each next one is ready. Totals are not trusted blindly: a short or empty page ends the list,
//   and a total that is too small is followed by sequential pages until a short one.
// Both enforce a hard page cap: after yielding what was fetched, ApiError('malformed').
// Breaking out of the iteration aborts whatever is still in flight.

import { linkedController } from './abort';
import { ApiError } from './errors';

export interface Page<T> {
  items: T[];
  /** The total the server reported, when it did. */
  total?: number;
}

export interface PagingOptions {
  signal?: AbortSignal;
  /** Most pages to fetch before giving up with ApiError('malformed'). */
  pageCap: number;
}

export function pageCapError(pages: number): ApiError {
  return new ApiError('malformed', `The server kept sending pages; stopped after ${pages} pages.`);
}

/**
 * `page_no` paging without a total. `idOf` reads an item's id for the repeat guard.
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
    let previousFirstId: string | undefined;
    for (let pageNo = 1; ; pageNo++) {
      if (pageNo > options.pageCap) throw pageCapError(options.pageCap);
      fill(pageNo + ahead - 1);
      const items = await requested.get(pageNo)!;
      requested.delete(pageNo);
      if (items.length === 0) return;
      const firstId = idOf(items[0]);
      if (pageNo > 1 && firstId !== undefined && firstId === previousFirstId) return; // the server repeats itself
      previousFirstId = firstId;
      yield items;
      if (items.length < pageSize) return;
      if (pageNo >= 2 && items.length === pageSize) ahead = Math.min(maxAhead, ahead * 2); // ramp up as the list proves long
      pageSize = Math.max(pageSize, items.length);
    }
  } finally {
    if (requested.size > 0) controller.abort();
    dispose();
  }
}

/**
 * offset/limit paging. `fetchPage(offset, limit, signal)` returns one page and the reported total.
 * `concurrency` bounds the requests in flight once the total is known.
 */
export async function* offsetPages<T>(
  fetchPage: (offset: number, limit: number, signal: AbortSignal) => Promise<Page<T>>,
  idOf: (item: T) => string | undefined,
  options: PagingOptions & { pageSize: number; concurrency: number; adoptShortPageSize?: boolean },
): AsyncGenerator<T[], void, undefined> {
  const { pageCap } = options;
  let pageSize = options.pageSize;
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const { controller, dispose } = linkedController(options.signal);
  const signal = controller.signal;
  try {
    const first = await fetchPage(0, pageSize, signal);
    if (first.items.length === 0) return;
    yield first.items;
    const validTotal = (t: number | undefined) => (t !== undefined && Number.isFinite(t) && t >= 0 ? t : undefined);
    // The largest total any page reported (a list that grows while we read it is read to its new end).
    let total = validTotal(first.total);
    if (first.items.length < pageSize) {
      // A server whose page cap is below ours (Rocket.Chat's API_Upper_Count_Limit) says so through its total.
      if (!options.adoptShortPageSize || total === undefined || total <= first.items.length) return;
      pageSize = first.items.length;
    }

    let pages = 1;
    let received = first.items.length;
    let previousFirstId = idOf(first.items[0]);
    let nextOffset = pageSize;
    if (total === received) return;

    /** Judges the next page: 'stop' (empty, or a repeat of the previous page), 'last' (short), 'more'. */
    const accept = (items: T[]): 'more' | 'last' | 'stop' => {
      if (items.length === 0) return 'stop';
      const firstId = idOf(items[0]);
      if (firstId !== undefined && firstId === previousFirstId) return 'stop';
      previousFirstId = firstId;
      return items.length < pageSize ? 'last' : 'more';
    };

    if (total !== undefined && total > nextOffset) {
      // Known total: fetch the rest concurrently, yield in order.
      const inFlight: Promise<Page<T>>[] = [];
      let launchOffset = nextOffset;
      const launch = () => {
        const lastOffset = Math.min(total ?? 0, pageCap * pageSize);
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
        nextOffset += pageSize;
        const verdict = accept(page.items);
        if (verdict === 'stop') return;
        received += page.items.length;
        const reported = validTotal(page.total);
        if (reported !== undefined && total !== undefined && reported > total) total = reported;
        yield page.items;
        if (verdict === 'last') return;
        launch();
      }
      // Exactly the total arrived: done. More than it said (the total was low): go on one by one.
      if (received === total) return;
      if (pages >= pageCap) throw pageCapError(pageCap);
    }

    // Unknown (or exceeded) total: sequential until a short or empty page.
    for (;;) {
      if (pages >= pageCap) throw pageCapError(pageCap);
      const page = await fetchPage(nextOffset, pageSize, signal);
      pages++;
      nextOffset += pageSize;
      const verdict = accept(page.items);
      if (verdict === 'stop') return;
      yield page.items;
      if (verdict === 'last') return;
    }
  } finally {
    // Normal end, error, or the consumer broke out: cancel whatever is still in flight.
    controller.abort();
    dispose();
  }
}
