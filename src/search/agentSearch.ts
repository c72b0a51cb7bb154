// Find Agent…: a pure matcher over every connection's agents. Haystacks are lower-cased once; a query
// scans them with indexOf and keeps the best `limit` matches in rank buckets (no full sort per keystroke).
// Typing narrows: when a query extends the previous one, only the previous query's matches are scanned.
import type { Agent } from '../api/model';

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
const RANKS = 6;

interface Entry {
  agent: Agent;
  name: string;
  email: string;
  id: string;
  /** name \u0001 email \u0001 id, for multi-word queries and substring checks. */
  all: string;
}

export interface SearchResult {
  agent: Agent;
  rank: MatchRank;
}

export class AgentSearchIndex {
  private readonly entries: Entry[];
  /** The last query and every entry it matched (uncapped), for narrowing as the user types on. */
  private last: { query: string; matches: Entry[] } | undefined;

  /** `agents` in any order; results of equal rank come sorted by name. */
  constructor(agents: Iterable<Agent>) {
    const entries: Entry[] = [];
    for (const agent of agents) {
      const name = (agent.name ?? '').toLowerCase();
      const email = (agent.email ?? '').toLowerCase();
      const id = String(agent.id).toLowerCase();
      entries.push({ agent, name, email, id, all: `${name}\u0001${email}\u0001${id}` });
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.entries = entries;
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
    const multi = words.length > 1;
    // every word of a query that extends the last one contains the matching word of the last: a subset
    const pool = this.last && q.startsWith(this.last.query) ? this.last.matches : this.entries;
    const matches: Entry[] = [];
    const buckets: Entry[][] = Array.from({ length: RANKS }, () => []);
    // once the better buckets hold `max`, worse matches can no longer make the cut
    let worstUseful = RANKS - 1;
    let better = 0;
    for (const e of pool) {
      let rank: MatchRank;
      if (multi) {
        let ok = true;
        for (const w of words) if (!e.all.includes(w)) { ok = false; break; }
        if (!ok) continue;
        matches.push(e);
        rank = e.name.startsWith(words[0]) ? MatchRank.NamePrefix : MatchRank.Substring;
      } else {
        if (!e.all.includes(q)) continue;
        matches.push(e);
        if (e.id === q) rank = MatchRank.ExactId;
        else if (e.name.startsWith(q)) rank = MatchRank.NamePrefix;
        else if (e.email.startsWith(q)) rank = MatchRank.EmailPrefix;
        else if (e.id.startsWith(q)) rank = MatchRank.IdPrefix;
        else if (e.name.includes(` ${q}`)) rank = MatchRank.NameWordPrefix;
        else rank = MatchRank.Substring;
      }
      if (rank > worstUseful) continue;
      const bucket = buckets[rank];
      if (bucket.length >= max) continue;
      bucket.push(e);
      // recompute the cut-off cheaply: how many are ranked at or above each level
      better = 0;
      for (let r = 0; r < RANKS; r++) {
        better += buckets[r].length;
        if (better >= max) { worstUseful = r; break; }
      }
    }
    this.last = { query: q, matches };
    const out: SearchResult[] = [];
    for (let r = 0; r < RANKS && out.length < max; r++) {
      for (const e of buckets[r]) {
        if (out.length >= max) break;
        out.push({ agent: e.agent, rank: r as MatchRank });
      }
    }
    return out;
  }
}
