// The Find Agent… index outlives one quick pick: building it for 50,000 agents takes a few hundred milliseconds on
// a slow machine, and most openings see the same agents as the last one. Rebuilt when any connection's list is
// another array or has grown (lists only ever grow in place or are replaced, see PagedList).
import type { Agent } from '../api/model';
import { AgentSearchIndex } from './agentSearch';

export class AgentSearchCache {
  private last: { lists: readonly (readonly Agent[])[]; lengths: number[]; index: AgentSearchIndex } | undefined;

  /** The index over every agent in `lists` (one list per connection, in connection order). */
  index(lists: readonly (readonly Agent[])[]): AgentSearchIndex {
    const last = this.last;
    if (last && last.lists.length === lists.length && lists.every((l, i) => l === last.lists[i] && l.length === last.lengths[i])) {
      return last.index;
    }
    const index = new AgentSearchIndex(lists.flat());
    this.last = { lists: [...lists], lengths: lists.map((l) => l.length), index };
    return index;
  }

  clear(): void {
    this.last = undefined;
  }
}
