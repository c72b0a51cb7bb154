// Issue 9 item 7: tree item ids are unique whatever the data. A property test over generated agents (the same agent
// twice, a department listed twice, empty ids, "/", "%", lone surrogates, control characters) for the flat, the
// grouped and the filtered tree, built from the pure presentation functions the tree nodes call.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Agent, AgentStatus } from '../../../src/api/model';
import { agentNodeId } from '../../../src/views/presentation/agent';
import {
  departmentNodeId, departmentScope, filterAgents, groupByDepartment, normaliseFilterText, type AgentFilter,
} from '../../../src/views/presentation/filter';

const CONNECTION = 'c1';

/** Ids as real data has them, and as it should not: empty, separators, percent signs, lone surrogates. */
const oddId = fc.oneof(
  fc.constantFrom('', 'a', 'A', 'a/b', 'a%2Fb', '%', '/', 'department/x', 'agent', '\ud800', '\udc00x', 'x\u0000y', '..'),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);

const department = fc.record({ id: oddId, name: fc.oneof(fc.constant(''), fc.string({ maxLength: 8 })) });

const agent: fc.Arbitrary<Agent> = fc.record({
  id: oddId,
  name: fc.string({ maxLength: 8 }),
  status: fc.constantFrom<AgentStatus>('online', 'away', 'busy', 'offline', 'unknown'),
  departments: fc.array(department, { maxLength: 4 }).chain((ds) =>
    // sometimes the same department twice, as a real Rocket.Chat account sent it
    fc.boolean().map((twice) => (twice && ds.length ? [...ds, ds[0]] : ds))),
}).map((a) => ({ ...a, platform: 'rocketchat' as const, connectionId: CONNECTION, raw: a }));

/** A list in which agents may repeat (the same object, or another object with the same id). */
const agents = fc.array(agent, { maxLength: 25 }).chain((list) =>
  fc.array(fc.nat({ max: Math.max(0, list.length - 1) }), { maxLength: list.length ? 10 : 0 })
    .map((repeats) => [...list, ...repeats.map((i) => ({ ...list[i] }))]));

const filter: fc.Arbitrary<AgentFilter> = fc.record({
  text: fc.oneof(fc.constant(''), fc.string({ maxLength: 3 }).map(normaliseFilterText)),
  onlineOnly: fc.boolean(),
});

/** Every item id of one connection's branch, as the Agents view builds it (flat or grouped). */
function treeIds(list: readonly Agent[], f: AgentFilter, grouped: boolean): string[] {
  const shown = filterAgents(list, f);
  if (!grouped) return shown.map((a) => agentNodeId(a));
  const ids: string[] = [];
  for (const g of groupByDepartment(shown, 'No department')) {
    ids.push(departmentNodeId(CONNECTION, g));
    for (const a of g.agents) ids.push(agentNodeId(a, departmentScope(g)));
  }
  return ids;
}

function assertUnique(ids: string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    assert.ok(!seen.has(id), `duplicate tree item id ${JSON.stringify(id)}`);
    seen.add(id);
  }
}

describe('tree item ids (property)', () => {
  it('are unique in the flat, grouped and filtered trees, whatever the agents', () => {
    fc.assert(fc.property(agents, filter, fc.boolean(), (list, f, grouped) => {
      assertUnique(treeIds(list, f, grouped));
    }), { numRuns: 500 });
  });

  it('lose no agent: every distinct agent that matches is shown (in each of its departments when grouped)', () => {
    fc.assert(fc.property(agents, filter, (list, f) => {
      const distinct = new Set(list.filter((a) => filterAgents([a], f).length).map((a) => a.id));
      assert.deepEqual(new Set(filterAgents(list, f).map((a) => a.id)), distinct);
      const grouped = new Set(groupByDepartment(filterAgents(list, f), 'none').flatMap((g) => g.agents.map((a) => a.id)));
      assert.deepEqual(grouped, distinct);
    }), { numRuns: 300 });
  });

  it('the issue\'s input: an agent with departments ["depA","depA"] appears once in depA', () => {
    const a: Agent = {
      platform: 'rocketchat', connectionId: CONNECTION, id: 'u1', name: 'Ana', status: 'online',
      departments: [{ id: 'depA', name: 'A' }, { id: 'depA', name: 'A' }], raw: {},
    };
    const ids = treeIds([a], { text: '', onlineOnly: false }, true);
    assert.deepEqual(ids, [`${CONNECTION}/department/depA`, `${CONNECTION}/department/depA/agent/u1`]);
  });
});
