// Where a position in one line of code is: in code, in a comment, or inside a string literal (which quote, which
// prefix, where it opened). Language-aware enough to quote an inserted agent ID for the place: each language
// family says which quotes open strings, which escape with a backslash, which prefixes change a string's rules
// (Python f/r/b, C# $ and @, shell $'…'), which are triple, and how a comment starts. Pure, no vscode.
//
// One line only: a string or comment opened on an earlier line (a Python docstring, a template literal over
// several lines, a /* block */) is not seen; the position then reads as code, and insertion quotes for code.

export type LanguageFamily =
  | 'shell' | 'dotenv' | 'json' | 'js' | 'python' | 'php' | 'ruby' | 'go' | 'java' | 'csharp'
  | 'yaml' | 'toml' | 'sql' | 'xml' | 'plaintext' | 'other';

const FAMILIES: Record<string, LanguageFamily> = {
  shellscript: 'shell', sh: 'shell', bash: 'shell', zsh: 'shell',
  dotenv: 'dotenv', env: 'dotenv',
  json: 'json', jsonc: 'json', jsonl: 'json', json5: 'json', snippets: 'json',
  javascript: 'js', typescript: 'js', javascriptreact: 'js', typescriptreact: 'js',
  python: 'python', php: 'php', ruby: 'ruby', go: 'go', java: 'java', csharp: 'csharp',
  yaml: 'yaml', dockercompose: 'yaml', 'github-actions-workflow': 'yaml',
  toml: 'toml',
  sql: 'sql', mysql: 'sql', pgsql: 'sql', postgres: 'sql', plsql: 'sql', tsql: 'sql',
  xml: 'xml', xsl: 'xml', html: 'xml', svg: 'xml',
  plaintext: 'plaintext',
};

/** The family of a VS Code language id ('other' for any language Chatdesk has no rules for). */
export function languageFamily(languageId: string): LanguageFamily {
  return FAMILIES[languageId] ?? 'other';
}

/** A string literal a position is inside. */
export interface StringAt {
  /** The delimiter as written: `"`, `'`, `` ` ``, `"""` or `'''`. */
  quote: string;
  /** What stands right before the opening quote and changes the string's rules: `f`, `rb`, `$`, `@`, `E`… ('' when none). */
  prefix: string;
  /** Index of the opening quote (its prefix starts `prefix.length` before). */
  start: number;
}

export type Place = { kind: 'code' } | { kind: 'comment' } | ({ kind: 'string' } & StringAt);

interface Rules {
  quotes: string;
  triple?: boolean;
  /** Quotes inside which a backslash escapes the next character (given the prefix). */
  escapes(quote: string, prefix: string): boolean;
  /** Quotes that end on a doubled quote inside (`''` in SQL and YAML, `""` in C# verbatim). */
  doubles?(quote: string, prefix: string): boolean;
  /** A comment starts at `i` (outside strings). */
  comment?(line: string, i: number): boolean;
  /** Prefixes allowed right before a quote (letters or sigils), lower case. */
  prefixes?: RegExp;
  /** A quote at `i` can open a string here (YAML: only where a scalar starts; XML: only after `=`). */
  opens?(line: string, i: number): boolean;
}

const hashComment = (line: string, i: number) => line[i] === '#' && (i === 0 || /\s/.test(line[i - 1]));
const slashComment = (line: string, i: number) => line[i] === '/' && (line[i + 1] === '/' || line[i + 1] === '*');
const always = () => true;

const RULES: Record<LanguageFamily, Rules> = {
  shell: {
    quotes: '"\'`',
    escapes: (q, p) => q === '"' || q === '`' || p === '$',
    comment: hashComment,
    prefixes: /^\$$/,
  },
  dotenv: { quotes: '"\'`', escapes: (q) => q === '"', comment: hashComment },
  json: { quotes: '"', escapes: always, comment: slashComment },
  js: { quotes: '"\'`', escapes: always, comment: slashComment },
  python: {
    quotes: '"\'', triple: true,
    escapes: (_q, p) => !p.includes('r'),
    comment: (line, i) => line[i] === '#',
    prefixes: /^(?:[rbuf]|rb|br|fr|rf)$/,
  },
  php: { quotes: '"\'`', escapes: always, comment: (line, i) => (line[i] === '#' && line[i + 1] !== '[') || slashComment(line, i) },
  ruby: { quotes: '"\'`', escapes: always, comment: (line, i) => line[i] === '#' },
  go: { quotes: '"\'`', escapes: (q) => q !== '`', comment: slashComment },
  java: { quotes: '"\'', triple: true, escapes: always, comment: slashComment },
  csharp: {
    quotes: '"\'',
    escapes: (_q, p) => !p.includes('@'),
    doubles: (q, p) => q === '"' && p.includes('@'),
    comment: slashComment,
    prefixes: /^(?:\$|@|\$@|@\$)$/,
  },
  yaml: {
    quotes: '"\'',
    escapes: (q) => q === '"',
    doubles: (q) => q === "'",
    comment: hashComment,
    opens: (line, i) => { const b = before(line, i); return b === undefined || ':-[{,?'.includes(b); },
  },
  toml: { quotes: '"\'', triple: true, escapes: (q) => q.startsWith('"'), comment: (line, i) => line[i] === '#' },
  sql: {
    quotes: '\'"`',
    escapes: (_q, p) => p === 'e',
    doubles: always,
    comment: (line, i) => (line[i] === '-' && line[i + 1] === '-') || (line[i] === '/' && line[i + 1] === '*'),
    prefixes: /^[enxb]$/,
  },
  xml: { quotes: '"\'', escapes: () => false, opens: (line, i) => before(line, i) === '=' },
  plaintext: { quotes: '', escapes: () => false },
  other: { quotes: '"\'`', escapes: always },
};

