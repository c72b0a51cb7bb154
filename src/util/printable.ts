// Log text that cannot rewrite the output view. Pure.

// Control characters (but tab and newline) and direction overrides from data are written as \uXXXX, so a
// log line cannot rewrite the terminal/output view or reorder what it shows.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
