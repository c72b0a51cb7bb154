// Every payload of the hostile corpus through every pure builder of what VS Code shows outside the panels:
// tree labels and descriptions (agents, offline messages, connections, error items) and the Markdown
// tooltips. The tooltip Markdown is rendered with a CommonMark + GFM-autolink renderer (markdown-it, the
// parser family VS Code's own renderer follows) to prove no link, image or HTML survives, and that the
// user still reads the text. Also: what a hostile server's error bodies become (they reach tree labels,
// notifications and the log): no control character, no escape sequence, no direction override.
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '../../../src/api/index';
import { ApiError, isApiError } from '../../../src/api/errors';
import type { Agent, OfflineMessage } from '../../../src/api/model';
import type { StoredConnection } from '../../../src/connections/types';
import { agentLabel, agentTooltip, presentAgent } from '../../../src/views/presentation/agent';
import { connectionTooltip, presentConnection } from '../../../src/views/presentation/connection';
import { errorTooltip, presentError } from '../../../src/views/presentation/error';
import { offlineMessageLabel, offlineMessageTooltip, presentOfflineMessage } from '../../../src/views/presentation/offlineMessage';
import { normaliseFilterText } from '../../../src/views/presentation/filter';
import { idPart, notificationText, plainText, quickPickText } from '../../../src/views/presentation/text';
import { hostilePayloads, leaksCorpusSecret, payloadLabel, secretPayloads } from '../../fixtures/hostilePayloads';
import { CapturingLogger, errorText } from '../api/support';
import { CONTROLS, NOTIFICATION_LINK, markdownProblems, markdownStructure, renderedText, unescapedIcons } from './textChecks';

function assertOneCleanLine(text: string | undefined, where: string, max = 400): void {
  const t = text ?? '';
  assert.ok(!CONTROLS.test(t), `${where}: control or direction character in ${JSON.stringify(t.slice(0, 80))}`);
  assert.ok(t.length <= max, `${where}: ${t.length} characters`);
  assert.equal(t, t.trim(), `${where}: edge whitespace`);
}

const agentOf = (p: string): Agent => ({
  platform: 'rocketchat', connectionId: 'c1', id: p, name: p, email: p, role: p, status: 'online', available: true,
  departments: [{ id: p, name: p }, { id: 'd2', name: 'Sales' }], raw: { p },
});
const messageOf = (p: string): OfflineMessage => ({
  id: p, subject: p, message: `${p}\n${p}`, unread: true, receivedAt: Date.UTC(2026, 0, 1),
  visitor: { name: p, email: p, phone: p }, replyCount: 2, raw: { p },
});
const connectionOf = (p: string): StoredConnection => ({
  id: 'c1', label: p, platform: 'revechat', baseUrl: p, accountId: p, userId: p, username: p, keyExpiresAt: Date.now() + 86_400_000,
});

