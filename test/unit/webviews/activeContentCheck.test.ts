// The hostile-content tests are only as good as their detector: prove it catches what unescaped data would do.
import * as assert from 'node:assert/strict';
import { renderPage } from '../../../src/webviews/html/page';
import { hostilePayloads } from '../../fixtures/hostilePayloads';
import { activeContentProblems, loadParser, parseHtml } from './helpers/dom';
import * as sample from './helpers/fixtures';

function unescapedPage(payload: string) {
  const ctx = sample.context();
  return { ctx, doc: parseHtml(renderPage(ctx, { title: 't', body: `<main><div>${payload}</div></main>` })) };
}

describe('active content detector (test helper)', () => {
  before(loadParser);

  it('finds nothing in a clean page', () => {
    const { ctx, doc } = unescapedPage('plain text');
    assert.deepEqual(activeContentProblems(doc, ctx), []);
  });

  const mustCatch = [
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<a href="javascript:alert(1)">x</a>',
    '<a href="  JaVa\tScRiPt:alert(1)">x</a>', '<iframe srcdoc="x"></iframe>', '<object data="data:text/html,x"></object>',
    '<embed src=x>', '<base href="https://evil.example/">', '<meta http-equiv="refresh" content="0;url=x">', '<form action=x></form>',
    '<style>*{}</style>', '<link rel=stylesheet href=x>', '<div style="color:red">x</div>', '<details open ontoggle=alert(1)>',
    '<a href="command:workbench.action.quit">x</a>', '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
    '<input autofocus onfocus=alert(1)>', '<template><script>alert(1)</script></template>', '</main></body><body onload=alert(1)>',
  ];
  for (const payload of mustCatch) {
    it(`catches unescaped ${JSON.stringify(payload)}`, () => {
      const { ctx, doc } = unescapedPage(payload);
      assert.notDeepEqual(activeContentProblems(doc, ctx), []);
    });
  }

  it('would flag most of the corpus if the panels did not escape', () => {
    const caught = hostilePayloads.filter((p) => {
      const { ctx, doc } = unescapedPage(p);
      return activeContentProblems(doc, ctx).length > 0;
    });
    // Markup payloads are caught; plain-text ones (unicode tricks, JSON breakers, long strings) are not markup.
    assert.ok(caught.length >= 150, `only ${caught.length} caught`);
  });
});
