// Escaping for an AI model's context (src/tools/modelText.ts): lossless, one line, nothing invisible, no angle
// bracket or look-alike of one, whatever the text; caps that never split a character.
import * as assert from 'node:assert/strict';
import unhomoglyph from 'unhomoglyph';
import { capText, quoteCapped, quoteForModel } from '../../../src/tools/modelText';
import { hostilePayloads, payloadLabel } from '../../fixtures/hostilePayloads';
import { promptInjections } from '../../fixtures/promptInjections';
import { UNSAFE_IN_VALUE } from './support';

const everything = [...hostilePayloads, ...promptInjections];

/** A character that reads as `<` or `>` (compatibility form or Unicode confusable skeleton). */
function angleLike(ch: string): boolean {
  return /[<>]/.test(ch.normalize('NFKC')) || /[<>]/.test(unhomoglyph(ch));
}

describe('tools: quoteForModel, the escaping for a model\'s context', () => {
  it('is lossless for every hostile and prompt-injection payload: JSON.parse gives the text back', () => {
    for (const [i, p] of everything.entries()) assert.equal(JSON.parse(quoteForModel(p)), p, payloadLabel(p, i));
  });

  it('gives one quoted line with no angle bracket, look-alike, line break or invisible character', () => {
    for (const [i, p] of everything.entries()) {
      const q = quoteForModel(p);
      assert.match(q, /^".*"$/s, payloadLabel(p, i));
      assert.doesNotMatch(q, UNSAFE_IN_VALUE, payloadLabel(p, i));
      for (const ch of new Set(q)) assert.ok(!angleLike(ch), `${payloadLabel(p, i)}: ${JSON.stringify(ch)} looks like an angle bracket`);
      // the quotes cannot end early: the only unescaped " are the first and the last character
      assert.equal(q.slice(1, -1).replace(/\\./g, '').includes('"'), false, payloadLabel(p, i));
    }
  });

  it('escapes the look-alikes of < and > that a visitor could use to forge a closing tag', () => {
    for (const ch of ['＜', '＞', '﹤', '﹥', '‹', '›', '❮', '❯', 'ᐸ', 'ᐳ', '˂', '˃', '〈', '〉', '⟨', '⟩', '〈', '〉', '≪', '𝈶']) {
      const escaped = Array.from({ length: ch.length }, (_, k) => `\\u${ch.charCodeAt(k).toString(16).padStart(4, '0')}`).join('');
      assert.equal(quoteForModel(ch), `"${escaped}"`, ch);
    }
  });

  it('escapes zero-width, bidi, tag, filler and separator characters; leaves names in any script readable', () => {
    for (const ch of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202e', '\u2066', '\u{e0041}', '\u3164', '\u115f', '\ufe0f', '\u2028', '\u2029', '\u0085', '\u00a0', '\u3000', '\u{f0000}']) {
      const q = quoteForModel(ch);
      assert.match(q, /^"(\\u[0-9a-f]{4})+"$/, JSON.stringify(ch));
    }
    for (const name of ['Zoë Ångström', 'Юлия Смирнова', '李小龍', 'محمد علي', 'Ngozi 🎉 Okafor', 'O\'Brien & Sons']) {
      assert.equal(quoteForModel(name), `"${name}"`, name);
    }
  });

  it('caps without splitting a surrogate pair, in time proportional to the cap', () => {
    const emoji = '😀'.repeat(10);
    const c = capText(emoji, 5);
    assert.equal(c.text, '😀😀');
    assert.equal(c.cutFrom, 20);
    const huge = 'x'.repeat(5_000_000);
    assert.equal(capText(huge, 1_000).text.length, 1_000);
    assert.equal(quoteCapped(huge, 1_000), `"${'x'.repeat(1_000)}" (cut at 1,000 of 5,000,000 characters)`);
    assert.equal(quoteCapped('short', 1_000), '"short"');
  });
});
