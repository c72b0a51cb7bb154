// Show Available Agents: the words for each source (issue 9, item 2). Pure.
import assert from 'node:assert/strict';
import { ApiError } from '../../../src/api/errors';
import type { Agent, AvailableAgents } from '../../../src/api/model';
import { allFailedMessage, allSourcesFailed, availableAgentsTitle, failedSourceLines, failedSourceNotes, QUICK_PICK_LIMITS } from '../../../src/views/presentation/availableAgents';

const agent: Agent = { platform: 'rocketchat', connectionId: 'c', id: 'XycfA5CetCPuEjqxw', name: 'agent123', status: 'online', departments: [], raw: {} };
const forbidden = new ApiError('forbidden', 'may not list', { status: 403, permissions: ['edit-omnichannel-contact', 'transfer-livechat-guest'] });
const legacyForbidden = new ApiError('forbidden', 'may not ask', { status: 403, permissions: ['manage-agent-extension-association'] });

describe('Show Available Agents: sources', () => {
  it('one source read, one forbidden: the agents, "1 of 2 sources" in the title, and a line naming the permission', () => {
    const r: AvailableAgents = { agents: [agent], sources: [
      { endpoint: 'livechat/users/agent?onlyAvailable=true', agents: [], error: forbidden },
      { endpoint: 'omnichannel/agents/available', agents: [agent] },
    ] };
    assert.equal(allSourcesFailed(r), false);
    assert.equal(availableAgentsTitle('Support', r), 'Available agents: Support (1) · 1 of 2 sources could be read');
    assert.deepEqual(failedSourceLines(r), ['Not read: livechat/users/agent?onlyAvailable=true (needs the "edit-omnichannel-contact" or "transfer-livechat-guest" permission)']);
  });

  it('both forbidden: fails, naming the connection and both permissions', () => {
    const r: AvailableAgents = { agents: [], sources: [
      { endpoint: 'livechat/users/agent?onlyAvailable=true', agents: [], error: forbidden },
      { endpoint: 'omnichannel/agents/available', agents: [], error: legacyForbidden },
    ] };
    assert.equal(allSourcesFailed(r), true);
    const m = allFailedMessage('Support', r);
    assert.match(m, /^Chatdesk: Support: no source of available agents could be read/);
    assert.match(m, /"edit-omnichannel-contact" or "transfer-livechat-guest"/);
    assert.match(m, /"manage-agent-extension-association"/);
  });

  it('the list forbidden and the legacy endpoint absent (8.x): fails; the absent one is not called a failure', () => {
    const r: AvailableAgents = { agents: [], sources: [
      { endpoint: 'livechat/users/agent?onlyAvailable=true', agents: [], error: forbidden },
      { endpoint: 'omnichannel/agents/available', agents: [], absent: true },
    ] };
    assert.equal(allSourcesFailed(r), true);
    assert.doesNotMatch(allFailedMessage('Support', r), /omnichannel\/agents\/available/);
    const ok: AvailableAgents = { agents: [agent], sources: [{ endpoint: 'x', agents: [agent] }, { endpoint: 'y', agents: [], absent: true }] };
    assert.equal(availableAgentsTitle('Support', ok), 'Available agents: Support (1)');
  });

  // The quick pick shows a separator's label small, on one line, and cuts what does not fit with "…": the note that a
  // source could not be read must be short there, with the reason in an item's detail and the whole text on choosing it.
  it('the quick pick note is never cut: a short separator, the reason in an item, the whole text on choosing it', () => {
    const long = new ApiError('server', `Upstream proxy error: ${'the gateway timed out while talking to the omnichannel service. '.repeat(4)}`, { status: 502 });
    const cases: AvailableAgents[] = [
      { agents: [agent], sources: [{ endpoint: 'livechat/users/agent?onlyAvailable=true', agents: [], error: forbidden }, { endpoint: 'omnichannel/agents/available', agents: [agent] }] },
      { agents: [agent], sources: [{ endpoint: 'livechat/users/agent?onlyAvailable=true', agents: [agent] }, { endpoint: 'omnichannel/agents/available', agents: [], error: legacyForbidden }] },
      { agents: [agent], sources: [{ endpoint: 'livechat/users/agent?onlyAvailable=true', agents: [agent] }, { endpoint: 'omnichannel/agents/available', agents: [], error: long }] },
    ];
    for (const r of cases) {
      const notes = failedSourceNotes(r)!;
      assert.ok(notes.separator.length <= QUICK_PICK_LIMITS.separator, `separator of ${notes.separator.length}: ${notes.separator}`);
      assert.equal(notes.separator, '1 of 2 sources not read');
      const failed = r.sources.find((s) => s.error)!;
      for (const n of notes.notes) {
        assert.ok(n.label.length <= QUICK_PICK_LIMITS.label, n.label);
        assert.ok(n.detail.length <= QUICK_PICK_LIMITS.detail, `detail of ${n.detail.length}: ${n.detail}`);
        assert.ok(n.message.includes(failed.endpoint), n.message);
        for (const p of failed.error!.permissions ?? []) {
          assert.ok(n.detail.includes(`"${p}"`), `the detail does not name ${p}: ${n.detail}`);
          assert.ok(n.message.includes(`"${p}"`) && /administrator/.test(n.message), n.message);
        }
        if (!failed.error!.permissions) assert.ok(n.message.includes(failed.error!.message.trim().slice(0, 200)), 'the whole reason is not in the message');
        assert.doesNotMatch(n.message, /\.\.(?!\.)|\.\s*;|\s{2}/, n.message);
      }
    }
    assert.equal(failedSourceNotes({ agents: [agent], sources: [{ endpoint: 'x', agents: [agent] }] }), undefined);
  });

  it('joins the reasons of both failed sources into one clean sentence', () => {
    const r: AvailableAgents = { agents: [], sources: [
      { endpoint: 'a', agents: [], error: new ApiError('server', 'Service Unavailable.', { status: 503 }) },
      { endpoint: 'b', agents: [], error: new ApiError('server', 'Bad gateway', { status: 502 }) },
    ] };
    assert.equal(allFailedMessage('Support', r), 'Chatdesk: Support: no source of available agents could be read. a: Service Unavailable; b: Bad gateway.');
  });
});
