// Cutting text to a length without breaking what the cut lands in: a surrogate pair (half an emoji shows as a
// replacement character), a grapheme (a flag or a family emoji cut into pieces), or the redaction marker (a cut
// "[reda…" reads as if something else was there). Pure: no vscode, no node.

/** What redaction (src/util/redact.ts) puts where a credential was. Never cut in two. */
export const REDACTED = '[redacted]';

export const ELLIPSIS = '…';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

let graphemes: Intl.Segmenter | undefined | null;
function segmenter(): Intl.Segmenter | undefined {
  // Made on the first cut, never at activation (ICU start-up costs milliseconds).
  if (graphemes === undefined) graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  return graphemes ?? undefined;
}

/**
 * The largest index ≤ `end` where `text` may be cut: at a grapheme boundary (so never inside a surrogate pair or
 * between an emoji and its modifiers) and never inside a `[redacted]` marker. `end` is in UTF-16 code units.
 */
export function safeCutIndex(text: string, end: number): number {
  if (end <= 0) return 0;
  if (end >= text.length) return text.length;
  let cut = end;
  // never between the two halves of a surrogate pair, whatever the segmenter says
  if (isHigh(text.charCodeAt(cut - 1)) && isLow(text.charCodeAt(cut))) cut--;
  const seg = segmenter();
  if (seg) {
    // segment a window that starts at a boundary-safe place: graphemes are short, but flags pair up from the
    // start of a run of regional indicators, so the window starts before such a run
    let from = Math.max(0, cut - 64);
    if (from > 0 && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from--;
    while (from >= 2 && text.charCodeAt(from - 2) === 0xd83c && text.charCodeAt(from - 1) >= 0xdde6 && text.charCodeAt(from - 1) <= 0xddff) from -= 2;
    let boundary = from;
    for (const s of seg.segment(text.slice(from, cut + 64))) {
      const at = from + s.index;
      if (at > cut) break;
      boundary = at;
    }
    // the window's first segment may start mid-grapheme; only trust a boundary after it
    if (boundary > from || from === 0) cut = boundary;
  }
  const marker = text.lastIndexOf(REDACTED, cut - 1);
  if (marker >= 0 && marker < cut && marker + REDACTED.length > cut) cut = marker;
  return cut;
}

export interface TruncateOptions {
  /** Prefer to end at a space when one is in the last 40 % (messages). Default false. */
  atWord?: boolean;
  /** The text was already shortened before (e.g. a bound on work): end with the ellipsis even if it fits. */
  alreadyCut?: boolean;
}

/**
 * `text` in at most `max` UTF-16 code units, the ellipsis included when it had to be cut. Never ends in half a
 * surrogate pair, half a grapheme or half a `[redacted]` marker.
 */
export function truncate(text: string, max: number, options: TruncateOptions = {}): string {
  if (text.length <= max && !options.alreadyCut) return text;
  if (text.length <= max - ELLIPSIS.length && options.alreadyCut) return `${text}${ELLIPSIS}`;
  const room = Math.max(0, max - ELLIPSIS.length);
  let cut = safeCutIndex(text, room);
  if (options.atWord) {
    const space = text.lastIndexOf(' ', cut);
    if (space > room * 0.6) cut = safeCutIndex(text, space);
  }
  return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

/** `text` cut to at most `max` code units at a safe index, without an ellipsis (a bound on later work). */
export function bound(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  return { text: text.slice(0, safeCutIndex(text, max)), cut: true };
}
