// The sandbox server: one node:http server on 127.0.0.1 serving the three platforms under /revechat, /rocketchat
// and /helpcrunch; fault injection, stats and prompt shutdown.

import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { FullCredentials, SandboxContext } from './context';
import { generateData } from './data';
import { errorBody, FaultInjector, nginxErrorPage, type FaultAction } from './faults';
import { createHelpCrunch } from './helpcrunch';
import type { PlatformHandler, SandboxRequest, SandboxResponse } from './http';
import { mintReveKey } from './jwt';
import { meteorId, mulberry32 } from './prng';
import { FixedWindowLimiter } from './ratelimit';
import { createReveChat } from './revechat';
import { createRocketChat } from './rocketchat';
import { REVE_ACCOUNT_ID } from './seedExamples';
import type { RateLimitOptions, Sandbox, SandboxClock, SandboxOptions, SandboxStats } from './types';

type PlatformName = 'revechat' | 'rocketchat' | 'helpcrunch';
const PLATFORMS: readonly PlatformName[] = ['revechat', 'rocketchat', 'helpcrunch'];
const systemClock: SandboxClock = { now: () => Date.now() };

function emptyStats(): SandboxStats {
  return {
    requests: { revechat: 0, rocketchat: 0, helpcrunch: 0 },
    tooManyRequests: { revechat: 0, rocketchat: 0, helpcrunch: 0 },
    bytesSent: 0,
    peakConcurrency: 0,
  };
}

