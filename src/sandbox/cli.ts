// `npm run sandbox -- [options]`: starts the sandbox, prints base URLs and demo credentials, runs until Ctrl+C.

import { startSandbox } from './server';
import { REVECHAT_LIST_ENDS, ROCKETCHAT_FORBIDDEN, ROCKETCHAT_TWO_FACTOR, STORM_429_FORMS, type FaultOptions, type SandboxOptions } from './types';

const HELP = `Chatdesk sandbox: a local imitation of the REVE Chat, Rocket.Chat and HelpCrunch APIs.

Usage: npm run sandbox -- [options]

  --port N                 port on 127.0.0.1 (default: a free port)
  --seed N                 data seed (default 1)
  --agents N               agents per platform, seed examples included (default 40)
  --offline-messages N     REVE Chat offline messages (default 30)
  --page-size N            REVE Chat agent page size (default 20)
  --available MODE         Rocket.Chat omnichannel/agents/available: paged | single | removed (default paged)
  --latency MS             added latency per request
  --jitter MS              random extra latency
  --error-rate R           fraction 0..1 of requests answered 5xx
  --error-status N         status of those (default 503)
  --error-message S        text of those bodies (a server that echoes what it was sent)
  --drop-rate R            fraction of connections destroyed before answering
  --malformed-rate R       fraction answered 200 with invalid JSON
  --truncate-rate R        fraction whose body is cut mid-way
  --html-error-rate R      fraction answered with an nginx 502 HTML page
  --storm-rate R           fraction answered 429 regardless of limits
  --storm-no-retry-after   storm 429s carry no Retry-After
  --storm-seconds N        the wait storm 429s name (default 1 with Retry-After, else 60)
  --storm-form FORM        how storm 429s name the wait: details | text | headers | bare (Rocket.Chat's forms;
                           default details) | ratelimit | ratelimit-reset | reset-after | retry-after-ms |
                           body-field (any platform)
  --storm-text S           the sentence of storm 429s; {s} {m} {ms} = the wait in s, min, ms
                           (e.g. "Please wait for {s} seconds.")
  --storm-status N         status of storm answers (default 429; 400 = older Rocket.Chat)
  --page-forever           every page is full, paging never ends
  --chunked                bodies chunked, without Content-Length
  --forbidden FORM         Rocket.Chat missing permission: error-unauthorized | unauthorized |
                           unauthorized-401 | error-not-authorized | unauthorized-400 | unauthorized-200 |
                           error-action-not-allowed | error-not-allowed | error-no-permission |
                           not-authorized | message-403 | html-403 (default error-unauthorized)
  --restricted-permissions LIST
                           permissions of the restricted Rocket.Chat user, comma-separated
                           (view-agents, view-agent, view-departments, agents-available)
  --two-factor KIND        Rocket.Chat asks every call for two-factor: totp-required | totp-invalid |
                           email | text-only | method-only | email-text
  --unstable-ties          Rocket.Chat: tied agents come in a new order for each page (unless sort={"_id":1})
  --ignore-sort            Rocket.Chat ignores sort (always by name)
  --agent-name NAME        Rocket.Chat: every generated agent is called NAME (e.g. Support)
  --duplicate-departments  REVE Chat and Rocket.Chat agents list their first department twice
  --ignore-page-no         REVE Chat ignores page_no: every page is page 1
  --list-end FORM          REVE Chat page past the end: empty | not-found | not-found-legacy | not-found-text |
                           error-200 | null-body | json-null | empty-body | no-content | invalid-page |
                           legacy-200 | text-200 | object-body | string-body | false-body | out-of-range |
                           page-limit
  --list-end-message S     REVE Chat: the words of that answer (e.g. "Data not available")
  --empty-account          REVE Chat account without agents
  --hc-total-extra N       HelpCrunch meta.total is N more than the agents listed (1 = the docs' example)
  --hc-agent-leaves        HelpCrunch: the first agent leaves right after the first page is read
  --rate-limit off         disable all rate limits
  --rate-window MS         rate-limit window (default 60000)
  --hostile S              add records carrying the string S (repeatable)
  --seed-emails MODE       the vendors' example agents' e-mails: plausible (from their names, default) or
                           verbatim (the documents' Cloudflare-obfuscated "[email protected]")
  --help                   this text
`;

