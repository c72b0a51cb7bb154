// src/text/markdown.ts: the one escaping function for untrusted text in Markdown (tooltips, hovers). Rendered with
// marked, the library VS Code's renderer is built on, then scanned for theme icons the way VS Code does it (on the
// rendered HTML string). Data may add no structure at all, and must read exactly as typed.
import * as assert from 'node:assert/strict';
import { escapeMarkdown, markdownIcon } from '../../../src/text/markdown';
import { plainText } from '../../../src/text/plain';
import { hostilePayloads, payloadLabel } from '../../fixtures/hostilePayloads';
import { markdownProblems, markdownStructure, renderedText } from '../hardening/textChecks';

/** What a user should read: the value as one clean line (or, multi-line, its lines joined by spaces). */
const asTyped = (p: string) => plainText(p, Number.MAX_SAFE_INTEGER).replace(/\s+/g, ' ').trim();

describe('text: escapeMarkdown (untrusted text in tooltips and hovers)', () => {
  const kinds: [string, RegExp][] = [
    ['theme-icon syntax', /\$\(|\\\$|&#36;|%24\(/],
    ['links and autolinks', /www\.|mailto:|@|:\/\/|\]\[|\]:/i],
    ['block syntax at a line start', /(^|\n)\s*([-+*#>|=`~]|\d+[.)])/],
    ['emphasis, code and entities', /[*_~`]|&[#a-z]/i],
  ];
  for (const [kind, re] of kinds) {
    const payloads = hostilePayloads.filter((p) => re.test(p) && p.length < 5000);
    it(`${kind}: ${payloads.length} payloads render as plain text, as typed, in one line and in several`, () => {
      assert.ok(payloads.length >= 10, `only ${payloads.length} payloads of this kind in the corpus`);
      const failures: string[] = [];
      for (const p of payloads) {
        const where = payloadLabel(p);
        for (const multiline of [false, true]) {
          const md = escapeMarkdown(p, { max: 100_000, multiline });
          const problems = markdownProblems(md);
          if (problems.length) failures.push(`${where} (${multiline ? 'multi-line' : 'one line'}): ${problems.join(', ')}`);
          const shown = renderedText(md);
          if (shown !== asTyped(p)) failures.push(`${where}: reads ${JSON.stringify(shown.slice(0, 60))}, typed ${JSON.stringify(asTyped(p).slice(0, 60))}`);
        }
      }
      assert.deepEqual(failures, []);
    });
  }

  it('every payload of the corpus, embedded in our own Markdown, leaves its structure unchanged', () => {
    const tooltip = (data: string) => `**${escapeMarkdown(data) || '(none)'}**  \n${markdownIcon('warning')} Status: ${escapeMarkdown(data)}\n\n---\n\n${escapeMarkdown(data, { multiline: true })}`;
    const expected = markdownStructure(tooltip('plain'));
    assert.deepEqual(expected, ['strong', 'hr', 'icon warning']);
    const failures = hostilePayloads.filter((p) => JSON.stringify(markdownStructure(tooltip(p))) !== JSON.stringify(expected)).map((p) => payloadLabel(p));
    assert.deepEqual(failures, []);
  });

  it('a backslash before $( stays visible, and no form of icon syntax draws an icon', () => {
    for (const [typed, read] of [
      ['\\$(zap) x', '\\$(zap) x'],
      ['$(verified-filled) Support team', '$(verified-filled) Support team'],
      ['$\\(zap\\)', '$\\(zap\\)'],
      ['\\\\$(zap)', '\\\\$(zap)'],
      ['$(loading~spin)', '$(loading~spin)'],
    ]) {
      const md = escapeMarkdown(typed);
      assert.equal(renderedText(md), read);
      assert.deepEqual(markdownStructure(md), [], typed);
    }
  });

  it('the issue\'s examples: icons in names and subjects, a bare www. link, block syntax in an error text', () => {
    const iconName = `**${escapeMarkdown('$(verified-filled) Support team')}**`;
    assert.deepEqual(markdownProblems(iconName), []);
    assert.equal(renderedText(iconName), '$(verified-filled) Support team');
    assert.deepEqual(markdownProblems(escapeMarkdown('Renew at www.example.invalid/renew-key')), []);
    const error = escapeMarkdown('Request failed:\n+ the key\n- the account\n# the plan\n1) retry later', { multiline: true });
    assert.deepEqual(markdownProblems(error), []);
    assert.equal(renderedText(error), 'Request failed: + the key - the account # the plan 1) retry later');
  });

  it('cuts to max before escaping, with an ellipsis, never inside an emoji', () => {
    const md = escapeMarkdown(`${'a'.repeat(9)}😀😀`, { max: 11 });
    assert.equal(renderedText(md), `${'a'.repeat(9)}…`);
    assert.equal(renderedText(escapeMarkdown('x'.repeat(50), { max: 10, multiline: true })), `${'x'.repeat(9)}…`);
  });

  it('own icons only from our list; data never becomes icon syntax through it', () => {
    assert.equal(markdownIcon('warning'), '$(warning)');
    assert.equal(markdownIcon('x) [a](command:y' as never), '');
  });
});
