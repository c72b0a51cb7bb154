// Every tool result within its documented cap and the model's token budget whatever the data: hostile values that
// grow when escaped (`<` → `\u003c`), huge reply threads, many connections, the limit over several connections.
// Cuts are whole items (agents, messages, replies, connections) with what was left out said in words, and never
// inside an untrusted block's line or a JSON string's escape.
import * as assert from 'node:assert/strict';
import { ApiError } from '../../../src/api/errors';
import type { Agent, Connection, OfflineMessage, OfflineMessageDetail } from '../../../src/api/model';
import type { ListState } from '../../../src/store/listState';
import { agentDetailsResult, findAgentsResult, MAX_AGENT_RESULT_CHARS } from '../../../src/tools/agentResults';
import { connectionsResult, MAX_CONNECTIONS_RESULT_CHARS } from '../../../src/tools/connectionsResult';
import { findAgentsInput } from '../../../src/tools/input';
import { MAX_OFFLINE_RESULT_CHARS, offlineListResult, offlineMessageResult } from '../../../src/tools/offlineResults';
import { parseResult } from './support';

const NOW = Date.UTC(2026, 10, 30, 12, 0);
const hc: Connection = { id: 'c1', label: 'L', platform: 'helpcrunch', baseUrl: 'https://x.example' };
const reve: Connection = { id: 'r1', label: 'REVE', platform: 'revechat', baseUrl: 'https://x.example' };
const loaded: ListState = { status: 'loaded', count: 1, progress: 1, truncated: false, cached: false, complete: true, loadedAt: NOW - 60_000 };
const lt = (n: number) => '<'.repeat(n);

/** The agent of the audit: every text 5,000 `<`, 30 departments of 500 `<`. */
const hostileAgent: Agent = {
  platform: 'helpcrunch', connectionId: 'c1', id: lt(300), name: lt(5000), email: lt(5000), role: lt(5000), status: 'online',
  departments: Array.from({ length: 30 }, (_, i) => ({ id: lt(500) + i, name: lt(500) + i })), raw: {},
};
/** The same shape in plain ASCII (no growth when escaped). */
const asciiAgent: Agent = {
  ...hostileAgent, id: 'i'.repeat(300), name: 'n'.repeat(5000), email: 'e'.repeat(5000), role: 'r'.repeat(5000),
  departments: Array.from({ length: 30 }, (_, i) => ({ id: 'd'.repeat(500) + i, name: 'D'.repeat(500) + i })),
};

