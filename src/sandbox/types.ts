// Public shape of the sandbox: the local server that imitates REVE Chat, Rocket.Chat and HelpCrunch.
// Tests, the benchmarks, `npm run sandbox` and the extension's demo mode all program against this.

export type RocketchatForbidden = 'error-unauthorized' | 'unauthorized' | 'unauthorized-401' | 'error-not-authorized' | 'unauthorized-400'
  | 'unauthorized-200' | 'error-action-not-allowed' | 'error-not-allowed' | 'error-no-permission' | 'not-authorized' | 'message-403' | 'html-403';
export const ROCKETCHAT_FORBIDDEN: readonly RocketchatForbidden[] = ['error-unauthorized', 'unauthorized', 'unauthorized-401', 'error-not-authorized',
  'unauthorized-400', 'unauthorized-200', 'error-action-not-allowed', 'error-not-allowed', 'error-no-permission', 'not-authorized', 'message-403', 'html-403'];
export type RocketchatTwoFactor = 'totp-required' | 'totp-invalid' | 'email' | 'text-only' | 'method-only' | 'email-text';
export const ROCKETCHAT_TWO_FACTOR: readonly RocketchatTwoFactor[] = ['totp-required', 'totp-invalid', 'email', 'text-only', 'method-only', 'email-text'];

/** How REVE Chat answers a page past the end of a list (SandboxOptions.revechatListEnd). */
export type RevechatListEnd = 'empty' | 'not-found' | 'not-found-legacy' | 'not-found-text' | 'error-200' | 'null-body' | 'json-null' | 'empty-body'
  | 'no-content' | 'invalid-page' | 'legacy-200' | 'text-200' | 'object-body' | 'string-body' | 'false-body' | 'out-of-range' | 'page-limit';
export const REVECHAT_LIST_ENDS: readonly RevechatListEnd[] = ['empty', 'not-found', 'not-found-legacy', 'not-found-text', 'error-200', 'null-body',
  'json-null', 'empty-body', 'no-content', 'invalid-page', 'legacy-200', 'text-200', 'object-body', 'string-body', 'false-body', 'out-of-range', 'page-limit'];

/** How a storm 429 names its wait (FaultOptions.storm429Form). */
export type Storm429Form = 'details' | 'text' | 'headers' | 'bare' | 'ratelimit' | 'ratelimit-reset' | 'reset-after' | 'retry-after-ms' | 'body-field';
export const STORM_429_FORMS: readonly Storm429Form[] = ['details', 'text', 'headers', 'bare', 'ratelimit', 'ratelimit-reset', 'reset-after', 'retry-after-ms', 'body-field'];