/** Runs `check` for every payload and reports every failing payload at once (not only the first). */
function forEveryPayload(check: (p: string, where: string) => void): void {
  const failures: string[] = [];
  for (const [i, p] of hostilePayloads.entries()) {
    try {
      check(p, payloadLabel(p, i));
    } catch (e) {
      failures.push(`${payloadLabel(p, i)}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }
  assert.deepEqual(failures, [], `${failures.length} of ${hostilePayloads.length} payloads`);
}

describe('hardening: hostile text in tree items and Markdown tooltips (every payload)', () => {
  it(`the corpus has at least 200 payloads (${hostilePayloads.length})`, () => {
    assert.ok(hostilePayloads.length >= 200);
  });

  it('agents: label and description one clean line; tooltip inert and still shows the name', () => {
    forEveryPayload((p, where) => {
      const a = agentOf(p);
      const item = presentAgent(a);
      assertOneCleanLine(item.label, `${where} label`);
      assertOneCleanLine(item.description, `${where} description`);
      assert.ok(!item.id.includes('\u0000'), where);
      const tip = agentTooltip(a);
      assert.deepEqual(markdownProblems(tip), [], `${where} tooltip: ${tip.slice(0, 200)}`);
      const label = agentLabel(a);
      if (label) assert.ok(renderedText(tip).startsWith(label.replace(/\s+/g, ' ').trim()), `${where}: the tooltip does not show the name as written:\n${renderedText(tip).slice(0, 200)}\n${label.slice(0, 200)}`);
    });
  });

  it('offline messages: label and description one clean line; tooltip (multi-line message) inert and readable', () => {
    forEveryPayload((p, where) => {
      const m = messageOf(p);
      const item = presentOfflineMessage(m, 'offline/c1', Date.UTC(2026, 0, 2));
      assertOneCleanLine(item.label, `${where} label`);
      assertOneCleanLine(item.description, `${where} description`);
      const tip = offlineMessageTooltip(m);
      assert.deepEqual(markdownProblems(tip), [], `${where} tooltip: ${tip.slice(0, 200)}`);
      const subject = offlineMessageLabel(m);
      assert.ok(renderedText(tip).startsWith(subject.replace(/\s+/g, ' ').trim()), `${where}: the tooltip does not show the subject`);
    });
  });

  it('connections: label, description and tooltip (with a hostile error) inert', () => {
    for (const [i, p] of hostilePayloads.entries()) {
      const where = payloadLabel(p, i);
      const c = connectionOf(p);
      const info = { status: 'error' as const, count: 3, noun: 'agents' as const, error: new ApiError('server', p) };
      const item = presentConnection(c, info, 'agents');
      assertOneCleanLine(item.label, `${where} label`);
      assertOneCleanLine(item.description, `${where} description`);
      const tip = connectionTooltip(c, info);
      assert.deepEqual(markdownProblems(tip), [], `${where} tooltip: ${tip.slice(0, 300)}`);
    }
  });

  it('every tooltip has the same structure whatever the data (no heading, list, table, link, code or icon from data)', () => {
    const benign = 'Plain words';
    const built = (p: string) => ({
      agent: agentTooltip(agentOf(p)),
      message: offlineMessageTooltip(messageOf(p)),
      connection: connectionTooltip(connectionOf(p), { status: 'error', count: 3, noun: 'agents', error: new ApiError('server', p) }),
      error: errorTooltip(new ApiError('auth', p)),
    });
    const expected = Object.fromEntries(Object.entries(built(benign)).map(([k, v]) => [k, markdownStructure(v)]));
    assert.deepEqual(expected.agent, ['strong', 'icon pass-filled'], 'the agent tooltip: bold name, our status icon');
    assert.deepEqual(expected.connection, ['strong', 'icon warning', 'icon error'], 'the connection tooltip: bold name, our warning and error icons');
    forEveryPayload((p, where) => {
      for (const [kind, md] of Object.entries(built(p))) {
        assert.deepEqual(markdownStructure(md), expected[kind], `${where} ${kind} tooltip: ${md.slice(0, 200)}`);
      }
    });
  });

  it('tooltips read as typed: a name, a subject and a message with Markdown and icon syntax show every character', () => {
    for (const p of ['$(verified-filled) Support team', '\\$(zap) backslash', 'Renew at www.example.invalid/renew-key', '# not a heading', '1) not a list', '*not em*']) {
      assert.ok(renderedText(agentTooltip(agentOf(p))).startsWith(p), `${p}: ${renderedText(agentTooltip(agentOf(p)))}`);
      assert.ok(renderedText(offlineMessageTooltip(messageOf(p))).startsWith(p), p);
    }
  });

  it('error items: a vendor message carrying a payload is one clean line, its tooltip inert', () => {
    for (const [i, p] of hostilePayloads.entries()) {
      const where = payloadLabel(p, i);
      for (const e of [new ApiError('server', p), new ApiError('auth', p), new Error(p), p]) {
        const item = presentError(e, 'agents/c1');
        assertOneCleanLine(item.label, `${where} error label`);
        assert.ok(item.label.length > 0, `${where}: empty error label`);
        assert.match(item.contextValue, /^chatdesk:error:[a-z-]+(:credentials)?$/, `${where}: contextValue ${item.contextValue}`);
        assert.deepEqual(markdownProblems(errorTooltip(e)), [], `${where} error tooltip`);
      }
    }
  });

  it('notifications: data in a notification is one clean line and can never make a link (command: or web)', () => {
    for (const [i, p] of hostilePayloads.entries()) {
      const where = payloadLabel(p, i);
      for (const text of [notificationText(p), notificationText(new ApiError('server', p).message)]) {
        assertOneCleanLine(text, `${where} notification`, 600);
        assert.ok(!NOTIFICATION_LINK.test(text), `${where}: a link in the notification ${JSON.stringify(text.slice(0, 120))}`);
        assert.ok(!NOTIFICATION_LINK.test(`Chatdesk: ${text} (see the log)`), `${where}: a link once embedded in a sentence`);
      }
    }
    // and words stay readable
    assert.match(notificationText('[Open terminal](command:workbench.action.terminal.new)'), /Open terminal/);
  });

  it('quick pick items (Find Agent, Show Available Agents, pickers): one clean line, no $(icon) syntax from data', () => {
    forEveryPayload((p, where) => {
      const text = quickPickText(p);
      assertOneCleanLine(text, `${where} quick pick text`);
      assert.ok(!unescapedIcons(text), `${where}: icon syntax survives in ${JSON.stringify(text.slice(0, 80))}`);
      assert.ok(!unescapedIcons(`$(copy) Copy ID · ${quickPickText(p, 80)}`, ['$(copy)']), `${where}: icon syntax once embedded`);
    });
    assert.equal(quickPickText('$(alert) boss'), '\\$(alert) boss', 'the icon syntax is escaped, not dropped: the user reads it');
  });

  it('tree item ids from data: never throw, never contain "/" from data, differ when the data differs', () => {
    const seen = new Map<string, string>();
    forEveryPayload((p, where) => {
      const id = idPart(p);
      assert.ok(!id.includes('/'), where);
      const other = seen.get(id);
      assert.ok(other === undefined || other === p, `${where}: the same id as ${JSON.stringify(other?.slice(0, 40))}`);
      seen.set(id, p);
    });
  });

  it('the agent filter text (typed or pasted) loses control and direction characters and is capped', () => {
    for (const [i, p] of hostilePayloads.entries()) {
      const f = normaliseFilterText(p);
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      assert.ok(!/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(f), `${payloadLabel(p, i)}: ${JSON.stringify(f.slice(0, 60))}`);
      assert.ok(f.length <= 200, payloadLabel(p, i));
    }
  });

  it('plain text keeps the words of every payload (nothing silently emptied)', () => {
    for (const [i, p] of hostilePayloads.entries()) {
      const words = p.replace(/[^\p{L}\p{N}]+/gu, '');
      if (!words) continue;
      const shown = plainText(p, 100_000).replace(/[^\p{L}\p{N}]+/gu, '');
      assert.ok(shown.length > 0, `${payloadLabel(p, i)}: shown as nothing`);
    }
  });
});

describe('hardening: a hostile server\'s error messages (tree labels, notifications and the log get them)', function () {
  this.timeout(30_000);
  let server: Server;
  let base: string;
  let index = 0;

  before(async () => {
    // Answers every request with a 401 whose message is the next payload, in each platform's error shape.
    server = createServer((req, res) => {
      const p = hostilePayloads[index % hostilePayloads.length];
      const url = req.url ?? '';
      res.writeHead(401, { 'Content-Type': 'application/json' });
      if (url.startsWith('/v1/')) res.end(JSON.stringify({ errors: [{ code: 'unauthorized', message: p }] }));
      else if (url.startsWith('/api/v1/')) res.end(JSON.stringify({ success: false, error: p, errorType: 'error-invalid-user' }));
      else res.end(JSON.stringify({ status: 'error', message: p, body: null }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  it('a made-up credential anywhere in a vendor message (every clipping length, metacharacters, nested JSON) is gone from the message, the error item, its tooltips and the log', async () => {
    const logger = new CapturingLogger();
    const options = { maxRetries: 0, logger, rateLimit: { perWindow: 1_000_000, windowMs: 60_000 } };
    const clients = [
      createClient({ id: 's1', label: 's', platform: 'helpcrunch', baseUrl: base }, { apiKey: 'secret-test-key-123' }, options),
      createClient({ id: 's2', label: 's', platform: 'rocketchat', baseUrl: base, userId: 'u1' }, { authToken: 'secret-test-token-123' }, options),
      createClient({ id: 's3', label: 's', platform: 'revechat', baseUrl: base, accountId: '1' }, { apiKey: 'eyJhbGciOiJIUzI1NiJ9.eyJhIjoiYiJ9.c2lnbmF0dXJl' }, options),
    ];
    assert.ok(secretPayloads.length >= 40, `${secretPayloads.length} secret payloads`);
    const leaks: string[] = [];
    for (const p of secretPayloads) {
      index = hostilePayloads.indexOf(p);
      for (const client of clients) {
        let e: unknown;
        try { await client.verify(); } catch (err) { e = err; }
        const connection = { id: 'c', label: 'c', platform: client.platform, baseUrl: base };
        const shown = [errorText(e), presentError(e, 'x').label, errorTooltip(e), connectionTooltip(connection, { status: 'error', count: 0, noun: 'agents', error: e })];
        for (const text of shown) if (leaksCorpusSecret(renderedText(text)) || leaksCorpusSecret(text)) leaks.push(`${payloadLabel(p)} via ${client.platform}: ${JSON.stringify(text.slice(-80))}`);
      }
    }
    const log = logger.lines.join('\n');
    assert.deepEqual(leaks.slice(0, 10), [], `${leaks.length} leaks`);
    assert.ok(!leaksCorpusSecret(log), `the log: ${log.slice(0, 300)}`);
  });

  it('every payload, from every platform: the ApiError message has no control character or escape sequence', async () => {
    const clients = [
      createClient({ id: 'h1', label: 'h', platform: 'helpcrunch', baseUrl: base }, { apiKey: 'hostile-test-key-123' }, { maxRetries: 0, rateLimit: { perWindow: 1_000_000, windowMs: 60_000 } }),
      createClient({ id: 'h2', label: 'h', platform: 'rocketchat', baseUrl: base, userId: 'u1' }, { authToken: 'hostile-test-token-123' }, { maxRetries: 0, rateLimit: { perWindow: 1_000_000, windowMs: 60_000 } }),
      createClient({ id: 'h3', label: 'h', platform: 'revechat', baseUrl: base, accountId: '1' }, { apiKey: 'eyJhbGciOiJIUzI1NiJ9.eyJhIjoiYiJ9.c2lnbmF0dXJl' }, { maxRetries: 0, rateLimit: { perWindow: 1_000_000, windowMs: 60_000 } }),
    ];
    const problems: string[] = [];
    for (index = 0; index < hostilePayloads.length; index++) {
      for (const client of clients) {
        let e: unknown;
        try { await client.verify(); } catch (err) { e = err; }
        if (!isApiError(e)) { problems.push(`${payloadLabel(hostilePayloads[index], index)}: ${client.platform} did not fail with an ApiError`); continue; }
        if (CONTROLS.test(e.message)) problems.push(`${payloadLabel(hostilePayloads[index], index)} via ${client.platform}: ${JSON.stringify(e.message.slice(0, 80))}`);
        if (e.message.length > 300) problems.push(`${payloadLabel(hostilePayloads[index], index)} via ${client.platform}: ${e.message.length} characters`);
      }
    }
    assert.deepEqual(problems, []);
  });
});
