// HelpCrunch's total may count more than its list (its own documented example says 5 for 4 agents). A list that
// ended on its own and reads the same twice is complete; a list that moved while paging, or a large gap, is not.

import * as assert from 'node:assert/strict';
import type { ListingEnd } from '../../../src/api/model';
import type { Sandbox, SandboxOptions } from '../../../src/sandbox/types';
import { collect, helpcrunch, sandbox } from './support';

async function withSandbox<T>(options: SandboxOptions, run: (sb: Sandbox) => Promise<T>): Promise<T> {
  const sb = await sandbox({ rateLimits: { helpcrunchPerMinute: 0 }, ...options });
  try {
    return await run(sb);
  } finally {
    await sb.stop();
  }
}

async function listing(sb: Sandbox): Promise<{ ids: string[]; end: ListingEnd | undefined }> {
  let end: ListingEnd | undefined;
  const { items } = await collect(helpcrunch(sb).agents({ onEnd: (e) => { end = e; } }));
  return { ids: items.map((a) => a.id), end };
}

describe('HelpCrunch: a total that counts more than the list', function () {
  this.timeout(20_000);

  for (const [agents, extra] of [[4, 1], [150, 1], [200, 1], [250, 2]] as const) {
    it(`${agents} agents, meta.total ${agents + extra} (the documented example's kind): complete, cached as whole`, () =>
      withSandbox({ agents, helpcrunchTotalExtra: extra }, async (sb) => {
        const { ids, end } = await listing(sb);
        assert.equal(new Set(ids).size, agents);
        assert.deepEqual(end, { received: agents, reportedTotal: agents + extra });
      }));
  }

  it('a gap larger than the slack (4 agents, total 9) is still short of the total', () =>
    withSandbox({ agents: 4, helpcrunchTotalExtra: 5 }, async (sb) => {
      const { end } = await listing(sb);
      assert.deepEqual(end, { received: 4, reportedTotal: 9, incomplete: { reason: 'short-of-total', expected: 9 } });
    }));

  it('a list that moved while paging (an agent left after page 1; one agent never arrives) is still short of the total', () =>
    withSandbox({ agents: 250, helpcrunchAgentLeaves: true }, async (sb) => {
      const { ids, end } = await listing(sb);
      assert.equal(ids.length, 249);
      assert.equal(end?.incomplete?.reason, 'short-of-total');
    }));
});
