// src/text/logLine.ts: one log entry is one line. A value with a line break of any kind (a visitor's subject, a
// vendor message) is written escaped inside the entry, never as a new, untimestamped line that looks like one.
import * as assert from 'node:assert/strict';
import { logLine } from '../../../src/text/logLine';
import { hostilePayloads, payloadLabel } from '../../fixtures/hostilePayloads';

describe('text: log lines cannot be forged', () => {
  it('writes every line break as an escape and keeps the text', () => {
    assert.equal(logLine('subject\n2026-01-01 [info] forged'), 'subject\\n2026-01-01 [info] forged');
    assert.equal(logLine('a\rb\r\nc'), 'a\\rb\\r\\nc');
    assert.equal(logLine('a\u2028b\u2029c\u0085d\u000be\u000cf'), 'a\\u2028b\\u2029c\\u0085d\\u000be\\u000cf');
  });

  it('writes control, direction and invisible characters as \\uXXXX, keeps tabs and the rest', () => {
    assert.equal(logLine('java\u0000script \u001b[31mred \u202egnp.exe\tok é 😀'), 'java\\u0000script \\u001b[31mred \\u202egnp.exe\tok é 😀');
  });

  it('every payload of the corpus stays one line', () => {
    // eslint-disable-next-line no-control-regex -- finding line breaks is the point
    const breaks = /[\n\r\u000b\u000c\u0085\u2028\u2029]/;
    const bad = hostilePayloads.filter((p) => breaks.test(logLine(`[info] ${p}`))).map((p) => payloadLabel(p));
    assert.deepEqual(bad, []);
  });
});
