// The normalised data model every part of Chatdesk programs against (see docs/design.md).
// Each object keeps the platform's own object in `raw`, untouched.

import type { ApiError } from './errors';

export type Platform = 'revechat' | 'rocketchat' | 'helpcrunch';

export const PLATFORMS: readonly Platform[] = ['revechat', 'rocketchat', 'helpcrunch'];

/** Each platform's name as its vendor writes it: the one table of platform names. */
export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  revechat: 'REVE Chat',
  rocketchat: 'Rocket.Chat',
  helpcrunch: 'HelpCrunch',
};

/** The platform's name, or the value itself for anything that is not a platform (data from outside). */
export function platformName(platform: unknown): string {
  return typeof platform === 'string' && Object.prototype.hasOwnProperty.call(PLATFORM_NAMES, platform)
    ? PLATFORM_NAMES[platform as Platform]
    : String(platform);
}

/** Non-secret connection metadata; stored in VS Code state. */
export interface Connection {
  id: string;
  label: string;
  platform: Platform;
  /** REVE https://api.revechat.com, HelpCrunch https://api.helpcrunch.com, Rocket.Chat the workspace URL. */
  baseUrl: string;
  /** REVE Chat (current API). */
  accountId?: string;
  /** Rocket.Chat X-User-Id. */
  userId?: string;
  /** REVE Chat legacy basic auth (superadmin e-mail). */
  username?: string;
}

/** Secret; SecretStorage only. */
export interface Credentials {
  /** REVE Authorization key (JWT), HelpCrunch Bearer key. */
  apiKey?: string;
  /** Rocket.Chat X-Auth-Token (personal access token). */
  authToken?: string;
  /** REVE legacy basic auth (offline messages). */
  password?: string;
}

export type AgentStatus = 'online' | 'away' | 'busy' | 'offline' | 'unknown';

export interface Department {
  id: string;
  name: string;
}

export interface Agent {
  platform: Platform;
  connectionId: string;
  /** The platform's own ID, as a string. */
  id: string;
  name: string;
  email?: string;
  role?: string;
  status: AgentStatus;
  /** Can take chats now, where the platform says. */
  available?: boolean;
  departments: Department[];
  /** Epoch ms, where the platform says. */
  lastLoginAt?: number;
  /** Epoch ms, where the platform says. */
  createdAt?: number;
  /** The platform's object, untouched. */
  raw: unknown;
}

export interface OfflineMessageVisitor {
  id?: string;
  name?: string;
  email?: string;
  phone?: string;
}

export interface OfflineMessage {
  id: string;
  subject: string;
  message: string;
  unread: boolean;
  /** Epoch ms. */
  receivedAt?: number;
  visitor: OfflineMessageVisitor;
  replyCount?: number;
  raw: unknown;
}

export interface OfflineMessageReply {
  message: string;
  at?: number;
  agentId?: string;
  agentName?: string;
  agentEmail?: string;
}

export interface OfflineMessageDetail extends OfflineMessage {
  replies: OfflineMessageReply[];
}

export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * How a listing ended, reported once after its last page (never on an error or a cancellation).
 * `incomplete` is set when the client knows the list is short of what the server has: fewer distinct items
 * arrived than the total the server reported, or the server repeated a page instead of sending the next one.
 */
export interface ListingEnd {
  /** Distinct items handed over. */
  received: number;
  /** The total the server reported, where it did (the largest one seen). */
  reportedTotal?: number;
  incomplete?: {
    reason: 'short-of-total' | 'repeated-page';
    /** How many the server said there are, where it said. */
    expected?: number;
  };
}

/** A listing held back: until when (epoch ms, on the client's clock), and why. */
export interface ListingWait {
  until: number;
  /**
   * 'pacing': Chatdesk's own limiter keeps to the platform's rate limit (or to a pause a 429 imposed);
   * 'rate-limited': a request refused with a rate limit is tried again when the server said; 'retry': a request
   * that failed (5xx, network) is tried again after a back-off.
   */
  reason: 'pacing' | 'rate-limited' | 'retry';
}

export interface ListOptions extends CallOptions {
  /** Called once when the listing ends normally, after the last page was handed over. */
  onEnd?(end: ListingEnd): void;
  /**
   * Called when the listing is held back for a while (Chatdesk keeping to the rate limit, a server's asked-for
   * wait, a retry's back-off) with until when, and with `undefined` when it goes on.
   */
  onWait?(wait: ListingWait | undefined): void;
}

/** One endpoint that `availableAgents()` asked, and what it answered. */
export interface AvailableAgentsSource {
  /** The endpoint as a user may recognise it, e.g. `livechat/users/agent?onlyAvailable=true`. */
  endpoint: string;
  /** What it gave: empty when it failed or the server has no such endpoint. */
  agents: Agent[];
  /** Why it gave nothing (e.g. `forbidden` with the missing permissions), when it failed. */
  error?: ApiError;
  /** The server has no such endpoint (Rocket.Chat 8.x removed the legacy one): nothing to show, and not a failure. */
  absent?: boolean;
}

/** Who can take a chat now, from every source the platform has, each source independent of the others. */
export interface AvailableAgents {
  /** Every agent any source gave, once (by id; the first source's object wins). */
  agents: Agent[];
  sources: AvailableAgentsSource[];
}

export interface Capabilities {
  offlineMessages: boolean;
  availableAgents: boolean;
}

export interface PlatformClient {
  readonly platform: Platform;
  readonly capabilities: Capabilities;
  /** Resolves when the credentials work; throws ApiError otherwise. */
  verify(o?: CallOptions): Promise<void>;
  /** Page by page, every page, in order; no agent twice. `o.onEnd` learns whether the list is whole. */
  agents(o?: ListOptions): AsyncIterable<Agent[]>;
  agent(id: string, o?: CallOptions): Promise<Agent>;
  /**
   * Where capabilities say so; throws ApiError('unsupported') otherwise. Never throws because one source failed:
   * each source's agents and error are in `sources` (only cancellation throws).
   */
  availableAgents(o?: CallOptions): Promise<AvailableAgents>;
  /** Page by page, in order; no message twice. `o.onEnd` learns whether the list is whole. */
  offlineMessages(o?: ListOptions): AsyncIterable<OfflineMessage[]>;
  offlineMessage(id: string, o?: CallOptions): Promise<OfflineMessageDetail>;
}
