// The agent cache on disk: what a restart reads back, what it refuses to read, and what it never writes.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Agent, Connection } from '../../../src/api/model';
import { AgentCache, CACHE_FORMAT, CACHE_VERSION, decodeAgents, encodeAgents } from '../../../src/store';
import { recordingLogger } from '../webviews/helpers/fakes';

const CONNECTION: Connection = { id: 'c1', label: 'Acme "Support"', platform: 'helpcrunch', baseUrl: 'https://api.helpcrunch.com' };

function agent(i: number, extra: Partial<Agent> = {}): Agent {
  return {
    platform: 'helpcrunch', connectionId: 'c1', id: String(4000 + i), name: `Agent ${i} Ünïcödé 👩🏽‍💻`, email: `agent${i}@example.com`,
    role: i % 2 ? 'admin' : 'agent', status: i % 3 ? 'online' : 'offline', available: i % 2 === 0,
    departments: i % 4 ? [{ id: 'd1', name: 'Billing' }, { id: `d${i % 3 + 2}`, name: `Team ${i % 3}` }] : [],
    lastLoginAt: 1_700_000_000_000 + i, createdAt: i % 5 ? 1_600_000_000_000 : undefined,
    raw: { id: 4000 + i, secretish: 'raw-only' }, ...extra,
  };
}

/** An agent as it comes back from the cache: no raw object, and absent optional fields stay absent. */
function expected(a: Agent): Agent {
  const out: Agent = { ...a, raw: undefined };
  for (const k of Object.keys(out) as (keyof Agent)[]) if (out[k] === undefined && k !== 'raw') delete out[k];
  return out;
}

