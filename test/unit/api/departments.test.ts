// Department names for platforms whose agent list lacks them: Rocket.Chat (IDs only; names from
// livechat/department) and HelpCrunch (none; membership from /v1/departments). A server that refuses the
// directory leaves the agents as the list gave them, and the listing itself still succeeds.
import * as assert from 'node:assert/strict';
import type { FetchLike } from '../../../src/api/index';
import type { Sandbox } from '../../../src/sandbox/types';
import { FAST, allAgents, helpcrunch, rocket, sandbox } from './support';

/** A fetch that answers 404 for one path and passes everything else to the real sandbox. */
function refusing(pathPart: string): FetchLike {
  return async (url, init) => {
    if (url.includes(pathPart)) {
      return { status: 404, headers: { get: () => 'application/json' }, text: async () => '{"success":false,"error":"Resource not found"}' };
    }
    const res = await fetch(url, init as RequestInit);
    return { status: res.status, headers: res.headers, text: () => res.text() };
  };
}

describe('api: department names', function () {
  this.timeout(20_000);
  let sb: Sandbox;
  before(async () => { sb = await sandbox({ agents: 300 }); });
  after(() => sb.stop());

  it('Rocket.Chat: department IDs become the names livechat/department gives', async () => {
    const res = await fetch(`${sb.baseUrls.rocketchat}/api/v1/livechat/department?count=100`, {
      headers: { 'X-Auth-Token': sb.credentials.rocketchat.authToken, 'X-User-Id': sb.credentials.rocketchat.userId },
    });
    const names = new Map(((await res.json()) as { departments: { _id: string; name: string }[] }).departments.map((d) => [d._id, d.name]));
    const agents = await allAgents(rocket(sb));
    const withDepartments = agents.filter((a) => a.departments.length > 0);
    assert.ok(withDepartments.length > 100, `${withDepartments.length} agents with departments`);
    for (const a of withDepartments) {
      for (const d of a.departments) assert.equal(d.name, names.get(d.id) ?? d.id, `${a.id}: ${d.id}`);
    }
    assert.ok(withDepartments.some((a) => a.departments.some((d) => d.name !== d.id)), 'at least some names resolved');
  });

  it('HelpCrunch: agents get the departments that list them', async () => {
    const res = await fetch(`${sb.baseUrls.helpcrunch}/v1/departments?limit=100`, { headers: { Authorization: `Bearer ${sb.credentials.helpcrunch.apiKey}` } });
    const departments = ((await res.json()) as { data: { id: number; name: string; agents: { id: number }[] }[] }).data;
    const expected = new Map<string, string[]>();
    for (const d of departments) for (const a of d.agents) expected.set(String(a.id), [...(expected.get(String(a.id)) ?? []), d.name]);
    assert.ok(expected.size > 0, 'the sandbox has departments with members');
    const agents = await allAgents(helpcrunch(sb));
    for (const a of agents) {
      assert.deepEqual(a.departments.map((d) => d.name).sort(), (expected.get(a.id) ?? []).sort(), a.id);
    }
  });

  it('a server that refuses the directory still lists every agent, with departments as the list gave them', async () => {
    const rc = await allAgents(rocket(sb, { ...FAST, fetch: refusing('/livechat/department') }));
    assert.equal(rc.length, 300);
    assert.ok(rc.some((a) => a.departments.length > 0 && a.departments.every((d) => d.name === d.id)));
    const hc = await allAgents(helpcrunch(sb, { ...FAST, fetch: refusing('/v1/departments') }));
    assert.equal(hc.length, 300);
    assert.ok(hc.every((a) => a.departments.length === 0));
  });
});
