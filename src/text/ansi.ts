// Terminal escape sequences (ANSI/ECMA-48: CSI colours and cursor moves, OSC titles and hyperlinks) removed whole,
// through Node's own util.stripVTControlCharacters. Node only: the API layer and the extension host use it.
import { stripVTControlCharacters } from 'node:util';

/** `text` without terminal escape sequences (the control characters left over are for plainText to remove). */
export function stripEscapeSequences(text: string): string {
  return text.includes('\u001b') || text.includes('\u009b') ? stripVTControlCharacters(text) : text;
}