describe('store: the agent cache on disk', () => {
  let dir: string;
  let cache: AgentCache;
  let log: ReturnType<typeof recordingLogger>;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chatdesk-cache-'));
    log = recordingLogger();
    cache = new AgentCache(path.join(dir, 'agents'), log);
  });
  afterEach(async () => { await fs.rm(dir, { recursive: true, force: true }); });

  it('reads back exactly what it wrote (every normalised field, unicode, departments shared), without raw objects', async () => {
    const agents = Array.from({ length: 50 }, (_, i) => agent(i));
    agents.push(agent(99, { email: undefined, role: undefined, available: undefined, lastLoginAt: undefined, status: 'unknown' }));
    await cache.write(CONNECTION, agents, 1_764_000_000_000);
    const saved = await cache.read(CONNECTION);
    assert.ok(saved);
    assert.equal(saved.savedAt, 1_764_000_000_000);
    assert.deepEqual(saved.items, agents.map(expected));
    const text = await fs.readFile(cache.fileOf('c1'), 'utf8');
    assert.ok(!text.includes('raw-only'), 'raw objects are not written');
  });

  it('writes atomically: no temporary file left, and a reader never sees half a file', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => agent(i));
    const writes = [cache.write(CONNECTION, many, 1), cache.write(CONNECTION, many.slice(0, 10), 2), cache.write(CONNECTION, many, 3)];
    const reads: (number | undefined)[] = [];
    const reading = (async () => {
      for (let i = 0; i < 20; i++) reads.push((await cache.read(CONNECTION))?.items.length);
    })();
    await Promise.all([...writes, reading]);
    for (const n of reads) assert.ok(n === undefined || n === 5000 || n === 10, `a reader saw ${n} agents`);
    assert.equal((await cache.read(CONNECTION))?.savedAt, 3, 'writes of one file land in order');
    assert.deepEqual((await fs.readdir(path.join(dir, 'agents'))).filter((f) => f.endsWith('.tmp')), []);
  });

  it('holds no credential: only the connection\'s server and account ids, never a key or a token', async () => {
    const conn: Connection = { ...CONNECTION, platform: 'rocketchat', baseUrl: 'https://chat.example.com', userId: 'u1' };
    await cache.write(conn, [agent(1, { platform: 'rocketchat' })], 5);
    const file = JSON.parse(await fs.readFile(cache.fileOf('c1'), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(file).sort(), ['agents', 'connection', 'departments', 'format', 'savedAt', 'version']);
    assert.deepEqual(file.connection, { platform: 'rocketchat', baseUrl: 'https://chat.example.com', userId: 'u1' });
  });

  it('ignores (and logs) a missing, older, newer, foreign, corrupt or damaged file, never throwing', async () => {
    assert.equal(await cache.read(CONNECTION), undefined, 'missing');
    assert.equal(log.entries.length, 0, 'a missing file is normal, not worth a warning');
    const good = JSON.parse(encodeAgents(CONNECTION, [agent(1)], 1)) as Record<string, unknown>;
    const variants: [string, string][] = [
      ['older', JSON.stringify({ ...good, version: CACHE_VERSION - 1 })],
      ['newer', JSON.stringify({ ...good, version: CACHE_VERSION + 1 })],
      ['another format', JSON.stringify({ ...good, format: 'something-else' })],
      ['another server', encodeAgents({ ...CONNECTION, baseUrl: 'https://other.example.com' }, [agent(1)], 1)],
      ['another account', encodeAgents({ ...CONNECTION, platform: 'revechat', accountId: '42' }, [agent(1)], 1)],
      ['not JSON', '{"format":"chatdesk-agents",'],
      ['empty', ''],
      ['a bad status', JSON.stringify({ ...good, agents: [['1', 'A', null, null, 'dancing', null, [], null, null]] })],
      ['a row too short', JSON.stringify({ ...good, agents: [['1', 'A']] })],
      ['a department out of range', JSON.stringify({ ...good, agents: [['1', 'A', null, null, 'online', null, [7], null, null]] })],
      ['null', 'null'],
      ['a time no Date can hold', JSON.stringify({ ...good, savedAt: -1e300 })],
      ['a time past the end of dates', JSON.stringify({ ...good, savedAt: 1e300 })],
      ['a last login no Date can hold', JSON.stringify({ ...good, agents: [['1', 'A', null, null, 'online', null, [], 9e15, null]] })],
      ['an agent twice', JSON.stringify({ ...good, agents: [['1', 'A', null, null, 'online', null, [], null, null], ['1', 'B', null, null, 'online', null, [], null, null]] })],
    ];
    for (const [what, text] of variants) {
      await fs.mkdir(path.join(dir, 'agents'), { recursive: true });
      await fs.writeFile(cache.fileOf('c1'), text);
      log.entries.length = 0;
      assert.equal(await cache.read(CONNECTION), undefined, what);
      assert.ok(log.entries.some((e) => e.level === 'warn' && /Ignoring the cached agents/.test(e.message)), `${what}: not logged`);
    }
    assert.ok(decodeAgents(JSON.stringify({ ...good }), CONNECTION), 'the untouched file reads');
    assert.equal(CACHE_FORMAT, 'chatdesk-agents');
  });

  it('deletes one connection\'s file, or all of them, and only its own files', async () => {
    await cache.write(CONNECTION, [agent(1)], 1);
    await cache.write({ ...CONNECTION, id: 'c2' }, [agent(2)], 1);
    await fs.writeFile(path.join(dir, 'agents', 'unrelated.json'), '{}');
    await cache.delete('c1');
    assert.equal(await cache.read(CONNECTION), undefined);
    assert.ok(await cache.read({ ...CONNECTION, id: 'c2' }));
    assert.equal(await cache.deleteAll(), 1);
    assert.deepEqual(await fs.readdir(path.join(dir, 'agents')), ['unrelated.json']);
    assert.equal(await new AgentCache(path.join(dir, 'nowhere'), log).deleteAll(), 0);
  });

  it('keeps every connection id inside its folder', () => {
    for (const id of ['../../etc/passwd', '..', 'a/b', 'c:\\x', '.hidden']) {
      const file = cache.fileOf(id);
      assert.equal(path.dirname(file), path.join(dir, 'agents'), id);
      assert.ok(!path.basename(file).startsWith('.'), id);
    }
  });
});
