// The one table of characters that untrusted text must not carry as themselves into a label, a tooltip, a title,
// a notification or a log line. Every cleaning and escaping function of src/text builds its patterns from it.
// Pure: no vscode, no node (the panel script imports it too).

/** Line breaks (Unicode UAX #14 mandatory breaks): LF, VT, FF, CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
export const LINE_BREAKS = '\\n\\u000b\\u000c\\r\\u0085\\u2028\\u2029';

/** C0 controls, DEL and C1 controls: tab, the line breaks above and ESC (terminal escape sequences) among them. */
export const CONTROLS = '\\u0000-\\u001f\\u007f-\\u009f';

/**
 * Bidirectional formatting (Unicode UAX #9): ALM, LRM, RLM, the embeddings and overrides LRE…RLO with PDF, and
 * the isolates LRI…PDI. They reorder what is shown around them ("exe.txt" shown for "txt.exe").
 */
export const BIDI = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';

/**
 * Invisible format characters that hide inside words: Mongolian vowel separator, zero-width space, word joiner
 * and the invisible operators, the byte order mark, the interlinear annotation characters. Zero-width (non-)
 * joiners are not among them: emoji sequences and several scripts need them.
 */
export const INVISIBLE = '\\u180e\\u200b\\u2060-\\u2064\\ufeff\\ufff9-\\ufffb';

/** Whitespace that is not a line break or a control (JavaScript's \s without them): collapsed to one space. */
export const SPACES = ' \\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000';

/** Everything that may not stay in one line of plain text: controls, line breaks, direction and invisible characters. */
export const NOT_IN_ONE_LINE = new RegExp(`[${CONTROLS}${LINE_BREAKS}${BIDI}${INVISIBLE}]`, 'g');

/** The same, without the tab: what a log entry writes escaped (a tab cannot start a line). */
export const NOT_IN_LOG_LINE = new RegExp(`[${CONTROLS.replace('\\u0000-\\u001f', '\\u0000-\\u0008\\u000a-\\u001f')}${LINE_BREAKS}${BIDI}${INVISIBLE}]`, 'g');

/** Line breaks only (CR LF counts as one). */
export const LINE_BREAK = new RegExp(`\\r\\n|[${LINE_BREAKS}]`, 'g');
