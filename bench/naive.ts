// The naive way, as each vendor's documentation describes it: plain fetch, one page after another, JSON.parse,
// keep the raw objects. On a 429 it waits as the platform tells it to (Retry-After, or Rocket.Chat's
// X-RateLimit-Reset) and asks again, so it always finishes; its 429s are counted, not hidden.
import type { ListingPlatform } from './bounds';

export interface NaiveTarget {
  platform: ListingPlatform;
  baseUrl: string;
  headers: Record<string, string>;
  /** REVE Chat account id. */
  accountId?: string;
}

export interface NaiveResult {
  items: unknown[];
  firstPageMs: number;
  tooMany: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

async function getJson(url: string, headers: Record<string, string>, onTooMany: () => void): Promise<unknown> {
  for (;;) {
    const res = await fetch(url, { headers });
    if (res.status === 429) {
      onTooMany();
      const retryAfter = Number(res.headers.get('retry-after'));
      const reset = Number(res.headers.get('x-ratelimit-reset'));
      await res.arrayBuffer();
      await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : Number.isFinite(reset) && reset > 0 ? reset - Date.now() : 1000);
      continue;
    }
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    return res.json();
  }
}

export async function naiveList(t: NaiveTarget): Promise<NaiveResult> {
  const items: unknown[] = [];
  let tooMany = 0;
  let firstPageMs = NaN;
  const t0 = performance.now();
  const onTooMany = () => { tooMany++; };
  const got = (page: unknown[]) => {
    if (Number.isNaN(firstPageMs)) firstPageMs = performance.now() - t0;
    for (const x of page) items.push(x);
  };
  switch (t.platform) {
    case 'revechat': {
      // GET /api/agents/{account_id}?page_no=N until an empty page (no total, no page size documented).
      for (let n = 1; ; n++) {
        const body = await getJson(`${t.baseUrl}/api/agents/${t.accountId}?page_no=${n}`, t.headers, onTooMany) as { body?: unknown[] };
        const page = Array.isArray(body.body) ? body.body : [];
        if (!page.length) break;
        got(page);
      }
      break;
    }
    case 'rocketchat': {
      // GET /api/v1/livechat/users/agent?offset&count until offset reaches total.
      for (let offset = 0; ;) {
        const body = await getJson(`${t.baseUrl}/api/v1/livechat/users/agent?offset=${offset}&count=100`, t.headers, onTooMany) as { users: unknown[]; total: number };
        got(body.users);
        offset += body.users.length;
        if (!body.users.length || offset >= body.total) break;
      }
      break;
    }
    case 'helpcrunch': {
      // GET /v1/agents?offset&limit until offset reaches meta.total.
      for (let offset = 0; ;) {
        const body = await getJson(`${t.baseUrl}/v1/agents?offset=${offset}&limit=100`, t.headers, onTooMany) as { data: unknown[]; meta: { total: number } };
        got(body.data);
        offset += body.data.length;
        if (!body.data.length || offset >= body.meta.total) break;
      }
      break;
    }
  }
  return { items, firstPageMs, tooMany };
}
