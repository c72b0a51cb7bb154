// src/text/truncate.ts and every cut that shows text: labels, descriptions, tooltips, titles, notifications,
// quick picks, error messages, log previews. A cut never ends in half a surrogate pair (a replacement character
// on screen), half a grapheme, or half a "[redacted]".
import * as assert from 'node:assert/strict';
import { clip } from '../../../src/api/errorBody';
import { ApiError } from '../../../src/api/errors';
import type { Agent, OfflineMessage } from '../../../src/api/model';
import { escapeMarkdown } from '../../../src/text/markdown';
import { notificationText, plainMessage, plainText, quickPickText } from '../../../src/text/plain';
import { REDACTED, safeCutIndex, truncate } from '../../../src/text/truncate';
import { agentDescription, agentLabel, agentTooltip } from '../../../src/views/presentation/agent';
import { connectionTooltip, presentConnection } from '../../../src/views/presentation/connection';
import { errorTooltip, presentError } from '../../../src/views/presentation/error';
import { offlineMessageTooltip, presentOfflineMessage } from '../../../src/views/presentation/offlineMessage';
import { normaliseFilterText } from '../../../src/views/presentation/filter';
import { previewMessage } from '../../../src/webviews/protocol';
import { tabTitle } from '../../../src/webviews/tabTitle';
import { hostilePayloads, payloadLabel } from '../../fixtures/hostilePayloads';

const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Whether a cut made a lone surrogate (payloads that carry one of their own are checked elsewhere). */
function halfPairs(text: string, source: string): boolean {
  return !LONE.test(source) && LONE.test(text);
}

const EMOJI = ['😀', '🇩🇪', '👩‍💻', '👨‍👩‍👧', 'é', '👍🏽', '𝕏'];

describe('text: cutting to a length', () => {
  it('safeCutIndex never splits a surrogate pair, a flag, a ZWJ sequence or a skin tone, at any index', () => {
    for (const e of EMOJI) {
      const text = `ab${e}${e}cd`;
      const boundaries = new Set([0]);
      let at = 0;
      for (const s of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) boundaries.add((at = s.index));
      boundaries.add(text.length);
      void at;
      for (let i = 0; i <= text.length; i++) {
        const cut = safeCutIndex(text, i);
        assert.ok(cut <= i && boundaries.has(cut), `${JSON.stringify(e)} at ${i}: cut at ${cut}`);
      }
    }
  });

  it('never cuts inside the redaction marker', () => {
    const text = `abc ${REDACTED} def`;
    for (let max = 1; max <= text.length; max++) {
      const out = truncate(text, max);
      assert.ok(out.length <= max, `${max}: ${out}`);
      assert.ok(!/\[(r(e(d(a(c(t(e(d)?)?)?)?)?)?)?)?…/.test(out) || out.includes(REDACTED), `${max}: ${out}`);
    }
    assert.equal(truncate(`message ${REDACTED}`, 12), 'message…');
    assert.equal(clip(`Invalid token ${REDACTED} for this workspace`, 20), 'Invalid token…');
  });

  it('a cut always shows the ellipsis, also when a bound on work cut first', () => {
    assert.equal(truncate('abcdef', 4), 'abc…');
    assert.equal(plainText(`${'x '.repeat(1000)}😀`, 10), 'x x x x x…');
    assert.equal(plainText(`${'\u202e'.repeat(5000)}name`, 10), '…', 'what a bound cut away is still marked as cut');
  });

  it('every cut of every payload: labels, descriptions, tooltips, titles, notifications, quick picks, messages, filters, log previews', () => {
    const failures: string[] = [];
    for (const [i, p] of hostilePayloads.entries()) {
      const agent: Agent = { platform: 'helpcrunch', connectionId: 'c', id: p, name: p, email: p, role: p, status: 'away', departments: [{ id: p, name: p }], raw: {} };
      const message: OfflineMessage = { id: p, subject: p, message: p, unread: true, visitor: { name: p, email: p, phone: p }, raw: {} };
      const error = new ApiError('server', clip(p));
      const connection = { id: 'c', label: p, platform: 'revechat' as const, baseUrl: p, accountId: p, username: p };
      const info = { status: 'error' as const, count: 1, noun: 'agents' as const, error };
      const outputs: [string, string][] = [
        ['agent label', agentLabel(agent)], ['agent description', agentDescription(agent)], ['agent tooltip', agentTooltip(agent)],
        ['message item', JSON.stringify(presentOfflineMessage(message, 'c'))], ['message tooltip', offlineMessageTooltip(message)],
        ['connection item', JSON.stringify(presentConnection(connection, info, 'agents'))], ['connection tooltip', connectionTooltip(connection, info)],
        ['error item', JSON.stringify(presentError(error, 'c'))], ['error tooltip', errorTooltip(error)],
        ['tab title', tabTitle(p)], ['notification', notificationText(p)], ['quick pick', quickPickText(p, 80)],
        ['error message', clip(p)], ['cause', clip(p, 500)], ['message at a word', plainMessage(p, 160)],
        ['filter', normaliseFilterText(p)], ['log preview', previewMessage({ p })], ['markdown', escapeMarkdown(p, { max: 150 })],
      ];
      for (const [where, out] of outputs) {
        if (halfPairs(out, p)) failures.push(`${payloadLabel(p, i)} ${where}`);
      }
    }
    assert.deepEqual(failures.slice(0, 30), [], `${failures.length} cuts left half a surrogate pair`);
  });
});
