// Public shape of the sandbox: the local server that imitates REVE Chat, Rocket.Chat and HelpCrunch.
// Tests, the benchmarks, `npm run sandbox` and the extension's demo mode all program against this.

export interface FaultOptions {
  /** Added delay per request, ms (before headers). */
  latencyMs?: number;
  /** Random jitter added on top of latencyMs, ms. */
  latencyJitterMs?: number;
  /** Fraction 0..1 of requests answered with a 5xx (503 by default). */
  errorRate?: number;
  /** Status used for injected errors (500, 502, 503…). */
  errorStatus?: number;
  /** Fraction 0..1 of requests whose socket is destroyed before any response. */
  dropRate?: number;
  /** Fraction 0..1 of requests answered 200 with a body that is not valid JSON. */
  malformedRate?: number;
  /** Fraction 0..1 of requests whose body is cut in the middle (connection reset mid-body). */
  truncateRate?: number;
  /** Fraction 0..1 of requests answered with a proxy's HTML error page (502). */
  htmlErrorRate?: number;
  /** Fraction 0..1 of requests answered 429 regardless of the real limiter ("storm"). */
  storm429Rate?: number;
  /** With storm429Rate: whether the 429 carries Retry-After. */
  storm429RetryAfter?: boolean;
  /** Every page request returns a full page (never ends). */
  pageForever?: boolean;
  /** Server is "down": every connection is destroyed at once. */
  down?: boolean;
  /** Bodies go out chunked, in two parts, without Content-Length (as many app servers and proxies send them). */
  chunked?: boolean;
}

export interface RateLimitOptions {
  /** HelpCrunch: requests per window overall (default 120). 0 disables. */
  helpcrunchPerMinute?: number;
  /** Rocket.Chat: calls per window per route (default 10). 0 disables. */
  rocketchatCallsPerRoute?: number;
  /** Window length in ms for both (default 60000). */
  windowMs?: number;
  /** REVE Chat: requests per window (undocumented; default 0 = off). */
  revechatPerMinute?: number;
  /** HelpCrunch: whether its 429 carries `Retry-After` (not documented by HelpCrunch; default true). */
  helpcrunchRetryAfter?: boolean;
}

export interface SandboxOptions {
  /** Port to listen on; 0 or undefined = a free port. Always 127.0.0.1. */
  port?: number;
  /** Seed for the deterministic data generator (default 1). */
  seed?: number;
  /** Agents per platform (default 40). The seeds' own examples are always included. */
  agents?: number;
  /** Offline messages (REVE Chat) (default 30). */
  offlineMessages?: number;
  /** Page size for REVE Chat agent pages (undocumented by REVE; default 20). */
  revechatPageSize?: number;
  /** Page size for REVE Chat offline-message pages (default 20). */
  revechatOfflinePageSize?: number;
  /** Rocket.Chat: whether `omnichannel/agents/available` exists (default 'paged': the real server code). */
  rocketchatAvailableEndpoint?: 'paged' | 'single' | 'removed';
  rateLimits?: RateLimitOptions;
  faults?: FaultOptions;
  /** Extra agents/messages whose text fields carry the given strings (hostile-input tests). */
  hostileStrings?: string[];
  /**
   * REVE Chat offline-message ids whose detail answers 403 with the seed's invalid-JSON body
   * (default: generated ids that are multiples of 97).
   */
  revechatForbiddenOfflineMessageIds?: number[];
  /**
   * E-mails of the vendors' example agents: `plausible` (default) makes them from the agents' names;
   * `verbatim` keeps the documents' text, `[email protected]` (Cloudflare's e-mail obfuscation), for the tests
   * that compare the sandbox with the documents.
   */
  seedEmails?: 'plausible' | 'verbatim';
}

export interface SandboxCredentials {
  revechat: {
    accountId: string; apiKey: string; username: string; password: string; expiredApiKey: string;
    /** Legacy basic auth of a valid user who is not a superadmin (gets 403 on the REST API). */
    agentUsername?: string; agentPassword?: string;
  };
  rocketchat: {
    userId: string; authToken: string;
    /** A valid user without the omnichannel permissions (gets 403 `error-unauthorized`). */
    restrictedUserId?: string; restrictedAuthToken?: string;
  };
  helpcrunch: { apiKey: string };
}

export interface SandboxStats {
  /** Every request seen, by platform. */
  requests: { revechat: number; rocketchat: number; helpcrunch: number };
  /** 429s the sandbox sent, by platform. */
  tooManyRequests: { revechat: number; rocketchat: number; helpcrunch: number };
  /** Bytes of response bodies sent. */
  bytesSent: number;
  /** Highest number of requests in flight at once. */
  peakConcurrency: number;
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:PORT */
  readonly origin: string;
  readonly port: number;
  /** Base URL to put in a Connection for each platform. */
  readonly baseUrls: { revechat: string; rocketchat: string; helpcrunch: string };
  readonly credentials: SandboxCredentials;
  stats(): SandboxStats;
  resetStats(): void;
  /** Change fault injection at run time (merged over the current faults; pass {} fields to clear). */
  setFaults(faults: FaultOptions): void;
  /** Change rate limits at run time. */
  setRateLimits(limits: RateLimitOptions): void;
  stop(): Promise<void>;
}
