import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { parseArgs } from '../../../src/sandbox/cli';
import { get, helpcrunchAuth, reveBasic, reveKey, rocketAuth, vendorJson } from './helpers';

// The vendors' documents are served through Cloudflare, which turns every e-mail address in a page into this text
// (Rocket.Chat's page has a no-break space in it).
const OBFUSCATED = '[email protected]';
const OBFUSCATED_NBSP = '[email\u00a0protected]';
const PLAUSIBLE = /^[a-z0-9]+(?:[._-][a-z0-9]+)*@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;

interface Envelope<T> { body: T }
interface ReveAgent { agent_id: number; email: string; first_name: string }
interface HelpcrunchPage { data: { id: number; name: string; email: string }[] }
interface RocketPage { users: { _id: string; username: string; emails: { address: string }[] }[] }

/** Every agent e-mail each platform's list endpoints serve, page by page. */
async function everyAgentEmail(sb: Sandbox): Promise<Record<string, string[]>> {
  const reve: string[] = [];
  for (let page = 1; ; page++) {
    const body = ((await get(`${sb.baseUrls.revechat}/api/agents/${sb.credentials.revechat.accountId}?page_no=${page}`, reveKey(sb))).json() as Envelope<ReveAgent[]>).body;
    if (body.length === 0) break;
    reve.push(...body.map((a) => a.email));
  }
  const legacy = ((await get(`${sb.baseUrls.revechat}/api/agents/`, reveBasic(sb))).json() as { email: string }[]).map((a) => a.email);
  const rocket = ((await get(`${sb.baseUrls.rocketchat}/api/v1/livechat/users/agent?count=0`, rocketAuth(sb))).json() as RocketPage)
    .users.flatMap((u) => u.emails.map((e) => e.address));
  const helpcrunch = ((await get(`${sb.baseUrls.helpcrunch}/v1/agents?limit=100`, helpcrunchAuth(sb))).json() as HelpcrunchPage).data.map((a) => a.email);
  return { reve, legacy, rocket, helpcrunch };
}

describe('sandbox: e-mail addresses of the vendors\' example agents', () => {
  describe('by default (the demo, Try Demo, npm run sandbox)', () => {
    let sb: Sandbox;
    before(async () => { sb = await startSandbox({ agents: 40, rateLimits: { rocketchatCallsPerRoute: 0 } }); });
    after(() => sb.stop());

    it('gives every agent on every platform a plausible address, never the documents\' "[email protected]"', async () => {
      for (const [list, emails] of Object.entries(await everyAgentEmail(sb))) {
        assert.ok(emails.length >= 4, `${list}: ${emails.length} agents`);
        for (const e of emails) assert.match(e, PLAUSIBLE, `${list}: ${JSON.stringify(e)}`);
      }
    });

    it('derives them from the example agents\' names, one address per agent', async () => {
      const page = ((await get(`${sb.baseUrls.revechat}/api/agents/${sb.credentials.revechat.accountId}`, reveKey(sb))).json() as Envelope<ReveAgent[]>).body;
      const asif = page.find((a) => a.agent_id === 77273);
      assert.equal(asif?.email, 'asif.tuhin.design@example.com');
      const hc = ((await get(`${sb.baseUrls.helpcrunch}/v1/agents?limit=4`, helpcrunchAuth(sb))).json() as HelpcrunchPage).data;
      assert.deepEqual(hc.map((a) => a.email), ['alex@example.com', 'nick.grachesku@example.com', 'lisa@example.com', 'les@example.com']);
      const { reve, helpcrunch } = await everyAgentEmail(sb);
      for (const list of [reve, helpcrunch]) assert.equal(new Set(list).size, list.length, 'duplicate addresses');
    });

    it('keeps every other field of the examples as the documents show them', async () => {
      const seed = vendorJson('helpcrunch/agents.200.json') as HelpcrunchPage;
      const hc = ((await get(`${sb.baseUrls.helpcrunch}/v1/agents?limit=4`, helpcrunchAuth(sb))).json() as HelpcrunchPage).data;
      assert.deepEqual(hc.map(({ email: _e, ...rest }) => rest), seed.data.map(({ email: _e, ...rest }) => rest));
    });
  });

  describe("seedEmails: 'verbatim' (the tests that compare with the vendors' documents)", () => {
    let sb: Sandbox;
    before(async () => { sb = await startSandbox({ agents: 40, seedEmails: 'verbatim', rateLimits: { rocketchatCallsPerRoute: 0 } }); });
    after(() => sb.stop());

    it('serves the examples\' addresses exactly as the documents print them', async () => {
      const { reve, rocket, helpcrunch } = await everyAgentEmail(sb);
      assert.equal(reve.filter((e) => e === OBFUSCATED).length, 22);
      assert.ok(rocket.includes(OBFUSCATED_NBSP), rocket.slice(0, 5).join());
      assert.deepEqual(helpcrunch.slice(0, 4), [OBFUSCATED, OBFUSCATED, OBFUSCATED, OBFUSCATED]);
    });

    it('is what `npm run sandbox -- --seed-emails verbatim` asks for', () => {
      assert.deepEqual(parseArgs(['--seed-emails', 'verbatim']), { seedEmails: 'verbatim' });
      assert.deepEqual(parseArgs(['--seed-emails', 'plausible']), { seedEmails: 'plausible' });
      assert.throws(() => parseArgs(['--seed-emails', 'obfuscated']), /--seed-emails/);
    });
  });
});
