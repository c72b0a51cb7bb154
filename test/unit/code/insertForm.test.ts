// Inserting an agent's ID into code (completion, Insert Agent ID…, Replace with an agent…): the text must be read
// back as exactly the ID by the language's own reader, and nothing may run or expand. Hostile IDs (the corpus, plus
// shell, PHP, Python, JavaScript and YAML specials) go into lines of each language at the places a user's cursor
// is (a key's value, bare or quoted; inside a longer string; anywhere else in a string); the resulting lines are
// read by bash and dash (then printed back), python3 (ast: only literals; then evaluated), acorn (only literals;
// then evaluated), JSON.parse, the yaml package (YAML 1.1, as PyYAML reads it: the stricter on what a bare word means, and 1.2), dotenv with dotenv-expand, and python-dotenv where installed. An ID may be refused (undefined) where no form is
// safe, never inserted wrong; ordinary odd IDs must go in everywhere.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import * as acorn from 'acorn';
import * as dotenv from 'dotenv';
import { expand as dotenvExpand } from 'dotenv-expand';
import * as YAML from 'yaml';
import { after, describe, it } from 'mocha';
import { AgentContextRules } from '../../../src/code/agentContext';
import { idInsertText, isPlainNumber } from '../../../src/code/insertForm';
import { completionSite, insertionSite } from '../../../src/code/lineIds';
import { hostilePayloads } from '../../fixtures/hostilePayloads';

const rules = new AgentContextRules();
const CANARY = path.join(os.tmpdir(), `chatdesk-insert-canary-${process.pid}`);
const SPECIALS = [
  `$(touch ${CANARY})`, `\`touch ${CANARY}\``, `x'; touch ${CANARY} #`, `a'$(touch ${CANARY})'b`, `"; touch ${CANARY}; "`,
  `\ntouch ${CANARY}\n`, '${HELPCRUNCH_API_KEY}', '$HOME', '!!', "it's", '"', '\\', 'a\\', "\\'", '\\"', '{${system("id")}}',
  '#{`id`}', '{__import__("os").system("id")}', '{{ lookup("env", "HOME") }}', '${{ secrets.TOKEN }}', 'x", "admin": true, "y": "',
  "x', 'admin': True, 'y': '", '`${process.exit(1)}`', '\u2028', '\u0085', '\ufeff', '\ud800', '\0', '\r\n', '\t', '😀', '*', '~',
  '-rf', '4188', '0123', '90071992547409930', 'XycfA5CetCPuEjqxw', 'jane@example.com', '\\u0041', '\\x41', '\\N{BULLET}',
];
const VALUES = [...new Set([...hostilePayloads, ...SPECIALS])].filter((v) => v.length < 2000);
/** IDs no platform forbids and every place must take (quoted as needed). */
const ORDINARY = ['a$b', "it's", 'x"y', '`x`', '$(x)', 'a b', '{x}', '#{x}', 'a\\b', 'a!b', 'XycfA5CetCPuEjqxw', '4188'];

interface Placed { line: string; expected: string; id: string }

/**
 * Puts `id` at the `|` of `template` (a line of `languageId`) the way completion does where the place is an agent
 * key's value, else the way Insert Agent ID… does. `value` is the text the line's variable must then hold, with
 * `{}` where the ID goes. Undefined when the ID was refused.
 */
function place(template: string, languageId: string, id: string, value: string): Placed | undefined {
  const at = template.indexOf('|');
  const line = template.replace('|', '');
  const site = completionSite(line, at, rules, languageId);
  const text = idInsertText(id, site ?? insertionSite(line, at, languageId), languageId);
  if (text === undefined) return undefined;
  const [start, end] = site ? [site.start, site.end] : [at, at];
  return { line: line.slice(0, start) + text + line.slice(end), expected: value.replace('{}', () => id), id };
}

/**
 * Every value placed into every template; asserts that ORDINARY IDs (or the template's own list: a comment takes
 * only plain IDs) are never refused.
 */
