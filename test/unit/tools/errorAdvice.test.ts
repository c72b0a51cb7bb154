// The tools' failure texts (src/tools/listStateText.ts) and every place they are joined into a result: advice that
// fits each kind of error (a missing permission never sends the user to change working credentials), "tries again
// by itself" once and only when Chatdesk has a time for it, and clean joins whether a vendor's message ends with a
// period or not.
import * as assert from 'node:assert/strict';
import { ApiError, type ApiErrorKind } from '../../../src/api/errors';
import type { Connection, OfflineMessage } from '../../../src/api/model';
import { KeyringError } from '../../../src/connections/keyring';
import type { ListState } from '../../../src/store/listState';
import { findAgentsResult, agentDetailsResult } from '../../../src/tools/agentResults';
import { connectionsResult } from '../../../src/tools/connectionsResult';
import { findAgentsInput } from '../../../src/tools/input';
import { agentListText, errorAdvice, errorText } from '../../../src/tools/listStateText';
import { offlineListResult } from '../../../src/tools/offlineResults';

const NOW = Date.UTC(2026, 10, 30, 12, 0);
const KINDS: ApiErrorKind[] = ['auth', 'forbidden', 'not-found', 'bad-request', 'rate-limited', 'server', 'network', 'timeout', 'malformed', 'cancelled', 'unsupported'];
const conn: Connection = { id: 'rv-1', label: 'REVE prod', platform: 'revechat', baseUrl: 'https://api.revechat.com', accountId: '8683034', username: 'a@example.com' };

/** Every error a list can hold: each kind, with a vendor message ending with a period, without, with "!" and empty. */
function errors(): unknown[] {
  const out: unknown[] = [];
  for (const kind of KINDS) {
    for (const message of ['Access is denied! Only user with Super Admin role can access the REST API.', 'Invalid token', 'Too many requests!', '']) {
      out.push(new ApiError(kind, message, { status: 400 }));
    }
  }
  out.push(new ApiError('forbidden', 'may not list agents.', { status: 403, permissions: ['edit-omnichannel-contact', 'transfer-livechat-guest'] }));
  out.push(new ApiError('auth', 'TOTP Required', { status: 400, code: 'totp-required' }));
  out.push(new ApiError('rate-limited', 'You must wait 60 seconds.', { status: 429, retryAfterMs: 60_000 }));
  out.push(new KeyringError('read', new Error('no keyring daemon')));
  out.push(new Error('Something broke.'));
  out.push('a string error');
  return out;
}

