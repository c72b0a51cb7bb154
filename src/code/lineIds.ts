// Agent IDs in one line of code: what they are, where they are, and whether they sit in an agent context. Pure, no
// vscode; the hover, completion and diagnostics read one line at a time through these functions.
//
// What counts as an ID (issue 12):
// - a Rocket.Chat user id: 17 characters of Meteor's id alphabet (`Random.id()`: 23456789, A–Z without I O U V,
//   a–z without l), a word of its own, anywhere;
// - an e-mail address, anywhere (only a known agent's is ever shown);
// - a number, only in an agent context: the value of a key that names an agent (agentContext.ts), on the same line:
//   `"assignee": 4188`, `agent_id=4761`, `AGENT_ID: 4761`, `assignChat(chatId, agentId = 4761)`, `<agentId>4188<`,
//   `agents: [4188, 4761]`, `"assignee": {"id": 4188}`, `getAgent(4188)`. Never a number inside a longer word or
//   number (`v4188`, `4188px`, `1.4188`, `2024-4188`, `0x4188`), a negative or decimal number, or 0.
import { AgentContextRules, type AgentKey } from './agentContext';

export type IdKind = 'number' | 'rocketchat' | 'email';

export interface IdToken {
  kind: IdKind;
  text: string;
  /** UTF-16 offsets in the line, end exclusive. */
  start: number;
  end: number;
  /** The agent key the value belongs to, when it is in an agent context. */
  context?: AgentKey;
  /** The quote character around the token, when the token is the whole content of a quoted string. */
  quote?: string;
}

