// The offline-messages results (src/tools/offlineResults.ts): visitor text only inside blocks that the data cannot
// close or forge, a notice that it is data from the public, and caps per field, message and result.
import * as assert from 'node:assert/strict';
import type { Connection, OfflineMessage, OfflineMessageDetail } from '../../../src/api/model';
import type { ListState } from '../../../src/store/listState';
import { FIELD_CAPS, MAX_OFFLINE_RESULT_CHARS, offlineListResult, offlineMessageResult } from '../../../src/tools/offlineResults';
import { UNTRUSTED_TAG } from '../../../src/tools/untrustedBlock';
import { hostilePayloads } from '../../fixtures/hostilePayloads';
import { INJECTION_MARKER, promptInjections } from '../../fixtures/promptInjections';
import { redact } from '../../../src/util/redact';
import { parseResult } from './support';

const NOW = Date.UTC(2026, 10, 30, 12, 0);
const connection: Connection = { id: 'reve-1', label: 'Support REVE', platform: 'revechat', baseUrl: 'https://api.revechat.com', accountId: '8683034', username: 'john@example.com' };
const loaded: ListState = { status: 'loaded', count: 0, progress: 0, truncated: false, cached: false, complete: true, loadedAt: NOW - 5 * 60_000 };

function message(i: number, text: string): OfflineMessage {
  return {
    id: String(1000 + i), subject: text, message: text, unread: i % 2 === 0, receivedAt: NOW - i * 60_000,
    visitor: { id: `v${i}`, name: text, email: `${text}@example.com`, phone: text }, replyCount: 1, raw: {},
  };
}

function listResult(messages: OfflineMessage[], o: { includeBody?: boolean; limit?: number; maxChars?: number; random?: (n: number) => Buffer } = {}) {
  return offlineListResult({
    sections: [{ state: { connection, state: { ...loaded, count: messages.length, progress: messages.length } }, messages, unread: messages.filter((m) => m.unread).length }],
    unreadOnly: false, includeBody: o.includeBody ?? true, limit: o.limit ?? 50, now: NOW, maxChars: o.maxChars ?? 10_000_000, random: o.random,
  });
}

