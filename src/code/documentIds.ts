// The IDs a stale-ID warning can be about, for one whole document, kept up to date line by line: an edit rescans
// only the lines it touched, never the whole document. Pure, no vscode (the diagnostics provider feeds it VS Code's
// change events; the bench feeds it the same shapes).
import type { AgentContextRules } from './agentContext';
import { scanLine, type IdToken } from './lineIds';

const NONE: readonly IdToken[] = Object.freeze([]);

/** One edit, as VS Code reports it: lines `startLine`..`endLine` (inclusive) were replaced by `text`. */
export interface LineEdit {
  startLine: number;
  endLine: number;
  text: string;
}

export interface LineSource {
  readonly lineCount: number;
  lineAt(line: number): string;
}

export class DocumentIdScan {
  /** Per line: its candidate IDs (a shared empty array for most lines); undefined = to be rescanned. */
  private lines: (readonly IdToken[] | undefined)[] = [];
  private count = 0;

  constructor(private readonly rules: AgentContextRules, source: LineSource) {
    this.rescanAll(source);
  }

  /** How many candidate IDs the document holds. */
  get size(): number {
    return this.count;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  rescanAll(source: LineSource): void {
    this.lines = new Array<readonly IdToken[] | undefined>(source.lineCount);
    this.count = 0;
    for (let i = 0; i < source.lineCount; i++) this.lines[i] = this.scan(source.lineAt(i));
  }

  private scan(text: string): readonly IdToken[] {
    const found = scanLine(text, this.rules, { mode: 'context' });
    this.count += found.length;
    return found.length ? found : NONE;
  }

  /**
   * Applies edits in the order given (VS Code reports a multi-cursor edit bottom-up, each range against the text
   * before it), then rescans the touched lines from `source` (the document after every edit). Falls back to a full
   * rescan if the line counts disagree (an edit we misread must never leave stale warnings behind).
   */
  apply(edits: readonly LineEdit[], source: LineSource): { rescanned: number } {
    for (const e of edits) {
      const added = countLines(e.text);
      const removed = this.lines.splice(e.startLine, e.endLine - e.startLine + 1, ...new Array<undefined>(added));
      for (const r of removed) this.count -= r?.length ?? 0;
    }
    if (this.lines.length !== source.lineCount) {
      this.rescanAll(source);
      return { rescanned: source.lineCount };
    }
    let rescanned = 0;
    for (let i = 0; i < this.lines.length; i++) {
      if (this.lines[i] === undefined) { this.lines[i] = this.scan(source.lineAt(i)); rescanned++; }
    }
    return { rescanned };
  }

  /** Every candidate with its line, top to bottom. */
  *tokens(): IterableIterator<{ line: number; token: IdToken }> {
    for (let i = 0; i < this.lines.length; i++) {
      const found = this.lines[i];
      if (found && found.length) for (const token of found) yield { line: i, token };
    }
  }
}

/** Lines in an inserted text: 1 + its line breaks (\r\n, \r or \n). */
export function countLines(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) { n++; if (text.charCodeAt(i + 1) === 10) i++; }
  }
  return n;
}
