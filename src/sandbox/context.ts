// What the platform handlers share: the generated data, credentials, settings and limiters of one sandbox.

import type { SandboxData } from './data';
import type { FixedWindowLimiter } from './ratelimit';
import type { FaultOptions, SandboxCredentials, SandboxOptions } from './types';

/** The sandbox's credentials with every optional demo user filled in. */
export interface FullCredentials {
  revechat: Required<SandboxCredentials['revechat']>;
  rocketchat: Required<SandboxCredentials['rocketchat']>;
  helpcrunch: Required<SandboxCredentials['helpcrunch']>;
}

export interface SandboxContext {
  data: SandboxData;
  credentials: FullCredentials;
  /** Secret REVE Chat keys are signed with. */
  jwtSecret: string;
  revechatPageSize: number;
  revechatOfflinePageSize: number;
  rocketchatAvailableEndpoint: 'paged' | 'single' | 'removed';
  /** The options the handlers read as they are (variants of vendor behaviour). */
  variants: Pick<SandboxOptions,
    'rocketchatForbidden' | 'rocketchatRestrictedPermissions' | 'rocketchatTwoFactor' | 'rocketchatUnstableTies' | 'rocketchatIgnoreSort'
    | 'revechatIgnorePageNo' | 'revechatListEnd' | 'revechatListEndMessage' | 'revechatEmptyAccount'
    | 'helpcrunchTotalExtra' | 'helpcrunchAgentLeaves'>;
  /** HelpCrunch 429s carry Retry-After (undocumented by HelpCrunch). */
  helpcrunchRetryAfter: boolean;
  faults(): FaultOptions;
  limiters: { revechat: FixedWindowLimiter; rocketchat: FixedWindowLimiter; helpcrunch: FixedWindowLimiter };
}
