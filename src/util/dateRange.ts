// The range of times a JavaScript Date can hold. Pure, no vscode.

/** The most milliseconds from 1970, either way, a Date can hold (ECMA-262 TimeClip: ±8.64e15, about ±275,760 years). */
export const MAX_DATE_MS = 8.64e15;

/** Whether `ms` is an epoch time a Date can hold (so `new Date(ms).toISOString()` cannot throw). */
export function isDateTime(ms: unknown): ms is number {
  return typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS;
}
