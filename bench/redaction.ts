// The redaction row of `npm run bench`: every log line, error message and panel text passes through
// src/util/redact.ts, so its cost per line is paid on every request logged. Measured in this process (pure code,
// no I/O): typical log lines with the credentials of a few connections registered, and a long vendor error body.
import { redact, registerSecret, unregisterSecret } from '../src/util/redact';
import { median, quantile } from './stats';

export interface RedactionResult {
  secrets: number;
  /** Microseconds per typical log line (about 200 characters). */
  lineMedianUs: number;
  lineP95Us: number;
  /** Milliseconds for one 100 KB vendor body (JSON with base64, percent-encoding and escapes). */
  bodyMs: number;
}

const LINES = [
  '2026-11-30 10:42:10.123 [info] GET https://rc.example.com/api/v1/livechat/users/agent?count=100&offset=200&sort=%7B%22_id%22%3A1%7D → 200 in 123 ms',
  '[warn] Loading agents of connection "Rocket.Chat prod" (c1abc) failed: 401 {"success":false,"error":"You must be logged in to do this."}',
  '[debug] POST https://api.revechat.com/api/v1/agents?page_no=2 → 429 (retry in 1.5 s), headers {"content-type":"application/json","x-ratelimit-remaining":"0"}',
  '[info] Updated connection "HelpCrunch support" (c2def) (credentials changed).',
  '[error] Command chatdesk.refresh failed: Error: connect ECONNREFUSED 127.0.0.1:3000\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)',
];

export function benchRedaction(): RedactionResult {
  const secrets = [
    'TOKENabcdefghijklmnopqrstuvwxyz0123456789ABC', 'eyJhbGciOiJIUzI1NiJ9.eyJhY2NvdW50SWQiOiI4NjgzMDM0In0.c2lnbmF0dXJlLWJ5dGVz',
    'hcKEY1234567890abcdef', 'p@$$(w)rd.*+?', 'hunter2', 'Sup3r*Secret(1)!',
  ];
  secrets.forEach(registerSecret);
  try {
    for (let i = 0; i < 2000; i++) redact(`${LINES[i % LINES.length]} ${i}`); // warm up (JIT, compiled patterns)
    const samples: number[] = [];
    for (let round = 0; round < 200; round++) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < 50; i++) redact(`${LINES[i % LINES.length]} ${round}`);
      samples.push(Number(process.hrtime.bigint() - t0) / 1e3 / 50);
    }
    const body = JSON.stringify({ errors: Array.from({ length: 400 }, (_v, i) => ({ code: 'x', message: `agent ${i} Zm9vOmJhcg== %7B%22a%22%3A1%7D \\u00e9 "quoted" ${'lorem ipsum '.repeat(10)}` })) });
    const t0 = process.hrtime.bigint();
    redact(body);
    const bodyMs = Number(process.hrtime.bigint() - t0) / 1e6;
    return { secrets: secrets.length, lineMedianUs: median(samples), lineP95Us: quantile(samples, 0.95), bodyMs };
  } finally {
    secrets.forEach(unregisterSecret);
  }
}
