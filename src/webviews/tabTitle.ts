// Panel tab titles are plain text, but still data: one line, no controls or direction overrides, capped.
// eslint-disable-next-line no-control-regex
const INVISIBLE_RE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

export const MAX_TAB_TITLE = 60;

export function tabTitle(text: string, max = MAX_TAB_TITLE): string {
  const s = text.slice(0, max * 4).replace(INVISIBLE_RE, ' ').replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  // never end on half of a surrogate pair
  return `${/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}
