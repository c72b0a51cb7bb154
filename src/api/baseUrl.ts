// Base URLs as users paste them ("https://api.revechat.com/api/", "https://chat.example.com/api/v1"),
// reduced to what the platform clients append their paths to.

import type { Platform } from './model';

const DEFAULTS: Record<Platform, string | undefined> = {
  revechat: 'https://api.revechat.com',
  helpcrunch: 'https://api.helpcrunch.com',
  rocketchat: undefined, // every workspace has its own URL
};

/** The vendor's public API host, or undefined where there is none (Rocket.Chat is self-hosted or per-workspace). */
export function defaultBaseUrl(platform: Platform): string | undefined {
  return DEFAULTS[platform];
}

const API_SUFFIXES: Record<Platform, RegExp[]> = {
  revechat: [/\/api$/i],
  helpcrunch: [/\/v1$/i],
  rocketchat: [/\/api\/v1$/i, /\/api$/i],
};

/** Trimmed, without trailing slashes or the API path the client adds itself. '' for an empty input. */
export function normaliseBaseUrl(platform: Platform, url: string): string {
  let out = (url ?? '').trim().replace(/\/+$/, '');
  for (const re of API_SUFFIXES[platform] ?? []) {
    if (re.test(out)) {
      out = out.replace(re, '').replace(/\/+$/, '');
      break;
    }
  }
  return out;
}
