// Is an ID in code a known agent, an agent who is gone (a stale ID), or can nobody say? Reads the agent directory
// only (memory and what the on-disk cache gave it): never a request. Pure, no vscode.
//
// An ID is stale only when every connection that could hold it (numbers: REVE Chat and HelpCrunch; Rocket.Chat
// ids: Rocket.Chat) has a complete list in hand, none is loading or failed, and none has the ID. A list that is
// loading, failed, incomplete, capped, or was never loaded makes the answer "nobody can say", and so does having
// no such connection at all. A list from the on-disk cache that no load of this session has confirmed can say so
// only while it is recent (CACHE_CAN_SAY_MS, 24 h: agents come and go over weeks, and a day-old list is what the
// trees show too); an older one waits for a load. A verdict from the cache carries its age, for the message.
import type { Connection, Platform } from '../api/model';
import type { AgentDirectory, DirectoryMatch } from '../store/directory';
import type { ListState } from '../store/listState';
import type { IdKind } from './lineIds';

export type Verdict =
  | { kind: 'known'; matches: DirectoryMatch[] }
  /** `cachedAt`: the oldest save time (epoch ms) among the lists that came from the on-disk cache, if any did. */
  | { kind: 'stale'; connections: Connection[]; cachedAt?: number }
  | { kind: 'unknown' };

/** How old a cached list (not loaded this session) may be and still call an ID stale. */
export const CACHE_CAN_SAY_MS = 24 * 60 * 60 * 1000;

/** The platforms whose agents have IDs of this kind. */
export function platformsFor(kind: IdKind): readonly Platform[] {
  return kind === 'rocketchat' ? ['rocketchat'] : kind === 'number' ? ['revechat', 'helpcrunch'] : ['revechat', 'rocketchat', 'helpcrunch'];
}

/**
 * Whether a list can say that an ID is not in it: complete, neither loading nor failed since, and either loaded
 * in this session or cached at most CACHE_CAN_SAY_MS before `now` (a save time in the future or not a number is
 * no age: it cannot say).
 */
export function canSay(state: ListState, now: number = Date.now()): boolean {
  if (!state.complete || state.status === 'loading' || state.status === 'error' || state.truncated || state.incomplete) return false;
  return !fromCache(state) || isRecent(state.loadedAt, now);
}

/** The items come from the cache and no load of this session has replaced them (none ran, or it ended short). */
function fromCache(state: ListState): boolean {
  return state.cached && (state.status === 'idle' || state.refreshShort !== undefined);
}

function isRecent(at: number | undefined, now: number): boolean {
  return at !== undefined && Number.isFinite(at) && at <= now + 60_000 && now - at <= CACHE_CAN_SAY_MS;
}

const UNKNOWN: Verdict = { kind: 'unknown' };

interface Group {
  connections: Connection[];
  allCanSay: boolean;
  cachedAt?: number;
}

/**
 * Judges IDs against the directory as it is now. Make one per pass over a document (or per directory change):
 * it reads each connection's state once and remembers each ID's verdict.
 */
export class IdJudge {
  private readonly groups = new Map<IdKind, Group>();
  private readonly verdicts = new Map<string, Verdict>();

  /** `now`: the clock the cache's age is measured by (epoch ms). */
  constructor(private readonly directory: Pick<AgentDirectory, 'all' | 'byId'>, private readonly now: number = Date.now()) {}

  private group(kind: IdKind): Group {
    let g = this.groups.get(kind);
    if (!g) {
      const platforms = platformsFor(kind);
      const lists = this.directory.all().filter((c) => platforms.includes(c.connection.platform));
      const cached = lists.filter((l) => fromCache(l.state)).map((l) => l.state.loadedAt!);
      g = {
        connections: lists.map((l) => l.connection),
        allCanSay: lists.length > 0 && lists.every((l) => canSay(l.state, this.now)),
        cachedAt: cached.length ? Math.min(...cached) : undefined,
      };
      this.groups.set(kind, g);
    }
    return g;
  }

  /** The verdict on one number or Rocket.Chat id (e-mails: use the directory's byEmail). */
  judge(kind: 'number' | 'rocketchat', id: string): Verdict {
    const key = `${kind}:${id}`;
    let v = this.verdicts.get(key);
    if (v) return v;
    const platforms = platformsFor(kind);
    const matches = this.directory.byId(id).filter((m) => platforms.includes(m.connection.platform));
    if (matches.length) v = { kind: 'known', matches };
    else {
      const g = this.group(kind);
      v = !g.allCanSay ? UNKNOWN : g.cachedAt === undefined ? { kind: 'stale', connections: g.connections } : { kind: 'stale', connections: g.connections, cachedAt: g.cachedAt };
    }
    this.verdicts.set(key, v);
    return v;
  }
}

/**
 * The connections a stale-ID warning on `text` is about, whose agents may replace the ID: those the warning names
 * (every connection of the platforms whose IDs look like `text`: a number is a REVE Chat or HelpCrunch ID, anything
 * else a Rocket.Chat id, as lineIds.ts reads them). Still those platforms' connections when the ID is no longer stale.
 */
export function staleIdConnections(directory: Pick<AgentDirectory, 'all' | 'byId'>, text: string): Connection[] {
  const kind = /^\d+$/.test(text) ? 'number' : 'rocketchat';
  const verdict = new IdJudge(directory).judge(kind, text);
  if (verdict.kind === 'stale') return verdict.connections;
  const platforms = platformsFor(kind);
  return directory.all().filter((c) => platforms.includes(c.connection.platform)).map((c) => c.connection);
}
