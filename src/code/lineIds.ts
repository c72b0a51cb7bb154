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
import type { InsertSite } from './insertForm';
import { placeAt } from './stringSite';

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
/** After a number: another number follows after a comma (a list without brackets, `4188,4761`). */
const MORE_RE = /^\s*,\s*["']?\d/;
/** Lines longer than this (minified code, data blobs) are not scanned. */
export const MAX_LINE_LENGTH = 10_000;

function skipSpaces(line: string, i: number): number {
  while (i >= 0 && (line[i] === ' ' || line[i] === '\t')) i--;
  return i;
}

/** Start of the list element (a number, a quoted string, or an object `{…}`) that ends at `i`, or -1. */
function elementStart(line: string, i: number): number {
  const c = line[i];
  if (c === undefined) return -1;
  if (QUOTES.includes(c)) return line.lastIndexOf(c, i - 1);
  if (c >= '0' && c <= '9') {
    let j = i;
    while (j >= 0 && /[0-9.]/.test(line[j])) j--;
    return j >= 0 && /\w/.test(line[j]) ? -1 : j + 1;
  }
  if (c === '}') {
    // an object in a list: `[{"id": 4188}, {"id": 4761}]` (strings inside skipped whole)
    let depth = 0;
    for (let j = i; j >= 0; j--) {
      const d = line[j];
      if (QUOTES.includes(d)) { j = line.lastIndexOf(d, j - 1); if (j < 0) return -1; continue; }
      if (d === '}') depth++;
      else if (d === '{' && --depth === 0) return j;
    }
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

/**
 * Skips an assignment, comparison or mapping operator (`:`, `=`, `:=`, `==`, `===`, `!=`, and PHP's and Ruby's
 * `=>`) ending at `i`; -2 when none.
 */
function skipOperator(line: string, i: number): number {
  if (line[i] === '>' && line[i - 1] === '=') return i - 2;
  let n = 0;
  while (i >= 0 && n < 3 && (line[i] === ':' || line[i] === '=' || line[i] === '!')) { i--; n++; }
  return n ? i : -2;
}

/** The key of an operator ending at `i` (`agents = `, `"assignee": `), or undefined. */
function keyOfOperator(line: string, i: number): [string, number] | undefined {
  const op = skipOperator(line, i);
  return op === -2 ? undefined : keyEndingAt(line, skipSpaces(line, op));
}

/**
 * What one scan of a line remembers, so that a long list stays linear: per comma, where walking left over the
 * list's earlier elements stopped (the `[`, `(`, `{`, `=`… before the first element; -1 when an element was not a
 * number, string or object) and how many elements it passed; per stop, the key the list belongs to.
 */
export interface LineMemo {
  walks: Map<number, { stop: number; elements: number }>;
  lists: Map<number, AgentKey | null>;
}

export function lineMemo(): LineMemo {
  return { walks: new Map(), lists: new Map() };
}

/** Walks left from the comma at `i` over `elem, elem, …`; records every comma passed in `memo`. */
function walkElements(line: string, i: number, memo: LineMemo | undefined): { stop: number; elements: number } {
  const passed: [number, number][] = [];
  let elements = 0;
  let stop = i;
  while (line[stop] === ',') {
    const known = memo?.walks.get(stop);
    if (known) {
      elements += known.elements;
      stop = known.stop;
      break;
    }
    passed.push([stop, elements]);
    const s = elementStart(line, skipSpaces(line, stop - 1));
    if (s < 0) { stop = -1; break; }
    stop = skipSpaces(line, s - 1);
    elements++;
  }
  if (memo) for (const [comma, before] of passed) memo.walks.set(comma, { stop, elements: elements - before });
  return { stop, elements };
}

/** How a value relates to the key found for it. */
interface Found {
  key: [string, number];
  /** The value is one of several (a list, tuple, set, or `IN (…)`). */
  inList: boolean;
  /** `IN (…)`: candidates for one agent, so a singular key is fine. */
  candidates?: boolean;
}

/**
 * The key of a list whose first element follows `i` (the `[`, `(`, `{` or operator before it), given that the
 * value is element number `elements` (0: the first) and whether more elements follow it (`more`).
 */
function keyOfList(line: string, i: number, elements: number, more: boolean): Found | undefined {
  let c = line[i];
  const list = elements > 0 || more;
  // a comma list inside a string: `agents: "4188,4761"`
  if (list && c !== undefined && QUOTES.includes(c)) { i = skipSpaces(line, i - 1); c = line[i]; }
  if (c === '[') {
    const key = keyOfOperator(line, skipSpaces(line, i - 1));
    return key && { key, inList: true };
  }
  if (c === '(' || c === '{') {
    const b = skipSpaces(line, i - 1);
    const word = keyEndingAt(line, b);
    if (c === '(' && word && /^in$/i.test(word[0])) {
      // SQL `agent_id IN (4188, 4761)`, Python `agent_id in (4188, 4761)`
      const key = keyEndingAt(line, skipSpaces(line, word[1] - 1));
      return key && { key, inList: true, candidates: true };
    }
    // a tuple or set after an operator: `agent_ids = (4188, 4761)`, `{4188, 4761}`; Go `[]int{4188, 4761}`
    const goType = c === '{' ? /(?:\[\d*\])+\*?[\w.]+\s*$/.exec(line.slice(Math.max(0, b - 63), b + 1)) : null;
    const beforeValue = goType ? skipSpaces(line, b - goType[0].length) : b;
    const key = keyOfOperator(line, beforeValue);
    if (key) return { key, inList: c === '{' || list }; // `(5)` alone is a number in parentheses
    if (c === '(' && elements === 0 && word) return { key: word, inList: true }; // a call: `getAgent(4188)`
    return undefined; // several arguments: which one is the agent is anyone's guess
  }
  if (c === '>' && !list && line[i - 1] !== '=') {
    const open = line.lastIndexOf('<', i - 1);
    const tag = open >= 0 ? line.slice(open + 1, i) : '';
    return /^[\w.:-]+$/.test(tag) ? { key: [tag, open], inList: false } : undefined;
  }
  // `agent_ids=4188,4761` (.env), `agents: 4188, 4761`: a bare comma list after an operator
  const key = keyOfOperator(line, i);
  return key && { key, inList: list };
}

/** The meaning of `found`'s key, looking at what stands around it when the key alone says nothing. */
function meaningOf(line: string, found: Found, rules: AgentContextRules, memo: LineMemo | undefined): AgentKey | undefined {
  let key = found.key;
  let meaning = rules.agentKey(key[0]);
  if (meaning) return meaning;
  const before = skipSpaces(line, key[1] - 1);
  if (line[before] === ':' && line[before - 1] !== ':') {
    // a type annotation: `agent_id: int = 4761`, `const agentId: number = 4761`
    const annotated = keyEndingAt(line, skipSpaces(line, before - 1));
    if (annotated) { meaning = rules.agentKey(annotated[0]); key = annotated; }
    return meaning;
  }
  if (!AgentContextRules.isBareIdKey(key[0])) return undefined;
  if (line[before] === '{') return objectOwner(line, before, rules, memo);
  // a key of two words: `Agent ID: 4188`, `<agent id="4188"/>`
  if (before === key[1] - 2) {
    const word = keyEndingAt(line, before);
    const two = word && rules.agentKey(`${word[0]} ${key[0]}`);
    if (two) return two;
  }
  // an attribute of an element that is an agent: `<agent name="Jane" id="4188"/>`
  const tagOpen = line.lastIndexOf('<', key[1]);
  const tagClose = tagOpen >= 0 ? line.indexOf('>', tagOpen) : -1;
  if (tagOpen >= 0 && (tagClose < 0 || tagClose > key[1])) {
    const tag = /^<([\w.:-]+)\s/.exec(line.slice(tagOpen, key[1]));
    const m = tag ? rules.agentKey(tag[1]) : undefined;
    if (m && !m.plural) return m;
  }
  return undefined;
}

/**
 * Whose object opens at `brace`, when its `id` is an agent's: `"assignee": {"id": 4188` (a singular key), or
 * `"agents": [{"id": 4188}, {"id": 4761}]` (objects in a list under a plural key).
 */
function objectOwner(line: string, brace: number, rules: AgentContextRules, memo: LineMemo | undefined): AgentKey | undefined {
  const b = skipSpaces(line, brace - 1);
  const direct = keyOfOperator(line, b);
  if (direct) {
    const m = rules.agentKey(direct[0]);
    return m && !m.plural ? m : undefined;
  }
  let stop = b;
  if (line[b] === ',') {
    const w = walkElements(line, b, memo);
    stop = w.stop;
  }
  if (line[stop] !== '[') return undefined;
  const key = keyOfOperator(line, skipSpaces(line, stop - 1));
  const m = key && rules.agentKey(key[0]);
  return m && m.plural ? { ...m, plural: false } : undefined; // the object is one agent of the list
}

/**
 * The agent key governing a value whose text ends just after `from` going left (`from` is the index of the last
 * character before the value, its opening quote excluded). Undefined when the value is in no agent context.
 * `more`: another number follows the value after a comma (`4188,4761`): it is a list even without brackets.
 * `memo`: shared by the calls of one scan of `line` (lineMemo()), so that a long list is walked over once.
 */
export function agentKeyBefore(line: string, from: number, rules: AgentContextRules, memo?: LineMemo, more = false): AgentKey | undefined {
  let i = skipSpaces(line, from);
  let elements = 0;
  if (line[i] === ',') {
    const w = walkElements(line, i, memo);
    if (w.stop < 0) return undefined;
    i = w.stop;
    elements = w.elements;
  }
  const memoKey = elements > 0 ? i : -1;
  if (memoKey >= 0 && memo?.lists.has(memoKey)) return memo.lists.get(memoKey) ?? undefined;
  const found = keyOfList(line, i, elements, more);
  let meaning = found && meaningOf(line, found, rules, memo);
  if (meaning && meaning.plural && !found!.inList && !meaning.ids) meaning = undefined;
  if (meaning && !meaning.plural && found!.inList && elements + (more ? 1 : 0) > 0 && !found!.candidates && !'[('.includes(line[i])) {
    meaning = undefined; // `agent_id=4188,4761`: one agent's key over a bare list
  }
  if (memoKey >= 0) memo?.lists.set(memoKey, meaning ?? null);
  return meaning;
}

/** A digit run that is a number of its own: not part of a decimal, a date, a version, a negative number. */
function standaloneNumber(line: string, start: number, end: number): boolean {
  if (end - start > MAX_NUMBER_DIGITS) return false;
  if (line[start] === '0') return false; // 0, or zero-padded / octal (`01234`): no agent's ID is written so
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
  const memo = lineMemo();
  let nextEmail = 0;
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(line); m; m = WORD_RE.exec(line)) {
    const text = m[0];
    const start = m.index;
    const end = start + text.length;
    if (emails) {
      // words and e-mails both go left to right: skip the e-mails that end before this word
      while (nextEmail < emails.length && emails[nextEmail][1] <= start) nextEmail++;
      if (nextEmail < emails.length && emails[nextEmail][0] < end) continue;
    }
    const c = text.charCodeAt(0);
    if (c >= 48 && c <= 57 && /^\d+$/.test(text)) {
      if (!standaloneNumber(line, start, end)) continue;
      const quote = quoteAround(line, start, end);
      const context = agentKeyBefore(line, start - (quote ? 2 : 1), rules, memo, !quote && MORE_RE.test(line.slice(end, end + 8)));
      if (context && !context.weak) out.push({ kind: 'number', text, start, end, context, quote });
    } else if (text.length === 17 && ROCKETCHAT_ID_RE.test(text)) {
      const quote = quoteAround(line, start, end);
      const context = agentKeyBefore(line, start - (quote ? 2 : 1), rules, memo);
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
export interface CompletionSite extends InsertSite {
  /** The part of the line the completion replaces (the word typed so far and what follows it). */
  start: number;
  end: number;
  /** What was typed so far (a name, e-mail or ID prefix). */
  query: string;
  /** The quote of the string the ID goes into, if any (see InsertSite). */
  quote?: string;
  /** Whether the closing quote is already there (or the string goes on after the ID). */
  closed: boolean;
  context: AgentKey;
}

/**
 * Whether the cursor at `character` is where an agent's ID goes (the value of an agent key, maybe partly typed),
 * and what to replace. The value may be a string of its own (`"assignee": "|"`), or sit inside a longer string
 * (`"https://x/api?agent_id=|"`, `` `${base}?agent_id=|` ``): then the ID is escaped for that string and never
 * closes it. `languageId` decides what opens a string and a comment (stringSite.ts). Undefined anywhere else.
 */
export function completionSite(line: string, character: number, rules: AgentContextRules, languageId = ''): CompletionSite | undefined {
  if (line.length > MAX_LINE_LENGTH) return undefined;
  const prefix = line.slice(0, character);
  const typed = /[\w.@+-]*$/.exec(prefix)![0];
  const start = character - typed.length;
  const rest = /^[\w.@+-]*/.exec(line.slice(character))![0];
  const end = character + rest.length;
  const place = placeAt(line, start, languageId);
  const base = { start, end, query: typed };
  if (place.kind === 'string') {
    const open = place.start + place.quote.length;
    if (open === start) {
      // the string is the value: `"assignee": "ja|"`
      const context = agentKeyBefore(line, place.start - place.prefix.length - 1, rules);
      if (context) return { ...base, quote: place.quote, prefix: place.prefix, closed: line.startsWith(place.quote, end), context };
    }
    // the value sits inside a longer string: only the string's own text says whose value it is
    const inner = line.slice(open, start);
    const context = agentKeyBefore(inner, inner.length - 1, rules);
    if (!context) return undefined;
    return { ...base, quote: place.quote, prefix: place.prefix, closed: true, enclosing: true, context };
  }
  const q = line[start - 1];
  if (q !== undefined && QUOTES.includes(q)) return undefined; // right after a string (`"assignee"|`)
  const context = agentKeyBefore(line, start - 1, rules);
  if (!context) return undefined;
  return { ...base, quote: undefined, closed: false, ...(place.kind === 'comment' ? { comment: true } : {}), context };
}

/**
 * How an ID inserted at `character` must be quoted when the place is not an agent key's value (Insert Agent ID…
 * at any cursor, or over a selection): inside the string the cursor is in, or in a comment, or in code.
 */
export function insertionSite(line: string, character: number, languageId: string): InsertSite {
  const place = placeAt(line, character, languageId);
  if (place.kind === 'string') return { quote: place.quote, prefix: place.prefix, closed: true, enclosing: true };
  if (place.kind === 'comment') return { comment: true };
  return {};
}
