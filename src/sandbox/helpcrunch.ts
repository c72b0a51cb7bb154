// HelpCrunch v1 (`Authorization: Bearer <key>`): `GET /v1/agents` and `GET /v1/departments`, offset/limit paging
// (default 100, max 100), `meta.total`, 120 requests per minute overall per key, errors `{"errors":[{code,message}]}`.

import type { SandboxContext } from './context';
import { header, json, pageOf, type PlatformHandler, type SandboxRequest, type SandboxResponse } from './http';
import type { HelpcrunchAgent } from './model';
import { stormWait } from './faults';

const INVALID_REQUEST = { code: 'invalid_request', message: 'Invalid request' };

const errors = (status: number, ...entries: { code: string; message: string }[]): SandboxResponse =>
  json(status, { errors: [INVALID_REQUEST, ...entries] });

/**
 * offset/limit validation. HelpCrunch documents only the 400 body's shape (Symfony validator messages such as
 * "This value should be of type numeric."); the per-field entries here are a guess in that style.
 */
function paging(req: SandboxRequest): { offset: number; limit: number } | SandboxResponse {
  const problems: { code: string; message: string }[] = [];
  const read = (name: string, fallback: number, min: number): number => {
    const v = req.query.get(name);
    if (v === null) return fallback;
    if (!/^\d+$/.test(v)) {
      problems.push({ code: name, message: /^-\d+$/.test(v) ? `This value should be greater than or equal to ${min}.` : 'This value should be of type numeric.' });
      return fallback;
    }
    const n = Number(v);
    if (n < min) problems.push({ code: name, message: `This value should be greater than or equal to ${min}.` });
    if (name === 'limit' && n > 100) problems.push({ code: name, message: 'This value should be less than or equal to 100.' });
    return n;
  };
  const offset = read('offset', 0, 0);
  const limit = read('limit', 100, 1);
  return problems.length > 0 ? errors(400, ...problems) : { offset, limit };
}

export function createHelpCrunch(ctx: SandboxContext): PlatformHandler {
  const data = ctx.data.helpcrunch;
  const maxId = data.agents.reduce((m, a) => Math.max(m, a.id), 0);
  const extend = (a: HelpcrunchAgent, i: number): HelpcrunchAgent => ({ ...a, id: maxId + i - data.agents.length + 1 });

  function tooMany(retryAfterSeconds: number | undefined): SandboxResponse {
    const res = errors(429, { code: 'too_many_requests', message: 'Too many requests' });
    // HelpCrunch documents no rate-limit headers; Retry-After is a guess (options.rateLimits.helpcrunchRetryAfter).
    if (retryAfterSeconds !== undefined) res.headers['Retry-After'] = String(retryAfterSeconds);
    return res;
  }

  function list<T>(req: SandboxRequest, items: readonly T[], ext: (a: T, i: number) => T, extra = 0): SandboxResponse {
    const p = paging(req);
    if ('status' in p) return p;
    const forever = ctx.faults().pageForever === true;
    const page = pageOf(items, p.offset, p.limit, forever, ext);
    return json(200, { data: page, meta: { total: forever ? p.offset + page.length + p.limit : items.length + extra } });
  }

  // helpcrunchAgentLeaves: the first agent is removed once the first page has been read (offset paging has no snapshot).
  let agents = data.agents;
  let firstPageServed = false;
  function agentList(req: SandboxRequest): SandboxResponse {
    const res = list(req, agents, extend, ctx.variants.helpcrunchTotalExtra ?? 0);
    if (ctx.variants.helpcrunchAgentLeaves && !firstPageServed && (req.query.get('offset') ?? '0') === '0' && res.status === 200) {
      firstPageServed = true;
      agents = agents.slice(1);
    }
    return res;
  }

  return {
    handle(req) {
      const auth = header(req, 'authorization') ?? '';
      const m = /^Bearer\s+(.+)$/i.exec(auth);
      if (!m || m[1] !== ctx.credentials.helpcrunch.apiKey) {
        return errors(401, { code: 'unauthorized', message: 'Unauthorized' });
      }
      const limiter = ctx.limiters.helpcrunch;
      if (limiter.enabled) {
        const r = limiter.hit(m[1], req.now);
        if (!r.allowed) return tooMany(ctx.helpcrunchRetryAfter ? Math.max(1, Math.ceil(r.timeToReset / 1000)) : undefined);
      }
      const path = req.path.replace(/\/$/, '');
      if (req.method === 'GET' && path === '/v1/agents') return agentList(req);
      if (req.method === 'GET' && path === '/v1/departments') {
        return list(req, data.departments, (d, i) => ({ ...d, id: 10_000 + i }));
      }
      // Undocumented for unknown paths; HelpCrunch's 404 codes include `not_found`.
      return json(404, { errors: [{ code: 'not_found', message: 'Not found' }] });
    },
    tooManyRequests(_req, retryAfterSeconds, faults) {
      const form = faults?.storm429Form;
      if (!form || form === 'details' || form === 'headers') {
        const res = tooMany(retryAfterSeconds);
        if (faults?.storm429Status) res.status = faults.storm429Status;
        return res;
      }
      // The other forms: the wait in the sentence, a header or a body field (guesses of what a proxy or a later
      // HelpCrunch might send; HelpCrunch documents only the errors[] shape).
      const seconds = retryAfterSeconds ?? faults?.storm429Seconds ?? 60;
      const w = stormWait(faults, seconds, form === 'text' ? 'Too many requests. Retry in {s} seconds.' : 'Too many requests');
      const res = json(faults?.storm429Status ?? 429, {
        errors: [INVALID_REQUEST, { code: 'too_many_requests', message: form === 'bare' ? 'Too many requests' : w.text }],
        ...(w.bodyField ?? {}),
      }, form === 'bare' ? {} : w.headers);
      if (retryAfterSeconds !== undefined && form !== 'bare') res.headers['Retry-After'] = String(retryAfterSeconds);
      return res;
    },
  };
}
