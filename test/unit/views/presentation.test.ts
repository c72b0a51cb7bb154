import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { Agent, OfflineMessage } from '../../../src/api/model';
import { ApiError } from '../../../src/api/errors';
import type { StoredConnection } from '../../../src/connections/types';
import { agentTooltip, presentAgent } from '../../../src/views/presentation/agent';
import { clockTime, connectionTooltip, presentConnection } from '../../../src/views/presentation/connection';
import { presentError } from '../../../src/views/presentation/error';
import { filterAgents, noMatchText } from '../../../src/views/presentation/filter';
import { offlineMessageTooltip, presentOfflineMessage, sortNewestFirst } from '../../../src/views/presentation/offlineMessage';
import { escapeMarkdown } from '../../../src/text/markdown';
import { notificationText, plainText } from '../../../src/text/plain';
import { markdownProblems, renderedText } from '../hardening/textChecks';

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '[x](command:workbench.action.quit)',
  '**bold**',
  'evil\u202Etxt.exe',
  '<script>alert(1)</script>',
  '![i](https://evil.example/x.png)',
  '<https://evil.example>',
  'javascript:alert(1)',
  '`code` $(zap) &lt;b&gt;',
  '# heading\n---\n> quote',
  '[a]: command:workbench.action.quit',
];

function assertInertMarkdown(md: string, source: string): void {
  assert.deepEqual(markdownProblems(md), [], `${JSON.stringify(source)} in ${JSON.stringify(md)}`);
}

function agent(over: Partial<Agent> = {}): Agent {
  return { platform: 'revechat', connectionId: 'c1', id: '4761', name: 'Ada Lovelace', email: 'ada@example.com', role: 'admin', status: 'online', departments: [{ id: 'd1', name: 'Sales' }], raw: {}, ...over };
}

function message(over: Partial<OfflineMessage> = {}): OfflineMessage {
  return { id: 'm1', subject: 'Pricing', message: 'Hello\nthere', unread: true, receivedAt: Date.UTC(2026, 10, 23, 9), visitor: { name: 'Bob', email: 'bob@example.com' }, raw: {}, ...over };
}

const conn: StoredConnection = { id: 'c1', label: 'REVE · 1', platform: 'revechat', baseUrl: 'https://api.revechat.com', accountId: '1' };

