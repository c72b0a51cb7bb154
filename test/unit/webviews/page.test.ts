// The document shell: CSP, nonce, our resources only.
import * as assert from 'node:assert/strict';
import { agentHtml } from '../../../src/webviews/html/agentHtml';
import { offlineMessageHtml } from '../../../src/webviews/html/offlineMessageHtml';
import { contentSecurityPolicy, renderPage } from '../../../src/webviews/html/page';
import { createNonce } from '../../../src/webviews/nonce';
import { attr, byTag, loadParser, parseHtml } from './helpers/dom';
import * as sample from './helpers/fixtures';

function cspOf(html: string): Map<string, string[]> {
  const doc = parseHtml(html);
  const metas = byTag(doc, 'meta').filter((m) => attr(m, 'http-equiv')?.toLowerCase() === 'content-security-policy');
  assert.equal(metas.length, 1, 'exactly one CSP meta');
  const directives = new Map<string, string[]>();
  for (const part of (attr(metas[0], 'content') ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) {
      assert.ok(!directives.has(name), `duplicate directive ${name}`);
      directives.set(name, sources);
    }
  }
  return directives;
}

const renders = {
  agent: () => { const ctx = sample.context(); return { ctx, html: agentHtml(sample.agent(), sample.connection, ctx) }; },
  'offline message': () => { const ctx = sample.context(); return { ctx, html: offlineMessageHtml(sample.detail(), sample.connection, ctx) }; },
};

describe('panel page shell and CSP', () => {
  before(loadParser);

  for (const [name, render] of Object.entries(renders)) {
    describe(`${name} panel`, () => {
      it("has default-src 'none' and allows only our own styles, fonts and images", () => {
        const { ctx, html } = render();
        const csp = cspOf(html);
        assert.deepEqual(csp.get('default-src'), ["'none'"]);
        for (const d of ['style-src', 'font-src', 'img-src']) assert.deepEqual(csp.get(d), ctx.cspSource.split(' '), d);
        assert.deepEqual(csp.get('base-uri'), ["'none'"]);
        assert.deepEqual(csp.get('form-action'), ["'none'"]);
        assert.ok(!csp.has('connect-src') && !csp.has('frame-src') && !csp.has('child-src') && !csp.has('object-src'));
      });

      it('allows scripts only by this render\'s nonce: no unsafe-inline, unsafe-eval, host or wildcard', () => {
        const { ctx, html } = render();
        const csp = cspOf(html);
        assert.deepEqual(csp.get('script-src'), [`'nonce-${ctx.nonce}'`]);
        for (const sources of csp.values()) {
          for (const s of sources) {
            assert.ok(!/unsafe-(inline|eval|hashes)|wasm-unsafe-eval/.test(s), s);
            assert.notEqual(s, '*');
            assert.ok(!/^(https?:|data:|blob:|filesystem:)$/.test(s), `scheme source ${s}`);
          }
        }
      });

      it('uses a fresh nonce on every render, and its only script carries it', () => {
        const a = render();
        const b = render();
        assert.notEqual(a.ctx.nonce, b.ctx.nonce);
        assert.notEqual(a.html, b.html);
        for (const { ctx, html } of [a, b]) {
          const scripts = byTag(parseHtml(html), 'script');
          assert.equal(scripts.length, 1);
          assert.equal(attr(scripts[0], 'nonce'), ctx.nonce);
          assert.equal(attr(scripts[0], 'src'), ctx.scriptUri);
          assert.equal(scripts[0].childNodes.length, 0);
        }
      });

      it('links only our stylesheets, with no inline style anywhere', () => {
        const { ctx, html } = render();
        const doc = parseHtml(html);
        assert.deepEqual(byTag(doc, 'link').map((l) => [attr(l, 'rel'), attr(l, 'href')]), ctx.styleUris.map((u) => ['stylesheet', u]));
        assert.equal(byTag(doc, 'style').length, 0);
        assert.ok(!/\sstyle=/i.test(html));
        assert.ok(!/\son[a-z]+=/i.test(html), 'no inline event handler');
      });

      it('states the document language from the VS Code locale', () => {
        const ctx = sample.context({ locale: 'de' });
        const html = name === 'agent' ? agentHtml(sample.agent(), sample.connection, ctx) : offlineMessageHtml(sample.detail(), sample.connection, ctx);
        assert.equal(attr(byTag(parseHtml(html), 'html')[0], 'lang'), 'de');
      });
    });
  }

  it('creates 32-character nonces from the base64url alphabet, different every time', () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => createNonce()));
    assert.equal(nonces.size, 1000);
    for (const n of nonces) assert.match(n, /^[A-Za-z0-9_-]{32}$/);
  });

  it('refuses a nonce that could break out of the policy', () => {
    for (const nonce of ['', 'short', "abcdefghijklmnopqrstuvwxyz012345'; script-src *", 'abcdefghijklmnopqrstuvwxyz01234 5']) {
      assert.throws(() => contentSecurityPolicy({ nonce, cspSource: 'https://x' }), nonce);
    }
  });

  it('cannot be widened through the CSP source (only source expressions are kept)', () => {
    const csp = contentSecurityPolicy({ nonce: createNonce(), cspSource: "https://x; script-src 'unsafe-inline' * data:, 'unsafe-eval'" });
    assert.equal(csp.split(';').filter((d) => d.trim().startsWith('script-src')).length, 1);
    assert.ok(!/unsafe|\s\*/.test(csp), csp);
    assert.match(csp, /style-src https:\/\/x;/);
    assert.match(contentSecurityPolicy({ nonce: createNonce(), cspSource: "'self' https://*.vscode-cdn.net" }), /style-src 'self' https:\/\/\*\.vscode-cdn\.net;/);
    assert.match(contentSecurityPolicy({ nonce: createNonce(), cspSource: "'unsafe-inline'" }), /style-src 'none';/);
  });

  it('escapes the title and drops a body class that is not a plain class name', () => {
    const ctx = sample.context();
    const html = renderPage(ctx, { title: '</title><script>x</script>', body: '', bodyClass: 'x" onload="y' });
    const doc = parseHtml(html);
    assert.equal(byTag(doc, 'script').length, 1);
    assert.equal(byTag(doc, 'body')[0].attrs.length, 0);
  });
});
