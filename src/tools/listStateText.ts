// A list's state in words for a model: how fresh the data is (live or cached, how old), whether it is whole,
// loading, rate-limited or failed and why. No vscode. Errors are read by shape, not by class: this file runs in the
// tools bundle (dist/tools.js), whose copy of ApiError is not the one the store's errors were made with.
import type { ListingWait } from '../api/model';
import type { ListState } from '../store/listState';
import { isTwoFactorCode } from '../api/errors';
import { joinSentences } from '../text/sentences';
import { isDateTime } from '../util/dateRange';
import { count, quoteCapped } from './modelText';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** "just now", "12 minutes ago", "3 hours ago", "2 days ago" (English: the reader is a model). */
export function age(at: number, now: number): string {
  if (!validTime(at) || !validTime(now)) return 'at an unknown time';
  const d = now - at;
  if (d < -MIN) return 'in the future (the clocks disagree)';
  if (d < MIN) return 'just now';
  if (d < HOUR) return plural(Math.floor(d / MIN), 'minute') + ' ago';
  if (d < DAY) return plural(Math.floor(d / HOUR), 'hour') + ' ago';
  return plural(Math.floor(d / DAY), 'day') + ' ago';
}

export function plural(n: number, noun: string): string {
  return `${count(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** Whether `at` is a time a Date can hold and ISO 8601 can write with a four-digit year (0000–9999). */
export function validTime(at: unknown): at is number {
  return isDateTime(at) && new Date(at).getUTCFullYear() >= 0 && new Date(at).getUTCFullYear() <= 9999;
}

/** An ISO time to the minute, UTC: "2026-11-30T09:12Z"; "unknown time" for NaN, ±Infinity or a time out of range. Never throws. */
export function isoMinute(at: number): string {
  return validTime(at) ? new Date(at).toISOString().slice(0, 16) + 'Z' : 'unknown time';
}

/** The error kinds of src/api/errors.ts, read by shape. */
export function errorKind(e: unknown): string | undefined {
  if (e && typeof e === 'object' && (e as { name?: unknown }).name === 'ApiError') {
    const kind = (e as { kind?: unknown }).kind;
    return typeof kind === 'string' ? kind : undefined;
  }
  return undefined;
}

function stringField(e: unknown, name: string): string | undefined {
  const v = e && typeof e === 'object' ? (e as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** The platform permissions a `forbidden` error names (ApiError.permissions), quoted: `"a" or "b"`; undefined for none. */
function permissionList(e: unknown): string | undefined {
  const v = e && typeof e === 'object' ? (e as { permissions?: unknown }).permissions : undefined;
  const names = Array.isArray(v) ? v.filter((p): p is string => typeof p === 'string' && p.length > 0).slice(0, 5) : [];
  return names.length ? names.map((p) => quoteCapped(p, 80)).join(' or ') : undefined;
}

export interface ErrorTextOptions {
  /** When Chatdesk tries again by itself (epoch ms): the list's `retryAt`. */
  retryAt?: number;
}

/**
 * What the user can do about a failure, in sentences that fit its kind (the model passes them on). Only a rejected
 * credential (and a token that does not bypass two-factor authentication, and a keyring VS Code could not read)
 * leads to "Update Credentials": a missing permission means the credentials work, so it names the permission and
 * the administrator instead. "Tries again by itself" only when Chatdesk has a time for it.
 */
export function errorAdvice(e: unknown, o: ErrorTextOptions = {}): string {
  const kind = errorKind(e);
  if (stringField(e, 'name') === 'KeyringError') {
    return 'VS Code could not read the OS keyring where the credentials are kept: once the keyring works again, the user can run "Chatdesk: Update Credentials" for this connection and refresh.';
  }
  if (isTwoFactorCode(stringField(e, 'code'))) {
    return 'Rocket.Chat asks this user for a two-factor code, which Chatdesk cannot send: the user can create a personal access token with "Ignore Two Factor Authentication" ticked and enter it with "Chatdesk: Update Credentials".';
  }
  switch (kind) {
    case 'auth':
      return 'The platform rejected the credentials: the user can run "Chatdesk: Update Credentials" for this connection.';
    case 'forbidden': {
      const permissions = permissionList(e);
      return permissions
        ? `The credentials work, but the user's account on the platform lacks a permission: the user can ask an administrator of the platform for the ${permissions} permission, then refresh. New credentials would not help.`
        : 'The credentials work, but the account on the platform is not allowed to do this: the user can ask an administrator of the platform for the permission (the Chatdesk log has the server\'s answer), then refresh. New credentials would not help.';
    }
    case 'rate-limited': {
      if (validTime(o.retryAt)) return `The platform is rate-limiting Chatdesk; Chatdesk tries again by itself at ${isoMinute(o.retryAt)}.`;
      const after = e && typeof e === 'object' ? (e as { retryAfterMs?: unknown }).retryAfterMs : undefined;
      return typeof after === 'number' && Number.isFinite(after) && after > 0
        ? `The platform is rate-limiting Chatdesk and asked it to wait ${plural(Math.ceil(after / 1000), 'second')}: the user can refresh after that.`
        : 'The platform is rate-limiting Chatdesk: the user can refresh in a minute.';
    }
    case 'network':
      return 'The server could not be reached: the user can check the server URL ("Chatdesk: Edit Connection…") and the network, then refresh.';
    case 'timeout':
      return 'The server did not answer in time: the user can refresh later or raise the setting chatdesk.requestTimeoutSeconds.';
    case 'server':
      return 'The server failed: the user can refresh later.';
    case 'malformed':
      return 'The server sent something Chatdesk could not read: the user can check the server URL ("Chatdesk: Edit Connection…") and refresh.';
    case 'not-found':
      return 'The server has no such resource: the user can check the server URL and the account or user ID ("Chatdesk: Edit Connection…").';
    case 'bad-request':
      return 'The server refused the request: the user can check the connection\'s settings ("Chatdesk: Edit Connection…"); the Chatdesk log has the details.';
    case 'cancelled':
      return 'The load was cancelled before it finished: the user can refresh.';
    case 'unsupported':
      return 'The platform or this connection does not offer this.';
    default:
      return 'The user can refresh the connection in the Chatdesk Agents view; the Chatdesk log has the details.';
  }
}