describe('tree presentation', () => {
  it('agent: label, "e-mail · role" description, status icon, contextValue and stable id', () => {
    const p = presentAgent(agent());
    assert.deepEqual(p, {
      id: 'c1/agent/4761', label: 'Ada Lovelace', description: 'ada@example.com · admin',
      icon: { id: 'pass-filled', color: 'testing.iconPassed' }, contextValue: 'chatdesk:agent:revechat:email',
    });
    assert.equal(presentAgent(agent({ status: 'offline', email: undefined, role: undefined })).contextValue, 'chatdesk:agent:revechat');
    assert.equal(presentAgent(agent({ status: 'away' })).icon.color, 'charts.yellow');
    assert.equal(presentAgent(agent({ status: 'busy' })).icon.color, 'charts.red');
    assert.equal(presentAgent(agent({ name: '', email: undefined })).label, '#4761');
    assert.equal(presentAgent(agent(), 'department/d1/').id, 'c1/department/d1/agent/4761');
  });

  for (const h of HOSTILE) {
    it(`hostile text stays inert everywhere: ${JSON.stringify(h).slice(0, 40)}`, () => {
      const a = agent({ name: h, email: h, role: h, id: h, departments: [{ id: h, name: h }] });
      const p = presentAgent(a);
      assert.ok(!/[\u202a-\u202e\n\r]/.test(p.label + p.description), 'label/description is one clean line');
      assertInertMarkdown(agentTooltip(a), h);
      const m = message({ subject: h, message: `${h}\n${h}`, visitor: { name: h, email: h, phone: h } });
      const mp = presentOfflineMessage(m, 'c1');
      assert.ok(!/[\u202a-\u202e\n\r]/.test(mp.label + mp.description));
      assertInertMarkdown(offlineMessageTooltip(m), h);
      const c = { ...conn, label: h, baseUrl: h, username: h };
      assertInertMarkdown(connectionTooltip(c, { status: 'error', count: 0, noun: 'agents', error: new ApiError('server', h) }), h);
      assert.ok(!/[\u202a-\u202e]/.test(presentError(new ApiError('server', h), 'x').label));
    });
  }

  it('escaped text still shows the words to the user', () => {
    const md = escapeMarkdown('<img src=x onerror=alert(1)>');
    assert.equal(md, '&#60;img src&#61;x onerror&#61;alert&#40;1&#41;&#62;');
    assert.equal(renderedText(md), '<img src=x onerror=alert(1)>');
    assert.match(renderedText(agentTooltip(agent({ name: '**bold** \\$(zap)' }))), /^\*\*bold\*\* \\\$\(zap\)/);
  });

  it('plain text collapses whitespace, strips controls and caps length', () => {
    assert.equal(plainText('a\n\tb\u0000c'), 'a bc');
    assert.equal(plainText('x'.repeat(500)).length, 200);
    assert.equal(plainText(undefined), '');
  });

  it('offline message: subject or "(no subject)", unread marker, visitor and relative time', () => {
    const now = Date.UTC(2026, 10, 23, 12);
    const p = presentOfflineMessage(message(), 'offline/c1', now);
    assert.equal(p.label, 'Pricing');
    assert.equal(p.description, '● unread · Bob · 3 h ago');
    assert.equal(p.icon.id, 'mail');
    assert.equal(p.contextValue, 'chatdesk:offlineMessage:unread');
    const read = presentOfflineMessage(message({ subject: '  ', unread: false, visitor: {} }), 'offline/c1', now);
    assert.equal(read.label, '(no subject)');
    assert.equal(read.icon.id, 'mail-read');
    assert.equal(read.description, 'anonymous visitor · 3 h ago');
    assert.match(offlineMessageTooltip(message()), /Hello {2}\nthere/);
  });

  it('"online only" that leaves nobody: says the platform does not report who is online when no agent has a status', () => {
    const unknown = [agent({ platform: 'helpcrunch', id: '1', status: 'unknown' }), agent({ platform: 'helpcrunch', id: '2', status: 'unknown' })];
    const onlineOnly = { text: '', onlineOnly: true };
    assert.deepEqual(filterAgents(unknown, onlineOnly), []);
    assert.equal(noMatchText(unknown, onlineOnly, 'helpcrunch'), 'HelpCrunch does not report who is online; use "Show All Agents"');
    assert.equal(noMatchText(unknown, { text: 'ada', onlineOnly: true }, 'helpcrunch'), 'HelpCrunch does not report who is online; use "Show All Agents"');
    // a platform that reports statuses, with nobody online: the filter simply matches nobody
    const offline = [agent({ id: '1', status: 'offline' }), agent({ id: '2', status: 'unknown' })];
    assert.equal(noMatchText(offline, onlineOnly, 'revechat'), 'No agents match the filter');
    assert.equal(noMatchText(unknown, { text: 'zzz', onlineOnly: false }, 'helpcrunch'), 'No agents match the filter');
  });

  it('offline messages sort newest first, undated last', () => {
    const ms = [message({ id: 'a', receivedAt: 1 }), message({ id: 'b', receivedAt: undefined }), message({ id: 'c', receivedAt: 3 })];
    assert.deepEqual(sortNewestFirst(ms).map((m) => m.id), ['c', 'a', 'b']);
  });

  it('connection: counts, loading, failure, demo and key expiry in description, icon and contextValue', () => {
    const now = Date.UTC(2026, 10, 23);
    assert.equal(presentConnection(conn, { status: 'loading', count: 1234, noun: 'agents' }, 'agents', now).description, '1,234 agents · loading…');
    assert.equal(presentConnection(conn, { status: 'loaded', count: 1, noun: 'agents' }, 'agents', now).description, '1 agent');
    assert.equal(presentConnection(conn, { status: 'loaded', count: 10, shown: 3, noun: 'agents' }, 'agents', now).description, '3 of 10 agents');
    const failed = presentConnection(conn, { status: 'error', count: 5, noun: 'agents' }, 'agents', now);
    assert.equal(failed.contextValue, 'chatdesk:connection:revechat:error');
    assert.equal(failed.icon.id, 'error');
    assert.equal(failed.description, '5 agents · refresh failed');
    const expiring = presentConnection({ ...conn, demo: true, keyExpiresAt: now + 2 * 86_400_000 }, { status: 'idle', count: 0, noun: 'agents' }, 'agents', now);
    assert.equal(expiring.contextValue, 'chatdesk:connection:revechat:expiring:demo');
    assert.equal(expiring.icon.id, 'warning');
    assert.equal(expiring.description, 'demo · key expires in 2 days');
    const expired = presentConnection({ ...conn, keyExpiresAt: now - 1 }, { status: 'idle', count: 0, noun: 'agents' }, 'offline', now);
    assert.equal(expired.contextValue, 'chatdesk:connection:revechat:expired');
    assert.equal(expired.id, 'offline/c1');
    assert.equal(presentConnection(conn, { status: 'loaded', count: 4, unread: 2, noun: 'messages' }, 'offline', now).description, '4 messages, 2 unread');
  });

  it('connection: cached agents with their age, refreshing; a list short of its total; a rate limit with its clock', () => {
    const now = Date.UTC(2026, 10, 23, 12, 0, 0);
    const threeHoursAgo = now - 3 * 3_600_000;
    const base = { noun: 'agents' as const, count: 1234, cachedAt: threeHoursAgo };
    assert.equal(presentConnection(conn, { ...base, status: 'loading' }, 'agents', now).description, '1,234 agents · cached 3 h ago · refreshing…');
    assert.equal(presentConnection(conn, { ...base, status: 'idle' }, 'agents', now).description, '1,234 agents · cached 3 h ago');
    const cachedFailed = presentConnection(conn, { ...base, status: 'error', error: new ApiError('server', 'HTTP 503') }, 'agents', now);
    assert.equal(cachedFailed.description, '1,234 agents · cached 3 h ago · refresh failed');
    assert.match(connectionTooltip(conn, { ...base, status: 'loading' }, now), /Shown from the cache of .*saved 3 h ago.*; refreshing…/);

    const incomplete = presentConnection(conn, { status: 'loaded', count: 193, noun: 'agents', incomplete: { received: 193, expected: 230, reason: 'short-of-total' } }, 'agents', now);
    assert.equal(incomplete.description, '193 of 230 agents — refresh to retry');
    assert.equal(incomplete.icon.id, 'warning');
    assert.match(incomplete.contextValue, /^chatdesk:connection:revechat:incomplete/);
    const repeated = presentConnection(conn, { status: 'loaded', count: 10, noun: 'agents', incomplete: { received: 10, reason: 'repeated-page' } }, 'agents', now);
    assert.equal(repeated.description, '10 agents, incomplete — refresh to retry');
    assert.match(connectionTooltip(conn, { status: 'loaded', count: 10, noun: 'agents', incomplete: { received: 10, reason: 'repeated-page' } }, now), /sent a page it had already sent/);
    const retrying = { status: 'loading', count: 40, noun: 'agents', waiting: { until: now + 5_000, reason: 'retry' } } as const;
    assert.match(presentConnection(conn, retrying, 'agents', now).description!, /^40 agents · retrying at \d/);
    assert.match(renderedText(connectionTooltip(conn, retrying, now)), /A request failed; Chatdesk tries it again at \d/);
    assert.match(renderedText(connectionTooltip(conn, { ...retrying, waiting: { until: now + 5_000, reason: 'pacing' } }, now)), /keeping to REVE Chat's rate limit: the next request goes at \d/);
    assert.doesNotMatch(presentConnection(conn, { ...retrying, status: 'loaded' }, 'agents', now).description!, /retrying/, 'a wait shows only while loading');
    const kept = { status: 'loaded', count: 230, noun: 'agents', refreshShort: { received: 193, expected: 230, reason: 'short-of-total' } } as const;
    const keptItem = presentConnection(conn, kept, 'agents', now);
    assert.equal(keptItem.description, '230 agents · last refresh incomplete — refresh to retry');
    assert.equal(keptItem.icon.id, 'warning');
    assert.match(keptItem.contextValue, /^chatdesk:connection:revechat:incomplete/);
    assert.match(connectionTooltip(conn, kept, now), /brought 193 of 230 agents&#44; so the complete list from before stays shown/);

    const retryAt = now + 90_000;
    const limited = { status: 'error' as const, count: 50, noun: 'agents' as const, error: new ApiError('rate-limited', 'Too many requests.', { status: 429, retryAfterMs: 90_000 }), retryAt };
    const row = presentConnection(conn, limited, 'agents', now);
    assert.equal(row.description, `50 agents · rate-limited, retrying at ${clockTime(retryAt, now)}`);
    assert.match(clockTime(retryAt, now), /\d{1,2}:\d{2}:\d{2}/, 'seconds when it is minutes away');
    assert.match(clockTime(now + 3 * 3_600_000, now), /^\D*\d{1,2}:\d{2}\D*$/, 'no seconds when it is hours away');
    assert.equal(row.icon.id, 'watch');
    assert.match(connectionTooltip(conn, limited, now), /tries again by itself at/);
  });

  it('error item: message as label, retry or credentials actions by kind', () => {
    const auth = presentError(new ApiError('auth', 'Bad credentials', { status: 401 }), 'agents/c1');
    assert.equal(auth.label, 'Bad credentials');
    assert.equal(auth.contextValue, 'chatdesk:error:auth:credentials');
    assert.equal(auth.id, 'agents/c1/error');
    assert.equal(presentError(new ApiError('timeout', 'timed out'), 'x').contextValue, 'chatdesk:error:timeout');
  });
});

describe('multi-line Markdown escaping (offline message text)', () => {
  it('neutralises block structure at line starts and keeps the line breaks', () => {
    const md = escapeMarkdown('# Title\n> quote\n- item\n1. first\n===\nplain', { multiline: true });
    assert.equal(md, '&#35; Title  \n&#62; quote  \n&#45; item  \n1&#46; first  \n&#61;&#61;&#61;  \nplain');
    assert.deepEqual(markdownProblems(md), []);
  });
});

describe('notification text', () => {
  it('breaks link syntax so a message cannot carry a (command) link', () => {
    const out = notificationText('Bad [click](command:workbench.action.quit) key\n<b>');
    assert.ok(!/\[[^\]]*\]\(/.test(out));
    assert.ok(!/\[click/.test(out));
    assert.match(out, /click/);
    assert.ok(!out.includes('\n'));
  });
});

describe('tree item ids', () => {
  it('encode "/" so ids cannot collide, and survive lone surrogates', () => {
    assert.notEqual(presentAgent(agent({ id: 'a/agent/b' })).id, presentAgent(agent({ id: 'a' }), 'agent/b/').id);
    assert.equal(presentAgent(agent({ id: 'x\ud800y' })).id, 'c1/agent/x%25ud800y');
    assert.equal(presentAgent(agent({ id: '😀' })).id, `c1/agent/${encodeURIComponent('😀')}`);
  });
});
