// Every form in which the three platforms (and the proxies in front of them) say how long to wait before the
// next request, read into milliseconds from now. Sources:
// - `Retry-After` (RFC 9110: seconds or an HTTP date); HelpCrunch and REVE Chat 429s may carry it.
// - `X-RateLimit-Reset` (Rocket.Chat: epoch ms, `Date.now() + timeToReset` in apps/meteor/app/api/server/api.ts);
//   epoch seconds and "seconds from now" are tolerated, as other servers send them.
// - The IETF draft headers (draft-ietf-httpapi-ratelimit-headers): `RateLimit-Reset: S` (drafts 00–06),
//   `RateLimit: limit=N, remaining=0, reset=S` (draft 03's single-header form) and `RateLimit: "policy";r=0;t=S`
//   (drafts 07+); `X-RateLimit-Reset-After: S` (Discord and others); `Retry-After-Ms` / `X-Ms-Retry-After-Ms`
//   (Azure's millisecond forms).
// - Rocket.Chat's body `details: {timeToReset (ms), seconds}` (the rate limiter's Meteor.Error details); a top-level
//   or per-entry `retry_after` / `retryAfter` (seconds) or `retry_after_ms` / `retryAfterMs`, whatever the body's shape.
// - Text: "You must wait N seconds before trying this endpoint again" (Rocket.Chat, RocketChat/Rocket.Chat#13441) and
//   the like: "Please wait for 90 seconds", "try again in about 2 minutes", "Retry in 90s", "(Retry-After: 90)",
//   "retry after 90000 ms", "in a minute", "1 minute and 30 seconds".
// Safety: every value is finite and not negative, and waits are capped at MAX_WAIT_HINT_MS (a server asking for
// longer still gets that long: Chatdesk then stops and says when it tries again). Text is read in linear time: one
// non-backtracking scan over at most MAX_TEXT characters.

import { isObject, toNumber } from './values';

export interface HeaderReader {
  get(name: string): string | null;
}

/** The longest wait any hint is read as (a day): longer ones are clamped, so that no absurd time is shown or kept. */
export const MAX_WAIT_HINT_MS = 24 * 3_600_000;
/** Only the start of a message is read for a wait. */
const MAX_TEXT = 2_000;

/** `ms` as a wait: undefined unless finite and ≥ 0; clamped to MAX_WAIT_HINT_MS. */
function asWait(ms: number): number | undefined {
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  return Math.min(MAX_WAIT_HINT_MS, Math.round(ms));
}

const PLAIN_NUMBER = /^\d{1,15}(?:\.\d{1,6})?$/;

/** A header's number of seconds (or of `scale` ms units), or undefined. */
function headerNumber(raw: string | null | undefined, scale: number): number | undefined {
  const v = raw?.trim();
  return v && PLAIN_NUMBER.test(v) ? asWait(Number(v) * scale) : undefined;
}

/** A reset value: epoch ms, epoch seconds, or seconds from now; ms from `now`. */
function fromReset(raw: string, now: number): number | undefined {
  if (!PLAIN_NUMBER.test(raw)) return undefined;
  let n = Number(raw);
  if (n < 1e7) return asWait(n * 1000); // seconds from now
  if (n < 1e11) n *= 1000; // epoch seconds
  return asWait(Math.max(0, n - now));
}

/** The reset of the IETF draft `RateLimit` header: `reset=S` (draft 03) or `t=S` (drafts 07+), seconds. */
function fromRateLimitHeader(raw: string | null): number | undefined {
  if (!raw) return undefined;
  const m = /(?:^|[\s,;])(?:reset|t)\s{0,3}=\s{0,3}(\d{1,15}(?:\.\d{1,6})?)(?![\d.])/i.exec(raw.slice(0, MAX_TEXT));
  return m ? asWait(Number(m[1]) * 1000) : undefined;
}

/** The wait named by response headers, in ms from `now`; undefined when they name none. */
export function waitFromHeaders(headers: HeaderReader, now: number): number | undefined {
  const ra = headers.get('retry-after')?.trim();
  if (ra) {
    if (/^\d+(\.\d+)?$/.test(ra)) return PLAIN_NUMBER.test(ra) ? asWait(Number(ra) * 1000) : MAX_WAIT_HINT_MS;
    if (/[a-z]/i.test(ra)) {
      const at = Date.parse(ra);
      if (!Number.isNaN(at)) return asWait(Math.max(0, at - now));
    }
  }
  const ms = headerNumber(headers.get('retry-after-ms'), 1) ?? headerNumber(headers.get('x-ms-retry-after-ms'), 1);
  if (ms !== undefined) return ms;
  const after = headerNumber(headers.get('x-ratelimit-reset-after'), 1000);
  if (after !== undefined) return after;
  const draft = fromRateLimitHeader(headers.get('ratelimit'));
  if (draft !== undefined) return draft;
  for (const name of ['x-ratelimit-reset', 'ratelimit-reset', 'x-rate-limit-reset']) {
    const v = headers.get(name)?.trim();
    const reset = v ? fromReset(v, now) : undefined;
    if (reset !== undefined) return reset;
  }
  return undefined;
}

