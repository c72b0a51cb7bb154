// Show Available Agents: the words for each source (issue 9, item 2). Pure.
import assert from 'node:assert/strict';
import { ApiError } from '../../../src/api/errors';
import type { Agent, AvailableAgents } from '../../../src/api/model';
import { allFailedMessage, allSourcesFailed, availableAgentsTitle, failedSourceLines } from '../../../src/views/presentation/availableAgents';

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
});
