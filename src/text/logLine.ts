// One log entry, one line: what data carries that could start a new line (and so forge an entry of its own),
// rewrite the output view (terminal escape sequences) or reorder it (direction overrides) is written escaped.
// Pure: no vscode, no node.
import { NOT_IN_LOG_LINE } from './characters';

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

/**
 * `text` with every line break (LF, CR, VT, FF, NEL, U+2028, U+2029), control character (tab excepted),
 * direction override and invisible character written as an escape (`\n`, `\r`, `\uXXXX`), so that a value
 * from data stays inside the one entry it is logged in and shows what it really contains.
 */
export function logLine(text: string): string {
  return text.replace(NOT_IN_LOG_LINE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