export function parseArgs(argv: string[]): SandboxOptions | 'help' {
  const options: SandboxOptions = {};
  const faults: FaultOptions = {};
  const hostile: string[] = [];
  const rateLimits: NonNullable<SandboxOptions['rateLimits']> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const oneOf = <T extends string>(allowed: readonly T[]): T => {
      const v = value();
      if (!(allowed as readonly string[]).includes(v)) throw new Error(`${flag}: ${allowed.join(', ')}, not ${v}`);
      return v as T;
    };
    const num = (): number => {
      const raw = value();
      const n = Number(raw);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${flag}: not a non-negative number: ${raw}`);
      return n;
    };
    switch (flag) {
      case '--help': case '-h': return 'help';
      case '--port': options.port = num(); break;
      case '--seed': options.seed = num(); break;
      case '--agents': options.agents = num(); break;
      case '--offline-messages': options.offlineMessages = num(); break;
      case '--page-size': options.revechatPageSize = Math.max(1, num()); break;
      case '--available': {
        const v = value();
        if (v !== 'paged' && v !== 'single' && v !== 'removed') throw new Error(`--available: paged, single or removed, not ${v}`);
        options.rocketchatAvailableEndpoint = v;
        break;
      }
      case '--latency': faults.latencyMs = num(); break;
      case '--jitter': faults.latencyJitterMs = num(); break;
      case '--error-message': faults.errorMessage = value(); break;
      case '--error-rate': faults.errorRate = num(); break;
      case '--error-status': faults.errorStatus = num(); break;
      case '--drop-rate': faults.dropRate = num(); break;
      case '--malformed-rate': faults.malformedRate = num(); break;
      case '--truncate-rate': faults.truncateRate = num(); break;
      case '--html-error-rate': faults.htmlErrorRate = num(); break;
      case '--storm-rate': faults.storm429Rate = num(); break;
      case '--storm-no-retry-after': faults.storm429RetryAfter = false; break;
      case '--storm-seconds': faults.storm429Seconds = num(); break;
      case '--storm-status': faults.storm429Status = num(); break;
      case '--storm-form': faults.storm429Form = oneOf(STORM_429_FORMS); break;
      case '--storm-text': faults.storm429Text = value(); break;
      case '--forbidden': options.rocketchatForbidden = oneOf(ROCKETCHAT_FORBIDDEN); break;
      case '--restricted-permissions': {
        const allowed = ['view-agents', 'view-agent', 'view-departments', 'agents-available'] as const;
        const list = value().split(',').map((p) => p.trim()).filter(Boolean);
        for (const p of list) if (!(allowed as readonly string[]).includes(p)) throw new Error(`--restricted-permissions: unknown ${p}`);
        options.rocketchatRestrictedPermissions = list as (typeof allowed)[number][];
        break;
      }
      case '--two-factor': options.rocketchatTwoFactor = oneOf(ROCKETCHAT_TWO_FACTOR); break;
      case '--unstable-ties': options.rocketchatUnstableTies = true; break;
      case '--ignore-sort': options.rocketchatIgnoreSort = true; break;
      case '--agent-name': options.rocketchatAgentName = value(); break;
      case '--duplicate-departments': options.duplicateDepartments = true; break;
      case '--ignore-page-no': options.revechatIgnorePageNo = true; break;
      case '--list-end': options.revechatListEnd = oneOf(REVECHAT_LIST_ENDS); break;
      case '--list-end-message': options.revechatListEndMessage = value(); break;
      case '--empty-account': options.revechatEmptyAccount = true; break;
      case '--hc-total-extra': options.helpcrunchTotalExtra = num(); break;
      case '--hc-agent-leaves': options.helpcrunchAgentLeaves = true; break;
      case '--page-forever': faults.pageForever = true; break;
      case '--chunked': faults.chunked = true; break;
      case '--rate-limit': {
        const v = value();
        if (v !== 'off' && v !== 'on') throw new Error(`--rate-limit: on or off, not ${v}`);
        if (v === 'off') Object.assign(rateLimits, { helpcrunchPerMinute: 0, rocketchatCallsPerRoute: 0, revechatPerMinute: 0 });
        break;
      }
      case '--rate-window': rateLimits.windowMs = Math.max(1, num()); break;
      case '--hostile': hostile.push(value()); break;
      case '--seed-emails': {
        const v = value();
        if (v !== 'plausible' && v !== 'verbatim') throw new Error(`--seed-emails: plausible or verbatim, not ${v}`);
        options.seedEmails = v;
        break;
      }
      default: throw new Error(`unknown option ${flag} (see --help)`);
    }
  }
  if (Object.keys(faults).length > 0) options.faults = faults;
  if (Object.keys(rateLimits).length > 0) options.rateLimits = rateLimits;
  if (hostile.length > 0) options.hostileStrings = hostile;
  return options;
}

async function main(): Promise<void> {
  let options: SandboxOptions | 'help';
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  }
  if (options === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const started = Date.now();
  const sandbox = await startSandbox(options);
  const c = sandbox.credentials;
  const lines = [
    `Chatdesk sandbox on ${sandbox.origin} (${options.agents ?? 40} agents per platform, seed ${options.seed ?? 1}, ready in ${Date.now() - started} ms)`,
    '',
    `REVE Chat    ${sandbox.baseUrls.revechat}`,
    `  account id        ${c.revechat.accountId}`,
    `  Authorization key ${c.revechat.apiKey}`,
    `  expired key       ${c.revechat.expiredApiKey}`,
    `  superadmin        ${c.revechat.username} / ${c.revechat.password}`,
    `  non-admin user    ${c.revechat.agentUsername ?? ''} / ${c.revechat.agentPassword ?? ''}`,
    `Rocket.Chat  ${sandbox.baseUrls.rocketchat}`,
    `  X-User-Id         ${c.rocketchat.userId}`,
    `  X-Auth-Token      ${c.rocketchat.authToken}`,
    `  restricted user   ${c.rocketchat.restrictedUserId ?? ''} / ${c.rocketchat.restrictedAuthToken ?? ''}`,
    `HelpCrunch   ${sandbox.baseUrls.helpcrunch}`,
    `  Bearer key        ${c.helpcrunch.apiKey}`,
    '',
    `Try: curl -H 'Authorization: ${c.revechat.apiKey}' '${sandbox.baseUrls.revechat}/api/agents/${c.revechat.accountId}?page_no=1'`,
    'Ctrl+C to stop.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const shutdown = (): void => {
    sandbox.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
