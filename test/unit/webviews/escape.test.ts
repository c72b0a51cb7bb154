import * as assert from 'node:assert/strict';
import { escapeHtml } from '../../../src/webviews/html/escape';
import { hostilePayloads, payloadLabel } from '../../fixtures/hostilePayloads';
import { asParsedText, attr, byTag, loadParser, parseHtml, textOf } from './helpers/dom';

describe('escapeHtml', () => {
  before(loadParser);

  it('escapes the five HTML specials and the backtick', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&\`</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
  });

  it('leaves everything else alone, any Unicode included', () => {
    const s = 'Grüße 中文 😀 \u202e\u200b\u0000\t\n ${x} javascript:alert(1)';
    assert.equal(escapeHtml(s), s);
  });

  it('escapes already-escaped text again (no double-decoding on display)', () => {
    assert.equal(escapeHtml('&lt;b&gt;'), '&amp;lt;b&amp;gt;');
  });

  it('turns null and undefined into an empty string and other values into their text', () => {
    assert.equal(escapeHtml(undefined), '');
    assert.equal(escapeHtml(null), '');
    assert.equal(escapeHtml(42), '42');
  });

  it('round-trips every payload through element text and double- and single-quoted attributes', () => {
    const failures: string[] = [];
    hostilePayloads.forEach((p, i) => {
      const e = escapeHtml(p);
      const doc = parseHtml(`<!DOCTYPE html><body><p id=t>${e}</p><span title="${e}"></span><span title='${e}'></span></body>`);
      const [para] = byTag(doc, 'p');
      const spans = byTag(doc, 'span');
      const expected = asParsedText(p);
      const ok = byTag(doc, 'p').length === 1 && spans.length === 2 && textOf(para) === expected
        && spans.every((s) => s.attrs.length === 1 && attr(s, 'title') === p.replace(/\r\n?/g, '\n').replaceAll('\u0000', '\ufffd'));
      if (!ok) failures.push(payloadLabel(p, i));
    });
    assert.deepEqual(failures, []);
  });
});
