// Each connection's agent list on disk, so that the agents are on screen at once after a restart.
//
// One file per connection in a folder the extension owns (ExtensionContext.globalStorageUri, not globalState,
// which VS Code reads into memory at every start). Written atomically: a temporary file in the same folder, then
// a rename. The format is versioned; a file that is missing, of another version, of another server, or corrupt
// is ignored (and logged), never an error for the user, and the next complete load replaces it.
//
// What is written: the normalised agent fields (id, name, e-mail, role, status, availability, departments, last
// login, created), no `raw` (the platform's object stays in memory only: smaller, faster to read, and no field we
// did not choose reaches the disk), and the connection's non-secret identity (platform, server, account / user
// ID) to tell a file of another account. Never a credential. Offline messages are never written (visitors'
// personal data).
//
// File (JSON): { format, version, savedAt, connection: {platform, baseUrl, accountId?, userId?},
//   departments: [[id, name], …], agents: [[id, name, email|null, role|null, status, available|null,
//   [departmentIndex…], lastLoginAt|null, createdAt|null], …] }
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Agent, AgentStatus, Connection, Department } from '../api/model';
import { isDateTime } from '../util/dateRange';
import type { Logger } from '../util/log';
import type { CachedItems, ListCache } from './pagedList';

export const CACHE_FORMAT = 'chatdesk-agents';
export const CACHE_VERSION = 1;
/** Larger files are not read (a list of this size would not be a real account's). */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

const STATUSES: ReadonlySet<string> = new Set<AgentStatus>(['online', 'away', 'busy', 'offline', 'unknown']);

type AgentRow = [string, string, string | null, string | null, string, boolean | null, number[], number | null, number | null];

interface CacheFile {
  format: string;
  version: number;
  savedAt: number;
  connection: { platform: string; baseUrl: string; accountId?: string; userId?: string };
  departments: [string, string][];
  agents: AgentRow[];
}

/** The part of a connection that says which account a file belongs to (never a secret). */
function identity(c: Connection): CacheFile['connection'] {
  const out: CacheFile['connection'] = { platform: c.platform, baseUrl: c.baseUrl };
  if (c.accountId) out.accountId = c.accountId;
  if (c.userId) out.userId = c.userId;
  return out;
}

function sameIdentity(a: CacheFile['connection'], b: CacheFile['connection']): boolean {
  return a.platform === b.platform && a.baseUrl === b.baseUrl && (a.accountId ?? '') === (b.accountId ?? '') && (a.userId ?? '') === (b.userId ?? '');
}

/** The file's content for `agents`, as a string. Exported for the bench and the tests. */
export function encodeAgents(connection: Connection, agents: readonly Agent[], savedAt: number): string {
  const departments: [string, string][] = [];
  const departmentIndex = new Map<string, number>();
  const indexOf = (d: Department): number => {
    const key = `${d.id}\u0000${d.name}`;
    let i = departmentIndex.get(key);
    if (i === undefined) { i = departments.push([d.id, d.name]) - 1; departmentIndex.set(key, i); }
    return i;
  };
  const rows: AgentRow[] = agents.map((a) => [
    a.id, a.name, a.email ?? null, a.role ?? null, a.status, a.available ?? null,
    a.departments.map(indexOf), a.lastLoginAt ?? null, a.createdAt ?? null,
  ]);
  const file: CacheFile = { format: CACHE_FORMAT, version: CACHE_VERSION, savedAt, connection: identity(connection), departments, agents: rows };
  return JSON.stringify(file);
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const optStr = (v: unknown): v is string | null => v === null || isStr(v);
/** An epoch ms a Date can hold (ECMA-262 TimeClip: ±8.64e15), after 1970. */
const isTime = (v: unknown): v is number => isDateTime(v) && v > 0;
const optTime = (v: unknown): v is number | null => v === null || isTime(v);

/**
 * The agents in a file's content, or a reason why it is not usable. Validates every field: one bad row makes the
 * whole file unusable (it was not written by this code, or was damaged).
 */
export function decodeAgents(text: string, connection: Connection): { saved: CachedItems<Agent> } | { reason: string } {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return { reason: 'not valid JSON' };
  }
  const f = file as Partial<CacheFile> | null;
  if (!f || typeof f !== 'object' || f.format !== CACHE_FORMAT) return { reason: 'not a Chatdesk agent cache' };
  if (f.version !== CACHE_VERSION) return { reason: `version ${String(f.version)}, this Chatdesk reads version ${CACHE_VERSION}` };
  if (!isTime(f.savedAt) || !f.connection || !Array.isArray(f.departments) || !Array.isArray(f.agents)) return { reason: 'fields missing' };
  if (!sameIdentity(f.connection, identity(connection))) return { reason: 'written for another server or account' };
  const departments: Department[] = [];
  for (const d of f.departments) {
    if (!Array.isArray(d) || d.length !== 2 || !isStr(d[0]) || !isStr(d[1])) return { reason: 'a department is damaged' };
    departments.push({ id: d[0], name: d[1] });
  }
  const agents: Agent[] = new Array(f.agents.length);
  const ids = new Set<string>();
  for (let i = 0; i < f.agents.length; i++) {
    const r = f.agents[i] as unknown[];
    if (!Array.isArray(r) || r.length !== 9) return { reason: `agent ${i} is damaged` };
    const [id, name, email, role, status, available, deps, lastLoginAt, createdAt] = r;
    if (!isStr(id) || !isStr(name) || !optStr(email) || !optStr(role) || !isStr(status) || !STATUSES.has(status)
      || !(available === null || typeof available === 'boolean') || !Array.isArray(deps) || !optTime(lastLoginAt) || !optTime(createdAt)) {
      return { reason: `agent ${i} is damaged` };
    }
    if (ids.has(id)) return { reason: `agent ${i} is listed twice` }; // a load never saves an agent twice
    ids.add(id);
    const agentDepartments: Department[] = [];
    for (const k of deps) {
      const d = typeof k === 'number' ? departments[k] : undefined;
      if (!d) return { reason: `agent ${i} names a department that is not in the file` };
      agentDepartments.push(d);
    }
    const agent: Agent = { platform: connection.platform, connectionId: connection.id, id, name, status: status as AgentStatus, departments: agentDepartments, raw: undefined };
    if (email !== null) agent.email = email;
    if (role !== null) agent.role = role;
    if (available !== null) agent.available = available;
    if (lastLoginAt !== null) agent.lastLoginAt = lastLoginAt;
    if (createdAt !== null) agent.createdAt = createdAt;
    agents[i] = agent;
  }
  return { saved: { items: agents, savedAt: f.savedAt } };
}

