// Times that a Date cannot hold (NaN, ±1e300, a nanosecond timestamp read as ms) never make a tool fail: they read
// "unknown time". A load held back by the rate limit or a retry says so, with the time it goes on.
import * as assert from 'node:assert/strict';
import { ApiError } from '../../../src/api/errors';
import type { Agent, Connection, OfflineMessage, OfflineMessageDetail } from '../../../src/api/model';
import type { ListState } from '../../../src/store/listState';
import { agentDetailsResult, findAgentsResult } from '../../../src/tools/agentResults';
import { connectionsResult } from '../../../src/tools/connectionsResult';
import { findAgentsInput } from '../../../src/tools/input';
import { age, agentListText, errorText, isoMinute } from '../../../src/tools/listStateText';
import { offlineListResult, offlineMessageResult } from '../../../src/tools/offlineResults';
import { parseResult } from './support';

const NOW = Date.UTC(2026, 10, 30, 12, 0);
const conn: Connection = { id: 'c1', label: 'L', platform: 'revechat', baseUrl: 'https://x.example' };
const BAD_TIMES = [Number.NaN, 1e300, -1e300, Number.POSITIVE_INFINITY, 8.64e15 + 1, 1732950000000000000];
const loaded: ListState = { status: 'loaded', count: 1, progress: 1, truncated: false, cached: false, complete: true, loadedAt: NOW };

describe('tools: times a Date cannot hold', () => {
  it('isoMinute and age read "unknown time" instead of throwing', () => {
    for (const t of BAD_TIMES) {
      assert.equal(isoMinute(t), 'unknown time', String(t));
      assert.doesNotThrow(() => age(t, NOW));
      assert.doesNotMatch(age(t, NOW), /NaN|Infinity|e\+/);
    }
    assert.equal(isoMinute(Date.UTC(2026, 10, 30, 9, 12, 59)), '2026-11-30T09:12Z');
  });

  it('list states, agents, messages and replies with such times give a result, never an exception', () => {
    for (const t of BAD_TIMES) {
      const states: ListState[] = [
        { ...loaded, loadedAt: t },
        { ...loaded, cached: true, loadedAt: t },
        { ...loaded, status: 'loading', loadedAt: t, waiting: { until: t, reason: 'pacing' } },
        { ...loaded, status: 'error', loadedAt: t, retryAt: t, error: new ApiError('rate-limited', 'slow down', { status: 429 }) },
      ];
      for (const s of states) {
        const text = agentListText(s, NOW);
        assert.doesNotMatch(text, /NaN|Infinity|Invalid/, text);
      }
      assert.doesNotThrow(() => errorText(new ApiError('rate-limited', 'x', { status: 429 }), { retryAt: t }));
      const agent: Agent = { platform: 'revechat', connectionId: 'c1', id: '7', name: 'Lisa', status: 'online', departments: [], lastLoginAt: t, createdAt: t, raw: {} };
      const details = agentDetailsResult({ id: '7', found: [{ agent, connection: conn }], byEmail: false, states: [{ connection: conn, state: states[0] }], now: NOW });
      assert.match(details, /"lastLogin":"unknown time"/);
      assert.doesNotThrow(() => findAgentsResult({ input: findAgentsInput({ query: '' }), matches: [agent], connections: new Map([['c1', conn]]), states: states.map((state) => ({ connection: conn, state })), now: NOW }));
      assert.doesNotThrow(() => connectionsResult(states.map((s) => ({ connection: conn, agents: s, offline: s })), NOW));
      const ok: OfflineMessage = { id: '1', subject: 'hi', message: 'x', unread: true, visitor: {}, receivedAt: NOW, raw: {} };
      const list = offlineListResult({ sections: [{ state: { connection: conn, state: states[1] }, messages: [ok, { ...ok, id: '2', receivedAt: t }], unread: 2 }], unreadOnly: false, includeBody: false, limit: 20, now: NOW });
      assert.match(list, /received at an unknown time/);
      const detail: OfflineMessageDetail = { ...ok, receivedAt: t, replies: [{ message: 'r', at: t }, { message: 's', at: NOW }] };
      parseResult(offlineMessageResult({ connection: conn, message: detail }));
    }
  });
});

describe('tools: a load held back says why and until when', () => {
  const until = Date.UTC(2026, 10, 30, 12, 7, 30);
  it('pacing and a server\'s wait: "waiting for the rate limit until …"; a retry: "retrying at …"', () => {
    const loading: ListState = { ...loaded, status: 'loading', loadedAt: undefined, count: 120 };
    assert.match(agentListText({ ...loading, waiting: { until, reason: 'pacing' } }, NOW), /waiting for the rate limit until 2026-11-30T12:07Z/);
    assert.match(agentListText({ ...loading, waiting: { until, reason: 'rate-limited' } }, NOW), /waiting for the rate limit until 2026-11-30T12:07Z.*server asked/);
    assert.match(agentListText({ ...loading, waiting: { until, reason: 'retry' } }, NOW), /retrying at 2026-11-30T12:07Z/);
    // a refresh over a cached list held back says it too
    assert.match(agentListText({ ...loaded, status: 'loading', cached: true, waiting: { until, reason: 'pacing' } }, NOW), /waiting for the rate limit until 2026-11-30T12:07Z/);
    assert.doesNotMatch(agentListText(loading, NOW), /waiting|retrying/);
  });
});
