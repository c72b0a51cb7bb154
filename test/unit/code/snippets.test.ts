// Copy as curl / fetch / Python: the right call per platform, credentials only from the environment, and no data
// that can break out of the snippet. Hostile values (the corpus, plus shell, JavaScript and Python specials) go into
// the agent's id and name, the connection's name and its base URL; each snippet is then read by the real thing:
// curl lines by bash and dash (curl replaced by a function that prints its arguments), JavaScript by acorn and then
// run with a recording fetch, Python by python3's ast and then run with a recording requests module. The data
// must come back as exactly one literal each, and nothing else may run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import * as acorn from 'acorn';
import { describe, it } from 'mocha';
import type { Agent, Connection, Platform } from '../../../src/api/model';
import { curlSnippet, fetchSnippet, pathSegment, pythonSnippet, snippetCall } from '../../../src/code/snippets';
import { hostilePayloads } from '../../fixtures/hostilePayloads';

const CANARY = path.join(os.tmpdir(), `chatdesk-snippet-canary-${process.pid}`);
/** Values that mean something to a shell, JavaScript or Python, on top of the shared corpus. */
const SPECIALS = [
  `$(touch ${CANARY})`, `\`touch ${CANARY}\``, `'; touch ${CANARY}; '`, `"; touch ${CANARY}; "`, `\ntouch ${CANARY}\n`,
  `\r\ntouch ${CANARY}`, '!!', '!-1', '~root', '*', '?', '[a-z]', '$HOME', '${IFS}', 'a\\', '\\', "it's", '"', "'\"'\"'",
  '-rf', '--config=/etc/passwd', '', ' ', '\t', '\u2028alert(1)\u2029', '\0', '\ud800', '\udc00x', '😀', '${process.exit(1)}',
  '"); import os; os.system("touch x"); ("', "'''", '"""', '# -*- coding: latin-1 -*-', 'coding: utf-7', '\\N{BULLET}', '{0}{1}%s%d',
  '\\u0041', '\\x41', '\f', '\v', '\u0085', '</script>', 'x" + require("fs") + "',
];
const VALUES = [...new Set([...hostilePayloads, ...SPECIALS])];
const ENV = {
  HELPCRUNCH_API_KEY: 'hc-env-key', CHAT_ID: '777', ROCKETCHAT_USER_ID: 'env-user', ROCKETCHAT_AUTH_TOKEN: 'env-token',
  ROOM_ID: 'env-room', REVECHAT_API_KEY: 'reve-env-key',
};
const PLATFORMS: Platform[] = ['helpcrunch', 'rocketchat', 'revechat'];

function agentOf(platform: Platform, value: string, id = value): Agent {
  return { platform, connectionId: 'c1', id, name: value, email: `${value}@example.com`, role: value, status: 'online', departments: [], raw: {} };
}

function connectionOf(platform: Platform, value: string, baseUrl = `https://h.example/${value}`): Connection {
  return { id: 'c1', label: value, platform, baseUrl, accountId: platform === 'revechat' ? value : undefined, userId: platform === 'rocketchat' ? 'u1' : undefined };
}

