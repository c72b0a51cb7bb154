import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { Agent } from '../../../src/api/model';
import { AgentSearchIndex, MAX_RESULTS, MatchRank, type SearchResult } from '../../../src/search/agentSearch';
import { AgentSearchCache } from '../../../src/search/agentSearchCache';
import { mulberry32, type Random } from '../../../src/sandbox/prng';

function agent(id: string, name: string, email?: string): Agent {
  return { platform: 'helpcrunch', connectionId: 'c', id, name, email, status: 'unknown', departments: [], raw: {} };
}

const AGENTS = [
  agent('4761', 'Zoe Adams', 'zoe@example.com'),
  agent('12', 'Adam Smith', 'asmith@example.com'),
  agent('476', 'Maria Lopez', 'maria@adamant.io'),
  agent('9', 'Lee Adamson', 'lee@example.com'),
  agent('100', 'Bob', 'bob@example.com'),
];

describe('agent search (Find Agent…)', () => {
  const index = new AgentSearchIndex(AGENTS);

  it('matches name, e-mail or ID, case-insensitively', () => {
    assert.deepEqual(index.search('BOB').map((r) => r.agent.id), ['100']);
    assert.deepEqual(index.search('maria@').map((r) => r.agent.id), ['476']);
    assert.deepEqual(index.search('4761').map((r) => r.agent.id), ['4761']);
    assert.deepEqual(index.search('nobody'), []);
  });

  it('ranks an exact ID first, then prefixes of name, e-mail and ID, then word prefixes, then substrings', () => {
    const r = index.search('476');
    assert.deepEqual(r.map((x) => [x.agent.id, x.rank]), [['476', MatchRank.ExactId], ['4761', MatchRank.IdPrefix]]);
    const adam = index.search('adam');
    assert.deepEqual(adam.map((x) => x.agent.name), ['Adam Smith', 'Lee Adamson', 'Zoe Adams', 'Maria Lopez']);
    assert.deepEqual(adam.map((x) => x.rank), [MatchRank.NamePrefix, MatchRank.NameWordPrefix, MatchRank.NameWordPrefix, MatchRank.Substring]);
  });

  it('every word of a multi-word query must match', () => {
    assert.deepEqual(index.search('adam example').map((r) => r.agent.id).sort(), ['12', '4761', '9']);
    assert.deepEqual(index.search('adam io').map((r) => r.agent.id), ['476']);
  });

  it('returns at most 200 results, best ranks kept, over 50,000 agents', () => {
    const many: Agent[] = [];
    for (let i = 0; i < 50_000; i++) many.push(agent(String(i), `Agent ${i} Person`, `agent${i}@example.com`));
    many.push(agent('x1', 'Zed 12345', 'zed@example.com'));
    const big = new AgentSearchIndex(many);
    const r = big.search('12345');
    assert.equal(r[0].agent.id, '12345');
    assert.ok(r.length <= MAX_RESULTS);
    assert.ok(r.some((x) => x.agent.id === 'x1'));
    assert.equal(big.search('agent').length, MAX_RESULTS);
    assert.equal(big.search('').length, MAX_RESULTS);
  });
  it('typing on, deleting and retyping give the same results as a fresh search', () => {
    const many = Array.from({ length: 3000 }, (_, i) => agent(String(i), `Agent ${i % 7 === 0 ? 'Nick' : 'Ada'} ${i}`, `a${i}@example.com`));
    const typing = new AgentSearchIndex(many);
    const ids = (q: string, ix: AgentSearchIndex) => ix.search(q).map((r) => r.agent.id);
    for (const q of ['n', 'ni', 'nic', 'nick', 'nick ', 'nick 7', 'nick', 'ni', 'a', 'ad', 'x', 'ada 1', '1', '12']) {
      assert.deepEqual(ids(q, typing), ids(q, new AgentSearchIndex(many)), `query ${JSON.stringify(q)}`);
    }
  });

  it('gives exactly what ranking every agent and sorting would, for any query and typing order', () => {
    // The index answers from prefix buckets and one text scan; this is the rule it must keep, done the slow way.
    const rnd = mulberry32(20261123);
    const agents = randomAgents(rnd, 3000);
    const index = new AgentSearchIndex(agents);
    const queries = randomQueries(rnd, agents, 400);
    for (const q of queries) {
      assert.deepEqual(summary(index.search(q)), summary(reference(agents, q)), `query ${JSON.stringify(q)}`);
    }
  });

  it('keeps the rule with a small limit, many equal names and IDs shared by several agents', () => {
    const rnd = mulberry32(7);
    const agents = randomAgents(rnd, 600).map((a, i) => ({ ...a, name: i % 3 ? a.name : 'Same Name', id: i % 5 ? a.id : '42' }));
    const index = new AgentSearchIndex(agents);
    for (const q of ['42', 'same', 'same name', 'name', 'n', '4', ...randomQueries(rnd, agents, 100)]) {
      for (const limit of [1, 3, 50]) {
        assert.deepEqual(summary(index.search(q, limit)), summary(reference(agents, q, limit)), `query ${JSON.stringify(q)}, limit ${limit}`);
      }
    }
  });

  it('searchAll (the language model tools) gives every match in the same order, past the cap of 200', () => {
    const rnd = mulberry32(13);
    const agents = randomAgents(rnd, 3000);
    const index = new AgentSearchIndex(agents);
    for (const q of ['', 'a', 'ann', 'ann smith', '4', ...randomQueries(rnd, agents, 100)]) {
      const all = index.searchAll(q);
      assert.deepEqual(summary(all), summary(reference(agents, q, Infinity)), `query ${JSON.stringify(q)}`);
      assert.deepEqual(summary(all.slice(0, MAX_RESULTS)), summary(index.search(q)), `query ${JSON.stringify(q)}: search and searchAll differ`);
    }
    assert.ok(index.searchAll('a').length > MAX_RESULTS);
  });
});

