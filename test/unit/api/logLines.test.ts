// The HTTP debug log names the connection each line belongs to (its name, then its id), never a credential, and a
// hostile name cannot break a line in two.

import * as assert from 'node:assert/strict';
import { FakeClock } from './fakeClock';
import { CapturingLogger, collect, helpcrunch, rocket, sandbox } from './support';

describe('log lines name their connection', () => {
  it('GET, status and retry lines start with the connection\'s name and id; no credential appears', async () => {
    const sb = await sandbox({ agents: 30, rateLimits: { helpcrunchPerMinute: 0 }, faults: { errorRate: 0.5 } });
    try {
      const logger = new CapturingLogger();
      await collect(helpcrunch(sb, { logger, clock: new FakeClock() }, { label: 'Support desk' }).agents());
      const gets = logger.lines.filter((l) => / GET \/v1\/agents/.test(l));
      assert.ok(gets.length >= 2, logger.lines.join('\n'));
      for (const l of gets) assert.match(l, /^\[debug\] "Support desk" \(hc-1\): GET \/v1\/agents/);
      assert.ok(logger.lines.some((l) => /^\[debug\] "Support desk" \(hc-1\): GET \S+ → 503 in \d+ ms/.test(l)));
      assert.ok(logger.lines.some((l) => /^\[debug\] "Support desk" \(hc-1\): GET \S+: retry 1\/3 in \d+ ms \(HTTP 503\)/.test(l)), logger.lines.join('\n'));
      assert.ok(logger.lines.every((l) => !l.includes(sb.credentials.helpcrunch.apiKey)));
    } finally {
      await sb.stop();
    }
  });

  it('a name with line breaks, control characters or a token stays on one line, with the token masked', async () => {
    const sb = await sandbox({ agents: 30, rateLimits: { rocketchatCallsPerRoute: 0 } });
    try {
      const logger = new CapturingLogger();
      const token = sb.credentials.rocketchat.authToken;
      await collect(rocket(sb, { logger }, { label: `Evil\nFAKE LINE\u001b[31m ${token}` }).agents());
      assert.ok(logger.lines.length > 0);
      for (const l of logger.lines) {
        assert.ok(!/[\n\r]/.test(l) && !l.includes('\u001b'), JSON.stringify(l));
        assert.ok(!l.includes(token), l);
      }
      assert.ok(logger.lines.some((l) => l.includes('(rc-1): GET /api/v1/livechat/users/agent')));
    } finally {
      await sb.stop();
    }
  });
});
