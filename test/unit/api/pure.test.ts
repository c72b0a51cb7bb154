// Pure pieces of the API layer: REVE key claims, base URLs, and reading every error body the vendors document.

import * as assert from 'node:assert/strict';
import { decodeReveKey, defaultBaseUrl, normaliseBaseUrl } from '../../../src/api/index';
import { readErrorBody, errorForResponse } from '../../../src/api/errorBody';
import { toEpochMs } from '../../../src/api/values';
import { isApiError } from '../../../src/api/errors';

// The example key from the REVE Chat Agents API page (seed 000).
const SEED_KEY =
  'eyJhbGciOiJIUzI1NiJ9.eyJhY2NvdW50SWQiOiI4NjgzMDM0Iiwic3ViIjoiYXV0aG9yaXphdGlvbiIsImV4cCI6MTc1NDk4MTM4MSwiaWF0IjoxNzUyMzg5MzgxfQ.yZ2jyKiY-dKCwDU_V09shdOugJKHaczMWlVFuitYQ9Q';

const id = (s: string) => s;

describe('api: decodeReveKey', () => {
  it('reads the account and the validity of the seed example key (epoch ms)', () => {
    const c = decodeReveKey(SEED_KEY);
    assert.deepEqual(c, { accountId: '8683034', issuedAt: 1752389381000, expiresAt: 1754981381000 });
    assert.equal(c!.expiresAt! - c!.issuedAt!, 30 * 86_400_000);
  });

  it('returns undefined for garbage, never throws', () => {
    for (const k of ['', 'abc', 'a.b.c', 'eyJ.eyJ.x', 'x.' + Buffer.from('[1,2]').toString('base64url') + '.y', '...', 'a.%%%.b', 'Bad credentials']) {
      assert.equal(decodeReveKey(k), undefined, k);
    }
    assert.equal(decodeReveKey(undefined), undefined);
    assert.equal(decodeReveKey(null), undefined);
  });

  it('accepts a numeric account id and ignores surrounding whitespace', () => {
    const payload = Buffer.from(JSON.stringify({ accountId: 42, exp: '1754981381' })).toString('base64url');
    assert.deepEqual(decodeReveKey(`  eyJhbGciOiJIUzI1NiJ9.${payload}.sig  `), { accountId: '42', issuedAt: undefined, expiresAt: 1754981381000 });
  });
});

describe('api: times from servers', () => {
  it('reads seconds, ms, µs and ns as the same moment; a time no Date can hold is no time', () => {
    const ms = Date.UTC(2026, 10, 30, 9, 0, 0);
    for (const v of [ms / 1000, ms, ms * 1000, ms * 1e6, String(ms / 1000), new Date(ms).toISOString(), { $date: ms }]) {
      assert.equal(toEpochMs(v), ms, JSON.stringify(v));
    }
    for (const v of [1e30, '1e300', -5, 0, 'soon', null, NaN, Infinity]) assert.equal(toEpochMs(v), undefined, String(v));
    for (const v of [ms * 1000, ms * 1e6, 1e16]) {
      const t = toEpochMs(v);
      assert.doesNotThrow(() => t !== undefined && new Date(t).toISOString(), String(v));
    }
  });
});

describe('api: base URLs', () => {
  it('strips whitespace, trailing slashes and the API path each platform adds', () => {
    assert.equal(normaliseBaseUrl('revechat', ' https://api.revechat.com/api/ '), 'https://api.revechat.com');
    assert.equal(normaliseBaseUrl('revechat', 'https://api.revechat.com'), 'https://api.revechat.com');
    assert.equal(normaliseBaseUrl('helpcrunch', 'https://api.helpcrunch.com/v1/'), 'https://api.helpcrunch.com');
    assert.equal(normaliseBaseUrl('rocketchat', 'https://chat.example.com/api/v1'), 'https://chat.example.com');
    assert.equal(normaliseBaseUrl('rocketchat', 'https://chat.example.com/api/'), 'https://chat.example.com');
    assert.equal(normaliseBaseUrl('rocketchat', 'https://example.com/chat//'), 'https://example.com/chat');
    assert.equal(normaliseBaseUrl('helpcrunch', '   '), '');
  });

  it('knows the vendors\' hosts, and that Rocket.Chat has none', () => {
    assert.equal(defaultBaseUrl('revechat'), 'https://api.revechat.com');
    assert.equal(defaultBaseUrl('helpcrunch'), 'https://api.helpcrunch.com');
    assert.equal(defaultBaseUrl('rocketchat'), undefined);
  });
});