describe('agent search cache', () => {
  it('reuses the index while no list changed, and rebuilds when one grew or was replaced', () => {
    const cache = new AgentSearchCache();
    const a = [agent('1', 'Ann')];
    const b = [agent('2', 'Bob')];
    const first = cache.index([a, b]);
    assert.equal(cache.index([a, b]), first);
    a.push(agent('3', 'Cleo'));
    const grown = cache.index([a, b]);
    assert.notEqual(grown, first);
    assert.deepEqual(grown.search('cleo').map((r) => r.agent.id), ['3']);
    const replaced = cache.index([a, [agent('4', 'Dan')]]);
    assert.deepEqual(replaced.search('bob'), []);
    assert.equal(cache.index([a]).size, 2, 'a removed connection');
    cache.clear();
    assert.notEqual(cache.index([a]), cache.index([a, b]));
  });
});

const summary = (results: readonly SearchResult[]) => results.map((r) => `${r.rank}:${r.agent.id}:${r.agent.name}`);

/** Ranks every agent one by one, then sorts: the behaviour Find Agent… promises, written the slow way. */
function reference(agents: readonly Agent[], query: string, limit = MAX_RESULTS): SearchResult[] {
  const q = query.trim().toLowerCase();
  const byName = agents.map((a) => ({ a, name: (a.name ?? '').toLowerCase(), email: (a.email ?? '').toLowerCase(), id: a.id.toLowerCase() }))
    .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  if (!q) return byName.slice(0, limit).map((e) => ({ agent: e.a, rank: MatchRank.Substring }));
  const words = q.split(/\s+/);
  const ranked: SearchResult[] = [];
  for (const e of byName) {
    const all = `${e.name}\u0001${e.email}\u0001${e.id}`;
    if (!words.every((w) => all.includes(w))) continue;
    let rank: MatchRank;
    if (words.length > 1) rank = e.name.startsWith(words[0]) ? MatchRank.NamePrefix : MatchRank.Substring;
    else if (e.id === q) rank = MatchRank.ExactId;
    else if (e.name.startsWith(q)) rank = MatchRank.NamePrefix;
    else if (e.email.startsWith(q)) rank = MatchRank.EmailPrefix;
    else if (e.id.startsWith(q)) rank = MatchRank.IdPrefix;
    else if (e.name.includes(` ${q}`)) rank = MatchRank.NameWordPrefix;
    else rank = MatchRank.Substring;
    ranked.push({ agent: e.a, rank });
  }
  return ranked.sort((x, y) => x.rank - y.rank).slice(0, limit);
}