function unitMs(unit: string | undefined): number {
  const u = (unit ?? 's').toLowerCase();
  if (u === 'ms' || u.startsWith('milli') || u === 'msec' || u === 'msecs') return 1;
  if (u.startsWith('h')) return 3_600_000;
  if (u.startsWith('m')) return 60_000; // min, mins, minute(s), m
  return 1000;
}

// A wait word, then (within a few filler words) a number and a unit. Every part is bounded and no two adjacent parts
// can match the same characters, so the scan does not backtrack more than a constant per position.
const WAIT_WORD = String.raw`(?:wait(?:\s{1,3}for)?|(?:try(?:\s{1,3}again)?|retry|again|available|reset|resets|back)\s{1,3}(?:in|after)|retry[-_ ]?after\s{0,3}[:=]?|in|after)`;
const FILLER = String.raw`(?:\s{1,3}(?:about|approximately|approx\.?|around|roughly|at\s{1,3}least|another|~))?`;
const NUMBER = String.raw`(\d{1,30}(?:\.\d{1,6})?|an?|one)`;
const UNIT = String.raw`(milliseconds?|millis|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h)`;
const TEXT_WAIT = new RegExp(String.raw`\b${WAIT_WORD}${FILLER}\s{0,3}${NUMBER}\s{0,3}${UNIT}?(?!\w)(?:\s{0,3}(?:and|,)?\s{0,3}(\d{1,6})\s{0,3}${UNIT}\b)?`, 'gi');
const NEGATIVE = /-\s{0,3}$/;

/** The wait a message names ("You must wait 60 seconds …"), in ms; undefined when it names none. */
export function waitFromText(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const t = text.slice(0, MAX_TEXT);
  TEXT_WAIT.lastIndex = 0;
  for (let m = TEXT_WAIT.exec(t); m; m = TEXT_WAIT.exec(t)) {
    const [whole, rawNumber, unit, extraNumber, extraUnit] = m;
    const wordy = !/^\d/.test(rawNumber);
    // Without a unit only "Retry-After: 90" counts (seconds, as the header); "in 2024" is not a wait.
    if (!unit && !/retry[-_ ]?after/i.test(whole)) continue;
    if (wordy && !unit) continue;
    if (NEGATIVE.test(t.slice(Math.max(0, m.index - 3), m.index + whole.indexOf(rawNumber)))) continue;
    // "1 m" is a minute; a lone "m" right after a number that is not followed by a word boundary was excluded above.
    let ms = (wordy ? 1 : Number(rawNumber)) * unitMs(unit);
    if (extraNumber && extraUnit) ms += Number(extraNumber) * unitMs(extraUnit);
    return asWait(ms);
  }
  return undefined;
}

/** A number of seconds (or ms with `scale` 1) in `v`, as a wait. */
function field(v: unknown, scale: number): number | undefined {
  const n = toNumber(v);
  return n === undefined ? undefined : asWait(n * scale);
}

/** The wait a JSON object names in its own fields (see the header of this file), not in its text. */
function waitFromFields(o: Record<string, unknown>): number | undefined {
  const details = isObject(o.details) ? o.details : undefined;
  return field(details?.timeToReset, 1)
    ?? field(details?.seconds, 1000)
    ?? field(o.retry_after_ms, 1) ?? field(o.retryAfterMs, 1)
    ?? field(o.retry_after, 1000) ?? field(o.retryAfter, 1000) ?? field(details?.retry_after, 1000) ?? field(details?.retryAfter, 1000);
}

/**
 * The wait a JSON error body names, whatever its shape: its own fields, those of a nested `error` object, or of the
 * entries of an `errors` / `error` list (HelpCrunch, REVE Chat). Text is read by waitFromText.
 */
export function waitFromBody(body: unknown): number | undefined {
  if (!isObject(body)) return undefined;
  const own = waitFromFields(body);
  if (own !== undefined) return own;
  if (isObject(body.error)) return waitFromFields(body.error);
  for (const list of [body.errors, body.error]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list.slice(0, 20)) {
      const w = isObject(entry) ? waitFromFields(entry) : undefined;
      if (w !== undefined) return w;
    }
  }
  return undefined;
}