/** The folder of agent lists, one file per connection. */
export class AgentCache {
  /** Writes and deletes in flight per file, chained, so that two operations on one file never interleave. */
  private readonly pending = new Map<string, Promise<void>>();
  /** deleteAll() runs in flight. */
  private readonly clearing = new Set<Promise<void>>();

  constructor(readonly dir: string, private readonly log: Logger) {}

  /** The file of a connection (ids are ours, but are encoded anyway so that no id can name another path). */
  fileOf(connectionId: string): string {
    return path.join(this.dir, `agents-${encodeURIComponent(connectionId).replace(/\./g, '%2E')}.json`);
  }

  /** The saved agents of `connection`, or undefined (no file, another version or account, damaged: logged). */
  async read(connection: Connection, name = connection.label): Promise<CachedItems<Agent> | undefined> {
    const file = this.fileOf(connection.id);
    let text: string;
    try {
      const stat = await fs.stat(file);
      if (stat.size > MAX_FILE_BYTES) {
        this.log.warn(`Ignoring the cached agents of ${JSON.stringify(name)}: the file is ${Math.round(stat.size / 1048576)} MB.`);
        return undefined;
      }
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      if ((e as { code?: string }).code !== 'ENOENT') this.log.warn(`Could not read the cached agents of ${JSON.stringify(name)}:`, e);
      return undefined;
    }
    const decoded = decodeAgents(text, connection);
    if ('reason' in decoded) {
      this.log.warn(`Ignoring the cached agents of ${JSON.stringify(name)} (${decoded.reason}); the next complete load replaces them.`);
      return undefined;
    }
    this.log.debug(`Read ${decoded.saved.items.length} cached agents of ${JSON.stringify(name)}.`);
    return decoded.saved;
  }

  /** Saves `agents` atomically (temporary file, then rename). Never rejects: a failure is logged. */
  write(connection: Connection, agents: readonly Agent[], savedAt: number, name = connection.label): Promise<void> {
    const file = this.fileOf(connection.id);
    return this.chain(file, async () => {
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
      try {
        await fs.mkdir(this.dir, { recursive: true });
        await fs.writeFile(tmp, encodeAgents(connection, agents, savedAt), { encoding: 'utf8', mode: 0o600 });
        await fs.rename(tmp, file);
        this.log.debug(`Saved ${agents.length} agents of ${JSON.stringify(name)} for the next start.`);
      } catch (e) {
        this.log.warn(`Could not save the agents of ${JSON.stringify(name)} for the next start:`, e);
        await fs.rm(tmp, { force: true }).catch(() => undefined);
      }
    });
  }

  /** Runs `op` on `file` after the operations on it already started; never rejects. */
  private chain(file: string, op: () => Promise<void>): Promise<void> {
    const next = (this.pending.get(file) ?? Promise.resolve()).then(op).catch(() => undefined);
    this.pending.set(file, next);
    void next.finally(() => { if (this.pending.get(file) === next) this.pending.delete(file); });
    return next;
  }

  /** Resolves when every write and delete (of one file or all) started so far has landed (or failed). */
  async flush(): Promise<void> {
    while (this.pending.size || this.clearing.size) await Promise.all([...this.pending.values(), ...this.clearing]);
  }

  /** Resolves when every operation on one file started so far has landed. */
  private async flushFiles(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending.values()]);
  }

  /** Deletes a connection's file (after any operation on it in flight). Never rejects. */
  delete(connectionId: string): Promise<void> {
    return this.chain(this.fileOf(connectionId), () =>
      fs.rm(this.fileOf(connectionId), { force: true }).catch((e: unknown) => this.log.warn('Could not delete cached agents:', e)));
  }

  /**
   * Deletes every agent list in the folder (after operations in flight); returns how many files were deleted.
   * `flush()` waits for it too.
   */
  deleteAll(): Promise<number> {
    const run = this.flushFiles().then(() => this.removeAll());
    const landed = run.then(() => undefined, () => undefined);
    this.clearing.add(landed);
    void landed.finally(() => this.clearing.delete(landed));
    return run;
  }

  private async removeAll(): Promise<number> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch {
      return 0;
    }
    let n = 0;
    for (const f of names) {
      if (!/^agents-.*\.json(\..*\.tmp)?$/.test(f)) continue;
      try {
        await fs.rm(path.join(this.dir, f), { force: true });
        if (f.endsWith('.json')) n += 1;
      } catch (e) {
        this.log.warn('Could not delete cached agents:', e);
      }
    }
    return n;
  }

  /** The ListCache of one connection, for its PagedList. */
  forConnection(connection: () => Connection): ListCache<Agent> {
    return {
      read: () => this.read(connection()),
      write: (items, savedAt) => { void this.write(connection(), items, savedAt); },
    };
  }
}