/** Joins gone wrong: a doubled full stop (not an ellipsis), a full stop before or after a semicolon, a space before one, double spaces. */
function assertCleanJoins(text: string, context: string): void {
  for (const line of text.split('\n')) {
    assert.doesNotMatch(line, /(?<!\.)\.\.(?!\.)/, `${context}: ".." in ${line}`);
    assert.doesNotMatch(line, /[.!?]["”]?\s*;|;\s*[.;]/, `${context}: ". ;" in ${line}`);
    assert.doesNotMatch(line, /\s[.;,]|\S {2,}\S/, `${context}: a stray space in ${line}`);
    assert.ok((line.match(/tries again by itself/g) ?? []).length <= 1, `${context}: "tries again by itself" twice in ${line}`);
  }
}

function states(e: unknown): ListState[] {
  const base: ListState = { status: 'error', count: 0, progress: 0, truncated: false, cached: false, complete: false, error: e };
  return [base, { ...base, count: 12, loadedAt: NOW - 60_000, retryAt: NOW + 120_000 }, { ...base, retryAt: NOW + 30_000 }];
}

describe('tools: failures in words', () => {
  it('a missing permission names the permission and an administrator, never Update Credentials', () => {
    const named = errorText(new ApiError('forbidden', 'User does not have the permissions required for this action', { status: 403, permissions: ['edit-omnichannel-contact', 'transfer-livechat-guest'] }));
    assert.match(named, /ask an administrator of the platform for the "edit-omnichannel-contact" or "transfer-livechat-guest" permission/);
    const bare = errorText(new ApiError('forbidden', 'Access is denied! Only user with Super Admin role can access the REST API', { status: 403 }));
    assert.match(bare, /The credentials work.*administrator/);
    for (const text of [named, bare]) {
      assert.doesNotMatch(text, /Update Credentials/);
      assert.match(text, /New credentials would not help\./);
    }
  });

  it('each kind gets advice of its own; only rejected credentials, two-factor and the keyring send the user to Update Credentials', () => {
    const generic = errorAdvice(new Error('x'));
    for (const kind of KINDS) {
      const advice = errorAdvice(new ApiError(kind, 'm'));
      assert.notEqual(advice, generic, `${kind} has no advice of its own`);
      assert.equal(/Update Credentials/.test(advice), kind === 'auth', `${kind}: ${advice}`);
    }
    assert.match(errorAdvice(new ApiError('auth', 'TOTP Required', { code: 'totp-required' })), /"Ignore Two Factor Authentication"/);
    assert.match(errorAdvice(new KeyringError('read', new Error('locked'))), /OS keyring.*Update Credentials/);
  });

  it('says that Chatdesk tries again by itself once, with the time, and only when it will', () => {
    const rate = new ApiError('rate-limited', 'Error, too many requests. Please slow down. You must wait 60 seconds before trying this endpoint again.', { status: 429 });
    const scheduled = agentListText({ status: 'error', count: 0, progress: 0, truncated: false, cached: false, complete: false, error: rate, retryAt: NOW + 60_000 }, NOW);
    assert.equal(scheduled.match(/tries again by itself/g)?.length, 1, scheduled);
    assert.match(scheduled, /tries again by itself at 2026-11-30T12:01Z\.$/);
    const unscheduled = agentListText({ status: 'error', count: 0, progress: 0, truncated: false, cached: false, complete: false, error: rate }, NOW);
    assert.doesNotMatch(unscheduled, /by itself/, 'no retry is scheduled, so none may be promised');
    assert.match(unscheduled, /the user can refresh/);
    assert.match(errorText(new ApiError('rate-limited', 'slow down', { retryAfterMs: 42_000 })), /asked it to wait 42 seconds/);
  });

  it('ends with one full stop whether the vendor message ended with one or not', () => {
    assert.match(errorText(new ApiError('server', 'Service Unavailable', { status: 503 })), /: "Service Unavailable"\. The server failed: the user can refresh later\.$/);
    assert.match(errorText(new ApiError('server', 'Service Unavailable.', { status: 503 })), /: "Service Unavailable\." The server failed: the user can refresh later\.$/);
  });

  it('every result that joins a failure into its text joins it cleanly, for every kind and message', () => {
    const messages: OfflineMessage[] = [];
    for (const e of errors()) {
      const context = e instanceof Error ? `${(e as ApiError).kind ?? e.name}: ${e.message}` : String(e);
      for (const st of states(e)) {
        assertCleanJoins(agentListText(st, NOW), context);
        assertCleanJoins(errorText(e, { retryAt: st.retryAt }), context);
        assertCleanJoins(connectionsResult([{ connection: conn, agents: st, offline: st }], NOW), context);
        assertCleanJoins(offlineListResult({
          sections: [{ state: { connection: conn, state: st }, messages, unread: 0 }],
          unreadOnly: false, includeBody: false, limit: 20, now: NOW,
        }), context);
        assertCleanJoins(findAgentsResult({ input: findAgentsInput({ query: 'x' }), matches: [], connections: new Map([[conn.id, conn]]), states: [{ connection: conn, state: st }], now: NOW }), context);
        assertCleanJoins(agentDetailsResult({ id: '1', found: [], byEmail: false, states: [{ connection: conn, state: st }], now: NOW }), context);
      }
    }
  });
});
