// Copy as curl / fetch (JavaScript) / Python requests: the platform's call that concerns one agent, ready to run.
// Pure, no vscode. Sources of each call:
// - HelpCrunch: assign a chat, `PUT /v1/chats/assignee` with `{"id": <chat id>, "assignee": <agent id>}` and
//   `Authorization: Bearer <key>` (docs.helpcrunch.com rest-api-v1/update-chat-assignee-v1; docs/platform-apis.md §3.5);
// - Rocket.Chat: forward a livechat room to the agent, `POST /api/v1/livechat/room.forward` with
//   `{"roomId", "userId"}` and the `X-User-Id` / `X-Auth-Token` headers (Rocket.Chat's OpenAPI `omnichannel.yaml`, see docs/platform-apis.md;
//   operation post-api-v1-livechat-room.forward; `room.transfer` is not in the spec);
// - REVE Chat: get this agent, `GET /api/agents/{account_id}/{agent_id}` with the raw key in `Authorization`
//   (seed 000, "Get a single agent details").
//
// The connection's base URL is used; credentials never: each snippet reads them from named environment variables
// and says so in a comment, and so is the chat or room the call is about. Every value from data is quoted for its
// language: shell words by shell-quote (one word whatever the value), JavaScript and Python strings as JSON string
// literals (a JSON string literal is a JavaScript string literal, and a Python one: JSON's escapes are a subset of
// both, and JSON.stringify escapes every control character and lone surrogate). Names in comments are one line
// of printable text (plainText), and the Python snippet starts with its imports so that no comment with data is
// on line 1 or 2, where Python reads an encoding declaration (PEP 263).
import { quote } from 'shell-quote';
import type { Agent, Connection, Platform } from '../api/model';
import { platformName } from '../api/model';
import { plainText } from '../views/presentation/text';

export type SnippetKind = 'curl' | 'fetch' | 'python';

/** The environment variables each platform's snippet reads. */
export const SNIPPET_ENV: Readonly<Record<Platform, readonly string[]>> = {
  helpcrunch: ['HELPCRUNCH_API_KEY', 'CHAT_ID'],
  rocketchat: ['ROCKETCHAT_USER_ID', 'ROCKETCHAT_AUTH_TOKEN', 'ROOM_ID'],
  revechat: ['REVECHAT_API_KEY'],
};

/** One HTTP call, described once and written in each language. */
export interface SnippetCall {
  method: 'GET' | 'PUT' | 'POST';
  url: string;
  /** Header name → how its value is made: a constant prefix and an environment variable. */
  headers: { name: string; prefix: string; env: string }[];
  /** JSON body: its fields in order; a field is a literal value or an environment variable (`fromEnv`). */
  body?: { key: string; value?: string | number; fromEnv?: { name: string; as: 'number' | 'string' } }[];
  /** What the call does, one line (data inside is made printable by the writer). */
  summary: string;
  /** Which environment variables to set, one line. */
  envNote: string;
}

function wellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Text for a comment: one printable line (no line break of any language, no control character), well-formed. */
function commentText(value: string, max: number): string {
  return wellFormed(plainText(value, max));
}

/** A path segment: percent-encoded (lone surrogates, which no URL can carry, become U+FFFD first). */
export function pathSegment(value: string): string {
  return encodeURIComponent(wellFormed(value));
}

/**
 * The connection's base URL without trailing slashes, its control characters percent-encoded (no URL holds them raw,
 * and no command line can carry a NUL).
 */
export function snippetBaseUrl(connection: Connection): string {
  // eslint-disable-next-line no-control-regex -- encoding control characters is the point
  return connection.baseUrl.trim().replace(/\/+$/, '').replace(/[\u0000-\u001f\u007f]/g, (c) => encodeURIComponent(c));
}

const base = snippetBaseUrl;

/** A plain number any language reads as the same integer (HelpCrunch's IDs are integers). */
function asNumberIfPlain(id: string): string | number {
  return /^[1-9]\d{0,14}$/.test(id) ? Number(id) : id;
}

/** The call of `agent`'s platform that concerns it. */
export function snippetCall(agent: Agent, connection: Connection): SnippetCall {
  const who = `${JSON.stringify(commentText(agent.name || agent.email || agent.id, 80))} (ID ${commentText(agent.id, 80)})`;
  const where = `${platformName(connection.platform)} connection ${JSON.stringify(commentText(connection.label, 80))}`;
  switch (connection.platform) {
    case 'helpcrunch':
      return {
        method: 'PUT',
        url: `${base(connection)}/v1/chats/assignee`,
        headers: [{ name: 'Authorization', prefix: 'Bearer ', env: 'HELPCRUNCH_API_KEY' }],
        body: [{ key: 'id', fromEnv: { name: 'CHAT_ID', as: 'number' } }, { key: 'assignee', value: asNumberIfPlain(agent.id) }],
        summary: `Assign a chat to ${who}, ${where}.`,
        envNote: 'Set HELPCRUNCH_API_KEY (Settings → Developers → Public API) and CHAT_ID (the chat to assign).',
      };
    case 'rocketchat':
      return {
        method: 'POST',
        url: `${base(connection)}/api/v1/livechat/room.forward`,
        headers: [{ name: 'X-User-Id', prefix: '', env: 'ROCKETCHAT_USER_ID' }, { name: 'X-Auth-Token', prefix: '', env: 'ROCKETCHAT_AUTH_TOKEN' }],
        body: [{ key: 'roomId', fromEnv: { name: 'ROOM_ID', as: 'string' } }, { key: 'userId', value: agent.id }],
        summary: `Forward a livechat room to ${who}, ${where}.`,
        envNote: 'Set ROCKETCHAT_USER_ID and ROCKETCHAT_AUTH_TOKEN (a personal access token) and ROOM_ID (the room to forward).',
      };
    case 'revechat':
      return {
        method: 'GET',
        url: `${base(connection)}/api/agents/${pathSegment(connection.accountId ?? '')}/${pathSegment(agent.id)}`,
        headers: [{ name: 'Authorization', prefix: '', env: 'REVECHAT_API_KEY' }],
        summary: `Get ${who}, ${where}.`,
        envNote: 'Set REVECHAT_API_KEY (Settings → Security → Auth Key; sent as is, without "Bearer").',
      };
  }
}