export interface FaultOptions {
  /** Added delay per request, ms (before headers). */
  latencyMs?: number;
  /** Random jitter added on top of latencyMs, ms. */
  latencyJitterMs?: number;
  /** Fraction 0..1 of requests answered with a 5xx (503 by default). */
  errorRate?: number;
  /** Status used for injected errors (500, 502, 503…). */
  errorStatus?: number;
  /**
   * Text of the injected error bodies instead of the status text: a server or proxy that echoes what it was sent
   * (a credential, a visitor's words, Markdown) into its error message.
   */
  errorMessage?: string;
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
  /** With storm429Rate: the wait the answer names, seconds (default 1 with Retry-After, else 60). */
  storm429Seconds?: number;
  /**
   * With storm429Rate, Rocket.Chat only: how the wait is said. 'details' (default): the limiter's body with
   * `details.timeToReset`; 'text': only the text "You must wait N seconds" with `errorType` (the body of
   * RocketChat/Rocket.Chat#13441), no X-RateLimit-* headers; 'headers': `{success:false,error:"Too many requests"}`
   * with X-RateLimit-Remaining 0 and Reset; 'bare': `{success:false,error:"Too many requests"}`, no wait at all.
   * On every platform: 'text' (the wait only in the sentence, see storm429Text), 'ratelimit' (the IETF draft header
   * `RateLimit: limit=N, remaining=0, reset=S`), 'ratelimit-reset' (`RateLimit-Reset: S`), 'reset-after'
   * (`X-RateLimit-Reset-After: S`), 'retry-after-ms' (`Retry-After-Ms`), 'body-field' (a top-level `retry_after: S`
   * next to the platform's error body). REVE Chat and HelpCrunch read 'details' and 'headers' as their default body.
   */
  storm429Form?: Storm429Form;
  /**
   * With storm429Rate: the sentence the 429 says, in each platform's own error shape (REVE Chat `{"error":[…]}`,
   * HelpCrunch `{"errors":[…]}`, Rocket.Chat `{success:false,error}`); `{s}`, `{m}` and `{ms}` stand for the wait in
   * seconds, minutes and milliseconds. Default: each platform's own sentence.
   */
  storm429Text?: string;
  /** With storm429Rate: the status (default 429; older Rocket.Chat servers answered their limiter with 400). */
  storm429Status?: number;
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
  /**
   * Rocket.Chat: how a missing permission is answered. 'error-unauthorized' (default): 403 "User does not have the
   * permissions required for this action [error-unauthorized]"; 'unauthorized': 403 `{"error":"unauthorized"}`
   * (API.v1.forbidden()); 'unauthorized-401': 401 `{"error":"unauthorized"}` (API.v1.unauthorized() of some
   * versions); 'error-not-authorized': 400 `{"error":"error-not-authorized"}` (a bare Meteor error);
   * 'unauthorized-400' / 'unauthorized-200': `{"success":false,"error":"unauthorized"}` under 400 or 200; the permission
   * codes of the server's methods under 400 `{error:"… [code]",errorType}`: 'error-action-not-allowed',
   * 'error-not-allowed', 'error-no-permission'; 'not-authorized' (403); 'message-403' (403 `{status:"error",message}`);
   * 'html-403' (a proxy's HTML page).
   */
  rocketchatForbidden?: RocketchatForbidden;
  /**
   * Rocket.Chat: the permissions of the restricted demo user (default none): e.g. ['agents-available'] for a user
   * who may ask the legacy endpoint but not list agents.
   */
  rocketchatRestrictedPermissions?: ('view-agents' | 'view-agent' | 'view-departments' | 'agents-available')[];
  /**
   * Rocket.Chat: every authenticated request answers with this two-factor error (a token without the bypass):
   * 'totp-required' / 'totp-invalid' (400 with the code and `details.method`), 'email' (the code, method e-mail),
   * 'text-only' (400 "TOTP Required", no code), 'method-only' (400 with `details.method` only), 'email-text'
   * (401 `{status:"error"}` asking for the e-mailed code, in words only).
   */
  rocketchatTwoFactor?: RocketchatTwoFactor;
  /**
   * Rocket.Chat: sorted by a field with ties (the default, by name), tied agents come in a different order for each
   * page query, as a database without a total order returns them; `sort={"_id":1}` is stable.
   */
  rocketchatUnstableTies?: boolean;
  /** Rocket.Chat: `sort` is ignored (an older server, or a proxy that drops it): the order is always by name. */
  rocketchatIgnoreSort?: boolean;
  /** Rocket.Chat: every generated agent has this name (e.g. "Support"). */
  rocketchatAgentName?: string;
  /** REVE Chat and Rocket.Chat: generated agents list their first department twice. */
  duplicateDepartments?: boolean;
  /** REVE Chat: `page_no` is ignored; every page is page 1. */
  revechatIgnorePageNo?: boolean;
  /**
   * REVE Chat: how a page past the end of a list (agents and offline messages) is answered. 'empty' (default):
   * the envelope with `body: []` (legacy `[]`); 'not-found': 404 `{"status":"error","message":"Agents not found",
   * "body":null}`; 'not-found-legacy': 404 `{"error":[{"code":404,"message":"No Record found …"}]}`; 'not-found-text':
   * 404 plain text; 'error-200': 200 `{"status":"error","message":"No agents found","body":null}`; 'null-body':
   * 200 envelope with `body: null`; 'json-null': 200 `null`; 'empty-body': 200 with no body; 'no-content': 204;
   * 'invalid-page': 400 "Invalid Page Number: N"; 'legacy-200': 200 `{"error":[{"code":404,"message":"No Record found"}]}`;
   * 'text-200': 200 plain text "No record found"; 'object-body', 'string-body', 'false-body': 200 envelope whose `body`
   * is `{}`, `""` or `false` (legacy: that bare value); 'out-of-range': 422 envelope "page_no is out of range";
   * 'page-limit': 400 envelope "page_no must be less than or equal to N".
   */
  revechatListEnd?: RevechatListEnd;
  /** REVE Chat: the words of the list-end answer instead of the form's own ("Data not available", "Empty result", …). */
  revechatListEndMessage?: string;
  /**
   * HelpCrunch: `meta.total` of the agent list is this many more than the agents it lists (1 = the vendor's own example,
   * seed 002: total 5 for 4 agents).
   */
  helpcrunchTotalExtra?: number;
  /** HelpCrunch: the first agent is removed right after the first page of agents is served (a list that moves). */
  helpcrunchAgentLeaves?: boolean;
  /** REVE Chat: the account has no agents (page 1 is answered as `revechatListEnd` says). */
  revechatEmptyAccount?: boolean;
  rateLimits?: RateLimitOptions;
  faults?: FaultOptions;
  /**
   * The sandbox's time (default the system clock): when each request arrives, which the rate-limit windows and
   * their X-RateLimit-Reset, and REVE Chat's key expiry, are counted from; and the REVE keys' `iat`. Tests share
   * a simulated clock with the client's (ClientOptions.clock) so that windows pass without waiting.
   */
  clock?: SandboxClock;
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

/** Where the sandbox reads the time. */
export interface SandboxClock {
  /** Epoch ms. */
  now(): number;
  /** Resolves after `ms` on this clock: the latency fault's wait before answering (default: a real timer). */
  delay?(ms: number): Promise<void>;
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
