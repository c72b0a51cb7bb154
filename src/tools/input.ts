// The tools' inputs, read defensively: they come from a model. VS Code checks them against the schemas in
// package.json, but a tool must still cope with missing, wrong-typed, huge or odd values. No vscode.
import { PLATFORMS, PLATFORM_NAMES, type Connection, type Platform } from '../api/model';

/** Longest text input kept (a name, an e-mail, an ID, a connection name). */
export const MAX_INPUT_CHARS = 200;
/** Most agents or messages one result lists, whatever the model asks for. */
export const MAX_LIMIT = 50;

export interface FindAgentsInput {
  query: string;
  platform?: Platform;
  connection?: string;
  onlineOnly: boolean;
  limit: number;
}

export interface AgentDetailsInput {
  id: string;
  platform?: Platform;
  connection?: string;
}

export interface OfflineMessagesInput {
  connection?: string;
  unreadOnly: boolean;
  includeBody: boolean;
  messageId?: string;
  limit: number;
}

function field(input: unknown, name: string): unknown {
  return input && typeof input === 'object' ? (input as Record<string, unknown>)[name] : undefined;
}

/** A trimmed string without control characters, at most MAX_INPUT_CHARS; undefined when empty or not text. */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const s = String(value).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim().slice(0, MAX_INPUT_CHARS);
  return s || undefined;
}

function flag(value: unknown, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return fallback;
}

function limit(value: unknown, fallback: number): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return fallback;
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(n)));
}

/** A platform from its ID or its name in any case ("helpcrunch", "HelpCrunch", "Rocket.Chat", "rocket chat"). */
export function platform(value: unknown): Platform | undefined {
  const s = text(value)?.toLowerCase().replace(/[\s._-]/g, '');
  if (!s) return undefined;
  return PLATFORMS.find((p) => p === s || PLATFORM_NAMES[p].toLowerCase().replace(/[\s._-]/g, '') === s);
}

export function findAgentsInput(input: unknown): FindAgentsInput {
  return {
    query: text(field(input, 'query')) ?? '',
    platform: platform(field(input, 'platform')),
    connection: text(field(input, 'connection')),
    onlineOnly: flag(field(input, 'onlineOnly'), false),
    limit: limit(field(input, 'limit'), 20),
  };
}

export function agentDetailsInput(input: unknown): AgentDetailsInput {
  return {
    id: text(field(input, 'id')) ?? '',
    platform: platform(field(input, 'platform')),
    connection: text(field(input, 'connection')),
  };
}

export function offlineMessagesInput(input: unknown): OfflineMessagesInput {
  return {
    connection: text(field(input, 'connection')),
    unreadOnly: flag(field(input, 'unreadOnly'), false),
    includeBody: flag(field(input, 'includeBody'), false),
    messageId: text(field(input, 'messageId')),
    limit: limit(field(input, 'limit'), 20),
  };
}

/** Which connections an input names: all (optionally of one platform), or one by ID or name. */
export type ConnectionChoice<C extends Connection> =
  | { ok: true; connections: C[] }
  | { ok: false; problem: 'unknown' | 'ambiguous' | 'platform-mismatch'; candidates: C[] };

/**
 * The connections `name` (an ID, or a name: exact, ignoring case, then a unique part of one) and `platform` select.
 * Without a name: every connection (of `platform`, when given).
 */
export function chooseConnections<C extends Connection>(all: readonly C[], name: string | undefined, platform?: Platform): ConnectionChoice<C> {
  const ofPlatform = platform ? all.filter((c) => c.platform === platform) : [...all];
  if (!name) return { ok: true, connections: ofPlatform };
  const lower = name.toLowerCase();
  const byId = all.filter((c) => c.id === name);
  const exact = byId.length ? byId : all.filter((c) => c.label.trim().toLowerCase() === lower);
  const found = exact.length ? exact : all.filter((c) => c.label.toLowerCase().includes(lower));
  if (found.length === 0) return { ok: false, problem: 'unknown', candidates: [...all] };
  if (found.length > 1) return { ok: false, problem: 'ambiguous', candidates: found };
  if (platform && found[0].platform !== platform) return { ok: false, problem: 'platform-mismatch', candidates: found };
  return { ok: true, connections: found };
}
