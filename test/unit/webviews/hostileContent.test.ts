// Every hostile payload, in every untrusted field of both panels: the rendered page must contain no active
// content (parsed as a browser parses it) and must still show the payload's text to the user.
import * as assert from 'node:assert/strict';
import type { Agent, OfflineMessageDetail } from '../../../src/api/model';
import { agentHtml } from '../../../src/webviews/html/agentHtml';
import { offlineMessageErrorHtml, offlineMessageHtml, offlineMessageLoadingHtml } from '../../../src/webviews/html/offlineMessageHtml';
import type { PageContext } from '../../../src/webviews/html/page';
import { rawJson } from '../../../src/webviews/html/parts';
import { hostilePayloads, payloadLabel } from '../../fixtures/hostilePayloads';
import type { Document } from './helpers/dom';
import { activeContentProblems, asParsedText, body, loadParser, parseHtml, skeleton, textOf } from './helpers/dom';
import * as sample from './helpers/fixtures';

interface FieldCase {
  name: string;
  render(payload: string, ctx: PageContext): string;
  /** The text the page must show for this payload (default: the payload itself). */
  shown?(payload: string): string;
}

const withAgent = (change: (p: string) => Partial<Agent>) => (p: string, ctx: PageContext) =>
  agentHtml(sample.agent(change(p)), sample.connection, ctx);
const withDetail = (change: (p: string) => Partial<OfflineMessageDetail>) => (p: string, ctx: PageContext) =>
  offlineMessageHtml(sample.detail(3, change(p)), sample.connection, ctx);

const FIELDS: FieldCase[] = [
  { name: 'agent name', render: withAgent((p) => ({ name: p })) },
  { name: 'agent e-mail', render: withAgent((p) => ({ email: p })) },
  { name: 'agent role', render: withAgent((p) => ({ role: p })) },
  { name: 'agent ID', render: withAgent((p) => ({ id: p })) },
  { name: 'department name', render: withAgent((p) => ({ departments: [{ id: 'd1', name: p }, { id: 'd2', name: 'Sales' }] })) },
  { name: 'department ID', render: withAgent((p) => ({ departments: [{ id: p, name: 'Sales' }] })) },
  {
    name: 'agent raw JSON value',
    render: withAgent((p) => ({ raw: { name: p, nested: { list: [p] } } })),
    shown: (p) => rawJson({ name: p, nested: { list: [p] } }),
  },
  { name: 'agent raw JSON key', render: withAgent((p) => ({ raw: { [p]: 1 } })), shown: (p) => rawJson({ [p]: 1 }) },
  { name: 'connection label (agent panel)', render: (p, ctx) => agentHtml(sample.agent(), { ...sample.connection, label: p }, ctx) },
  { name: 'visitor name', render: withDetail((p) => ({ visitor: { ...sample.message().visitor, name: p } })) },
  { name: 'visitor e-mail', render: withDetail((p) => ({ visitor: { ...sample.message().visitor, email: p } })) },
  { name: 'visitor phone', render: withDetail((p) => ({ visitor: { ...sample.message().visitor, phone: p } })) },
  { name: 'subject', render: withDetail((p) => ({ subject: p })) },
  { name: 'message text', render: withDetail((p) => ({ message: p })) },
  { name: 'message ID', render: withDetail((p) => ({ id: p })) },
  { name: 'reply text', render: withDetail((p) => ({ replies: [sample.reply(1), sample.reply(2, { message: p })] })) },
  { name: 'reply agent name', render: withDetail((p) => ({ replies: [sample.reply(1, { agentName: p })] })) },
  { name: 'reply agent e-mail', render: withDetail((p) => ({ replies: [sample.reply(1, { agentEmail: p })] })) },
  { name: 'reply agent ID (no name)', render: withDetail((p) => ({ replies: [sample.reply(1, { agentName: undefined, agentId: p })] })) },
  { name: 'message raw JSON value', render: withDetail((p) => ({ raw: { body: p } })), shown: (p) => rawJson({ body: p }) },
  { name: 'connection label (message panel)', render: (p, ctx) => offlineMessageHtml(sample.detail(), { ...sample.connection, label: p }, ctx) },
  { name: 'subject while loading', render: (p, ctx) => offlineMessageLoadingHtml(sample.message({ subject: p }), sample.connection, ctx) },
  { name: 'message text while loading', render: (p, ctx) => offlineMessageLoadingHtml(sample.message({ message: p }), sample.connection, ctx) },
  { name: 'error message', render: (p, ctx) => offlineMessageErrorHtml(sample.message(), sample.connection, p, ctx) },
];

