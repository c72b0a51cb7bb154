// Shared by the API client tests: a real sandbox, connections for it, and a logger that captures every line.

import * as assert from 'node:assert/strict';
import { ApiError, createClient, type ClientOptions } from '../../../src/api/index';
import type { Agent, Connection, Credentials, PlatformClient } from '../../../src/api/model';
import { startSandbox } from '../../../src/sandbox/index';
import type { Sandbox, SandboxOptions } from '../../../src/sandbox/types';
import type { Logger } from '../../../src/util/log';

export async function sandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ seed: 7, ...options });
}

/** Quick retries so tests of back-off run in milliseconds, unless a test says otherwise. */
export const FAST: ClientOptions = { timeoutMs: 5_000 };

export function reveConnection(sb: Sandbox, extra: Partial<Connection> = {}): Connection {
  return {
    id: 'reve-1', label: 'REVE', platform: 'revechat', baseUrl: sb.baseUrls.revechat,
    accountId: sb.credentials.revechat.accountId, username: sb.credentials.revechat.username, ...extra,
  };
}

export function reveCredentials(sb: Sandbox, extra: Partial<Credentials> = {}): Credentials {
  return { apiKey: sb.credentials.revechat.apiKey, password: sb.credentials.revechat.password, ...extra };
}

export function reve(sb: Sandbox, options: ClientOptions = FAST, conn: Partial<Connection> = {}, creds: Partial<Credentials> = {}): PlatformClient {
  return createClient(reveConnection(sb, conn), reveCredentials(sb, creds), options);
}

export function rocket(sb: Sandbox, options: ClientOptions = FAST, conn: Partial<Connection> = {}, creds: Partial<Credentials> = {}): PlatformClient {
  return createClient(
    { id: 'rc-1', label: 'RC', platform: 'rocketchat', baseUrl: sb.baseUrls.rocketchat, userId: sb.credentials.rocketchat.userId, ...conn },
    { authToken: sb.credentials.rocketchat.authToken, ...creds },
    options,
  );
}

export function helpcrunch(sb: Sandbox, options: ClientOptions = FAST, conn: Partial<Connection> = {}, creds: Partial<Credentials> = {}): PlatformClient {
  return createClient(
    { id: 'hc-1', label: 'HC', platform: 'helpcrunch', baseUrl: sb.baseUrls.helpcrunch, ...conn },
    { apiKey: sb.credentials.helpcrunch.apiKey, ...creds },
    options,
  );
}

export async function collect<T>(pages: AsyncIterable<T[]>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let n = 0;
  for await (const page of pages) {
    items.push(...page);
    n++;
  }
  return { items, pages: n };
}

export async function allAgents(client: PlatformClient): Promise<Agent[]> {
  return (await collect(client.agents())).items;
}

/** Resolves with the rejection of `p` (fails if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

/** A logger that keeps every line, unredacted, so tests can assert nothing secret was passed to it. */
export class CapturingLogger implements Logger {
  readonly lines: string[] = [];
  private add(level: string, message: unknown, args: unknown[]): void {
    this.lines.push(`[${level}] ${String(message instanceof Error ? `${message.message} ${message.stack}` : message)} ${args.map((a) => JSON.stringify(a)).join(' ')}`);
  }
  trace(m: string, ...a: unknown[]): void { this.add('trace', m, a); }
  debug(m: string, ...a: unknown[]): void { this.add('debug', m, a); }
  info(m: string, ...a: unknown[]): void { this.add('info', m, a); }
  warn(m: string, ...a: unknown[]): void { this.add('warn', m, a); }
  error(m: string | Error, ...a: unknown[]): void { this.add('error', m, a); }
}

/** Every text an error exposes: message, stack, code and the whole cause chain. */
export function errorText(e: unknown): string {
  const parts: string[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 6 && cur; i++) {
    if (cur instanceof Error) {
      parts.push(cur.message, cur.stack ?? '', String((cur as { code?: unknown }).code ?? ''));
      try {
        parts.push(JSON.stringify(cur));
      } catch {
        // ignore
      }
      cur = (cur as { cause?: unknown }).cause;
    } else {
      parts.push(String(cur));
      cur = undefined;
    }
  }
  return parts.join('\n');
}

/** Asserts that `e` is an ApiError of `kind` (and, if given, with that message); returns it typed. */
export function assertApiError(e: unknown, kind: string, message?: RegExp | string): ApiError {
  assert.ok(e instanceof ApiError, `expected ApiError, got ${e instanceof Error ? e.stack : String(e)}`);
  assert.equal(e.kind, kind, `kind of "${e.message}"`);
  if (typeof message === 'string') assert.equal(e.message, message);
  else if (message) assert.match(e.message, message);
  return e;
}