const FIRST = ['Ann', 'Anna', 'Annabel', 'Bob', 'Chloé', 'Åsa', 'Rahul', 'Nick', 'Nicole', 'Zoë', '李', 'محمد', 'Ölaf', 'Ann-Marie', 'O\'Neil', ''];
const LAST = ['Adams', 'Adamson', 'Smith', 'Lee', 'Nguyễn', 'Müller', 'van der Berg', 'De La Cruz', '🎧 Support', 'Ann', '2nd', ''];

function pick<T>(rnd: Random, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)];
}

function randomAgents(rnd: Random, n: number): Agent[] {
  const out: Agent[] = [];
  for (let i = 0; i < n; i++) {
    const name = [pick(rnd, FIRST), rnd() < 0.2 ? pick(rnd, LAST) : '', pick(rnd, LAST)].filter(Boolean).join(rnd() < 0.1 ? '  ' : ' ');
    const id = rnd() < 0.7 ? String(Math.floor(rnd() * 100_000)) : `ag_${Math.floor(rnd() * 1e6).toString(36)}`;
    const email = rnd() < 0.15 ? undefined : `${name.split(' ')[0].toLowerCase() || 'x'}.${id}@${pick(rnd, ['example.com', 'mail.example', 'acme.io'])}`;
    out.push(agent(id, rnd() < 0.5 ? name : name.toUpperCase(), email));
  }
  return out;
}

/** What people type: prefixes and pieces of names, e-mails and IDs, several words, and nonsense. */
function randomQueries(rnd: Random, agents: readonly Agent[], n: number): string[] {
  const out: string[] = [];
  while (out.length < n) {
    const a = pick(rnd, agents);
    const field = pick(rnd, [a.name, a.email ?? '', a.id, `${a.name} ${a.email ?? ''}`]);
    const start = rnd() < 0.5 ? 0 : Math.floor(rnd() * field.length);
    const piece = field.slice(start, start + 1 + Math.floor(rnd() * 8));
    const q = rnd() < 0.1 ? pick(rnd, ['zzz', 'q', '@', '.', '-', ' ', '\u0001', '\u0002', 'ann  adams', ' nick ']) : piece;
    // type it one character at a time: narrowing must not change the answer
    for (let i = 1; i <= q.length; i++) out.push(q.slice(0, i));
    if (rnd() < 0.3) out.push(q.slice(0, Math.max(1, q.length - 2)));
  }
  return out;
}

// Find Agent… shows at most MAX_RESULTS: the picker's title says how many more matched (count), so count must agree
// with every match the search would give without its cap.
describe('agent search: how many matched beyond the cap', () => {
  it('counts every match, as searchAll finds them, also while narrowing', () => {
    const many: Agent[] = [];
    for (let i = 0; i < 20_000; i++) many.push(agent(String(i), `Agent ${i} ${i % 7 === 0 ? 'Adams' : 'Lopez'}`, `agent${i}@example.com`));
    const big = new AgentSearchIndex(many);
    for (const q of ['', 'a', 'ag', 'agent 1', 'agent 1 adams', 'adams', '12', '123', 'example.com 9', 'zzz', '  Agent  ']) {
      assert.equal(big.count(q), big.searchAll(q).length, JSON.stringify(q));
      assert.equal(big.search(q).length, Math.min(MAX_RESULTS, big.count(q)), JSON.stringify(q));
    }
    assert.equal(big.count('adams'), Math.ceil(20_000 / 7));
  });
});
