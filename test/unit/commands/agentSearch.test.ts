import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { Agent } from '../../../src/api/model';
import { AgentSearchIndex, MAX_RESULTS, MatchRank } from '../../../src/search/agentSearch';

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
});
