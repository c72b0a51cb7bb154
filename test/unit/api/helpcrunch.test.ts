// HelpCrunch through the real sandbox: paging by offset with a total that may be missing or wrong, agent by
// scanning the list, errors. Wrong totals are made by a fetch that rewrites the sandbox's replies on the way
// (the client's own code runs unchanged).

import * as assert from 'node:assert/strict';
import type { FetchLike } from '../../../src/api/index';
import type { Sandbox } from '../../../src/sandbox/types';
import { assertApiError, allAgents, collect, FAST, helpcrunch, rejection, sandbox } from './support';


/** A fetch that passes requests to the sandbox and rewrites `meta` in its JSON replies. */
function rewritingMeta(rewrite: (meta: { total: number }) => unknown): FetchLike {
  return async (url, init) => {
    const { default: nodeFetch } = await import('node-fetch');
    const res = await (nodeFetch as unknown as FetchLike)(url, init);
    const text = await res.text();
    let out = text;
    try {
      const body = JSON.parse(text) as { meta?: { total: number } };
      if (body.meta) {
        const meta = rewrite(body.meta);
        if (meta === undefined) delete body.meta;
        else body.meta = meta as { total: number };
        out = JSON.stringify(body);
      }
    } catch {
      // not JSON: pass through
    }
    return { status: res.status, headers: res.headers, text: async () => out };
  };
}

describe('api: HelpCrunch', function () {
  this.timeout(20_000);
  let sb: Sandbox;
  before(async () => {
    sb = await sandbox({ agents: 250 });
  });
  after(() => sb.stop());

  it('lists every agent: page 1, then the rest by the total, no request past the end', async () => {
    sb.resetStats();
    const { items, pages } = await collect(helpcrunch(sb).agents());
    assert.equal(items.length, 250);
    assert.equal(pages, 3);
    assert.equal(new Set(items.map((a) => a.id)).size, 250);
    assert.equal(sb.stats().requests.helpcrunch, 3 + 1); // + /v1/departments, for the department names
    const nick = items.find((a) => a.id === '4761')!;
    assert.equal(nick.name, 'Nick Grachesku');
    assert.equal(nick.role, 'agent');
    assert.equal(nick.status, 'unknown');
    assert.ok(Array.isArray(nick.departments));
    assert.equal(items.find((a) => a.id === '6679')!.role, 'superviser');
  });

  it('stops at an exact multiple of the page size without an extra request', async () => {
    const sb2 = await sandbox({ agents: 200 });
    try {
      const { items, pages } = await collect(helpcrunch(sb2).agents());
      assert.equal(items.length, 200);
      assert.equal(pages, 2);
      assert.equal(sb2.stats().requests.helpcrunch, 2 + 1); // + /v1/departments
    } finally {
      await sb2.stop();
    }
  });

  it('the seed\'s wrong total (5 for 4 agents): one short page ends the list', async () => {
    const sb2 = await sandbox({ agents: 4 });
    try {
      const client = helpcrunch(sb2, { ...FAST, fetch: rewritingMeta(() => ({ total: 5 })) });
      const { items, pages } = await collect(client.agents());
      assert.deepEqual(items.map((a) => a.id), ['2533', '4761', '6694', '6679']);
      assert.equal(pages, 1);
      // + the second read of the page that confirms the total's extra one (see HelpCrunchClient.agents), + departments
      assert.equal(sb2.stats().requests.helpcrunch, 2 + 1);
    } finally {
      await sb2.stop();
    }
  });

  it('a total too high, too low or missing still gives every agent exactly once', async () => {
    const cases: [string, (m: { total: number }) => unknown][] = [
      ['too high', () => ({ total: 100_000 })],
      ['too low', () => ({ total: 120 })],
      ['missing', () => undefined],
      ['a string', (m) => ({ total: String(m.total) })],
    ];
    const concurrency = 4;
    for (const [label, rewrite] of cases) {
      // a sandbox of its own per case: requests the last case aborted cannot arrive in this one's count
      const own = await sandbox({ agents: 250 });
      try {
        const items = (await collect(helpcrunch(own, { ...FAST, concurrency, fetch: rewritingMeta(rewrite) }).agents())).items;
        assert.equal(items.length, 250, label);
        assert.equal(new Set(items.map((a) => a.id)).size, 250, label);
        // 3 pages, at most concurrency - 1 asked for past the end on a total too high, and /v1/departments
        assert.ok(own.stats().requests.helpcrunch <= 3 + (concurrency - 1) + 1, `${label}: ${own.stats().requests.helpcrunch} requests`);
      } finally {
        await own.stop();
      }
    }
  });

  it('finds one agent by scanning the list, and stops once found', async () => {
    const all = await allAgents(helpcrunch(sb));
    sb.resetStats();
    const first = await helpcrunch(sb, { ...FAST, concurrency: 1 }).agent(all[10].id);
    assert.equal(first.name, all[10].name);
    assert.equal(sb.stats().requests.helpcrunch, 1 + 1); // + /v1/departments
    const last = await helpcrunch(sb).agent(all[249].id);
    assert.equal(last.id, all[249].id);
    assertApiError(await rejection(helpcrunch(sb).agent('99999999')), 'not-found');
  });

  it('maps the 401 body (the specific "Unauthorized", not "Invalid request"), as a sentence', async () => {
    const e = assertApiError(await rejection(helpcrunch(sb, FAST, {}, { apiKey: 'not-the-key-at-all' }).verify()), 'auth', 'The server did not accept the credentials (Unauthorized).');
    assert.equal(e.status, 401);
    assert.equal(e.code, 'unauthorized');
  });

  it('verifies with a one-agent request', async () => {
    sb.resetStats();
    await helpcrunch(sb).verify();
    assert.equal(sb.stats().requests.helpcrunch, 1);
  });

  it('has neither offline messages nor availability', async () => {
    const c = helpcrunch(sb);
    assert.deepEqual(c.capabilities, { offlineMessages: false, availableAgents: false });
    assertApiError(await rejection(c.availableAgents()), 'unsupported');
    assertApiError(await rejection(collect(c.offlineMessages())), 'unsupported');
    assertApiError(await rejection(c.offlineMessage('1')), 'unsupported');
  });
});
