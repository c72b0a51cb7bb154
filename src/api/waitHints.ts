// Every form in which the three platforms (and the proxies in front of them) say how long to wait before the
// next request, read into milliseconds from now. Sources:
// - `Retry-After` (RFC 9110: seconds or an HTTP date); HelpCrunch and REVE Chat 429s may carry it.
// - `X-RateLimit-Reset` (Rocket.Chat: epoch ms, `Date.now() + timeToReset` in apps/meteor/app/api/server/api.ts);
//   epoch seconds and "seconds from now" are tolerated, as other servers send them; `RateLimit-Reset` (IETF draft,
//   seconds from now) and `X-RateLimit-Reset-After`.
// - Rocket.Chat's body `details: {timeToReset (ms), seconds}` (the rate limiter's Meteor.Error details).
// - The text "You must wait N seconds before trying this endpoint again" (Rocket.Chat, RocketChat/Rocket.Chat#13441),
//   and the like ("try again in 2 minutes", "retry after 30 s").

import { isObject, toNumber } from './values';

export interface HeaderReader {
  get(name: string): string | null;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

function unitMs(unit: string): number {
  const u = unit.toLowerCase();
  if (u.startsWith('ms') || u.startsWith('milli')) return UNIT_MS.ms;
  if (u.startsWith('h')) return UNIT_MS.h;
  if (u.startsWith('m')) return UNIT_MS.m; // min, mins, minute(s), m
  return UNIT_MS.s;
}

/** A reset value: epoch ms, epoch seconds, or seconds from now; ms from `now`. */
function fromReset(raw: string, now: number): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(raw)) return undefined;
  let n = Number(raw);
  if (n < 1e7) return Math.round(n * 1000); // seconds from now
  if (n < 1e11) n *= 1000; // epoch seconds
  return Math.max(0, Math.round(n - now));
}

/** The wait named by response headers, in ms from `now`; undefined when they name none. */
export function waitFromHeaders(headers: HeaderReader, now: number): number | undefined {
  const ra = headers.get('retry-after')?.trim();
  if (ra) {
    if (/^\d+(\.\d+)?$/.test(ra)) return Math.round(Number(ra) * 1000);
    const at = Date.parse(ra);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const after = headers.get('x-ratelimit-reset-after')?.trim();
  if (after && /^\d+(\.\d+)?$/.test(after)) return Math.round(Number(after) * 1000);
  for (const name of ['x-ratelimit-reset', 'ratelimit-reset', 'x-rate-limit-reset']) {
    const v = headers.get(name)?.trim();
    const ms = v ? fromReset(v, now) : undefined;
    if (ms !== undefined) return ms;
  }
  return undefined;
}

const TEXT_WAIT = /\b(?:wait|in|after|retry[- ]after)\s+(\d+(?:\.\d+)?)\s*(milliseconds?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|h)\b/i;

/** The wait a message names ("You must wait 60 seconds …"), in ms; undefined when it names none. */
export function waitFromText(text: string | undefined): number | undefined {
  const m = text ? TEXT_WAIT.exec(text) : null;
  return m ? Math.round(Number(m[1]) * unitMs(m[2])) : undefined;
}

/** The wait a JSON error body names: Rocket.Chat `details.timeToReset` (ms) or `details.seconds`; `retry_after` (s). */
export function waitFromBody(body: unknown): number | undefined {
  if (!isObject(body)) return undefined;
  const details = isObject(body.details) ? body.details : undefined;
  const timeToReset = toNumber(details?.timeToReset);
  if (timeToReset !== undefined && timeToReset >= 0) return Math.round(timeToReset);
  const seconds = toNumber(details?.seconds) ?? toNumber(body.retry_after) ?? toNumber(body.retryAfter);
  if (seconds !== undefined && seconds >= 0) return Math.round(seconds * 1000);
  return undefined;
}
