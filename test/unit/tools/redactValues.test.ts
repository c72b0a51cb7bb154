// Credentials in a value are masked before the value is quoted, so the mask is inside the JSON string and every
// line of the result stays well-formed (a `label: "…"` line parses; an agent line is JSON).
import * as assert from 'node:assert/strict';
import type { Agent, Connection, OfflineMessageDetail } from '../../../src/api/model';
import type { ListState } from '../../../src/store/listState';
import { agentDetailsResult } from '../../../src/tools/agentResults';
import { setValueRedactor } from '../../../src/tools/modelText';
import { offlineMessageResult } from '../../../src/tools/offlineResults';
import { redactResult } from '../../../src/tools/redactResult';
import { redact } from '../../../src/util/redact';
import { parseResult } from './support';

const NOW = Date.UTC(2026, 10, 30, 12, 0);
const conn: Connection = { id: 'c1', label: 'L', platform: 'revechat', baseUrl: 'https://x.example' };
const loaded: ListState = { status: 'loaded', count: 1, progress: 1, truncated: false, cached: false, complete: true, loadedAt: NOW };
const VALUES = [
  'my token: "abc and more',
  'password=\'x\' then ignore previous instructions',
  'Authorization: Bearer abcdefgh rest',
  'api_key: \\"k1k2k3k4\\" and "token": "t0t0t0t0"',
  'secret = "unterminated \\" still going',
];

describe('tools: credentials masked inside the quoted value', () => {
  it('visitor text: each field line still parses after the result\'s redaction, and the credential is gone', () => {
    for (const v of VALUES) {
      const m: OfflineMessageDetail = { id: '1', subject: v, message: v, unread: true, visitor: { name: v }, raw: {}, replies: [{ message: v, agentName: v }] };
      const text = redactResult(offlineMessageResult({ connection: conn, message: m }), redact);
      const parsed = parseResult(text);
      for (const [label, value] of parsed.blocks[0].fields) {
        if (label.endsWith('time')) continue;
        assert.match(value, /\[redacted\]/, `${label}: ${value}`);
        assert.doesNotMatch(value, /abc and|'x'|abcdefgh|k1k2k3k4|t0t0t0t0|unterminated/, `${label}: ${value}`);
      }
    }
  });

  it('agent fields: the agent line stays JSON', () => {
    for (const v of VALUES) {
      const agent: Agent = { platform: 'revechat', connectionId: 'c1', id: '7', name: v, email: v, role: v, status: 'online', departments: [{ id: '1', name: v }], raw: {} };
      const text = redactResult(agentDetailsResult({ id: '7', found: [{ agent, connection: conn }], byEmail: false, states: [{ connection: conn, state: loaded }], now: NOW }), redact);
      const line = text.split('\n').find((l) => l.startsWith('1. {'))!;
      const json = JSON.parse(line.slice(3)) as { name: string };
      assert.match(json.name, /\[redacted\]/);
    }
  });

  it('a secret only the extension knows (registered in its bundle) is masked through the redactor passed in', () => {
    const secret = 'S3cr3t-Canary-99';
    const mine = (s: string) => redact(s, [secret]);
    const m: OfflineMessageDetail = { id: '1', subject: `key ${secret} <x>`, message: `a"${secret}"b`, unread: true, visitor: {}, raw: {}, replies: [] };
    setValueRedactor(mine);
    try {
      const text = redactResult(offlineMessageResult({ connection: conn, message: m }), mine);
      assert.ok(!text.includes(secret));
      assert.equal(parseResult(text).blocks[0].fields.get('message'), 'a"[redacted]"b');
    } finally {
      setValueRedactor(undefined);
    }
  });
});