const agentLines = (text: string) => text.split('\n').filter((l) => /^\d+\. \{/.test(l)).map((l) => JSON.parse(l.replace(/^\d+\. /, '')) as Record<string, unknown>);

function hostileMessage(fill: (n: number) => string, replies = 40): OfflineMessageDetail {
  return {
    id: '1', subject: fill(1000), message: fill(20_000), unread: true, visitor: { name: fill(500), email: fill(500), phone: fill(500) }, raw: {},
    replies: Array.from({ length: replies }, (_, i) => ({ message: `${i}:${fill(5000)}`, agentName: fill(500), agentId: fill(200), at: NOW - (replies - i) * 60_000 })),
  };
}

describe('tools: every result within its cap and the token budget', () => {
  for (const [name, fill] of [['all `<`', lt], ['plain ASCII', (n: number) => 'a'.repeat(n)]] as const) {
    it(`one offline message by ID (${name}, 40 replies) stays within 40,000 characters and any smaller budget`, () => {
      for (const maxChars of [undefined, 20_000, 6_000, 2_000]) {
        const text = offlineMessageResult({ connection: reve, message: hostileMessage(fill), maxChars });
        assert.ok(text.length <= (maxChars ?? MAX_OFFLINE_RESULT_CHARS), `${text.length} > ${maxChars ?? MAX_OFFLINE_RESULT_CHARS}`);
        const parsed = parseResult(text); // every field line one whole JSON string: no cut inside an escape
        assert.equal(parsed.blocks.length, 1);
        const fields = parsed.blocks[0].fields;
        assert.ok(fields.has('subject') && fields.has('message'), [...fields.keys()].join());
        // replies are cut whole, the newest kept; the result says how many older ones are not shown
        const shown = [...fields.keys()].filter((k) => /^reply \d+ text$/.test(k)).map((k) => Number(/\d+/.exec(k)![0]));
        const left = 40 - shown.length;
        assert.ok(left > 0, 'all 40 replies of 5,000 characters cannot fit');
        assert.match(parsed.outside.join('\n'), new RegExp(`${left} older repl(y|ies) not shown`));
        if (shown.length) assert.deepEqual(shown, Array.from({ length: shown.length }, (_, i) => 40 - shown.length + 1 + i), 'the newest, numbered in the thread, oldest first');
        for (const n of shown) assert.ok(fields.get(`reply ${n} text`)!.startsWith(`${n - 1}:`), 'reply numbers are the thread\'s');
      }
    });
  }

  it('a message with few short replies is shown whole, with no note about replies left out', () => {
    const m = hostileMessage((n) => 'x'.repeat(Math.min(n, 50)), 3);
    const text = offlineMessageResult({ connection: reve, message: m });
    const parsed = parseResult(text);
    assert.equal(parsed.blocks[0].fields.get('reply 3 text'), `2:${'x'.repeat(50)}`);
    assert.doesNotMatch(text, /not shown/);
  });

  it('agent details: one hostile agent fits 24,000 characters and a 2,000-character budget, still as one JSON line', () => {
    for (const agent of [hostileAgent, asciiAgent]) {
      for (const maxChars of [undefined, 2_000]) {
        const text = agentDetailsResult({ id: 'x', found: [{ agent, connection: hc }, { agent, connection: { ...hc, id: 'c2' } }], byEmail: false, states: [{ connection: hc, state: loaded }], now: NOW, maxChars });
        assert.ok(text.length <= (maxChars ?? MAX_AGENT_RESULT_CHARS), `${text.length}`);
        const shown = agentLines(text);
        assert.ok(shown.length >= 1, text.slice(0, 500));
        assert.equal(typeof shown[0].name, 'string');
      }
    }
  });

  it('find agents: hostile agents within a 2,000-character budget, the rest counted', () => {
    const text = findAgentsResult({ input: findAgentsInput({ query: '', limit: 20 }), matches: [hostileAgent, hostileAgent, hostileAgent], connections: new Map([['c1', hc]]), states: [{ connection: hc, state: loaded }], now: NOW, maxChars: 2_000 });
    assert.ok(text.length <= 2_000, `${text.length}`);
    assert.ok(agentLines(text).length >= 1);
    assert.match(text, /more matched and are not listed/);
  });

  it('find agents over 300 failed connections: the freshness section is cut to the cap, saying how many are left out', () => {
    const failed: ListState = { ...loaded, status: 'error', count: 0, error: new ApiError('server', `${'boom '.repeat(100)}`, { status: 500 }) };
    const states = Array.from({ length: 300 }, (_, i) => ({ connection: { ...hc, id: `c${i}`, label: `Connection ${i} ${'<'.repeat(100)}` }, state: failed }));
    for (const maxChars of [undefined, 2_000]) {
      const text = findAgentsResult({ input: findAgentsInput({ query: 'x' }), matches: [asciiAgent], connections: new Map([['c1', hc]]), states, now: NOW, maxChars });
      assert.ok(text.length <= (maxChars ?? MAX_AGENT_RESULT_CHARS), `${text.length}`);
      assert.match(text, /\d+ more connections? not listed here/);
      assert.equal(agentLines(text).length, 1);
    }
  });

  it('offline messages of 3 connections: the limit holds for the whole result, newest first across connections', () => {
    const sections = [1, 2, 3].map((n) => {
      const connection = { ...reve, id: `r${n}`, label: `REVE ${n}` };
      const messages: OfflineMessage[] = Array.from({ length: 50 }, (_, i) => ({
        id: `${n}-${i}`, subject: 's', message: 'm', unread: true, visitor: {}, raw: {}, receivedAt: NOW - (i * 3 + n) * 60_000,
      }));
      return { state: { connection, state: { ...loaded, count: 50 } }, messages, unread: 50 };
    });
    const text = offlineListResult({ sections, unreadOnly: false, includeBody: false, limit: 50, now: NOW });
    const headers = text.split('\n').filter((l) => /^Message \d+:/.test(l));
    assert.equal(headers.length, 50);
    const ids = headers.map((l) => JSON.parse(/id ("[^"]*")/.exec(l)![1]) as string);
    // newest first over all three: 1-0, 2-0, 3-0, 1-1, …
    assert.deepEqual(ids.slice(0, 4), ['1-0', '2-0', '3-0', '1-1']);
    assert.match(text, /the 50 newest messages of 150\b.*100 more not listed/s);
    parseResult(text);
  });

  it('list connections: 400 connections fit the cap and a small budget, the rest counted', () => {
    const entries = Array.from({ length: 400 }, (_, i) => ({ connection: { ...hc, id: `c${i}`, label: `${'<'.repeat(120)}${i}` }, agents: loaded }));
    for (const maxChars of [undefined, 2_000]) {
      const text = connectionsResult(entries, NOW, maxChars);
      assert.ok(text.length <= (maxChars ?? MAX_CONNECTIONS_RESULT_CHARS), `${text.length}`);
      assert.match(text, /\d+ more connections not listed/);
    }
  });
});
