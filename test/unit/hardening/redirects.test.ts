// Credentials go to the server the user entered and nowhere else. A server (or anything in front of it)
// that answers with a redirect to another host must not receive the credentials there: not the
// Authorization header (REVE Chat key, HelpCrunch Bearer key, REVE legacy Basic), not Rocket.Chat's
// X-Auth-Token. Two local servers stand for the two hosts: 127.0.0.1 (the configured one) and localhost.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, isApiError } from '../../../src/api/index';
import type { Connection, Credentials, PlatformClient } from '../../../src/api/model';

const canary = (tag: string) => `CANARY-${tag}-${randomBytes(10).toString('hex')}`;

async function listen(server: Server, host: string): Promise<number> {
  await new Promise<void>((r) => server.listen(0, host, r));
  return (server.address() as AddressInfo).port;
}

describe('hardening: redirects never carry credentials to another host', function () {
  this.timeout(15_000);
  let origin: Server;
  let elsewhere: Server;
  let originBase: string;
  let elsewhereBase: string;
  const received: IncomingHttpHeaders[] = [];
  let status = 302;

  before(async () => {
    elsewhere = createServer((req, res) => {
      received.push(req.headers);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"data":[],"meta":{"total":0},"users":[],"total":0,"status":"success","body":[]}');
    });
    const elsewherePort = await listen(elsewhere, '127.0.0.1');
    elsewhereBase = `http://localhost:${elsewherePort}`;
    origin = createServer((req, res) => {
      res.writeHead(status, { Location: `${elsewhereBase}${req.url ?? '/'}` });
      res.end();
    });
    originBase = `http://127.0.0.1:${await listen(origin, '127.0.0.1')}`;
  });

  after(async () => {
    await new Promise<void>((r) => origin.close(() => r()));
    await new Promise<void>((r) => elsewhere.close(() => r()));
  });

  const clients: [string, (base: string) => { client: PlatformClient; secrets: string[] }][] = [
    ['REVE Chat (Authorization key)', (base) => {
      const key = `eyJhbGciOiJIUzI1NiJ9.eyJhY2NvdW50SWQiOiIxIn0.${canary('reve')}`;
      return { client: createClient({ id: 'r', label: 'r', platform: 'revechat', baseUrl: base, accountId: '1' }, { apiKey: key }, { maxRetries: 0 }), secrets: [key] };
    }],
    ['REVE Chat legacy (HTTP Basic)', (base) => {
      const pw = canary('pw');
      const conn: Connection = { id: 'b', label: 'b', platform: 'revechat', baseUrl: base, accountId: '1', username: 'boss@example.com' };
      const creds: Credentials = { apiKey: `eyJhbGciOiJIUzI1NiJ9.eyJhY2NvdW50SWQiOiIxIn0.${canary('k')}`, password: pw };
      const client = createClient(conn, creds, { maxRetries: 0 });
      return { client: { ...client, verify: async () => { for await (const page of client.offlineMessages()) void page; } } as PlatformClient, secrets: [pw, Buffer.from(`boss@example.com:${pw}`).toString('base64')] };
    }],
    ['Rocket.Chat (X-Auth-Token)', (base) => {
      const token = canary('rc');
      return { client: createClient({ id: 'c', label: 'c', platform: 'rocketchat', baseUrl: base, userId: 'u1' }, { authToken: token }, { maxRetries: 0 }), secrets: [token] };
    }],
    ['HelpCrunch (Bearer key)', (base) => {
      const key = canary('hc');
      return { client: createClient({ id: 'h', label: 'h', platform: 'helpcrunch', baseUrl: base }, { apiKey: key }, { maxRetries: 0, rateLimit: { perWindow: 1000, windowMs: 60_000 } }), secrets: [key] };
    }],
  ];

  it('a redirect to another host fails with a message that names where it pointed (to fix the server URL)', async () => {
    status = 302;
    const { client } = clients[3][1](originBase);
    let error: unknown;
    try { await client.verify(); } catch (e) { error = e; }
    assert.ok(isApiError(error), `no error: the redirect was followed (${String(error)})`);
    assert.match(error.message, new RegExp(`redirected to ${elsewhereBase.replace(/[.]/g, '\\.')}`));
    assert.ok(!/CANARY/.test(error.message));
  });

  it('a redirect within the same server is still followed', async () => {
    const same = createServer((req, res) => {
      if (req.url?.startsWith('/moved/')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ data: [{ id: 1, name: 'Ada', email: 'ada@example.com', role: 'admin' }], meta: { total: 1 } }));
      } else {
        res.writeHead(301, { Location: `/moved${req.url ?? '/'}` });
        res.end();
      }
    });
    const base = `http://127.0.0.1:${await listen(same, '127.0.0.1')}`;
    try {
      const client = createClient({ id: 's', label: 's', platform: 'helpcrunch', baseUrl: base }, { apiKey: canary('same') }, { maxRetries: 0 });
      const names: string[] = [];
      for await (const page of client.agents()) names.push(...page.map((a) => a.name));
      assert.deepEqual(names, ['Ada']);
    } finally {
      await new Promise<void>((r) => same.close(() => r()));
    }
  });

  for (const code of [301, 302, 307, 308]) {
    for (const [name, make] of clients) {
      it(`${name}: a ${code} to another host gets no credential there`, async () => {
        status = code;
        received.length = 0;
        const { client, secrets } = make(originBase);
        try { await client.verify(); } catch { /* failing is fine; leaking is not */ }
        const leaked = received.flatMap((h) => Object.entries(h)).filter(([, v]) => secrets.some((s) => String(v).includes(s)));
        assert.deepEqual(leaked.map(([k]) => k), [], `the redirect target received ${leaked.map(([k]) => k).join(', ')}`);
      });
    }
  }
});
