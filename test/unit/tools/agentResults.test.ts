// The agent tools' texts (src/tools/agentResults.ts, listStateText.ts): caps that hold for 50,000 agents, how many
// more matched, freshness in words (live, cached and how old, loading, failed, incomplete), quoted values.
import * as assert from 'node:assert/strict';
import { ApiError } from '../../../src/api/errors';
import type { Agent, Connection } from '../../../src/api/model';
import type { ListState } from '../../../src/store/listState';
import { agentDetailsResult, findAgentsResult, MAX_AGENT_RESULT_CHARS } from '../../../src/tools/agentResults';
import { findAgentsInput } from '../../../src/tools/input';
import { agentListText } from '../../../src/tools/listStateText';
import { hostilePayloads } from '../../fixtures/hostilePayloads';

const NOW = Date.UTC(2026, 10, 30, 12, 0);
const conn: Connection = { id: 'hc-1', label: 'HelpCrunch prod', platform: 'helpcrunch', baseUrl: 'https://api.helpcrunch.com' };
const base: ListState = { status: 'loaded', count: 50_000, progress: 50_000, truncated: false, cached: false, complete: true, loadedAt: NOW - 3 * 60_000 };

function agents(n: number, name = (i: number) => `Agent ${i}`): Agent[] {
  return Array.from({ length: n }, (_, i) => ({
    platform: 'helpcrunch', connectionId: conn.id, id: String(10_000 + i), name: name(i), email: `a${i}@example.com`,
    role: 'agent', status: 'online', departments: [{ id: '1', name: 'Billing' }], raw: {},
  }));
}

const lines = (text: string) => text.split('\n').filter((l) => /^\d+\. \{/.test(l)).map((l) => JSON.parse(l.replace(/^\d+\. /, '')) as Record<string, unknown>);

describe('tools: agent results', () => {
  it('caps hold for 50,000 matching agents: at most the limit, within the character cap, the rest counted', () => {
    const all = agents(50_000);
    for (const limit of [1, 20, 50]) {
      const text = findAgentsResult({ input: findAgentsInput({ query: 'agent', limit }), matches: all, connections: new Map([[conn.id, conn]]), states: [{ connection: conn, state: base }], now: NOW });
      assert.ok(text.length <= MAX_AGENT_RESULT_CHARS, `${text.length} characters`);
      assert.equal(lines(text).length, limit);
      assert.match(text, new RegExp(`50,000 agents matched; showing ${limit}, best first`));
      assert.match(text, new RegExp(`${(50_000 - limit).toLocaleString('en-US')} more matched and are not listed`));
    }
    // huge values: the character cap wins over the limit, and says so
    const fat = agents(50_000, (i) => `${'N'.repeat(5_000)} ${i}`);
    const text = findAgentsResult({ input: findAgentsInput({ query: '', limit: 50 }), matches: fat, connections: new Map([[conn.id, conn]]), states: [{ connection: conn, state: base }], now: NOW, maxChars: 10_000 });
    assert.ok(text.length <= 10_000, `${text.length}`);
    const shown = lines(text);
    assert.ok(shown.length >= 1 && shown.length < 50);
    assert.match(String(shown[0].name), /…\[cut at \d+ of 5,00\d characters\]$/);
    assert.ok(JSON.stringify(shown[0].name).length <= 200, 'the cap holds for the quoted value');
  });

  it('every hostile name stays one JSON value of its line', () => {
    const list = agents(hostilePayloads.length, (i) => hostilePayloads[i]);
    const text = findAgentsResult({ input: findAgentsInput({ query: '', limit: 50 }), matches: list, connections: new Map([[conn.id, conn]]), states: [{ connection: conn, state: base }], now: NOW, maxChars: 10_000_000 });
    const parsed = lines(text);
    assert.equal(parsed.length, 50);
    parsed.forEach((a, i) => assert.equal(String(a.name).replace(/…\[cut at .*\]$/, ''), hostilePayloads[i].slice(0, 200).replace(/[\ud800-\udbff]$/, '')));
    assert.doesNotMatch(text, /[<>]/);
  });

  it('says how fresh a list is: live, cached and how old, loading, failed in words, incomplete', () => {
    assert.equal(agentListText(base, NOW), '50,000 agents; live, loaded 3 minutes ago (2026-11-30T11:57Z); complete');
    assert.equal(agentListText({ ...base, status: 'loading', cached: true, loadedAt: NOW - 3 * 3_600_000, count: 1_234 }, NOW),
      '1,234 agents; cached from an earlier session, saved 3 hours ago (2026-11-30T09:00Z); a refresh is running');
    assert.equal(agentListText({ ...base, status: 'loading', loadedAt: undefined, complete: false, count: 200 }, NOW), 'still loading: 200 agents so far, more may follow');
    assert.equal(agentListText({ status: 'idle', count: 0, progress: 0, truncated: false, cached: false, complete: false }, NOW), 'not loaded yet (no agents known)');
    assert.match(agentListText({ ...base, status: 'error', count: 0, loadedAt: undefined, error: new ApiError('network', 'Could not reach 127.0.0.1:9.') }, NOW),
      /^no agents known; the last load failed: network error: "Could not reach 127\.0\.0\.1:9\." The server could not be reached/);
    assert.match(agentListText({ ...base, status: 'error', error: new ApiError('rate-limited', 'Too many requests', { status: 429 }), retryAt: NOW + 60_000 }, NOW),
      /50,000 agents known from before \(live, loaded 3 minutes ago .*\); the last load failed: rate-limited error \(HTTP 429\).*tries again by itself at 2026-11-30T12:01Z/);
    assert.equal(agentListText({ ...base, count: 193, complete: false, incomplete: { received: 193, expected: 230, reason: 'short-of-total' } }, NOW),
      '193 agents; live, loaded 3 minutes ago (2026-11-30T11:57Z); incomplete: the server reported 230 but sent 193');
    assert.equal(agentListText({ ...base, count: 230, complete: true, refreshShort: { received: 193, expected: 230, reason: 'short-of-total' } }, NOW),
      '230 agents; live, loaded 3 minutes ago (2026-11-30T11:57Z); complete; a later refresh ended short (193 of 230), so this earlier complete list is kept');
  });

  it('agent details: the same ID on two connections is two agents, said so', () => {
    const other: Connection = { id: 'rc-1', label: 'Rocket EU', platform: 'rocketchat', baseUrl: 'https://chat.example.com' };
    const [a] = agents(1);
    const b = { ...a, platform: 'rocketchat' as const, connectionId: other.id, name: 'Someone Else' };
    const text = agentDetailsResult({ id: a.id, found: [{ agent: a, connection: conn }, { agent: b, connection: other }], byEmail: false, states: [], now: NOW });
    assert.match(text, /2 agents with ID "10000", on different connections/);
    assert.deepEqual(lines(text).map((x) => x.connection), ['HelpCrunch prod', 'Rocket EU']);
  });
});