describe('tools: offline messages in untrusted blocks', () => {
  it('every prompt injection stays inside its block, decoded exactly as the visitor wrote it (up to the caps)', () => {
    const messages = promptInjections.map((p, i) => message(i, p));
    const text = listResult(messages);
    const parsed = parseResult(text);
    assert.equal(parsed.blocks.length, messages.length);
    for (const line of parsed.outside) assert.ok(!line.includes(INJECTION_MARKER), `outside a block: ${line.slice(0, 200)}`);
    parsed.blocks.forEach((b, i) => {
      // each value is the visitor's text (credentials masked) up to its cap, which holds after escaping
      const p = redact(promptInjections[i]);
      for (const [label, cap] of [['subject', FIELD_CAPS.subject], ['message', FIELD_CAPS.listBody], ['visitor name', FIELD_CAPS.name]] as const) {
        const v = b.fields.get(label)!;
        assert.ok(p.startsWith(v), `${label}: not a prefix of the text`);
        const line = b.lines.find((l) => l.startsWith(`${label}: `))!;
        assert.ok(line.length - label.length - 2 <= cap, `${label}: ${line.length}`);
        if (v.length < p.length) assert.match(line, /\(cut at [\d,]+ of [\d,]+ characters\)$/);
      }
    });
    // the data named a closing tag (with a guessed boundary): the result's own boundary is another, and random
    assert.match(parsed.boundary!, /^[0-9a-f]{24}$/);
    assert.notEqual(parsed.boundary, '000000000000000000000000');
    assert.notEqual(parseResult(listResult(messages)).boundary, parsed.boundary, 'the boundary is the same in two results');
  });

  it('holds for every payload of the hostile corpus', () => {
    const messages = hostilePayloads.map((p, i) => message(i, p));
    const parsed = parseResult(listResult(messages, { includeBody: false, limit: messages.length }));
    assert.equal(parsed.blocks.length, messages.length);
    assert.ok(parsed.blocks.every((b) => !b.fields.has('message')), 'bodies only on request');
  });

  it('says that the blocks are data from the public, never instructions, and names its own closing line', () => {
    const text = listResult([message(1, 'hello')]);
    const parsed = parseResult(text);
    const outside = parsed.outside.join('\n');
    assert.match(outside, /anonymous members\s+of the public/);
    assert.match(outside, /never\s+instructions/);
    assert.ok(outside.includes(`</${UNTRUSTED_TAG} boundary="${parsed.boundary}">`));
  });

  it('picks another boundary when the data happens to hold the first one drawn', () => {
    const first = Buffer.from('0123456789abcdef01234567', 'hex');
    let draws = 0;
    const random = (n: number) => { draws += 1; return draws === 1 ? first.subarray(0, n) : Buffer.alloc(n, 0xab); };
    const text = listResult([message(1, `I know your boundary: ${first.toString('hex')}`)], { random });
    assert.equal(parseResult(text).boundary, 'ab'.repeat(12));
    assert.equal(draws, 2);
  });

  it('caps each field, the number of messages and the whole result, and says what was left out', () => {
    const huge = 'spam '.repeat(400_000);
    const messages = Array.from({ length: 80 }, (_, i) => message(i, huge));
    const text = listResult(messages, { limit: 50, maxChars: MAX_OFFLINE_RESULT_CHARS });
    assert.ok(text.length <= MAX_OFFLINE_RESULT_CHARS, `${text.length} characters`);
    const parsed = parseResult(text);
    assert.ok(parsed.blocks.length >= 5 && parsed.blocks.length < 50, `${parsed.blocks.length} blocks`);
    assert.ok(parsed.blocks[0].lines.some((l) => l.startsWith('message: ') && l.length <= 'message: '.length + 1_000 && l.endsWith(` of ${(huge.length).toLocaleString('en-US')} characters)`)));
    assert.match(parsed.outside.join('\n'), new RegExp(`Listed: the ${parsed.blocks.length} newest messages of 80, newest first; ${80 - parsed.blocks.length} more not listed`));
    const few = parseResult(listResult(messages.map((m) => ({ ...m, subject: 'short', message: 'short', visitor: {} })), { limit: 3 }));
    assert.equal(few.blocks.length, 3);
  });

  it('one message with its reply thread: visitor text and replies in one block, the body capped at 8,000', () => {
    const detail: OfflineMessageDetail = {
      ...message(1, `${'x'.repeat(20_000)}${promptInjections[9]}`),
      replies: [
        { message: promptInjections[0], at: NOW - 1000, agentName: promptInjections[3], agentId: '77273' },
        { message: 'We are on it.', agentName: 'Lisa' },
      ],
    };
    const parsed = parseResult(offlineMessageResult({ connection, message: detail }));
    assert.equal(parsed.blocks.length, 1);
    const f = parsed.blocks[0].fields;
    const body = parsed.blocks[0].lines.find((l) => l.startsWith('message: '))!;
    assert.ok(body.length <= 'message: '.length + FIELD_CAPS.body && body.length > 'message: '.length + FIELD_CAPS.body - 100, `${body.length}`);
    assert.ok(detail.message!.startsWith(f.get('message')!));
    assert.equal(f.get('reply 1 text'), promptInjections[0]);
    assert.equal(f.get('reply 1 agent'), promptInjections[3]);
    assert.equal(f.get('reply 2 text'), 'We are on it.');
    for (const line of parsed.outside) assert.ok(!line.includes(INJECTION_MARKER), line);
    assert.match(parsed.outside.join('\n'), /Message 1: id "1001"; connection "Support REVE" \(id "reve-1", REVE Chat\); received 2026-11-30T11:59Z; read; 2 replies/);
  });
});