function placeAll(templates: [string, string, string[]?][], languageId: string): { placed: Placed[]; refused: number } {
  const placed: Placed[] = [];
  let refused = 0;
  for (const [template, value, ordinary = ORDINARY] of templates) {
    for (const id of ordinary) assert.ok(place(template, languageId, id, value), `${languageId} ${template}: ${JSON.stringify(id)} refused`);
    for (const id of VALUES) {
      const p = place(template, languageId, id, value);
      if (p) placed.push(p); else refused++;
    }
  }
  return { placed, refused };
}

const bytes = (s: string) => Buffer.from(s, 'utf8');

describe('Inserting an ID: each language reads back exactly the ID, and nothing runs', function () {
  const made: string[] = [];
  /** A temporary folder, deleted after the suite. */
  const tempDir = (prefix: string) => { const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix)); made.push(d); return d; };
  after(() => { for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });
  this.timeout(120000);

  for (const shell of ['bash', 'dash']) {
    it(`shell script: ${shell} reads each variable back as the ID`, () => {
      const { placed } = placeAll([
        ['AGENT_ID=|', '{}'], ['AGENT_ID="|"', '{}'], ["AGENT_ID='|'", '{}'], ['export AGENT_ID="|', '{}'], ["AGENT_ID='|", '{}'],
        ['AGENT_ID="https://x/?agent_id=|&y=1"', 'https://x/?agent_id={}&y=1'], ["AGENT_ID='https://x/?agent_id=|'", 'https://x/?agent_id={}'],
        ['AGENT_ID="note: |"', 'note: {}'], ['AGENT_ID=x # agent_id: |', 'x', ['XycfA5CetCPuEjqxw', '4188']],
      ], 'shellscript');
      assert.ok(placed.length > VALUES.length * 5, 'most IDs go in');
      fs.rmSync(CANARY, { force: true });
      const dir = tempDir('chatdesk-insert-');
      const script = [
        shell === 'bash' ? 'set -o history -o histexpand' : '',
        ...placed.flatMap((p) => ['AGENT_ID=', p.line, "printf '%s\\036' \"$AGENT_ID\""]),
      ].join('\n');
      const r = spawnSync(shell, ['-s'], { input: bytes(script), cwd: dir, maxBuffer: 64 * 1024 * 1024, env: { PATH: process.env.PATH, HOME: dir } });
      assert.equal(r.stderr.toString(), '', 'the shell complained');
      assert.ok(!fs.existsSync(CANARY), 'an ID ran as a command');
      const got = r.stdout.toString('latin1').split('\x1e').slice(0, -1);
      assert.equal(got.length, placed.length);
      placed.forEach((p, i) => assert.equal(got[i], bytes(p.expected).toString('latin1'), p.line));
    });
  }

  it('.env: dotenv with dotenv-expand, python-dotenv (where installed) and a shell that sources the file read the ID, nothing expands', () => {
    // a backslash means something to python-dotenv inside any quotes, and to a shell outside them; each quote
    // holds what the other cannot. `$` and a backtick mean something to dotenv-expand in any quotes ($NAME, $(command)):
    // an ID with one is refused, checked below
    const anyQuote = ORDINARY.filter((id) => !id.includes('\\') && !/[$`]/.test(id));
    for (const id of ORDINARY.filter((x) => /[$`]/.test(x))) {
      for (const t of ['AGENT_ID=|', 'AGENT_ID="|"', "AGENT_ID='|'"]) assert.equal(idInsertText(id, insertionSite(t.replace('|', ''), t.indexOf('|'), 'dotenv'), 'dotenv'), undefined, `${t}: ${id}`);
    }
    const { placed } = placeAll([
      ['AGENT_ID=|', '{}', anyQuote], ['AGENT_ID="|"', '{}', anyQuote.filter((id) => !/[$`!"]/.test(id))],
      ["AGENT_ID='|'", '{}', anyQuote.filter((id) => !id.includes("'"))], ['AGENT_ID="x?agent_id=|"', 'x?agent_id={}', ['XycfA5CetCPuEjqxw', 'a b']],
    ], 'dotenv');
    fs.rmSync(CANARY, { force: true });
    const dir = tempDir('chatdesk-env-');
    const env = { PATH: process.env.PATH, HOME: dir, HELPCRUNCH_API_KEY: 'SECRET' };
    for (const [i, p] of placed.entries()) fs.writeFileSync(path.join(dir, `${i}.env`), `${p.line}\n`);
    const sh = spawnSync('bash', ['-c', `for i in $(seq 0 ${placed.length - 1}); do AGENT_ID=; . ./$i.env; printf '%s\\036' "$AGENT_ID"; done`], { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 });
    assert.equal(sh.stderr.toString(), '');
    assert.ok(!fs.existsSync(CANARY), 'an ID ran as a command');
    const got = sh.stdout.toString('latin1').split('\x1e').slice(0, -1);
    placed.forEach((p, i) => assert.equal(got[i], bytes(p.expected).toString('latin1'), p.line));
    // Node's dotenv, expanded as dotenv-expand does (with a secret in the environment that an expansion would show)
    placed.forEach((p, i) => {
      const parsed = dotenv.parse(fs.readFileSync(path.join(dir, `${i}.env`)));
      const expanded = dotenvExpand({ parsed, processEnv: { HELPCRUNCH_API_KEY: 'SECRET' } }).parsed ?? {};
      assert.equal(expanded.AGENT_ID, p.expected, p.line);
    });
    const py = spawnSync('python3', ['-c', [
      'import json, sys, glob',
      'try:\n  from dotenv import dotenv_values\nexcept ImportError:\n  print("null"); sys.exit(0)',
      `print(json.dumps([dotenv_values(f"${dir}/{i}.env").get("AGENT_ID") for i in range(${placed.length})]))`,
    ].join('\n')], { env, maxBuffer: 64 * 1024 * 1024 });
    assert.equal(py.status, 0, py.stderr.toString());
    const values = JSON.parse(py.stdout.toString()) as string[] | null;
    if (values) placed.forEach((p, i) => assert.equal(values[i], p.expected, p.line));
  });

  it('Python: only literals (ast), and each reads back as the ID', () => {
    const { placed } = placeAll([
      ['v = |', '{}'], ['agent_id = "|"', '{}'], ["agent_id = '|'", '{}'], ['agent_id = "|', '{}'],
      ['url = f"https://x/?agent_id=|&y={base}"', 'https://x/?agent_id={}&y=B'], ["url = f'agent_id=|'", 'agent_id={}'],
      ['s = r"agent_id=|"', 'agent_id={}', ORDINARY.filter((id) => !/["\\]/.test(id))], ['s = """agent_id=|"""', 'agent_id={}'], ["x = 'agent: |'", 'agent: {}'],
      ['n = "note: |"', 'note: {}'],
    ], 'python');
    const cases = placed.map((p) => ({ code: p.line, expected: p.expected }));
    const program = [
      'import ast, json, sys',
      'ok = {"Module", "Assign", "Name", "Store", "Load", "Constant", "JoinedStr", "FormattedValue"}',
      'out = []',
      'for c in json.load(sys.stdin):',
      '  tree = ast.parse(c["code"])',
      '  bad = sorted({type(n).__name__ for n in ast.walk(tree)} - ok)',
      '  if bad or len(tree.body) != 1: out.append({"bad": bad or "statements"}); continue',
      '  g = {"base": "B"}',
      '  exec(compile(tree, "<id>", "exec"), g)',
      '  out.append({"value": next(v for k, v in g.items() if k not in ("base", "__builtins__") and isinstance(v, (str, int)))})',
      'print(json.dumps(out))',
    ].join('\n');
    fs.rmSync(CANARY, { force: true });
    const r = spawnSync('python3', ['-c', program], { input: JSON.stringify(cases), maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 0, r.stderr.toString());
    const out = JSON.parse(r.stdout.toString()) as { bad?: unknown; value?: string | number }[];
    placed.forEach((p, i) => {
      assert.equal(out[i].bad, undefined, `${p.line}: ${JSON.stringify(out[i].bad)}`);
      assert.equal(String(out[i].value), p.expected, p.line);
    });
    assert.ok(!fs.existsSync(CANARY));
  });

  it('JavaScript and TypeScript: only literals (acorn), and each reads back as the ID', () => {
    for (const languageId of ['javascript', 'typescript']) {
      const { placed } = placeAll([
        ['v = |;', '{}'], ['v = { agentId: "|" }.agentId;', '{}'], ["v = { agentId: '|' }.agentId;", '{}'],
        ['v = `${base}?agent_id=|&x=1`;', 'B?agent_id={}&x=1'], ['v = fetch("/x?assignee=|&chat=1");', '/x?assignee={}&chat=1'],
        ["v = 'note: |';", 'note: {}'], ['v = `a ${"b"} agent_id=|`;', 'a b agent_id={}'],
      ], languageId);
      for (const p of placed) {
        const ast = acorn.parse(p.line, { ecmaVersion: 'latest' });
        const types = new Set<string>();
        const walk = (n: unknown) => {
          if (!n || typeof n !== 'object') return;
          if (Array.isArray(n)) { n.forEach(walk); return; }
          const o = n as Record<string, unknown>;
          if (typeof o.type === 'string') types.add(o.type);
          for (const k of Object.keys(o)) if (k !== 'type') walk(o[k]);
        };
        walk(ast);
        for (const t of types) {
          assert.ok(['Program', 'ExpressionStatement', 'AssignmentExpression', 'Identifier', 'Literal', 'TemplateLiteral', 'TemplateElement', 'ObjectExpression', 'Property', 'MemberExpression', 'CallExpression'].includes(t), `${p.line}: ${t}`);
        }
        assert.equal(ast.body.length, 1, p.line);
        const value = vm.runInNewContext(`${p.line}; v`, { base: 'B', fetch: (u: string) => u }) as unknown;
        assert.equal(String(value), p.expected, p.line);
      }
    }
  });

  it('JSON: JSON.parse reads the ID, and no key is added', () => {
    const { placed } = placeAll([
      ['{"assignee": |}', '{}'], ['{"assignee": "|"}', '{}'], ['{"assignee": "|', '{}'], ['{"query": "agent_id=|&x=1"}', 'agent_id={}&x=1'], ['{"note": "|"}', '{}'],
    ], 'json');
    for (const p of placed) {
      const text = p.line.endsWith('}') ? p.line : `${p.line}}`;
      const o = JSON.parse(text) as Record<string, unknown>;
      assert.equal(Object.keys(o).length, 1, p.line);
      assert.equal(String(Object.values(o)[0]), p.expected, p.line);
    }
  });

  it('YAML: read as YAML 1.1 (as PyYAML and Ansible read it) and 1.2, the ID is a string (or the same number), no template syntax goes in', () => {
    const { placed } = placeAll([['agent_id: |', '{}'], ['agent_id: "|"', '{}'], ["agent_id: '|'", '{}'], ['url: "https://x/?agent_id=|"', 'https://x/?agent_id={}']], 'yaml');
    for (const p of placed) assert.doesNotMatch(p.line, /\{\{|\{%/, p.line);
    for (const version of ['1.1', '1.2'] as const) {
      for (const p of placed) {
        const o = YAML.parse(p.line, { version, uniqueKeys: true, strict: true }) as Record<string, unknown>;
        assert.equal(Object.keys(o).length, 1, `${version}: ${p.line}`);
        const value = Object.values(o)[0];
        assert.ok(typeof value === 'string' || (typeof value === 'number' && isPlainNumber(p.id)), `${version}: ${p.line}: ${typeof value}`);
        assert.equal(String(value), p.expected, `${version}: ${p.line}`);
      }
    }
  });
});

describe('Inserting an ID: the forms of languages without a reader here', () => {
  const at = (template: string, languageId: string, id: string) => {
    const pos = template.indexOf('|');
    const line = template.replace('|', '');
    const site = completionSite(line, pos, rules, languageId);
    const text = idInsertText(id, site ?? insertionSite(line, pos, languageId), languageId);
    return text === undefined ? undefined : line.slice(0, site?.start ?? pos) + text + line.slice(site?.end ?? pos);
  };

  it('PHP: no interpolation in "…", nothing to escape but \\ and \' in \'…\'', () => {
    assert.equal(at('$a = ["agent_id" => "|"];', 'php', '{${system("id")}}'), '$a = ["agent_id" => "{\\${system(\\"id\\")}}"];');
    assert.equal(at("$a = ['agent_id' => |];", 'php', "x'$y"), "$a = ['agent_id' => 'x\\'$y'];");
    assert.equal(at('$u = "https://x/?agent_id=|";', 'php', 'a$b'), '$u = "https://x/?agent_id=a\\$b";');
    assert.equal(at('$o = `agent_id=|`;', 'php', 'a;id'), undefined, 'a shell command');
  });

  it('Ruby: no #{…} in "…"', () => {
    assert.equal(at('agent_id = "|"', 'ruby', '#{`id`}'), 'agent_id = "\\#{`id`}"');
    assert.equal(at('opts = { agent_id: | }', 'ruby', "it's"), "opts = { agent_id: 'it\\'s' }");
  });

  it('Go, Java, C#: C-style escapes; C# interpolation and verbatim rules; Java without \\u escapes', () => {
    assert.equal(at('agentID := |', 'go', 'a"b\n'), 'agentID := "a\\"b\\x0A"');
    assert.equal(at('agentID := `|`', 'go', 'a`b'), undefined);
    assert.equal(at('String agentId = |;', 'java', 'a"\n\u0022'), 'String agentId = "a\\"\\012\\"";');
    assert.equal(at('var url = $"https://x/?agent_id=|&chat={chat}";', 'csharp', '{x}"'), 'var url = $"https://x/?agent_id={{x}}\\"&chat={chat}";');
    assert.equal(at('var p = @"agent_id=|";', 'csharp', 'a"\\b'), 'var p = @"agent_id=a""\\b";');
  });

  it('TOML and SQL: literal strings hold what they can; a backslash never goes into SQL', () => {
    assert.equal(at('agent_id = |', 'toml', 'a"b'), 'agent_id = "a\\"b"');
    assert.equal(at("agent_id = '|'", 'toml', "a'b"), undefined);
    assert.equal(at('WHERE agent_id = |', 'sql', "x' OR '1'='1"), "WHERE agent_id = 'x'' OR ''1''=''1'");
    assert.equal(at("WHERE agent_id = '|'", 'sql', "x\\' OR 1=1 -- "), undefined);
    assert.equal(at('WHERE agent_id = |', 'sql', '4188'), 'WHERE agent_id = 4188');
  });

  it('a language without rules, a comment, a backtick command: only plain IDs go in', () => {
    assert.equal(at('agent_id: |', 'cobol', 'XycfA5CetCPuEjqxw'), 'agent_id: "XycfA5CetCPuEjqxw"');
    assert.equal(at('agent_id: |', 'cobol', '4188'), 'agent_id: 4188');
    assert.equal(at('agent_id: "|"', 'cobol', 'a"b'), undefined);
    assert.equal(at('# agent_id: |', 'python', 'a\nimport os'), undefined);
    assert.equal(at('x=`echo |`', 'shellscript', 'a;id'), undefined);
  });

  it('numbers above 2^53 − 1 go in as strings where a number would lose digits', () => {
    assert.equal(at('{"assignee": |}', 'json', '9007199254740993'), '{"assignee": "9007199254740993"}');
    assert.equal(at('const agentId = |;', 'typescript', '9007199254740993'), 'const agentId = "9007199254740993";');
    assert.equal(at('agent_id: |', 'yaml', '9007199254740993'), 'agent_id: "9007199254740993"');
    assert.equal(at('{"assignee": |}', 'json', '9007199254740991'), '{"assignee": 9007199254740991}');
    assert.equal(isPlainNumber('9007199254740992'), false);
  });
});
