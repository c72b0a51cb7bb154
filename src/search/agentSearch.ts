// Find Agent…: a pure matcher over every connection's agents. Every rank but the last is a kind of prefix, found by
// a binary search over the names or by walking a prefix bucket kept in name order; only substring matches need a
// scan, and that scan is one indexOf over all agents' text that stops as soon as the result list is full. A
// keystroke therefore costs about as much as the results it returns, not as many agents as there are. Typing
// narrows: when a query extends one whose scan went through everything, only what that scan matched is scanned again.
import type { Agent } from '../api/model';
import { PrefixBuckets } from './prefixBuckets';

export const MAX_RESULTS = 200;

/** Rank, best first. */
export const MatchRank = {
  ExactId: 0,
  NamePrefix: 1,
  EmailPrefix: 2,
  IdPrefix: 3,
  NameWordPrefix: 4,
  Substring: 5,
} as const;
export type MatchRank = (typeof MatchRank)[keyof typeof MatchRank];

export interface SearchResult {
  agent: Agent;
  rank: MatchRank;
}

interface Entry {
  agent: Agent;
  /** Position in name order. */
  pos: number;
  name: string;
  id: string;
  /** name \u0001 email \u0001 id, for substring checks. */
  all: string;
  /** The search that put this entry in its results (an entry is listed once, at its best rank). */
  taken: number;
}

/** Between entries in the scanned text; a query holding it is matched entry by entry instead. */
const SEPARATOR = '\u0002';

export class AgentSearchIndex {
  /** Sorted by name. */
  private readonly entries: Entry[];
  private readonly emails = new PrefixBuckets<Entry>();
  private readonly ids = new PrefixBuckets<Entry>();
  private readonly exactIds = new Map<string, Entry[]>();
  /** Every word of a name but the first, from its start to the end of the name. */
  private readonly laterWords = new PrefixBuckets<Entry>();
  /** Every entry's `all`, in name order, joined by SEPARATOR: one string for indexOf to scan at full speed. */
  private readonly text: string;
  /** Where each entry's `all` starts in `text`. */
  private readonly starts: Int32Array;
  private searches = 0;
  /** The last query whose scan went through its whole pool, and every entry it matched, for narrowing. */
  private last: { query: string; matches: Entry[] } | undefined;

