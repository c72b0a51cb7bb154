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
});
