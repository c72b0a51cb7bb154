import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { parseArgs } from '../../../src/sandbox/cli';

describe('sandbox: CLI arguments', () => {
  it('maps flags to sandbox options', () => {
    assert.deepEqual(parseArgs(['--agents', '5000', '--latency', '50', '--port', '8080', '--seed', '3', '--error-rate', '0.1', '--rate-limit', 'off', '--hostile', '<b>', '--page-forever']), {
      agents: 5000,
      port: 8080,
      seed: 3,
      faults: { latencyMs: 50, errorRate: 0.1, pageForever: true },
      rateLimits: { helpcrunchPerMinute: 0, rocketchatCallsPerRoute: 0, revechatPerMinute: 0 },
      hostileStrings: ['<b>'],
    });
    assert.deepEqual(parseArgs([]), {});
    assert.equal(parseArgs(['--help']), 'help');
    assert.deepEqual(parseArgs(['--available', 'removed']), { rocketchatAvailableEndpoint: 'removed' });
    assert.deepEqual(parseArgs(['--error-rate', '1', '--error-message', 'echo # x']), { faults: { errorRate: 1, errorMessage: 'echo # x' } });
  });

  it('rejects unknown flags and bad values', () => {
    assert.throws(() => parseArgs(['--bogus']), /unknown option --bogus/);
    assert.throws(() => parseArgs(['--agents', 'many']), /--agents/);
    assert.throws(() => parseArgs(['--agents']), /needs a value/);
    assert.throws(() => parseArgs(['--available', 'sometimes']), /--available/);
  });

  it('maps the variants of real servers (issue 9)', () => {
    assert.deepEqual(parseArgs([
      '--forbidden', 'unauthorized-401', '--restricted-permissions', 'agents-available,view-agent', '--two-factor', 'totp-required',
      '--unstable-ties', '--ignore-sort', '--agent-name', 'Support', '--duplicate-departments', '--ignore-page-no',
      '--list-end', 'not-found', '--empty-account', '--storm-rate', '1', '--storm-form', 'text', '--storm-seconds', '60', '--storm-status', '400',
    ]), {
      rocketchatForbidden: 'unauthorized-401', rocketchatRestrictedPermissions: ['agents-available', 'view-agent'], rocketchatTwoFactor: 'totp-required',
      rocketchatUnstableTies: true, rocketchatIgnoreSort: true, rocketchatAgentName: 'Support', duplicateDepartments: true,
      revechatIgnorePageNo: true, revechatListEnd: 'not-found', revechatEmptyAccount: true,
      faults: { storm429Rate: 1, storm429Form: 'text', storm429Seconds: 60, storm429Status: 400 },
    });
    assert.deepEqual(parseArgs([
      '--forbidden', 'error-action-not-allowed', '--two-factor', 'method-only', '--list-end', 'text-200', '--list-end-message', 'Data not available',
      '--hc-total-extra', '1', '--hc-agent-leaves', '--storm-form', 'ratelimit', '--storm-text', 'Please wait for {s} seconds.',
    ]), {
      rocketchatForbidden: 'error-action-not-allowed', rocketchatTwoFactor: 'method-only', revechatListEnd: 'text-200',
      revechatListEndMessage: 'Data not available', helpcrunchTotalExtra: 1, helpcrunchAgentLeaves: true,
      faults: { storm429Form: 'ratelimit', storm429Text: 'Please wait for {s} seconds.' },
    });
    assert.throws(() => parseArgs(['--storm-form', 'smoke-signals']), /--storm-form/);
    assert.throws(() => parseArgs(['--list-end', 'sometimes']), /--list-end/);
    assert.throws(() => parseArgs(['--restricted-permissions', 'be-admin']), /unknown be-admin/);
  });
});
