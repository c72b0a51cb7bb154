// Is an ID in code a known agent, an agent who is gone (a stale ID), or can nobody say? Reads the agent directory
// only (memory and what the on-disk cache gave it): never a request. Pure, no vscode.
//
// An ID is stale only when every connection that could hold it (numbers: REVE Chat and HelpCrunch; Rocket.Chat
// ids: Rocket.Chat) has a complete list in hand, none is loading or failed, and none has the ID. A list that is
// loading, failed, incomplete, capped, or was never loaded makes the answer "nobody can say", and so does having
// no such connection at all.
import type { Connection, Platform } from '../api/model';
import type { AgentDirectory, DirectoryMatch } from '../store/directory';
import type { ListState } from '../store/listState';
import type { IdKind } from './lineIds';

export type Verdict =
  | { kind: 'known'; matches: DirectoryMatch[] }
  | { kind: 'stale'; connections: Connection[] }
  | { kind: 'unknown' };

/** The platforms whose agents have IDs of this kind. */
export function platformsFor(kind: IdKind): readonly Platform[] {
  return kind === 'rocketchat' ? ['rocketchat'] : kind === 'number' ? ['revechat', 'helpcrunch'] : ['revechat', 'rocketchat', 'helpcrunch'];
}

/** Whether a list can say that an ID is not in it: complete, and neither loading nor failed since. */
export function canSay(state: ListState): boolean {
  return state.complete && state.status !== 'loading' && state.status !== 'error' && !state.truncated && !state.incomplete;
}

const UNKNOWN: Verdict = { kind: 'unknown' };

/**
 * Judges IDs against the directory as it is now. Make one per pass over a document (or per directory change):
 * it reads each connection's state once and remembers each ID's verdict.
 */
export class IdJudge {
  private readonly groups = new Map<IdKind, { connections: Connection[]; allCanSay: boolean }>();
  private readonly verdicts = new Map<string, Verdict>();

  constructor(private readonly directory: Pick<AgentDirectory, 'all' | 'byId'>) {}

  private group(kind: IdKind): { connections: Connection[]; allCanSay: boolean } {
    let g = this.groups.get(kind);
    if (!g) {
      const platforms = platformsFor(kind);
      const lists = this.directory.all().filter((c) => platforms.includes(c.connection.platform));
      g = { connections: lists.map((l) => l.connection), allCanSay: lists.length > 0 && lists.every((l) => canSay(l.state)) };
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
      v = g.allCanSay ? { kind: 'stale', connections: g.connections } : UNKNOWN;
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