/** The last non-blank character before `i`, if any. */
function before(line: string, i: number): string | undefined {
  let j = i - 1;
  while (j >= 0 && (line[j] === ' ' || line[j] === '\t')) j--;
  return j >= 0 ? line[j] : undefined;
}

const WORD = /[A-Za-z0-9_]/;

/** What is at `character` in `line` (a position between characters): code, a comment, or a string. */
export function placeAt(line: string, character: number, languageId: string): Place {
  const family = languageFamily(languageId);
  const rules = RULES[family];
  const end = Math.min(character, line.length);
  // a stack of open template literals (JS `${`): an expression inside a template is code again
  const templates: number[] = [];
  let braces = 0;
  let i = 0;
  while (i < end) {
    const c = line[i];
    if (family === 'shell' && c === '\\') { i += 2; continue; }
    if (rules.comment?.(line, i)) return { kind: 'comment' };
    if (family === 'js' && templates.length) {
      if (c === '{') braces++;
      else if (c === '}') {
        if (braces === 0) {
          const open = templates.pop()!;
          const closed = closeString(line, i + 1, end, '`', '', rules);
          if (closed === -2) { templates.push(open); i = templateExpressionStart(line, i + 1, end); continue; }
          if (closed < 0) return { kind: 'string', quote: '`', prefix: '', start: open };
          i = closed;
          continue;
        }
        braces--;
      }
    }
    if (rules.quotes.includes(c) && (!rules.opens || rules.opens(line, i))) {
      let prefix = '';
      let j = i - 1;
      while (j >= 0 && /[A-Za-z$@]/.test(line[j])) j--;
      const word = line.slice(j + 1, i).toLowerCase();
      if (word) {
        if (rules.prefixes?.test(word) && (j < 0 || !WORD.test(line[j]))) prefix = word;
        else if (c === "'" && family !== 'shell' && family !== 'sql' && WORD.test(line[i - 1])) { i++; continue; } // an apostrophe (it's)
      }
      const quote = rules.triple && line.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      const closed = closeString(line, i + quote.length, end, quote, prefix, rules);
      if (closed === -2) {
        // a template's `${`: code until its `}`
        templates.push(i);
        braces = 0;
        i = templateExpressionStart(line, i + 1, end);
        continue;
      }
      if (closed < 0) return { kind: 'string', quote, prefix, start: i };
      i = closed;
      continue;
    }
    i++;
  }
  return { kind: 'code' };
}

/** Index after the `${` that `closeString` stopped at. */
function templateExpressionStart(line: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    if (line[i] === '\\') { i++; continue; }
    if (line[i] === '$' && line[i + 1] === '{') return i + 2;
  }
  return end;
}

/**
 * Where the string whose content starts at `from` ends (the index after its closing quote), looking no further
 * than `end`: -1 when it is still open at `end`, -2 when a JS template opens an expression (`${`) before `end`.
 */
function closeString(line: string, from: number, end: number, quote: string, prefix: string, rules: Rules): number {
  const escapes = rules.escapes(quote, prefix);
  const doubles = rules.doubles?.(quote, prefix) ?? false;
  for (let i = from; i < end; i++) {
    const c = line[i];
    if (escapes && c === '\\') { i++; continue; }
    if (quote === '`' && rules === RULES.js && c === '$' && line[i + 1] === '{' && i + 1 < end) return -2;
    if (line.startsWith(quote, i)) {
      if (doubles && line.startsWith(quote, i + quote.length) && i + quote.length < end) { i += quote.length; continue; }
      return i + quote.length;
    }
  }
  return -1;
}
