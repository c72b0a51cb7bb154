// Tolerant readers for values from the wire: numbers that arrive as strings, ids as numbers, null anywhere.

import { isDateTime } from '../util/dateRange';

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A finite number from a number or a numeric string; undefined otherwise. */
export function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.trim());
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** An ID as a string (numbers become their decimal form); undefined for null, empty or other types. */
export function toId(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'bigint') return v.toString();
  return undefined;
}

/** A trimmed, non-empty string; numbers are accepted and printed; anything else is undefined. */
export function toText(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? undefined : t;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** Like toText, but keeps inner whitespace and returns '' rather than undefined (message bodies). */
export function toBody(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

/**
 * Epoch ms from epoch seconds, ms, µs or ns (number or numeric string, decimals allowed) or an ISO date string;
 * undefined for anything else, and for a time a Date cannot hold (so that no reader's `toISOString()` throws).
 * Values below 10^11 are taken as seconds (10^11 ms is 1973, 10^11 s is the year 5138), from 10^14 as µs and from
 * 10^17 as ns (the ms of the year 5138 and the µs of 5138: no real time of a chat platform).
 */
export function toEpochMs(v: unknown): number | undefined {
  const n = toNumber(v);
  if (n !== undefined) {
    if (n <= 0) return undefined;
    const ms = Math.round(n < 1e11 ? n * 1000 : n < 1e14 ? n : n < 1e17 ? n / 1e3 : n / 1e6);
    return isDateTime(ms) ? ms : undefined;
  }
  if (typeof v === 'string') {
    const t = Date.parse(v);
    return Number.isNaN(t) ? undefined : t;
  }
  if (isObject(v) && typeof v.$date !== 'undefined') return toEpochMs(v.$date);
  return undefined;
}

/** 0/1, "0"/"1", booleans, "true"/"false". */
export function toBool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const n = toNumber(v);
  if (n !== undefined) return n !== 0;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (t === 'true' || t === 'yes') return true;
    if (t === 'false' || t === 'no') return false;
  }
  return undefined;
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
