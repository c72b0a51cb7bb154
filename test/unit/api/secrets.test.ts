// No credential ever leaves the client: not in an error's message, stack, code or cause, not in a log line,
// whatever fails. Runs every failure mode against the sandbox, and against a hostile server that echoes
// the credentials it receives back in its error bodies. Waits before retries are on a fake clock (fakeClock.ts);
// time-outs are real, against real latency.

import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, type ClientOptions, type Credentials, type PlatformClient } from '../../../src/api/index';
import type { FaultOptions, Sandbox } from '../../../src/sandbox/types';
import { redact } from '../../../src/util/redact';
import { FakeClock } from './fakeClock';
import { CapturingLogger, collect, errorText, helpcrunch, rejection, reve, rocket, sandbox } from './support';

function secretsOf(creds: Credentials, username?: string): string[] {
  const out = [creds.apiKey, creds.authToken, creds.password].filter((s): s is string => !!s);
  if (username && creds.password) out.push(Buffer.from(`${username}:${creds.password}`).toString('base64'));
  return out;
}

function assertClean(text: string, secrets: string[], where: string): void {
  for (const s of secrets) assert.ok(!text.includes(s), `${where} contains a credential:\n${text.slice(0, 2000)}`);
}

async function exercise(client: PlatformClient): Promise<unknown[]> {
  const calls: (() => Promise<unknown>)[] = [
    () => client.verify(),
    () => collect(client.agents()),
    () => client.agent('81830'),
    () => client.availableAgents(),
    () => collect(client.offlineMessages()),
    () => client.offlineMessage('744'),
  ];
  // every call at once: a time-out is waited for once, not once per call
  const settled = await Promise.allSettled(calls.map((call) => call()));
  return settled.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
}

