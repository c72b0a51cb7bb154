// The tools' inputs, read defensively: they come from a model. VS Code checks them against the schemas in
// package.json, but a tool must still cope with missing, wrong-typed, huge or odd values. No vscode.
import { PLATFORMS, PLATFORM_NAMES, type Connection, type Platform } from '../api/model';
import { count, quoteCapped } from './modelText';

/** Longest text input kept (a name, an e-mail, an ID, a connection name). */
export const MAX_INPUT_CHARS = 200;
/** Most agents or messages one result lists, whatever the model asks for. */
export const MAX_LIMIT = 50;

/** What reading an input changed or left out, one sentence each, said at the top of the result (never silently). */
export interface InputNotes {
  notes: string[];
}

export interface FindAgentsInput extends InputNotes {
  query: string;
  platform?: Platform;
  connection?: string;
  onlineOnly: boolean;
  limit: number;
}

export interface AgentDetailsInput extends InputNotes {
  id: string;
  platform?: Platform;
  connection?: string;
}

export interface OfflineMessagesInput extends InputNotes {
  connection?: string;
  unreadOnly: boolean;
  includeBody: boolean;
  messageId?: string;
  limit: number;
}

function field(input: unknown, name: string): unknown {
  return input && typeof input === 'object' ? (input as Record<string, unknown>)[name] : undefined;
}

// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * A trimmed string without control characters, at most MAX_INPUT_CHARS characters (code points, as the schemas'
 * maxLength counts them: a pair of surrogates is never split); undefined when empty or not text. Pass `notes` to
 * have what was changed said: control characters read as spaces, a cut.
 */
export function text(value: unknown, name = 'text', notes?: string[]): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const raw = String(value);
  const controls = raw.match(CONTROL)?.length ?? 0;
  const cleaned = raw.replace(CONTROL, ' ').trim();
  const points = Array.from(cleaned);
  const s = points.length > MAX_INPUT_CHARS ? points.slice(0, MAX_INPUT_CHARS).join('') : cleaned;
  if (notes && controls > 0) notes.push(`Note on the input: the ${name} had ${controls} control ${controls === 1 ? 'character' : 'characters'} (tabs, line breaks or others), read as spaces: ${quoteCapped(s, 260)}.`);
  if (notes && points.length > MAX_INPUT_CHARS) notes.push(`Note on the input: the ${name} was cut to its first ${MAX_INPUT_CHARS} characters (it had ${count(points.length)}).`);
  return s || undefined;
}

function flag(value: unknown, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return fallback;
}

function limit(value: unknown, fallback: number, notes?: string[]): number {
  const n = typeof value === 'string' ? Number(value) : value;
  const read = typeof n !== 'number' || !Number.isFinite(n) ? fallback : Math.min(MAX_LIMIT, Math.max(1, Math.floor(n)));
  if (notes && value !== undefined && value !== read) {
    notes.push(`Note on the input: the limit ${quoteCapped(String(value as string | number), 60)} was read as ${read}.`);
  }
  return read;
}

/** A platform from its ID or its name in any case ("helpcrunch", "HelpCrunch", "Rocket.Chat", "rocket chat"). */
export function platform(value: unknown, notes?: string[]): Platform | undefined {
  const s = text(value)?.toLowerCase().replace(/[\s._-]/g, '');
  const found = s ? PLATFORMS.find((p) => p === s || PLATFORM_NAMES[p].toLowerCase().replace(/[\s._-]/g, '') === s) : undefined;
  if (notes && value !== undefined && !found) {
    notes.push(`Note on the input: the platform ${quoteCapped(String(value as string), 80)} is not one Chatdesk knows (${PLATFORMS.join(', ').replace(/, (?=[^,]*$)/, ' or ')}), so every platform was searched.`);
  }
  return found;
}

/** A connection name or ID; an empty one (only spaces) is said to mean every connection. */
function connection(value: unknown, notes: string[]): string | undefined {
  const c = text(value, 'connection', notes);
  if (c === undefined && value !== undefined) notes.push('Note on the input: the connection was empty, so every connection was searched.');
  return c;
}

export function findAgentsInput(input: unknown): FindAgentsInput {
  const notes: string[] = [];
  return {
    query: text(field(input, 'query'), 'query', notes) ?? '',
    platform: platform(field(input, 'platform'), notes),
    connection: connection(field(input, 'connection'), notes),
    onlineOnly: flag(field(input, 'onlineOnly'), false),
    limit: limit(field(input, 'limit'), 20, notes),
    notes,
  };
}

export function agentDetailsInput(input: unknown): AgentDetailsInput {
  const notes: string[] = [];
  return {
    id: text(field(input, 'id'), 'id', notes) ?? '',
    platform: platform(field(input, 'platform'), notes),
    connection: connection(field(input, 'connection'), notes),
    notes,
  };
}

export function offlineMessagesInput(input: unknown): OfflineMessagesInput {
  const notes: string[] = [];
  const raw = field(input, 'messageId');
  const messageId = text(raw, 'messageId', notes);
  if (messageId === undefined && raw !== undefined) notes.push('Note on the input: the messageId was empty, so the messages are listed instead.');
  return {
    connection: connection(field(input, 'connection'), notes),
    unreadOnly: flag(field(input, 'unreadOnly'), false),
    includeBody: flag(field(input, 'includeBody'), false),
    messageId,
    limit: limit(field(input, 'limit'), 20, notes),
    notes,
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
