import * as assert from 'node:assert/strict';
import { agentHtml, agentTitle, knownStatus } from '../../../src/webviews/html/agentHtml';
import { attr, body, byClass, byTag, first, hasClass, loadParser, parseHtml, textOf } from './helpers/dom';
import type { Element } from './helpers/dom';
import * as sample from './helpers/fixtures';

function render(overrides: Parameters<typeof sample.agent>[0] = {}, ctxOverrides: Parameters<typeof sample.context>[0] = {}) {
  const ctx = sample.context(ctxOverrides);
  return parseHtml(agentHtml(sample.agent(overrides), sample.connection, ctx));
}

/** The <dd> text for a <dt> label. */
function field(doc: ReturnType<typeof parseHtml>, label: string): Element {
  const dts = byTag(doc, 'dt');
  const dt = dts.find((d) => textOf(d) === label);
  assert.ok(dt, `no field ${label}; have ${dts.map((d) => textOf(d)).join(', ')}`);
  const siblings = (dt.parentNode as Element).childNodes;
  return siblings[siblings.indexOf(dt) + 1] as Element;
}

describe('agent panel HTML', () => {
  before(loadParser);

  it('shows every normalised field', () => {
    const doc = render();
    assert.equal(textOf(byTag(doc, 'h1')[0]), 'Ada Lovelace');
    assert.equal(textOf(field(doc, 'ID')), 'a4761');
    assert.equal(textOf(field(doc, 'E-mail')), 'ada@example.com');
    assert.equal(textOf(field(doc, 'Role')), 'livechat-manager');
    assert.equal(textOf(field(doc, 'Status')), 'Online');
    assert.equal(textOf(field(doc, 'Available')), 'Yes');
    assert.deepEqual(byTag(field(doc, 'Departments'), 'li').map((li) => textOf(li)), ['Billing (d1)', 'Technical support (d2)']);
    assert.equal(textOf(field(doc, 'Platform')), 'Rocket.Chat');
    assert.equal(textOf(field(doc, 'Connection')), 'Support (production)');
  });

  it('marks the status with a coloured dot whose class comes from the fixed set', () => {
    for (const status of ['online', 'away', 'busy', 'offline', 'unknown'] as const) {
      const dots = byClass(render({ status }), 'status-dot');
      assert.ok(dots.length >= 2);
      for (const d of dots) assert.ok(hasClass(d, `status-${status}`));
    }
    const bogus = render({ status: 'online" onclick="x' as never });
    for (const d of byClass(bogus, 'status-dot')) assert.deepEqual(attr(d, 'class'), 'status-dot status-unknown');
    assert.equal(knownStatus('__proto__'), 'unknown');
  });

  it('says when availability is not reported, and when it is no', () => {
    assert.equal(textOf(field(render({ available: undefined }), 'Available')), 'Not reported');
    assert.equal(textOf(field(render({ available: false }), 'Available')), 'No');
  });

  it('formats last login and creation in the user\'s locale, with the raw epoch in the tooltip', () => {
    const en = render({}, { locale: 'en-US' });
    const de = render({}, { locale: 'de-DE' });
    const login = first(field(de, 'Last login'), (e) => e.tagName === 'time');
    assert.ok(login);
    assert.equal(textOf(login), '15.03.2024, 10:30:00');
    assert.equal(attr(login, 'datetime'), '2024-03-15T10:30:00.000Z');
    assert.match(attr(login, 'title') ?? '', new RegExp(`^${sample.MARCH_15_2024_1030_UTC}\\b`));
    const enLogin = textOf(field(en, 'Last login'));
    assert.match(enLogin, /Mar 15, 2024/);
    assert.match(textOf(field(de, 'Created')), /02\.01\.2023/);
  });

  it('uses the time zone it is given', () => {
    const tokyo = render({}, { locale: 'en-GB', timeZone: 'Asia/Tokyo' });
    assert.match(textOf(field(tokyo, 'Last login')), /19:30:00/);
  });

  it('falls back to a working format for an invalid locale or time zone, and shows unknown dates as such', () => {
    const doc = render({ lastLoginAt: Number.NaN, createdAt: 1e20 }, { locale: 'not a locale!!', timeZone: 'Mars/Olympus' });
    assert.equal(textOf(field(doc, 'Last login')), 'Unknown');
    assert.equal(textOf(field(doc, 'Created')), 'Unknown');
    const ok = render({}, { locale: 'not a locale!!', timeZone: 'Mars/Olympus' });
    assert.match(textOf(field(ok, 'Last login')), /2024/);
  });

  it('shows the raw JSON pretty-printed in a collapsed <details>', () => {
    const doc = render({ raw: { _id: 'a4761', nested: { deep: [1, 2] } } });
    const details = byClass(doc, 'raw')[0];
    assert.equal(details.tagName, 'details');
    assert.equal(attr(details, 'open'), undefined);
    assert.equal(textOf(byTag(details, 'pre')[0]), JSON.stringify({ _id: 'a4761', nested: { deep: [1, 2] } }, null, 2));
  });

  it('shows raw JSON that cannot be serialised plainly (cycles, BigInt) without failing', () => {
    const raw: Record<string, unknown> = { big: 10n };
    raw.self = raw;
    const text = textOf(byTag(render({ raw }), 'pre')[0]);
    assert.match(text, /"big": "10"/);
    assert.match(text, /\[circular\]/);
  });

  it('has copy buttons for ID, e-mail and JSON that name only a field', () => {
    const fields = byTag(render(), 'button').map((b) => attr(b, 'data-copy'));
    assert.deepEqual([...new Set(fields)].sort(), ['email', 'id', 'json']);
    for (const b of byTag(render(), 'button')) {
      assert.equal(attr(b, 'type'), 'button');
      assert.ok(first(b, (e) => hasClass(e, 'codicon') && hasClass(e, 'codicon-copy')));
    }
  });

  it('has no e-mail copy button when the agent has no e-mail, and says so', () => {
    const doc = render({ email: undefined });
    assert.ok(!byTag(doc, 'button').some((b) => attr(b, 'data-copy') === 'email'));
    assert.equal(textOf(field(doc, 'E-mail')), 'None');
  });

  it('shows "None" for no departments and "(no name)" for a nameless agent; the title falls back to the ID', () => {
    const doc = render({ departments: [], name: '' });
    assert.equal(textOf(field(doc, 'Departments')), 'None');
    assert.equal(textOf(byTag(doc, 'h1')[0]), '(no name)');
    assert.equal(agentTitle({ name: '', id: 'a1' }), 'Agent: a1');
    assert.equal(textOf(byTag(doc, 'title')[0]), 'Agent: a4761');
  });

  it('renders no link from data: e-mail addresses are text', () => {
    const doc = render();
    assert.equal(byTag(doc, 'a').length, 0);
    assert.ok(textOf(body(doc)).includes('ada@example.com'));
  });
});