  /** `agents` in any order; results of equal rank come sorted by name. */
  constructor(agents: Iterable<Agent>) {
    const entries: (Entry & { email: string })[] = [];
    for (const agent of agents) {
      const name = (agent.name ?? '').toLowerCase();
      const email = (agent.email ?? '').toLowerCase();
      const id = String(agent.id).toLowerCase();
      entries.push({ agent, pos: 0, name, email, id, all: `${name}\u0001${email}\u0001${id}`, taken: 0 });
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.starts = new Int32Array(entries.length);
    let at = 0;
    for (let pos = 0; pos < entries.length; pos++) {
      const e = entries[pos];
      e.pos = pos;
      this.starts[pos] = at;
      at += e.all.length + SEPARATOR.length;
      this.emails.add(e.email, e);
      this.ids.add(e.id, e);
      const sameId = this.exactIds.get(e.id);
      if (sameId) sameId.push(e);
      else this.exactIds.set(e.id, [e]);
      for (let i = e.name.indexOf(' '); i >= 0; i = e.name.indexOf(' ', i + 1)) this.laterWords.add(e.name.slice(i + 1), e);
    }
    this.entries = entries;
    this.text = entries.map((e) => e.all).join(SEPARATOR);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Best matches for `query` (name, e-mail or ID; every word must match), at most `limit`. Empty query: the first `limit` by name. */
  search(query: string, limit = MAX_RESULTS): SearchResult[] {
    const max = Math.max(0, Math.min(limit, MAX_RESULTS));
    const q = query.trim().toLowerCase();
    if (!q) return this.entries.slice(0, max).map((e) => ({ agent: e.agent, rank: MatchRank.Substring }));
    const words = q.split(/\s+/);
    return words.length > 1 ? this.searchWords(q, words, max) : this.searchWord(q, max);
  }

  /**
   * Every match for `query`, best first, in the order of `search` and without its cap (the language model tools
   * count what matched beyond what they list). Costs one pass over the agents for a short query.
   */
  searchAll(query: string): SearchResult[] {
    const q = query.trim().toLowerCase();
    if (!q) return this.entries.map((e) => ({ agent: e.agent, rank: MatchRank.Substring }));
    const words = q.split(/\s+/);
    return words.length > 1 ? this.searchWords(q, words, Infinity) : this.searchWord(q, Infinity);
  }

  /**
   * How many agents match `query`, as `search` matches them but without its cap (every rank is a substring of an
   * agent's name, e-mail or ID; several words must all occur). One pass over the agents' text, or over the matches of
   * the query this one extends; remembered for the next keystroke like a complete scan of `search`. Find Agent… asks
   * only when `search` filled its cap, to say how many more matched.
   */
  count(query: string): number {
    const q = query.trim().toLowerCase();
    if (!q) return this.entries.length;
    const [longest, ...others] = q.split(/\s+/).sort((a, b) => b.length - a.length);
    const matches: Entry[] = [];
    this.scan(longest, this.pool(q), (e) => {
      if (others.every((w) => e.all.includes(w))) matches.push(e);
      return true;
    });
    this.last = { query: q, matches };
    return matches.length;
  }

  private searchWord(q: string, max: number): SearchResult[] {
    const out: SearchResult[] = [];
    if (max === 0) return out;
    const search = ++this.searches;
    const add = (e: Entry, rank: MatchRank) => {
      if (e.taken === search) return true;
      e.taken = search;
      out.push({ agent: e.agent, rank });
      return out.length < max;
    };
    for (const e of this.exactIds.get(q) ?? []) if (!add(e, MatchRank.ExactId)) return out;
    // names: the entries are in name order, so those starting with q are one run of them
    for (let i = this.firstNameFrom(q); i < this.entries.length && this.entries[i].name.startsWith(q); i++) {
      if (!add(this.entries[i], MatchRank.NamePrefix)) return out;
    }
    const ranked: [PrefixBuckets<Entry>, MatchRank][] = [
      [this.emails, MatchRank.EmailPrefix], [this.ids, MatchRank.IdPrefix], [this.laterWords, MatchRank.NameWordPrefix],
    ];
    for (const [buckets, rank] of ranked) {
      if (out.length < max) buckets.forEach(q, (e) => add(e, rank));
    }
    if (out.length >= max) return out;
    const matches: Entry[] = [];
    const complete = this.scan(q, this.pool(q), (e) => {
      matches.push(e);
      return add(e, MatchRank.Substring);
    });
    if (complete) this.last = { query: q, matches };
    return out;
  }

  /** Every word must occur somewhere; a name starting with the first word ranks first. */
  private searchWords(q: string, words: string[], max: number): SearchResult[] {
    const prefixed: SearchResult[] = [];
    const rest: SearchResult[] = [];
    const matches: Entry[] = [];
    // the longest word is likely the rarest: scan for it, then check the others
    const [longest, ...others] = [...words].sort((a, b) => b.length - a.length);
    this.scan(longest, this.pool(q), (e) => {
      if (others.every((w) => e.all.includes(w))) {
        matches.push(e);
        if (!e.name.startsWith(words[0])) { if (rest.length < max) rest.push({ agent: e.agent, rank: MatchRank.Substring }); }
        else if (prefixed.length < max) prefixed.push({ agent: e.agent, rank: MatchRank.NamePrefix });
      }
      return true;
    });
    this.last = { query: q, matches };
    return [...prefixed, ...rest].slice(0, max);
  }

  /** What `q` extends the last complete scan of, or undefined for every entry. */
  private pool(q: string): Entry[] | undefined {
    return this.last && q.startsWith(this.last.query) ? this.last.matches : undefined;
  }

  /**
   * Calls `found` with each entry of `pool` (undefined: every entry) whose `all` contains `q`, in name order, until
   * it returns false. Returns whether it went through the whole pool.
   */
  private scan(q: string, pool: Entry[] | undefined, found: (e: Entry) => boolean): boolean {
    if (pool || q.includes(SEPARATOR)) {
      for (const e of pool ?? this.entries) if (e.all.includes(q) && !found(e)) return false;
      return true;
    }
    for (let at = this.text.indexOf(q); at !== -1; ) {
      const e = this.entryAt(at);
      if (!found(e)) return false;
      const next = e.pos + 1 < this.starts.length ? this.starts[e.pos + 1] : this.text.length;
      at = this.text.indexOf(q, next);
    }
    return true;
  }

  /** The first entry whose name is not before `q`. */
  private firstNameFrom(q: string): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid].name < q) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The entry whose text holds offset `at` of `text`. */
  private entryAt(at: number): Entry {
    let lo = 0;
    let hi = this.entries.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return this.entries[lo];
  }
}