/** What the snippet must send: method, URL, headers (credentials from ENV), JSON body. */
function expected(agent: Agent, connection: Connection): { method: string; url: string; headers: Record<string, string>; body?: unknown } {
  // control characters in a base URL are percent-encoded (no URL holds them raw; no command line carries a NUL)
  // eslint-disable-next-line no-control-regex -- the rule under test
  const base = connection.baseUrl.trim().replace(/\/+$/, '').replace(/[\u0000-\u001f\u007f]/g, (ch) => `%${ch.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
  switch (connection.platform) {
    case 'helpcrunch':
      return {
        method: 'PUT', url: `${base}/v1/chats/assignee`, headers: { Authorization: `Bearer ${ENV.HELPCRUNCH_API_KEY}` },
        body: { id: Number(ENV.CHAT_ID), assignee: /^[1-9]\d{0,14}$/.test(agent.id) ? Number(agent.id) : agent.id },
      };
    case 'rocketchat':
      return {
        method: 'POST', url: `${base}/api/v1/livechat/room.forward`,
        headers: { 'X-User-Id': ENV.ROCKETCHAT_USER_ID, 'X-Auth-Token': ENV.ROCKETCHAT_AUTH_TOKEN }, body: { roomId: ENV.ROOM_ID, userId: agent.id },
      };
    case 'revechat':
      return { method: 'GET', url: `${base}/api/agents/${pathSegment(connection.accountId!)}/${pathSegment(agent.id)}`, headers: { Authorization: ENV.REVECHAT_API_KEY } };
  }
}

interface Case { agent: Agent; connection: Connection; label: string }

function cases(): Case[] {
  const out: Case[] = [];
  for (const platform of PLATFORMS) {
    for (const v of VALUES) {
      out.push({ agent: agentOf(platform, v), connection: connectionOf(platform, v), label: `${platform} ${JSON.stringify(v.slice(0, 40))}` });
    }
    // a base URL with nothing after the host, and a plain numeric id
    out.push({ agent: agentOf(platform, 'Jane Doe', '4188'), connection: connectionOf(platform, 'Acme', 'https://api.example.com/'), label: `${platform} plain` });
  }
  return out;
}

describe('Copy as code: the calls', () => {
  it('HelpCrunch assigns a chat, Rocket.Chat forwards a room, REVE Chat gets the agent; credentials from the environment only', () => {
    const a = agentOf('helpcrunch', 'Jane Doe', '4188');
    const hc = curlSnippet(a, connectionOf('helpcrunch', 'Acme', 'https://api.helpcrunch.com'));
    assert.match(hc, /--request PUT https:\/\/api\.helpcrunch\.com\/v1\/chats\/assignee/);
    assert.match(hc, /"Authorization: Bearer \$HELPCRUNCH_API_KEY"/);
    assert.match(hc, /"assignee":4188\}/);
    assert.match(hc, /^# .*HELPCRUNCH_API_KEY/m);
    const rc = snippetCall(agentOf('rocketchat', 'Jane', 'XycfA5CetCPuEjqxw'), connectionOf('rocketchat', 'Acme', 'https://chat.example.com'));
    assert.equal(rc.url, 'https://chat.example.com/api/v1/livechat/room.forward');
    assert.deepEqual(rc.body?.map((f) => f.key), ['roomId', 'userId']);
    const reve = pythonSnippet(agentOf('revechat', 'Jane', '81830'), { ...connectionOf('revechat', 'Acme', 'https://api.revechat.com'), accountId: '8683034' });
    assert.match(reve, /requests\.get\(\n {4}"https:\/\/api\.revechat\.com\/api\/agents\/8683034\/81830"/);
    assert.match(reve, /os\.environ\["REVECHAT_API_KEY"\]/);
    assert.doesNotMatch(reve, /"Bearer " \+/);
    for (const text of [hc, reve, fetchSnippet(a, connectionOf('helpcrunch', 'Acme'))]) assert.doesNotMatch(text, /hc-env-key|reve-env-key/);
  });

  it('the Python snippet has no data on its first two lines (where Python reads an encoding declaration)', () => {
    const text = pythonSnippet(agentOf('helpcrunch', '# -*- coding: latin-1 -*-'), connectionOf('helpcrunch', 'coding=utf-7'));
    assert.deepEqual(text.split('\n').slice(0, 2), ['import os', 'import requests']);
  });
});

describe('Copy as code: hostile values stay data', function () {
  this.timeout(120000);
  const all = cases();

  for (const shell of ['bash', 'dash']) {
    it(`curl: ${shell} reads each value back as one argument, and runs nothing (${all.length} snippets)`, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-curl-'));
      fs.rmSync(CANARY, { force: true });
      // curl prints its arguments, NUL-separated, and a record mark after each call
      const script = [
        shell === 'bash' ? 'set -o history -o histexpand' : '',
        "curl() { for a in \"$@\"; do printf '%s\\0' \"$a\"; done; printf '\\036\\0'; }",
        ...Object.entries(ENV).map(([k, v]) => `export ${k}=${v}`),
        ...all.map((c) => curlSnippet(c.agent, c.connection)),
      ].join('\n');
      const r = spawnSync(shell, ['-s'], { input: Buffer.from(script, 'utf8'), cwd: dir, maxBuffer: 64 * 1024 * 1024, env: { PATH: process.env.PATH, HOME: dir } });
      assert.equal(r.status, 0, r.stderr.toString());
      assert.equal(r.stderr.toString(), '', 'the shell complained');
      assert.ok(!fs.existsSync(CANARY), 'a value ran as a command');
      assert.deepEqual(fs.readdirSync(dir), [], 'a value created a file');
      const calls = r.stdout.toString('utf8').split('\u001e\0').slice(0, -1).map((s) => s.split('\0').slice(0, -1));
      assert.equal(calls.length, all.length);
      all.forEach((c, i) => {
        const want = expected(c.agent, c.connection);
        const args = calls[i];
        const headers: Record<string, string> = {};
        let body: unknown;
        assert.deepEqual(args.slice(0, 3), ['--request', want.method, toUtf8(want.url)], c.label);
        for (let k = 3; k < args.length; k++) {
          if (args[k] === '--header') { const [name, ...v] = args[++k].split(': '); headers[name] = v.join(': '); }
          else if (args[k] === '--data') body = JSON.parse(args[++k]);
          else assert.ok(['--silent', '--show-error'].includes(args[k]), `${c.label}: unexpected argument ${JSON.stringify(args[k])}`);
        }
        assert.deepEqual(headers, { ...want.headers, ...(want.body ? { 'Content-Type': 'application/json' } : {}) }, c.label);
        assert.deepEqual(body, want.body, c.label);
      });
      fs.rmSync(dir, { recursive: true, force: true });
    });
  }

  it(`fetch: acorn parses two statements of known shape, and running it sends exactly the values (${all.length} snippets)`, async () => {
    for (const c of all) {
      const code = fetchSnippet(c.agent, c.connection);
      const ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module' }) as unknown as { body: { type: string }[] };
      assert.deepEqual(ast.body.map((s) => s.type), ['VariableDeclaration', 'ExpressionStatement'], c.label);
      const calls = jsCalls(ast);
      assert.deepEqual([...new Set(calls)].sort(), { revechat: ['console.log', 'fetch', 'response.text'], rocketchat: ['JSON.stringify', 'console.log', 'fetch', 'response.text'], helpcrunch: ['JSON.stringify', 'Number', 'console.log', 'fetch', 'response.text'] }[c.connection.platform].sort(), c.label);
      const sent: { url?: unknown; init?: { method: string; headers: Record<string, string>; body?: string } } = {};
      const sandbox = {
        fetch: (url: unknown, init: never) => { sent.url = url; sent.init = init; return Promise.resolve({ status: 200, text: () => Promise.resolve('') }); },
        process: { env: { ...ENV } }, console: { log: () => undefined }, JSON, Number,
      };
      await vm.runInNewContext(`(async () => {\n${code}\n})()`, sandbox, { timeout: 1000 });
      const want = expected(c.agent, c.connection);
      assert.equal(sent.url, want.url, c.label);
      assert.equal(sent.init?.method, want.method, c.label);
      assert.deepEqual({ ...sent.init?.headers }, { ...want.headers, ...(want.body ? { 'Content-Type': 'application/json' } : {}) }, c.label);
      assert.deepEqual(sent.init?.body === undefined ? undefined : JSON.parse(sent.init.body), want.body, c.label);
    }
  });

  it(`Python: ast reads each value as one literal, and running it sends exactly the values (${all.length} snippets)`, () => {
    const checker = `
import ast, json, os, sys, types
cases = json.load(sys.stdin)
out = []
for c in cases:
    try:
        tree = ast.parse(c["code"])
        kinds = [type(s).__name__ for s in tree.body]
        assert kinds == ["Import", "Import", "Assign", "Expr"], kinds
        calls = sorted({ast.unparse(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)})
        sent = {}
        class Response:
            status_code = 200
            text = ""
        def record(method):
            def call(url, headers=None, json=None, timeout=None):
                sent.update(method=method, url=url, headers=headers, body=json)
                return Response()
            return call
        fake = types.ModuleType("requests")
        for m in ("get", "put", "post"):
            setattr(fake, m, record(m.upper()))
        sys.modules["requests"] = fake
        os.environ.update(c["env"])
        exec(compile(tree, "<snippet>", "exec"), {"__name__": "snippet", "print": lambda *a: None})
        out.append({"calls": calls, "sent": sent})
    except Exception as e:
        out.append({"error": repr(e)})
json.dump(out, sys.stdout)
`;
    const input = JSON.stringify(all.map((c) => ({ code: pythonSnippet(c.agent, c.connection), env: ENV })));
    const r = spawnSync('python3', ['-c', checker], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 0, r.stderr);
    const results = JSON.parse(r.stdout) as { error?: string; calls?: string[]; sent?: { method: string; url: string; headers: Record<string, string>; body?: unknown } }[];
    all.forEach((c, i) => {
      const res = results[i];
      assert.equal(res.error, undefined, `${c.label}: ${res.error}`);
      const want = expected(c.agent, c.connection);
      const method = want.method.toLowerCase();
      assert.deepEqual(res.calls, c.connection.platform === 'helpcrunch' ? ['int', 'print', `requests.${method}`] : ['print', `requests.${method}`], c.label);
      assert.equal(res.sent?.method, want.method, c.label);
      assert.equal(res.sent?.url, want.url, c.label);
      assert.deepEqual(res.sent?.headers, want.headers, c.label);
      assert.deepEqual(res.sent?.body ?? undefined, want.body, c.label);
    });
  });
});

/** Every called function in a JavaScript AST, as `object.method` or `name`. */
function jsCalls(node: unknown, out: string[] = []): string[] {
  if (!node || typeof node !== 'object') return out;
  const n = node as { type?: string; callee?: { type: string; name?: string; object?: { name?: string }; property?: { name?: string } } };
  if (n.type === 'CallExpression' && n.callee) {
    out.push(n.callee.type === 'Identifier' ? n.callee.name! : `${n.callee.object?.name}.${n.callee.property?.name}`);
  }
  for (const v of Object.values(node)) {
    if (Array.isArray(v)) v.forEach((x) => jsCalls(x, out));
    else if (v && typeof v === 'object') jsCalls(v, out);
  }
  return out;
}

/** What a string is after a trip through UTF-8 (a shell argument): lone surrogates become U+FFFD. */
function toUtf8(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}