describe('api: error bodies from the seeds and platform-apis.md', () => {
  const kindOf = (status: number, body: string, type = 'application/json') => errorForResponse(status, body, type, id);

  it('REVE plain text under a JSON content type', () => {
    const e = kindOf(401, 'Bad credentials', 'application/json;charset=UTF-8');
    assert.equal(e.kind, 'auth');
    assert.equal(e.message, 'Bad credentials');
    const f = kindOf(403, 'Access is denied! Only user with Super Admin role can access the REST API');
    assert.equal(f.kind, 'forbidden');
    assert.equal(f.message, 'Access is denied! Only user with Super Admin role can access the REST API');
  });

  it('REVE {"error":[{code,message}]} with the seed\'s tabs', () => {
    const body = '{\n    "error":\n\t    [\t\n\t\t{\n\t\t"code":400,\n\t\t"message": "Invalid Page Number: -2. Please enter a valid Page Number."\n\t\t}\n\t    ]\n}';
    const e = kindOf(400, body);
    assert.equal(e.kind, 'bad-request');
    assert.equal(e.message, 'Invalid Page Number: -2. Please enter a valid Page Number.');
    const nf = kindOf(404, body.replace('400', '404').replace(/"message": ".*"/, '"message": "No Record found for Offline Message Id = 744. Please enter a another Offline Message Id."'));
    assert.equal(nf.kind, 'not-found');
    assert.match(nf.message, /^No Record found for Offline Message Id = 744/);
  });

  it('REVE invalid JSON { code: 403, message: "…" }', () => {
    const e = kindOf(403, '{\n\tcode: 403,\n\tmessage: "You don\'t have permission to see offline message details with Id 744"\n\n}');
    assert.equal(e.kind, 'forbidden');
    assert.equal(e.message, "You don't have permission to see offline message details with Id 744");
  });

  it('Rocket.Chat 401, 403 (both forms), 400 and 429', () => {
    const a = kindOf(401, JSON.stringify({ status: 'error', message: 'You must be logged in to do this.' }));
    assert.deepEqual([a.kind, a.message], ['auth', 'You must be logged in to do this.']);
    const f = kindOf(403, JSON.stringify({ success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' }));
    assert.deepEqual([f.kind, f.message, f.code], ['forbidden', 'User does not have the permissions required for this action', 'error-unauthorized']);
    const u = kindOf(403, JSON.stringify({ success: false, error: 'unauthorized' }));
    assert.deepEqual([u.kind, u.message], ['forbidden', 'unauthorized']);
    const b = kindOf(400, JSON.stringify({ success: false, error: "must have required property 'username' [invalid-params]", errorType: 'invalid-params' }));
    assert.deepEqual([b.kind, b.message, b.code], ['bad-request', "must have required property 'username'", 'invalid-params']);
    const nf = kindOf(400, JSON.stringify({ success: false, error: 'User not found' }));
    assert.equal(nf.kind, 'not-found');
    const t = kindOf(429, JSON.stringify({
      success: false,
      error: 'Error, too many requests. Please slow down. You must wait 7 seconds before trying this endpoint again. [error-too-many-requests]',
      errorType: 'error-too-many-requests', details: { timeToReset: 6500, seconds: 7 },
    }));
    assert.deepEqual([t.kind, t.retryAfterMs, t.code], ['rate-limited', 6500, 'error-too-many-requests']);
    const plain = kindOf(429, 'error-too-many-requests', 'text/plain');
    assert.deepEqual([plain.kind, plain.message], ['rate-limited', 'error-too-many-requests']);
  });

  it('HelpCrunch errors[]: the most specific entry wins', () => {
    const generic = { code: 'invalid_request', message: 'Invalid request' };
    const a = kindOf(401, JSON.stringify({ errors: [generic, { code: 'unauthorized', message: 'Unauthorized' }] }));
    assert.deepEqual([a.kind, a.message, a.code], ['auth', 'Unauthorized', 'unauthorized']);
    const t = kindOf(401, JSON.stringify({ errors: [{ code: 'invalid_token', message: 'Invalid token' }] }));
    assert.deepEqual([t.kind, t.message], ['auth', 'Invalid token']);
    const r = kindOf(429, JSON.stringify({ errors: [generic, { code: 'too_many_requests', message: 'Too many requests' }] }));
    assert.deepEqual([r.kind, r.message], ['rate-limited', 'Too many requests']);
    const b = kindOf(400, JSON.stringify({ errors: [generic, { code: 'customer', message: 'This value should be of type numeric.' }, { code: 'filter[0].field', message: 'This value should not be blank.' }] }));
    assert.equal(b.kind, 'bad-request');
    assert.equal(b.message, 'customer: This value should be of type numeric; filter[0].field: This value should not be blank.');
    const nf = kindOf(404, JSON.stringify({ errors: [{ code: 'chat_not_found', message: 'Chat is missing' }] }));
    assert.deepEqual([nf.kind, nf.message], ['not-found', 'Chat is missing']);
    // A 400 that is really an auth failure (the code says so).
    const odd = kindOf(400, JSON.stringify({ errors: [generic, { code: 'unauthorized', message: 'Unauthorized' }] }));
    assert.equal(odd.kind, 'auth');
  });

  it('HTML from a proxy becomes one short line; long non-JSON text is not dumped', () => {
    const html = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>';
    const e = kindOf(502, html, 'text/html');
    assert.equal(e.kind, 'server');
    assert.equal(e.message, 'The server returned an HTML error page (HTTP 502).');
    assert.equal(kindOf(503, html, 'application/json').message, 'The server returned an HTML error page (HTTP 503).');
    const long = kindOf(500, 'x'.repeat(5000), 'text/plain');
    assert.ok(long.message.length <= 300 && !long.message.includes('xxxx'), long.message);
    assert.equal(readErrorBody(500, '', null).message, undefined);
  });

  it('clips every message to 300 characters', () => {
    const e = kindOf(400, JSON.stringify({ success: false, error: 'word '.repeat(200) }));
    assert.ok(e.message.length <= 300);
  });
});

describe('api: an ApiError from another bundle', () => {
  it('is recognised by name and kind (each lazily loaded bundle has its own copy of the class)', () => {
    class ApiError extends Error { override readonly name = 'ApiError'; constructor(readonly kind: string, message: string) { super(message); } }
    assert.equal(isApiError(new ApiError('auth', 'Invalid authorization key')), true);
    assert.equal(isApiError(new Error('ApiError')), false);
    assert.equal(isApiError({ name: 'ApiError', kind: 'auth' }), false, 'not an Error');
  });
});
