// Request/response values the platform handlers work with: plain data, no sockets, so handlers stay pure.

import type { IncomingHttpHeaders } from 'node:http';
import type { FaultOptions } from './types';

export interface SandboxRequest {
  method: string;
  /** Path after the platform prefix, e.g. `/api/agents/8683034`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Epoch ms at which the request is handled. */
  now: number;
}

export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface PlatformHandler {
  handle(req: SandboxRequest): SandboxResponse;
  /**
   * This platform's own 429 (used by the "storm" fault); `retryAfterSeconds` undefined = no Retry-After. `faults`
   * may ask for another form, wait or status (FaultOptions.storm429*).
   */
  tooManyRequests(req: SandboxRequest, retryAfterSeconds: number | undefined, faults?: FaultOptions): SandboxResponse;
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

export function raw(status: number, body: string, contentType: string, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { 'Content-Type': contentType, ...headers }, body };
}

export function header(req: SandboxRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * One page of `items` from `offset`. With `forever`, every page is full: past the end, items repeat with
 * `extend(base, index)` giving each a new, continuing id.
 */
export function pageOf<T>(items: readonly T[], offset: number, size: number, forever: boolean, extend: (base: T, index: number) => T): T[] {
  if (!forever || items.length === 0) return items.slice(offset, offset + size);
  const out: T[] = [];
  for (let i = offset; i < offset + size; i++) out.push(i < items.length ? items[i] : extend(items[i % items.length], i));
  return out;
}
