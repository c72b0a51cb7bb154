import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import {
  cleanPaste, defaultLabel, isLoopbackHost, validateAccountId, validateBaseUrl, validateHelpCrunchKey, validateLabel,
  validateOptionalEmail, validatePassword, validateReveKey, validateRocketToken, validateRocketUserId,
} from '../../../src/connections/validation';
import { NOW, fakeJwt, reveKey } from './jwt';

const TEN_KB = 'x'.repeat(10 * 1024);

describe('connection input validation', () => {
  describe('cleanPaste', () => {
    it('trims spaces, tabs, newlines, zero-width characters and surrounding quotes', () => {
      assert.equal(cleanPaste('  abc \n'), 'abc');
      assert.equal(cleanPaste('"abc"'), 'abc');
      assert.equal(cleanPaste("  'abc'  "), 'abc');
      assert.equal(cleanPaste('\u201cabc\u201d'), 'abc');
      assert.equal(cleanPaste('\u200babc\ufeff'), 'abc');
      assert.equal(cleanPaste('"a"b"'), 'a"b');
    });
  });

  describe('base URL', () => {
    it('accepts https URLs and drops a trailing slash', () => {
      assert.deepEqual(validateBaseUrl('https://chat.example.com/'), { value: 'https://chat.example.com' });
      assert.deepEqual(validateBaseUrl('  "https://chat.example.com/rc"  '), { value: 'https://chat.example.com/rc' });
    });
    it('adds https:// to a bare host', () => {
      assert.equal(validateBaseUrl('chat.example.com').value, 'https://chat.example.com');
    });
    it('rejects http:// on a public host, with a reason', () => {
      const r = validateBaseUrl('http://chat.example.com');
      assert.match(r.error ?? '', /https/);
    });
    it('allows http:// on loopback only', () => {
      for (const u of ['http://127.0.0.1:3000', 'http://localhost:8080', 'http://[::1]:9000', 'http://127.8.9.10']) {
        assert.equal(validateBaseUrl(u).error, undefined, u);
      }
      for (const u of ['http://127.0.0.1.example.com', 'http://10.0.0.1', 'http://localhost.example.com']) {
        assert.ok(validateBaseUrl(u).error, u);
      }
    });
    it('rejects credentials in the URL', () => {
      assert.match(validateBaseUrl('https://admin:hunter2@chat.example.com').error ?? '', /password/i);
      assert.ok(validateBaseUrl('https://token@chat.example.com').error);
    });
    it('rejects a query or fragment', () => {
      assert.match(validateBaseUrl('https://chat.example.com/?x=1').error ?? '', /query/);
      assert.match(validateBaseUrl('https://chat.example.com/#top').error ?? '', /fragment/);
    });
    it('rejects empty, spaces, other schemes and junk', () => {
      assert.ok(validateBaseUrl('').error);
      assert.ok(validateBaseUrl('   ').error);
      assert.ok(validateBaseUrl('https://chat example.com').error);
      assert.ok(validateBaseUrl('ftp://chat.example.com').error);
      assert.ok(validateBaseUrl('javascript:alert(1)').error);
      assert.ok(validateBaseUrl('https://').error);
    });
    it('rejects a 10 KB paste with a clear message', () => {
      assert.match(validateBaseUrl(TEN_KB).error ?? '', /10,240 characters/);
    });
    it('knows loopback hosts', () => {
      assert.ok(isLoopbackHost('localhost'));
      assert.ok(isLoopbackHost('[::1]'));
      assert.ok(isLoopbackHost('127.0.0.1'));
      assert.ok(!isLoopbackHost('128.0.0.1'));
    });
  });

  describe('account ID', () => {
    it('accepts digits, pasted with spaces or quotes', () => {
      assert.deepEqual(validateAccountId(' "8683034" '), { value: '8683034' });
    });
    it('rejects non-numeric and empty values', () => {
      assert.match(validateAccountId('86830a4').error ?? '', /number/);
      assert.ok(validateAccountId('').error);
      assert.ok(validateAccountId('-1').error);
      assert.ok(validateAccountId(TEN_KB).error);
    });
  });

  describe('REVE Chat key', () => {
    it('accepts a valid key and strips a pasted "Bearer " with a warning', () => {
      const key = reveKey();
      assert.deepEqual(validateReveKey(` ${key}\n`, NOW), { value: key });
      const r = validateReveKey(`Bearer ${key}`, NOW);
      assert.equal(r.value, key);
      assert.equal(r.error, undefined);
      assert.match(r.warning ?? '', /Bearer/);
    });
    it('rejects an expired key, naming its expiry date', () => {
      const r = validateReveKey(reveKey('1', -2), NOW);
      assert.match(r.error ?? '', /expired on 2026-11-21/);
    });
    it('rejects what is not a JWT (a HelpCrunch key, a Rocket.Chat token), empty, spaces and 10 KB', () => {
      assert.match(validateReveKey('hc_live_4f1c2d3e4f5a6b7c8d9e', NOW).error ?? '', /JWT/);
      assert.ok(validateReveKey('', NOW).error);
      assert.ok(validateReveKey('eyJa b.c.d', NOW).error);
      assert.ok(validateReveKey(TEN_KB, NOW).error);
    });
  });

  describe('HelpCrunch key', () => {
    it('accepts a key and strips "Bearer "', () => {
      assert.deepEqual(validateHelpCrunchKey('abcdef123456'), { value: 'abcdef123456' });
      assert.equal(validateHelpCrunchKey('Bearer abcdef123456').value, 'abcdef123456');
    });
    it('rejects a REVE Chat key pasted into the HelpCrunch field', () => {
      assert.match(validateHelpCrunchKey(reveKey()).error ?? '', /REVE Chat/);
    });
    it('rejects empty, short and 10 KB values', () => {
      assert.ok(validateHelpCrunchKey('').error);
      assert.ok(validateHelpCrunchKey('abc').error);
      assert.ok(validateHelpCrunchKey(TEN_KB).error);
    });
  });

  describe('Rocket.Chat', () => {
    it('user ID: letters and digits; rejects a key pasted there', () => {
      assert.deepEqual(validateRocketUserId(' hw5DThnhQmxDWnavu '), { value: 'hw5DThnhQmxDWnavu' });
      assert.ok(validateRocketUserId('').error);
      assert.ok(validateRocketUserId('hw5D Thnh').error);
      assert.match(validateRocketUserId(reveKey()).error ?? '', /key/);
    });
    it('token: rejects a REVE key, empty and 10 KB', () => {
      assert.equal(validateRocketToken('9HqLlyZOugoStsXCUfD_0YdwnNnunAJF8V47U3QHXSq').error, undefined);
      assert.match(validateRocketToken(reveKey()).error ?? '', /REVE Chat/);
      assert.ok(validateRocketToken('').error);
      assert.ok(validateRocketToken(TEN_KB).error);
    });
  });

  describe('REVE superadmin e-mail and password, label', () => {
    it('e-mail is optional but must be an address when given', () => {
      assert.deepEqual(validateOptionalEmail(''), { value: '' });
      assert.deepEqual(validateOptionalEmail(' admin@example.com '), { value: 'admin@example.com' });
      assert.ok(validateOptionalEmail('admin').error);
    });
    it('password keeps inner and leading spaces, is required when asked', () => {
      assert.equal(validatePassword(' pass word ', true).value, ' pass word ');
      assert.ok(validatePassword('', true).error);
      assert.equal(validatePassword('', false).error, undefined);
    });
    it('label: not empty, bidi overrides removed, under 100 characters', () => {
      assert.ok(validateLabel('  ').error);
      assert.equal(validateLabel('Support\u202e team').value, 'Support team');
      assert.ok(validateLabel('x'.repeat(101)).error);
    });
    it('default labels name the platform and the account or host', () => {
      assert.equal(defaultLabel('revechat', { accountId: '8683034' }), 'REVE Chat · 8683034');
      assert.equal(defaultLabel('rocketchat', { baseUrl: 'https://chat.example.com' }), 'Rocket.Chat · chat.example.com');
      assert.equal(defaultLabel('helpcrunch', { baseUrl: 'https://api.helpcrunch.com' }), 'HelpCrunch');
    });
  });

  it('no bad input is accepted silently: every case above yields an error message or a cleaned value', () => {
    const pairs: [string, (v: string) => { error?: string }][] = [
      ['http://example.com', validateBaseUrl], ['https://u:p@x.com', validateBaseUrl], [TEN_KB, validateAccountId],
      ['abc', validateAccountId], [fakeJwt({ accountId: '1', exp: 1 }), (v) => validateReveKey(v, NOW)],
    ];
    for (const [v, f] of pairs) assert.ok(f(v).error, v.slice(0, 40));
  });
});