// ------------------------------------------------------------------ curl (POSIX shell: sh, bash, zsh)

/**
 * One shell word for `value`: as is when it holds only characters no POSIX shell treats specially anywhere in a word
 * (Python's shlex.quote uses the same set), else quoted by shell-quote.
 */
export function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) && !value.startsWith('-') ? value : quote([value]);
}

/** The JSON body as one shell word, with environment variables expanded inside it and data quoted. */
function shellBody(call: SnippetCall): string {
  const pieces: string[] = [];
  let json = '{';
  call.body!.forEach((f, i) => {
    json += `${i ? ',' : ''}${JSON.stringify(f.key)}:`;
    if (f.fromEnv) {
      if (f.fromEnv.as === 'string') json += '"';
      pieces.push(quote([json]), `"$${f.fromEnv.name}"`);
      json = f.fromEnv.as === 'string' ? '"' : '';
    } else {
      json += JSON.stringify(f.value);
    }
  });
  json += '}';
  pieces.push(quote([json]));
  return pieces.join('');
}

export function curlSnippet(agent: Agent, connection: Connection): string {
  const call = snippetCall(agent, connection);
  const lines = [
    `# ${call.summary}`,
    `# ${call.envNote} Credentials are read from the environment, never written here.`,
    `curl --request ${call.method} ${shellWord(call.url)} \\`,
    ...call.headers.map((h) => `  --header "${h.name}: ${h.prefix}$${h.env}" \\`),
  ];
  if (call.body) lines.push(`  --header 'Content-Type: application/json' \\`, `  --data ${shellBody(call)} \\`);
  lines.push('  --silent --show-error');
  return lines.join('\n') + '\n';
}

// ------------------------------------------------------------------ fetch (JavaScript, Node 18+ or a browser)

export function fetchSnippet(agent: Agent, connection: Connection): string {
  const call = snippetCall(agent, connection);
  const headers = call.headers.map((h) => `    ${JSON.stringify(h.name)}: ${h.prefix ? `${JSON.stringify(h.prefix)} + ` : ''}process.env.${h.env},`);
  if (call.body) headers.push(`    "Content-Type": "application/json",`);
  const lines = [
    `// ${call.summary}`,
    `// ${call.envNote} Credentials are read from the environment, never written here.`,
    `const response = await fetch(${JSON.stringify(call.url)}, {`,
    `  method: ${JSON.stringify(call.method)},`,
    '  headers: {',
    ...headers,
    '  },',
  ];
  if (call.body) {
    const fields = call.body.map((f) => `${JSON.stringify(f.key)}: ${f.fromEnv ? (f.fromEnv.as === 'number' ? `Number(process.env.${f.fromEnv.name})` : `process.env.${f.fromEnv.name}`) : JSON.stringify(f.value)}`);
    lines.push(`  body: JSON.stringify({ ${fields.join(', ')} }),`);
  }
  lines.push('});', 'console.log(response.status, await response.text());');
  return lines.join('\n') + '\n';
}

// ------------------------------------------------------------------ Python requests

export function pythonSnippet(agent: Agent, connection: Connection): string {
  const call = snippetCall(agent, connection);
  const headers = call.headers.map((h) => `${JSON.stringify(h.name)}: ${h.prefix ? `${JSON.stringify(h.prefix)} + ` : ''}os.environ[${JSON.stringify(h.env)}]`);
  const lines = [
    'import os',
    'import requests',
    '',
    `# ${call.summary}`,
    `# ${call.envNote} Credentials are read from the environment, never written here.`,
    `response = requests.${call.method.toLowerCase()}(`,
    `    ${JSON.stringify(call.url)},`,
    `    headers={${headers.join(', ')}},`,
  ];
  if (call.body) {
    const fields = call.body.map((f) => `${JSON.stringify(f.key)}: ${f.fromEnv ? (f.fromEnv.as === 'number' ? `int(os.environ[${JSON.stringify(f.fromEnv.name)}])` : `os.environ[${JSON.stringify(f.fromEnv.name)}]`) : pythonLiteral(f.value!)}`);
    lines.push(`    json={${fields.join(', ')}},`);
  }
  lines.push('    timeout=30,', ')', 'print(response.status_code, response.text)');
  return lines.join('\n') + '\n';
}

/** A Python literal for a string (a JSON string literal, see the header) or an integer. */
function pythonLiteral(v: string | number): string {
  return typeof v === 'number' ? String(v) : JSON.stringify(v);
}

export function snippet(kind: SnippetKind, agent: Agent, connection: Connection): string {
  return kind === 'curl' ? curlSnippet(agent, connection) : kind === 'fetch' ? fetchSnippet(agent, connection) : pythonSnippet(agent, connection);
}
