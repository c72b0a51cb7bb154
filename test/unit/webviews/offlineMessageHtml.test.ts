import * as assert from 'node:assert/strict';
import {
  offlineMessageErrorHtml, offlineMessageHtml, offlineMessageLoadingHtml, offlineMessageTitle,
} from '../../../src/webviews/html/offlineMessageHtml';
import { attr, body, byClass, byTag, first, loadParser, parseHtml, textOf } from './helpers/dom';
import * as sample from './helpers/fixtures';
import { reveOfflineMessageDetail } from '../../../src/api/revechat';
import { startSandbox } from '../../../src/sandbox';
import { REVE_OFFLINE_MESSAGE_744 } from '../../../src/sandbox/seedExamples';

describe('offline message panel HTML', () => {
  before(loadParser);

  it('shows the visitor, subject, message, received time, unread state and the reply thread', () => {
    const doc = parseHtml(offlineMessageHtml(sample.detail(2), sample.connection, sample.context({ locale: 'en-US' })));
    const text = textOf(body(doc));
    assert.equal(textOf(byTag(doc, 'h1')[0]), 'Invoice question');
    for (const s of ['Grace Hopper', 'grace@example.org', '+1 555 0100', 'Unread', 'Mar 15, 2024', 'm-77', 'Rocket.Chat', 'Support (production)']) {
      assert.ok(text.includes(s), s);
    }
    const replies = byClass(doc, 'reply');
    assert.equal(replies.length, 2);
    assert.equal(textOf(byClass(replies[1], 'reply-agent')[0]), 'Agent 2');
    assert.equal(textOf(byClass(replies[1], 'reply-email')[0]), 'agent2@example.com');
    assert.equal(textOf(byClass(replies[1], 'message-text')[0]), 'Reply number 2');
    assert.equal(attr(first(replies[1], (e) => e.tagName === 'time')!, 'datetime'), new Date(sample.MARCH_15_2024_1030_UTC + 120_000).toISOString());
    assert.match(text, /Replies \(2\)/);
  });

  it('keeps the message text exactly as written, in an element whose CSS preserves white space', () => {
    const msg = 'Line 1\n   indented\n\n**not bold** <b>not bold</b> [not](a link)';
    const doc = parseHtml(offlineMessageHtml(sample.detail(0, { message: msg }), sample.connection, sample.context()));
    const el = byClass(first(doc, (e) => attr(e, 'class') === 'message')!, 'message-text')[0];
    assert.equal(textOf(el), msg);
    assert.equal(el.childNodes.length, 1, 'one text node: nothing was interpreted');
    assert.equal(byTag(doc, 'b').length, 0);
    assert.equal(byTag(doc, 'strong').length, 0);
    assert.equal(byTag(doc, 'a').length, 0);
  });

  it('marks a read message as read', () => {
    const doc = parseHtml(offlineMessageHtml(sample.detail(0, { unread: false }), sample.connection, sample.context()));
    assert.equal(byClass(doc, 'unread').length, 0);
    assert.equal(textOf(byClass(doc, 'read')[0]), 'Read');
  });

  it('renders all 500 replies of a long thread, in order', () => {
    const doc = parseHtml(offlineMessageHtml(sample.detail(500), sample.connection, sample.context()));
    const replies = byClass(doc, 'reply');
    assert.equal(replies.length, 500);
    assert.equal(textOf(byClass(replies[0], 'message-text')[0]), 'Reply number 1');
    assert.equal(textOf(byClass(replies[499], 'message-text')[0]), 'Reply number 500');
    assert.match(textOf(body(doc)), /Replies \(500\)/);
  });

  it('says when there are no replies, and names an agent by ID, or as unknown, when the name is missing', () => {
    const none = parseHtml(offlineMessageHtml(sample.detail(0), sample.connection, sample.context()));
    assert.match(textOf(body(none)), /No replies yet\./);
    const anon = parseHtml(offlineMessageHtml(sample.detail(0, {
      replies: [sample.reply(1, { agentName: undefined }), sample.reply(2, { agentName: undefined, agentId: undefined, agentEmail: undefined, at: undefined })],
    }), sample.connection, sample.context()));
    assert.deepEqual(byClass(anon, 'reply-agent').map((e) => textOf(e)), ['a1', 'Unknown agent']);
    assert.equal(byClass(anon, 'reply-email').length, 1);
  });

  it('shows a loading state with what the list already knew', () => {
    const doc = parseHtml(offlineMessageLoadingHtml(sample.message(), sample.connection, sample.context()));
    assert.equal(byClass(doc, 'loading').length, 1);
    assert.ok(first(doc, (e) => attr(e, 'aria-busy') === 'true'));
    assert.equal(byClass(doc, 'reply').length, 0);
    assert.ok(textOf(body(doc)).includes('my invoice shows   two charges.'));
  });

  it('shows an error state with the error\'s message, escaped, and no loading indicator', () => {
    const doc = parseHtml(offlineMessageErrorHtml(sample.message(), sample.connection, 'Bad credentials <b>!</b>', sample.context()));
    const alert = first(doc, (e) => attr(e, 'role') === 'alert');
    assert.ok(alert);
    assert.ok(textOf(alert).includes('Bad credentials <b>!</b>'));
    assert.equal(byTag(doc, 'b').length, 0);
    assert.equal(byClass(doc, 'loading').length, 0);
  });

  it('has copy buttons for the message, visitor e-mail, message ID and JSON; none for a missing e-mail', () => {
    const fields = (d: ReturnType<typeof parseHtml>) => [...new Set(byTag(d, 'button').map((b) => attr(b, 'data-copy')))].sort();
    assert.deepEqual(fields(parseHtml(offlineMessageHtml(sample.detail(), sample.connection, sample.context()))), ['email', 'id', 'json', 'message']);
    const noEmail = parseHtml(offlineMessageHtml(sample.detail(0, { visitor: { name: 'x' } }), sample.connection, sample.context()));
    assert.deepEqual(fields(noEmail), ['id', 'json', 'message']);
    assert.match(textOf(body(noEmail)), /Not given/);
  });

  // REVE Chat documents the thread newest first (seed 003: message 744) and the sandbox serves it so; a conversation
  // reads top to bottom, so the panel sorts by time, oldest first, whatever order the server sent.
  it('shows the reply thread oldest first, whatever order the server sent (REVE Chat\'s example is newest first)', async () => {
    const times = (html: string) => byTag(parseHtml(html), 'time').slice(1).map((e) => Date.parse(attr(e, 'datetime')!));
    const ascending = (ts: number[]) => ts.every((x, i) => i === 0 || ts[i - 1] <= x);
    const seed = reveOfflineMessageDetail(REVE_OFFLINE_MESSAGE_744)!;
    const fromSeed = times(offlineMessageHtml(seed, sample.connection, sample.context()));
    assert.equal(fromSeed.length, 4);
    assert.ok(ascending(fromSeed), fromSeed.join(', '));
    const sb = await startSandbox({ seed: 5, agents: 25, offlineMessages: 30 });
    try {
      const res = await fetch(`${sb.baseUrls.revechat}/api/offlinemessages/`, { headers: { authorization: `Basic ${Buffer.from(`${sb.credentials.revechat.username}:${sb.credentials.revechat.password}`).toString('base64')}` } });
      const list = await res.json() as { offline_message_id: number; reply_message_count: number }[];
      const threaded = list.find((m) => m.reply_message_count > 2 && m.offline_message_id !== 744)!;
      const one = await fetch(`${sb.baseUrls.revechat}/api/offlinemessages/${threaded.offline_message_id}`, { headers: { authorization: `Basic ${Buffer.from(`${sb.credentials.revechat.username}:${sb.credentials.revechat.password}`).toString('base64')}` } });
      const shown = times(offlineMessageHtml(reveOfflineMessageDetail(await one.json())!, sample.connection, sample.context()));
      assert.ok(shown.length > 2 && ascending(shown), shown.join(', '));
    } finally { await sb.stop(); }
  });

  it('sorts replies by time with a stable fallback: equal times keep the server\'s order, replies without a time come last', () => {
    const replies = [
      sample.reply(1, { at: undefined, message: 'no time A' }),
      sample.reply(2, { at: 3_000, message: 'third' }),
      sample.reply(3, { at: 1_000, message: 'first (tie 1)' }),
      sample.reply(4, { at: Number.NaN, message: 'no time B' }),
      sample.reply(5, { at: 1_000, message: 'first (tie 2)' }),
      sample.reply(6, { at: 2_000, message: 'second' }),
    ];
    const doc = parseHtml(offlineMessageHtml(sample.detail(0, { replies }), sample.connection, sample.context()));
    assert.deepEqual(byClass(doc, 'reply').map((r) => textOf(byClass(r, 'message-text')[0])),
      ['first (tie 1)', 'first (tie 2)', 'second', 'third', 'no time A', 'no time B']);
  });

  it('titles the panel by subject, falling back to the ID', () => {
    assert.equal(offlineMessageTitle({ subject: 'Hi', id: '1' }), 'Message: Hi');
    assert.equal(offlineMessageTitle({ subject: '', id: '1' }), 'Message: 1');
    const doc = parseHtml(offlineMessageHtml(sample.detail(0, { subject: '' }), sample.connection, sample.context()));
    assert.equal(textOf(byTag(doc, 'h1')[0]), '(no subject)');
  });
});