describe('hostile content in the detail panels', () => {
  before(loadParser);

  it(`has a corpus of at least 220 payloads (${hostilePayloads.length})`, () => {
    assert.ok(hostilePayloads.length >= 220, `only ${hostilePayloads.length} payloads`);
    assert.ok(hostilePayloads.every((p) => typeof p === 'string' && p.length > 0));
    assert.ok(hostilePayloads.some((p) => p.length >= 20000), 'no very long payload');
  });

  for (const field of FIELDS) {
    it(`${field.name}: no active content, same page structure, and the text is shown, for every payload`, () => {
      const benign = parseHtml(field.render('benign text', sample.context()));
      const expectedSkeleton = skeleton(benign);
      const failures: string[] = [];
      hostilePayloads.forEach((payload, i) => {
        const ctx = sample.context();
        let doc: Document;
        try {
          doc = parseHtml(field.render(payload, ctx));
        } catch (e) {
          failures.push(`${payloadLabel(payload, i)}: render failed: ${String(e)}`);
          return;
        }
        const problems = activeContentProblems(doc, ctx);
        if (skeleton(doc) !== expectedSkeleton) problems.push('the element structure differs from a benign render');
        const expected = asParsedText((field.shown ?? ((p: string) => p))(payload));
        if (!textOf(body(doc)).includes(expected)) problems.push('the text is not shown as written');
        if (problems.length) failures.push(`${payloadLabel(payload, i)}: ${problems.join('; ')}`);
      });
      assert.deepEqual(failures, [], `${failures.length} payload(s) failed:\n${failures.slice(0, 20).join('\n')}`);
    });
  }

  it('every payload in every field of both panels at once', () => {
    const failures: string[] = [];
    hostilePayloads.forEach((p, i) => {
      const ctx1 = sample.context();
      const a = parseHtml(agentHtml(sample.agent({
        name: p, email: p, role: p, id: p, departments: [{ id: p, name: p }], raw: { [p]: p },
      }), { ...sample.connection, label: p }, ctx1));
      const ctx2 = sample.context();
      const m = parseHtml(offlineMessageHtml(sample.detail(0, {
        id: p, subject: p, message: p, visitor: { id: p, name: p, email: p, phone: p }, raw: [p],
        replies: [{ message: p, agentName: p, agentEmail: p, agentId: p, at: 0 }],
      }), { ...sample.connection, label: p }, ctx2));
      const ctx3 = sample.context();
      const e = parseHtml(offlineMessageErrorHtml(sample.message({ subject: p, message: p }), sample.connection, p, ctx3));
      const problems = [...activeContentProblems(a, ctx1), ...activeContentProblems(m, ctx2), ...activeContentProblems(e, ctx3)];
      if (problems.length) failures.push(`${payloadLabel(p, i)}: ${problems.join('; ')}`);
    });
    assert.deepEqual(failures, []);
  });

  it('the document title carries hostile text as plain text only', () => {
    for (const p of hostilePayloads) {
      const ctx = sample.context();
      const doc = parseHtml(agentHtml(sample.agent({ name: p }), sample.connection, ctx));
      const head = doc.childNodes.find((n) => n.nodeName === 'html');
      assert.ok(head);
      assert.deepEqual(activeContentProblems(doc, ctx), []);
    }
  });
});
