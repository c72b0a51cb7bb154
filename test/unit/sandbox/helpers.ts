// Shared helpers for the sandbox tests: real HTTP against a started sandbox, and the vendors' own example responses.

import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { Sandbox } from '../../../src/sandbox';

/** The vendors' own example responses, kept in the repository (sources: test/fixtures/vendor-examples/README.md). */
export const VENDOR_EXAMPLES_DIR = join(__dirname, '..', '..', 'fixtures', 'vendor-examples');

/** The text of one vendor example file, e.g. `vendorText('helpcrunch/agents.429.json')`. */
export function vendorText(file: string): string {
  return readFileSync(join(VENDOR_EXAMPLES_DIR, file), 'utf8');
}

/** A `.json` vendor example, parsed. */
export function vendorJson(file: string): unknown {
  return JSON.parse(vendorText(file)) as unknown;
}

export interface VendorResponse {
  status: number;
  /** Header names in lower case, values as the document shows them. */
  headers: Record<string, string>;
  /** The body exactly as the document shows it (no final newline). */
  body: string;
}

/** A `.http` vendor example: status line, headers, an empty line, the body, as the vendor's document shows them. */
export function vendorHttp(file: string): VendorResponse {
  const text = vendorText(file).replace(/\n$/, '');
  const split = text.indexOf('\n\n');
  if (split < 0) throw new Error(`${file}: no empty line between the headers and the body`);
  const [statusLine, ...headerLines] = text.slice(0, split).split('\n');
  const status = /^HTTP\/1\.[01] (\d{3}) /.exec(statusLine);
  if (!status) throw new Error(`${file}: not a status line: ${statusLine}`);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const c = line.indexOf(': ');
    headers[line.slice(0, c).toLowerCase()] = line.slice(c + 2);
  }
  return { status: Number(status[1]), headers, body: text.slice(split + 2) };
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