/** Demo credentials: derived from the seed (stable across runs), except the REVE keys, which carry iat = now. */
export function makeCredentials(seed: number, jwtSecret: string, nowMs: number): FullCredentials {
  const h = (label: string): string => createHash('sha256').update(`chatdesk-sandbox:${seed}:${label}`).digest('base64url');
  const rnd = mulberry32((seed >>> 0) ^ 0xc0ffee);
  const nowSec = Math.floor(nowMs / 1000);
  return {
    revechat: {
      accountId: REVE_ACCOUNT_ID,
      apiKey: mintReveKey(REVE_ACCOUNT_ID, jwtSecret, nowSec),
      // Issued 31 days ago: expired one day ago.
      expiredApiKey: mintReveKey(REVE_ACCOUNT_ID, jwtSecret, nowSec - 31 * 86_400),
      username: 'john@example.com',
      password: `demo-${h('reve-password').slice(0, 12)}`,
      agentUsername: 'agent@example.com',
      agentPassword: `demo-${h('reve-agent-password').slice(0, 12)}`,
    },
    rocketchat: {
      userId: meteorId(rnd),
      authToken: h('rocket-token').slice(0, 43),
      restrictedUserId: meteorId(rnd),
      restrictedAuthToken: h('rocket-restricted-token').slice(0, 43),
    },
    helpcrunch: { apiKey: h('helpcrunch-key') + h('helpcrunch-key-2') },
  };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? 1;
  const data = generateData({
    seed,
    agents: options.agents ?? 40,
    offlineMessages: options.offlineMessages ?? 30,
    hostileStrings: options.hostileStrings ?? [],
    forbiddenOfflineMessageIds: options.revechatForbiddenOfflineMessageIds,
    rocketchatAgentName: options.rocketchatAgentName,
    duplicateDepartments: options.duplicateDepartments,
    seedEmails: options.seedEmails,
  });
  const jwtSecret = createHash('sha256').update(`chatdesk-sandbox-jwt:${seed}`).digest('hex');
  const clock = options.clock ?? systemClock;
  const credentials = makeCredentials(seed, jwtSecret, clock.now());
  const injector = new FaultInjector(options.faults, seed);
  const rl = options.rateLimits ?? {};
  const windowMs = rl.windowMs ?? 60_000;
  const limiters = {
    revechat: new FixedWindowLimiter(rl.revechatPerMinute ?? 0, windowMs),
    rocketchat: new FixedWindowLimiter(rl.rocketchatCallsPerRoute ?? 10, windowMs),
    helpcrunch: new FixedWindowLimiter(rl.helpcrunchPerMinute ?? 120, windowMs),
  };
  const ctx: SandboxContext = {
    data,
    credentials,
    jwtSecret,
    revechatPageSize: options.revechatPageSize ?? 20,
    revechatOfflinePageSize: options.revechatOfflinePageSize ?? 20,
    rocketchatAvailableEndpoint: options.rocketchatAvailableEndpoint ?? 'paged',
    variants: {
      rocketchatForbidden: options.rocketchatForbidden,
      rocketchatRestrictedPermissions: options.rocketchatRestrictedPermissions,
      rocketchatTwoFactor: options.rocketchatTwoFactor,
      rocketchatUnstableTies: options.rocketchatUnstableTies,
      rocketchatIgnoreSort: options.rocketchatIgnoreSort,
      revechatIgnorePageNo: options.revechatIgnorePageNo,
      revechatListEnd: options.revechatListEnd,
      revechatListEndMessage: options.revechatListEndMessage,
      revechatEmptyAccount: options.revechatEmptyAccount,
      helpcrunchTotalExtra: options.helpcrunchTotalExtra,
      helpcrunchAgentLeaves: options.helpcrunchAgentLeaves,
    },
    helpcrunchRetryAfter: rl.helpcrunchRetryAfter ?? true,
    faults: () => injector.options,
    limiters,
  };
  const handlers: Record<PlatformName, PlatformHandler> = {
    revechat: createReveChat(ctx),
    rocketchat: createRocketChat(ctx),
    helpcrunch: createHelpCrunch(ctx),
  };

  let stats = emptyStats();
  let inFlight = 0;
  let stopped = false;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  function send(platform: PlatformName, res: ServerResponse, r: SandboxResponse, truncate = false): void {
    const buf = Buffer.from(r.body, 'utf8');
    if (r.status === 429) stats.tooManyRequests[platform]++;
    const chunked = injector.options.chunked === true && !truncate;
    res.writeHead(r.status, chunked ? r.headers : { ...r.headers, 'Content-Length': String(buf.length) });
    if (!truncate) {
      stats.bytesSent += buf.length;
      if (chunked) res.write(buf.subarray(0, Math.floor(buf.length / 2))); // without Content-Length: chunked
      res.end(chunked ? buf.subarray(Math.floor(buf.length / 2)) : buf);
      return;
    }
    const half = buf.subarray(0, Math.floor(buf.length / 2));
    stats.bytesSent += half.length;
    res.write(half, () => res.socket?.destroy());
  }

  function faultResponse(action: FaultAction, req: SandboxRequest, handler: PlatformHandler): SandboxResponse | undefined {
    switch (action.kind) {
      case 'storm':
        return handler.tooManyRequests(req, action.retryAfterSeconds, injector.options);
      case 'error': {
        const e = errorBody(action.status, action.plain, injector.options.errorMessage);
        return { status: action.status, headers: { 'Content-Type': e.contentType }, body: e.body };
      }
      case 'html':
        return { status: 502, headers: { 'Content-Type': 'text/html', Server: 'nginx' }, body: nginxErrorPage(502) };
      default:
        return undefined;
    }
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    inFlight++;
    stats.peakConcurrency = Math.max(stats.peakConcurrency, inFlight);
    res.once('close', () => inFlight--);
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const m = /^\/(revechat|rocketchat|helpcrunch)(\/.*)?$/.exec(url.pathname);
    if (!m) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found: use /revechat, /rocketchat or /helpcrunch');
      return;
    }
    const platform = m[1] as PlatformName;
    stats.requests[platform]++;
    if (injector.options.down) {
      req.socket.destroy();
      return;
    }
    const delay = injector.delay();
    if (delay > 0) {
      await (clock.delay ? clock.delay(delay) : sleep(delay));
      if (stopped || res.destroyed) return;
    }
    const action = injector.decide();
    if (action.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    const sreq: SandboxRequest = { method: req.method ?? 'GET', path: m[2] ?? '/', query: url.searchParams, headers: req.headers, now: clock.now() };
    const handler = handlers[platform];
    const injected = faultResponse(action, sreq, handler);
    if (injected) return send(platform, res, injected);
    const real = handler.handle(sreq);
    if (action.kind === 'malformed') {
      const body = real.body.length > 1 ? real.body.slice(0, Math.ceil(real.body.length / 2)) : '{';
      return send(platform, res, { status: 200, headers: { ...real.headers, 'Content-Type': 'application/json' }, body });
    }
    send(platform, res, real, action.kind === 'truncate');
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(`sandbox error: ${err instanceof Error ? err.message : String(err)}`);
      } else {
        res.destroy();
      }
    });
  });
  server.on('connection', (socket) => {
    if (injector.options.down) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  let stopping: Promise<void> | undefined;

  function setRateLimits(limits: RateLimitOptions): void {
    if (limits.windowMs !== undefined) {
      for (const p of PLATFORMS) {
        limiters[p].windowMs = limits.windowMs;
        limiters[p].reset();
      }
    }
    if (limits.revechatPerMinute !== undefined) limiters.revechat.limit = limits.revechatPerMinute;
    if (limits.rocketchatCallsPerRoute !== undefined) limiters.rocketchat.limit = limits.rocketchatCallsPerRoute;
    if (limits.helpcrunchPerMinute !== undefined) limiters.helpcrunch.limit = limits.helpcrunchPerMinute;
    if (limits.helpcrunchRetryAfter !== undefined) ctx.helpcrunchRetryAfter = limits.helpcrunchRetryAfter;
  }

  return {
    origin,
    port,
    baseUrls: { revechat: `${origin}/revechat`, rocketchat: `${origin}/rocketchat`, helpcrunch: `${origin}/helpcrunch` },
    credentials,
    stats: () => structuredClone(stats),
    resetStats: () => {
      stats = emptyStats();
      stats.peakConcurrency = inFlight;
    },
    setFaults: (faults) => {
      injector.set(faults);
      if (injector.options.down) for (const s of sockets) s.destroy();
    },
    setRateLimits,
    stop: () =>
      (stopping ??= new Promise<void>((resolve) => {
        stopped = true;
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
        for (const s of sockets) s.destroy();
      })),
  };
}