/**
 * A failure in sentences: its kind and status, its message (the platform's own where it gave one; quoted: it is the
 * server's text), and what the user can do (errorAdvice). Ends with one sentence end, whether the message ended
 * with a period or not.
 */
export function errorText(e: unknown, o: ErrorTextOptions = {}): string {
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : 'unknown error';
  const kind = errorKind(e);
  const status = e && typeof e === 'object' ? (e as { status?: unknown }).status : undefined;
  const head = `${kind ? `${kind} error` : 'error'}${typeof status === 'number' ? ` (HTTP ${status})` : ''}: ${quoteCapped(message, 300)}`;
  return joinSentences([head, errorAdvice(e, o)]);
}

/**
 * Why a load in flight brings nothing now (ListState.waiting): "waiting for the rate limit until 2026-11-30T09:12Z
 * (Chatdesk keeps to the platform's rate limit)", "… (the server asked Chatdesk to wait)", "a request failed; retrying
 * at …".
 */
export function waitingText(w: ListingWait): string {
  switch (w.reason) {
    case 'retry': return `a request failed; retrying at ${isoMinute(w.until)}`;
    case 'rate-limited': return `waiting for the rate limit until ${isoMinute(w.until)} (the server asked Chatdesk to wait)`;
    default: return `waiting for the rate limit until ${isoMinute(w.until)} (Chatdesk keeps to the platform's rate limit)`;
  }
}

/**
 * How fresh and whole a connection's agent list is, as a clause (no final full stop) except after a failure, which
 * ends with the error's sentences (join what follows with joinSentences, never with "; "):
 * "live, loaded 3 minutes ago (2026-11-30T09:12Z), complete: 412 agents"; "cached 3 hours ago (…), refreshing…";
 * "still loading: 1,200 agents so far"; "failed: …"; "incomplete: 193 of 230 agents".
 */
export function agentListText(state: ListState, now: number, noun = 'agents'): string {
  const n = plural(state.count, noun.replace(/s$/, ''));
  const when = state.loadedAt === undefined ? '' : validTime(state.loadedAt) ? `${age(state.loadedAt, now)} (${isoMinute(state.loadedAt)})` : 'at an unknown time';
  const source = state.loadedAt === undefined ? undefined
    : state.cached ? `cached from an earlier session, saved ${when}` : `live, loaded ${when}`;

  if (state.status === 'idle' && state.loadedAt === undefined) return `not loaded yet (no ${noun} known)`;
  if (state.status === 'loading') {
    const wait = state.waiting ? `; ${waitingText(state.waiting)}` : '';
    if (!source) return `${state.count > 0 ? `still loading: ${n} so far, more may follow` : `still loading: no ${noun} received yet`}${wait}`;
    return `${n}; ${source}; a refresh is running${wait}`;
  }
  if (state.status === 'error') {
    const known = state.count > 0 ? `${n} known from before${source ? ` (${source})` : ''}` : `no ${noun} known`;
    return `${known}; the last load failed: ${errorText(state.error, { retryAt: state.retryAt })}`;
  }
  const parts = [n];
  if (source) parts.push(source);
  if (state.incomplete) {
    const inc = state.incomplete;
    parts.push(inc.expected !== undefined && inc.expected > inc.received
      ? `incomplete: the server reported ${count(inc.expected)} but sent ${count(inc.received)}`
      : 'incomplete: the server repeated a page, so some may be missing');
  } else if (state.truncated) {
    parts.push('incomplete: only the first pages were loaded (the page cap chatdesk.maxPages was reached)');
  } else if (state.complete) {
    parts.push('complete');
  }
  if (state.refreshShort) {
    const short = state.refreshShort;
    parts.push(`a later refresh ended short (${short.expected !== undefined ? `${count(short.received)} of ${count(short.expected)}` : `${count(short.received)}, a page repeated`}), so this earlier complete list is kept`);
  }
  return parts.join('; ');
}
