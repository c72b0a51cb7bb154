// Joining pieces of text into clean sentences: vendor error messages end with a period or without one, our own
// pieces too, and a join must give neither ". ;", ".." nor a sentence without its full stop. Pure, no vscode.

/** Ends a sentence: `.`, `!`, `?` or `…`, optionally followed by closing quotes or brackets. */
const ENDED = /[.!?…]["'”’»)\]]*$/u;
/** One final full stop (not part of an ellipsis "..."), with any white space after it. */
const FINAL_STOP = /(?<!\.)\.\s*$/u;

/** `text` trimmed, ending with exactly one sentence end: a full stop is added only where none is. Empty stays empty. */
export function sentence(text: string): string {
  const s = text.trim();
  if (!s) return '';
  return ENDED.test(s) ? s : `${s}.`;
}

/**
 * `text` trimmed, without its final full stop, to stand as a clause inside a longer sentence ("…: <clause>; …").
 * An ellipsis, `!` and `?` are kept.
 */
export function clause(text: string): string {
  return text.trim().replace(FINAL_STOP, '');
}

/** Sentences joined by one space, each ended once (`sentence`); empty and missing pieces are left out. */
export function joinSentences(parts: readonly (string | undefined | false)[]): string {
  return parts.map((p) => (p ? sentence(p) : '')).filter(Boolean).join(' ');
}

/** Clauses joined by `separator` (default "; "), each without its final full stop; empty pieces left out. */
export function joinClauses(parts: readonly (string | undefined | false)[], separator = '; '): string {
  return parts.map((p) => (p ? clause(p) : '')).filter(Boolean).join(separator);
}