describe('api: credentials never leak', function () {
  this.timeout(30_000);
  let sb: Sandbox;
  before(async () => {
    sb = await sandbox({ agents: 60, rateLimits: { helpcrunchPerMinute: 0, rocketchatCallsPerRoute: 0 } });
  });
  after(() => sb.stop());

  const faults: [string, FaultOptions][] = [
    ['wrong credentials', {}],
    ['5xx', { errorRate: 1 }],
    ['HTML pages', { htmlErrorRate: 1 }],
    ['malformed bodies', { malformedRate: 1 }],
    ['cut bodies', { truncateRate: 1 }],
    ['dropped connections', { dropRate: 1 }],
    ['time-outs', { latencyMs: 400 }],
    ['429 storms', { storm429Rate: 1 }],
  ];

  for (const [label, fault] of faults) {
    it(`with ${label}: errors and logs of every platform are clean`, async () => {
      const reset: FaultOptions = { errorRate: 0, htmlErrorRate: 0, malformedRate: 0, truncateRate: 0, dropRate: 0, latencyMs: 0, storm429Rate: 0 };
      sb.setFaults({ ...reset, ...fault });
      const logger = new CapturingLogger();
      const options: ClientOptions = {
        timeoutMs: 150, maxRetries: 1, maxRetryWaitMs: 50, logger, rateLimit: { perWindow: 10_000, windowMs: 60_000 }, clock: new FakeClock(),
      };
      const wrong = label === 'wrong credentials';
      const reveCreds: Credentials = wrong
        ? { apiKey: 'eyJhbGciOiJIUzI1NiJ9.eyJhY2NvdW50SWQiOiI4NjgzMDM0In0.Wrong-Signature-123', password: 'wrong-Passw0rd!' }
        : { apiKey: sb.credentials.revechat.apiKey, password: sb.credentials.revechat.password };
      const rcCreds: Credentials = { authToken: wrong ? 'WrongToken-abcdefghijklmnop' : sb.credentials.rocketchat.authToken };
      const hcCreds: Credentials = { apiKey: wrong ? 'wrong-helpcrunch-key-0123456789' : sb.credentials.helpcrunch.apiKey };
      const clients = [reve(sb, options, {}, reveCreds), rocket(sb, options, {}, rcCreds), helpcrunch(sb, options, {}, hcCreds)];
      const secrets = [...secretsOf(reveCreds, sb.credentials.revechat.username), ...secretsOf(rcCreds), ...secretsOf(hcCreds)];
      const errors = (await Promise.all(clients.map(exercise))).flat();
      assert.ok(errors.length >= 6, `${errors.length} errors`);
      for (const e of errors) assertClean(errorText(e), secrets, `error (${label})`);
      assert.ok(logger.lines.length > 0);
      assertClean(logger.lines.join('\n'), secrets, `log (${label})`);
    });
  }

  it('registers the credentials with the redactor when a client is created', () => {
    const token = 'RegisteredToken-9f8e7d6c';
    assert.equal(redact(`x ${token} y`).includes(token), true, 'not registered before');
    createClient({ id: 'r', label: 'r', platform: 'rocketchat', baseUrl: sb.baseUrls.rocketchat, userId: 'u' }, { authToken: token });
    assert.equal(redact(`x ${token} y`), 'x [redacted] y');
  });

  describe('a server that echoes credentials', () => {
    let server: Server;
    let base: string;
    before(async () => {
      server = createServer((req, res) => {
        const echo = JSON.stringify(req.headers);
        const url = req.url ?? '';
        if (url.includes('offset=0&limit=1')) {
          res.writeHead(401, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ code: 'invalid_token', message: `Invalid token ${req.headers.authorization}` }] }));
        } else if (url.includes('/api/v1/me')) {
          res.writeHead(403, { 'Content-Type': 'text/plain' });
          res.end(`Forbidden for ${req.headers['x-auth-token']}`);
        } else if (url.includes('/api/agents/')) {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ status: 'error', message: `Invalid authorization key ${req.headers.authorization}` }));
        } else if (url.includes('/api/offlinemessages/')) {
          res.writeHead(500, { 'Content-Type': 'application/json' });
          res.end(`{ code: 500, message: "failed for ${req.headers.authorization} ${echo.replace(/"/g, "'")}" }`);
        } else {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(`{"data": [${echo}`);
        }
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((r) => server.close(() => r())));

    it('masks what the server echoes, in messages and logs', async () => {
      const logger = new CapturingLogger();
      const options: ClientOptions = { maxRetries: 1, maxRetryWaitMs: 20, logger, clock: new FakeClock() };
      const hcCreds = { apiKey: 'EchoedHelpCrunchKey-5f3a9c' };
      const rcCreds = { authToken: 'EchoedRocketToken-77aa12' };
      const reveCreds = { apiKey: 'EchoedReveKey-0123abcd', password: 'Echoed-Pa55word' };
      const hc = createClient({ id: 'e1', label: 'e', platform: 'helpcrunch', baseUrl: base }, hcCreds, options);
      const rc = createClient({ id: 'e2', label: 'e', platform: 'rocketchat', baseUrl: base, userId: 'user-1' }, rcCreds, options);
      const rv = createClient({ id: 'e3', label: 'e', platform: 'revechat', baseUrl: base, accountId: '1', username: 'boss@example.com' }, reveCreds, options);
      const errors = [
        await rejection(hc.verify()),
        await rejection(collect(hc.agents())),
        await rejection(rc.verify()),
        await rejection(collect(rv.agents())),
        await rejection(collect(rv.offlineMessages())),
      ];
      const secrets = [...secretsOf(hcCreds), ...secretsOf(rcCreds), ...secretsOf(reveCreds, 'boss@example.com')];
      for (const e of errors) {
        assertClean(errorText(e), secrets, 'error');
        assert.ok((e as Error).message.length <= 300);
      }
      assert.match((errors[0] as Error).message, /^Invalid token Bearer \[redacted\]/);
      assert.equal((errors[2] as { kind: string }).kind, 'forbidden');
      assert.equal((errors[3] as { kind: string }).kind, 'auth'); // a 200 envelope saying the key is not valid
      assertClean(logger.lines.join('\n'), secrets, 'log');
    });
  });
});
