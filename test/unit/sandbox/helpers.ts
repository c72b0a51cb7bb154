// Shared helpers for the sandbox tests: real HTTP against a started sandbox, and the seed documents' own text.

import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { Sandbox } from '../../../src/sandbox';

export const SEEDS_DIR = join(__dirname, '..', '..', '..', '..', 'shared', 'seeds');

export function seedText(prefix: '000' | '001' | '002' | '003'): string {
  const names: Record<string, string> = {
    '000': '000_676a62204b4823ce.txt',
    '001': '001_fc877926a2210699.txt',
    '002': '002_5c59edaa959cd108.txt',
    '003': '003_fdc715c2247a492c.txt',
  };
  return readFileSync(join(SEEDS_DIR, names[prefix]), 'utf8');
}

/** The JSON value that starts at the first `{` or `[` after `marker` in a seed text. */
export function seedJson(prefix: '000' | '001' | '002' | '003', marker: string, occurrence = 1): unknown {
  const text = seedText(prefix);
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(marker, at + 1);
    if (at < 0) throw new Error(`marker not found: ${marker}`);
  }
  const start = text.slice(at + marker.length).search(/[[{]/) + at + marker.length;
  // Find the matching close by trying successively longer slices that parse.
  const open = text[start];
  const close = open === '{' ? '}' : ']';
  for (let end = text.indexOf(close, start); end >= 0; end = text.indexOf(close, end + 1)) {
    try {
      return JSON.parse(text.slice(start, end + 1));
    } catch {
      // keep looking
    }
  }
  throw new Error(`no JSON after ${marker}`);
}

/**
 * The body of the `occurrence`-th response with this status line in a seed text, exactly as the document shows
 * it: a single line, or (if it starts with `{`) every line up to the first line that is exactly `}`.
 */
export function seedBody(prefix: '000' | '001' | '002' | '003', statusLine: string, occurrence = 1): string {
  const lines = seedText(prefix).split('\n');
  let seen = 0;
  let i = lines.findIndex((l) => l === statusLine && ++seen === occurrence);
  if (i < 0) throw new Error(`status line not found: ${statusLine}`);
  i++;
  while (i < lines.length && /^[\w-]+: /.test(lines[i])) i++;
  while (i < lines.length && lines[i] === '') i++;
  if (!lines[i].startsWith('{')) return lines[i];
  const end = lines.indexOf('}', i);
  return lines.slice(i, end + 1).join('\n');
}

export function seedHeaders(prefix: '000' | '001' | '002' | '003', statusLine: string, occurrence = 1): Record<string, string> {
  const lines = seedText(prefix).split('\n');
  let seen = 0;
  let i = lines.findIndex((l) => l === statusLine && ++seen === occurrence);
  const out: Record<string, string> = {};
  for (i++; i < lines.length && /^[\w-]+: /.test(lines[i]); i++) {
    const c = lines[i].indexOf(': ');
    out[lines[i].slice(0, c).toLowerCase()] = lines[i].slice(c + 2);
  }
  return out;
}

export interface Got {
  status: number;
  headers: Headers;
  text: string;
  json: () => unknown;
}

export async function get(url: string, headers: Record<string, string> = {}): Promise<Got> {
  const r = await fetch(url, { headers });
  const text = await r.text();
  return { status: r.status, headers: r.headers, text, json: () => JSON.parse(text) as unknown };
}

export const reveKey = (sb: Sandbox): Record<string, string> => ({ Authorization: sb.credentials.revechat.apiKey });

export const basic = (user: string, password: string): Record<string, string> => ({
  Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});

export const reveBasic = (sb: Sandbox): Record<string, string> =>
  basic(sb.credentials.revechat.username, sb.credentials.revechat.password);

export const rocketAuth = (sb: Sandbox): Record<string, string> => ({
  'X-Auth-Token': sb.credentials.rocketchat.authToken,
  'X-User-Id': sb.credentials.rocketchat.userId,
});

export const helpcrunchAuth = (sb: Sandbox): Record<string, string> => ({ Authorization: `Bearer ${sb.credentials.helpcrunch.apiKey}` });

/** A raw GET that reports what arrived, even when the connection is cut. */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<{
  status?: number; headers?: Record<string, string | string[] | undefined>; bytes: number; error?: string;
}> {
  return new Promise((resolve) => {
    let bytes = 0;
    let status: number | undefined;
    let resHeaders: Record<string, string | string[] | undefined> | undefined;
    const req = request(url, { headers, agent: false }, (res) => {
      status = res.statusCode;
      resHeaders = res.headers;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ status, headers: resHeaders, bytes }));
      res.on('error', (e) => resolve({ status, headers: resHeaders, bytes, error: e.message }));
      res.on('aborted', () => resolve({ status, headers: resHeaders, bytes, error: 'aborted' }));
    });
    req.on('error', (e) => resolve({ status, headers: resHeaders, bytes, error: e.message }));
    req.end();
  });
}
