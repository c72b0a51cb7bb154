// Shared by the hardening tests: the sandbox's lists as the trees load them (real client + PagedList),
// a guard against unhandled rejections, and checks that a text shown to a user carries no secret or markup.
import * as assert from 'node:assert/strict';
import { createClient, type ClientOptions } from '../../../src/api/index';
import type { Connection, Credentials, ListingEnd, PlatformClient } from '../../../src/api/model';
import type { Sandbox } from '../../../src/sandbox/types';
import { PagedList } from '../../../src/store';

export interface ListSpec {
  /** Test-title name, e.g. "REVE Chat agents". */
  name: string;
  platform: 'revechat' | 'rocketchat' | 'helpcrunch';
  /** The listing a tree loads. */
  list(client: PlatformClient, signal: AbortSignal, onEnd?: (end: ListingEnd) => void): AsyncIterable<{ id: string }[]>;
}

export const LISTS: ListSpec[] = [
  { name: 'REVE Chat agents', platform: 'revechat', list: (c, signal, onEnd) => c.agents({ signal, onEnd }) },
  { name: 'REVE Chat offline messages', platform: 'revechat', list: (c, signal, onEnd) => c.offlineMessages({ signal, onEnd }) },
  { name: 'Rocket.Chat agents', platform: 'rocketchat', list: (c, signal, onEnd) => c.agents({ signal, onEnd }) },
  { name: 'HelpCrunch agents', platform: 'helpcrunch', list: (c, signal, onEnd) => c.agents({ signal, onEnd }) },
];

export function connectionFor(sb: Sandbox, platform: ListSpec['platform'], id = `${platform}-hardening`): { connection: Connection; credentials: Credentials } {
  const c = sb.credentials;
  switch (platform) {
    case 'revechat':
      return {
        connection: { id, label: 'REVE', platform, baseUrl: sb.baseUrls.revechat, accountId: c.revechat.accountId, username: c.revechat.username },
        credentials: { apiKey: c.revechat.apiKey, password: c.revechat.password },
      };
    case 'rocketchat':
      return {
        connection: { id, label: 'RC', platform, baseUrl: sb.baseUrls.rocketchat, userId: c.rocketchat.userId },
        credentials: { authToken: c.rocketchat.authToken },
      };
    case 'helpcrunch':
      return { connection: { id, label: 'HC', platform, baseUrl: sb.baseUrls.helpcrunch }, credentials: { apiKey: c.helpcrunch.apiKey } };
  }
}

/**
 * A list wired as src/store/connectionLists.ts wires it: the client is created per load from the
 * connection (so a restarted server is reached again), PagedList's own cap one page above the client's.
 * `options` may be a function, read at each load (as a setting is).
 */
export function pagedListFor(sb: () => Sandbox, spec: ListSpec, options: ClientOptions | (() => ClientOptions)): PagedList<{ id: string }> {
  const current = typeof options === 'function' ? options : () => options;
  return new PagedList<{ id: string }>((signal, onEnd) => {
    const { connection, credentials } = connectionFor(sb(), spec.platform);
    return spec.list(createClient(connection, credentials, current()), signal, onEnd);
  }, { maxPages: () => (current().pageCap ?? 200) + 1 });
}

/** Every credential of the sandbox in every form it travels in (plain, HTTP Basic, base64, URI-encoded). */
export function secretForms(sb: Sandbox): string[] {
  const c = sb.credentials;
  const plain = [c.revechat.apiKey, c.revechat.password, c.revechat.expiredApiKey, c.rocketchat.authToken, c.helpcrunch.apiKey];
  const out = new Set<string>();
  for (const s of plain) {
    out.add(s);
    out.add(Buffer.from(s).toString('base64'));
    out.add(encodeURIComponent(s));
  }
  out.add(Buffer.from(`${c.revechat.username}:${c.revechat.password}`).toString('base64'));
  return [...out];
}

/** A message fit to show a user: short, one line, no markup, no stack, no secret. */
export function assertUserFit(message: string, secrets: readonly string[], where: string): void {
  assert.ok(message.trim().length > 0, `${where}: empty message`);
  assert.ok(message.length <= 300, `${where}: ${message.length} characters is not a message for a user`);
  assert.ok(!/<[a-z!/]/i.test(message), `${where}: markup in ${JSON.stringify(message)}`);
  assert.ok(!/\n\s*at\s/.test(message) && !/\n/.test(message), `${where}: stack or several lines in ${JSON.stringify(message)}`);
  assert.ok(!/\[object Object\]|\bundefined\b|\bnull\b|\bNaN\b/.test(message), `${where}: ${JSON.stringify(message)}`);
  for (const s of secrets) assert.ok(!message.includes(s), `${where}: a credential (${s.slice(0, 4)}…) in ${JSON.stringify(message)}`);
}

/** Records unhandled rejections while installed. */
export class RejectionGuard {
  readonly seen: unknown[] = [];
  private readonly onRejection = (reason: unknown) => { this.seen.push(reason); };

  install(): void {
    process.on('unhandledRejection', this.onRejection);
  }

  uninstall(): void {
    process.off('unhandledRejection', this.onRejection);
  }

  /** Lets pending microtasks and timers settle, then asserts nothing was rejected unhandled. */
  async assertNone(where: string): Promise<void> {
    await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setImmediate(r));
    const seen = this.seen.splice(0);
    assert.deepEqual(seen.map((e) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e))), [], `${where}: unhandled rejection(s)`);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
