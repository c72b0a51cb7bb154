// A list's state in words for a model: how fresh the data is (live or cached, how old), whether it is whole,
// loading, rate-limited or failed and why. No vscode. Errors are read by shape, not by class: this file runs in the
// tools bundle (dist/tools.js), whose copy of ApiError is not the one the store's errors were made with.
import type { ListState } from '../store/listState';
import { count, quoteCapped } from './modelText';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** "just now", "12 minutes ago", "3 hours ago", "2 days ago" (English: the reader is a model). */
export function age(at: number, now: number): string {
  const d = now - at;
  if (d < MIN) return 'just now';
  if (d < HOUR) return plural(Math.floor(d / MIN), 'minute') + ' ago';
  if (d < DAY) return plural(Math.floor(d / HOUR), 'hour') + ' ago';
  return plural(Math.floor(d / DAY), 'day') + ' ago';
}

export function plural(n: number, noun: string): string {
  return `${count(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** An ISO time to the minute, UTC: "2026-11-30T09:12Z". */
export function isoMinute(at: number): string {
  return new Date(at).toISOString().slice(0, 16) + 'Z';
}

/** The error kinds of src/api/errors.ts, read by shape. */
export function errorKind(e: unknown): string | undefined {
  if (e && typeof e === 'object' && (e as { name?: unknown }).name === 'ApiError') {
    const kind = (e as { kind?: unknown }).kind;
    return typeof kind === 'string' ? kind : undefined;
  }
  return undefined;
}

/** What the user can do about a failure of this kind (the model passes it on). */
const ADVICE: Record<string, string> = {
  auth: 'The platform rejected the credentials: the user can run "Chatdesk: Update Credentials" for this connection.',
  forbidden: 'The account lacks a permission on the platform: the user can check its role there, or "Chatdesk: Update Credentials".',
  'rate-limited': 'The platform is rate-limiting Chatdesk; Chatdesk tries again by itself.',
  network: 'The server could not be reached: the user can check the server URL ("Chatdesk: Edit Connection…") and the network, then refresh.',
  timeout: 'The server did not answer in time: the user can refresh later or raise chatdesk.requestTimeoutSeconds.',
  server: 'The server failed: the user can refresh later.',
  malformed: 'The server sent something Chatdesk could not read: the user can check the server URL and refresh.',
};

/** A failure in words: its message (the platform's own where it gave one; quoted: it is the server's text), and advice. */
export function errorText(e: unknown): string {
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : 'unknown error';
  const kind = errorKind(e);
  const status = e && typeof e === 'object' ? (e as { status?: unknown }).status : undefined;
  const head = `${kind ? `${kind} error` : 'error'}${typeof status === 'number' ? ` (HTTP ${status})` : ''}: ${quoteCapped(message, 300)}`;
  const advice = kind ? ADVICE[kind] : undefined;
  return advice ? `${head}. ${advice}` : `${head}. The user can refresh the connection in the Chatdesk Agents view.`;
}

/**
 * How fresh and whole a connection's agent list is, in one sentence:
 * "live, loaded 3 minutes ago (2026-11-30T09:12Z), complete: 412 agents"; "cached 3 hours ago (…), refreshing…";
 * "still loading: 1,200 agents so far"; "failed: …"; "incomplete: 193 of 230 agents".
 */
export function agentListText(state: ListState, now: number, noun = 'agents'): string {
  const n = plural(state.count, noun.replace(/s$/, ''));
  const when = state.loadedAt !== undefined ? `${age(state.loadedAt, now)} (${isoMinute(state.loadedAt)})` : '';
  const source = state.loadedAt === undefined ? undefined
    : state.cached ? `cached from an earlier session, saved ${when}` : `live, loaded ${when}`;

  if (state.status === 'idle' && state.loadedAt === undefined) return `not loaded yet (no ${noun} known)`;
  if (state.status === 'loading') {
    if (!source) return state.count > 0 ? `still loading: ${n} so far, more may follow` : `still loading: no ${noun} received yet`;
    return `${n}; ${source}; a refresh is running`;
  }
  if (state.status === 'error') {
    const retry = state.retryAt !== undefined ? ` Chatdesk tries again by itself at ${isoMinute(state.retryAt)}.` : '';
    const known = state.count > 0 ? `${n} known from before${source ? ` (${source})` : ''}` : `no ${noun} known`;
    return `${known}; the last load failed: ${errorText(state.error)}${retry}`;
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