const QUOTES = '"\'`';
const WORD_RE = /[A-Za-z0-9_]+/g;
/** Meteor's Random.id() alphabet (UNMISTAKABLE_CHARS), 17 characters: Rocket.Chat's user ids. */
export const ROCKETCHAT_ID_RE = /^[2-9A-HJ-NP-TW-Za-km-z]{17}$/;
const EMAIL_RE = /[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+/g;
const IDENT_CHAR_RE = /[\w$.-]/;
const MAX_NUMBER_DIGITS = 19;
/** Lines longer than this (minified code, data blobs) are not scanned. */
export const MAX_LINE_LENGTH = 10_000;

function skipSpaces(line: string, i: number): number {
  while (i >= 0 && (line[i] === ' ' || line[i] === '\t')) i--;
  return i;
}

/** Start of the list element (a number or a quoted string) that ends at `i`, or -1. */
function elementStart(line: string, i: number): number {
  const c = line[i];
  if (c === undefined) return -1;
  if (QUOTES.includes(c)) return line.lastIndexOf(c, i - 1);
  if (c >= '0' && c <= '9') {
    let j = i;
    while (j >= 0 && /[0-9.]/.test(line[j])) j--;
    return j >= 0 && /\w/.test(line[j]) ? -1 : j + 1;
  }
  return -1;
}

/** The identifier (or quoted key, or subscript key) that ends at `i`: [key, its start] or undefined. */
function keyEndingAt(line: string, i: number): [string, number] | undefined {
  const c = line[i];
  if (c === undefined) return undefined;
  if (QUOTES.includes(c)) {
    const open = line.lastIndexOf(c, i - 1);
    return open < 0 || open === i - 1 ? undefined : [line.slice(open + 1, i), open];
  }
  if (c === ']') {
    const open = line.lastIndexOf('[', i - 1);
    if (open < 0) return undefined;
    const inner = line.slice(open + 1, i).trim().replace(/^["'`]|["'`]$/g, '');
    const base = keyEndingAt(line, open - 1);
    return inner ? [base ? `${base[0]}.${inner}` : inner, base ? base[1] : open] : undefined;
  }
  let j = i;
  while (j >= 0 && IDENT_CHAR_RE.test(line[j])) j--;
  return j === i ? undefined : [line.slice(j + 1, i + 1), j + 1];
}

/** Skips an assignment or comparison operator (`:`, `=`, `:=`, `==`, `===`, `!=`) ending at `i`; -2 when none. */
function skipOperator(line: string, i: number): number {
  let n = 0;
  while (i >= 0 && n < 3 && (line[i] === ':' || line[i] === '=' || line[i] === '!')) { i--; n++; }
  return n ? i : -2;
}

/**
 * The agent key governing a value whose text ends just after `from` going left (`from` is the index of the last
 * character before the value, its opening quote excluded). Undefined when the value is in no agent context.
 */
export function agentKeyBefore(line: string, from: number, rules: AgentContextRules): AgentKey | undefined {
  let i = skipSpaces(line, from);
  let elements = 0;
  while (line[i] === ',') {
    const s = elementStart(line, skipSpaces(line, i - 1));
    if (s < 0) return undefined;
    i = skipSpaces(line, s - 1);
    elements++;
  }
  const c = line[i];
  let key: [string, number] | undefined;
  let inList = false;
  if (c === '[') {
    inList = true;
    const op = skipOperator(line, skipSpaces(line, i - 1));
    if (op === -2) return undefined;
    key = keyEndingAt(line, skipSpaces(line, op));
  } else if (c === '(') {
    if (elements > 0) return undefined; // several arguments: which one is the agent is anyone's guess
    inList = true;
    key = keyEndingAt(line, skipSpaces(line, i - 1));
  } else if (elements > 0) {
    return undefined;
  } else if (c === '>') {
    const open = line.lastIndexOf('<', i - 1);
    const tag = open >= 0 ? line.slice(open + 1, i) : '';
    if (!/^[\w.:-]+$/.test(tag)) return undefined;
    key = [tag, open];
  } else {
    const op = skipOperator(line, i);
    if (op === -2) return undefined;
    key = keyEndingAt(line, skipSpaces(line, op));
  }
  if (!key) return undefined;
  let meaning = rules.agentKey(key[0]);
  if (!meaning) {
    const before = skipSpaces(line, key[1] - 1);
    if (line[before] === ':' && line[before - 1] !== ':') {
      // a type annotation: `agent_id: int = 4761`, `const agentId: number = 4761`
      const annotated = keyEndingAt(line, skipSpaces(line, before - 1));
      if (annotated) { meaning = rules.agentKey(annotated[0]); key = annotated; }
    } else if (line[before] === '{' && AgentContextRules.isBareIdKey(key[0])) {
      // the first property of an object that is an agent: `"assignee": {"id": 4188`
      const op = skipOperator(line, skipSpaces(line, before - 1));
      const parent = op === -2 ? undefined : keyEndingAt(line, skipSpaces(line, op));
      const parentMeaning = parent ? rules.agentKey(parent[0]) : undefined;
      if (parentMeaning && !parentMeaning.plural) meaning = parentMeaning;
    }
  }
  if (!meaning || (meaning.plural && !inList)) return undefined;
  return meaning;
}

/** A digit run that is a number of its own: not part of a decimal, a date, a version, a negative number. */
function standaloneNumber(line: string, start: number, end: number): boolean {
  if (end - start > MAX_NUMBER_DIGITS) return false;
  if (end - start === 1 && line[start] === '0') return false;
  const before = line[start - 1];
  if (before === '.' || before === '-' || before === '+' || before === '#' || before === '$' || before === '%' || before === '\\') return false;
  const after = line[end];
  if ((after === '.' || after === '-' || after === ':') && /\w/.test(line[end + 1] ?? '')) return false;
  return true;
}

/** Whether a Rocket.Chat-shaped word looks random (as ids are), not like a word or CamelCase name. */
export function looksLikeGeneratedId(text: string): boolean {
  return /\d/.test(text) || !/^(?:[a-z]+(?:[A-Z][a-z]+)*|(?:[A-Z][a-z]+)+)$/.test(text);
}

export interface ScanOptions {
  /**
   * 'all': every ID (hover); 'context': only what a stale-ID warning can be about (numbers and Rocket.Chat ids in
   * an agent context, the latter only when they look generated); e-mails are never in 'context'.
   */
  mode: 'all' | 'context';
}

/** The IDs in `line`, left to right. */
export function scanLine(line: string, rules: AgentContextRules, options: ScanOptions = { mode: 'all' }): IdToken[] {
  const out: IdToken[] = [];
  if (line.length > MAX_LINE_LENGTH) return out;
  let emails: [number, number][] | undefined;
  if (options.mode === 'all' && line.includes('@')) {
    emails = [];
    for (const m of line.matchAll(EMAIL_RE)) {
      const start = m.index;
      const end = start + m[0].length;
      emails.push([start, end]);
      out.push({ kind: 'email', text: m[0], start, end, quote: quoteAround(line, start, end) });
    }
  }
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(line); m; m = WORD_RE.exec(line)) {
    const text = m[0];
    const start = m.index;
    const end = start + text.length;
    if (emails?.some(([s, e]) => start < e && end > s)) continue;
    const c = text.charCodeAt(0);
    if (c >= 48 && c <= 57 && /^\d+$/.test(text)) {
      if (!standaloneNumber(line, start, end)) continue;
      const quote = quoteAround(line, start, end);
      const context = agentKeyBefore(line, start - (quote ? 2 : 1), rules);
      if (context) out.push({ kind: 'number', text, start, end, context, quote });
    } else if (text.length === 17 && ROCKETCHAT_ID_RE.test(text)) {
      const quote = quoteAround(line, start, end);
      const context = agentKeyBefore(line, start - (quote ? 2 : 1), rules);
      if (options.mode === 'all' || (context && looksLikeGeneratedId(text))) out.push({ kind: 'rocketchat', text, start, end, context, quote });
    }
  }
  if (emails) out.sort((a, b) => a.start - b.start);
  return out;
}

function quoteAround(line: string, start: number, end: number): string | undefined {
  const q = line[start - 1];
  return q !== undefined && QUOTES.includes(q) && line[end] === q ? q : undefined;
}

/** The ID under `character` (the cursor or the mouse), if any. */
export function idAt(line: string, character: number, rules: AgentContextRules): IdToken | undefined {
  return scanLine(line, rules).find((t) => character >= t.start && character <= t.end);
}

/** Where a completion would put an agent's ID, and in what form. */
export interface CompletionSite {
  /** The part of the line the completion replaces (the word typed so far and what follows it). */
  start: number;
  end: number;
  /** What was typed so far (a name, e-mail or ID prefix). */
  query: string;
  /** The opening quote the cursor is in, if any. */
  quote?: string;
  /** Whether the closing quote is already there. */
  closed: boolean;
  context: AgentKey;
}

/**
 * Whether the cursor at `character` is where an agent's ID goes (the value of an agent key, maybe partly typed),
 * and what to replace. Undefined anywhere else.
 */
export function completionSite(line: string, character: number, rules: AgentContextRules): CompletionSite | undefined {
  if (line.length > MAX_LINE_LENGTH) return undefined;
  const prefix = line.slice(0, character);
  const typed = /[\w.@+-]*$/.exec(prefix)![0];
  const start = character - typed.length;
  const rest = /^[\w.@+-]*/.exec(line.slice(character))![0];
  const end = character + rest.length;
  const q = line[start - 1];
  const quote = q !== undefined && QUOTES.includes(q) ? q : undefined;
  if (quote && !opensString(line, start - 1)) return undefined;
  const context = agentKeyBefore(line, start - (quote ? 2 : 1), rules);
  if (!context) return undefined;
  return { start, end, query: typed, quote, closed: quote !== undefined && line[end] === quote, context };
}

/** Whether the quote at `i` opens a string (an even number of the same quotes before it on the line). */
function opensString(line: string, i: number): boolean {
  const q = line[i];
  let n = 0;
  for (let j = 0; j < i; j++) if (line[j] === q && line[j - 1] !== '\\') n++;
  return n % 2 === 0;
}
