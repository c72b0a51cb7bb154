// The agent picker's title (Find Agent…, Insert Agent ID…, Replace with an agent…): the quick pick lists at most 200
// agents, so the title says how many more matched and that typing narrows them.
import * as assert from 'node:assert/strict';
import { agentPickerTitle } from '../../../src/views/presentation/agentPicker';

const base = { title: 'Find Agent', agents: 50_000, loading: 0, failed: 0, cached: 0, shown: 200, matched: 200 };

describe('agent picker title', () => {
  it('says how many more matched than the 200 shown, and to type to narrow', () => {
    assert.equal(agentPickerTitle({ ...base, matched: 1_234 }), 'Find Agent (50,000 agents) · 1,034 more match — type to narrow');
    assert.equal(agentPickerTitle({ ...base, matched: 50_000 }), 'Find Agent (50,000 agents) · 49,800 more match — type to narrow');
  });

  it('says nothing more when everything that matched is shown', () => {
    assert.equal(agentPickerTitle({ ...base, shown: 12, matched: 12 }), 'Find Agent (50,000 agents)');
    assert.equal(agentPickerTitle(base), 'Find Agent (50,000 agents)');
  });

  it('keeps the loading, failure and cache notes, and names a scope', () => {
    assert.equal(agentPickerTitle({ ...base, loading: 1, matched: 300 }), 'Find Agent (50,000 agents, loading…) · 100 more match — type to narrow');
    assert.equal(agentPickerTitle({ ...base, failed: 1, cached: 1, shown: 3, matched: 3 }), 'Find Agent (50,000 agents; 1 connection(s) failed, see the Agents view) · some from the cache');
    assert.equal(agentPickerTitle({ ...base, title: 'Replace with an agent', agents: 40, shown: 40, matched: 40, scope: 'Rocket.Chat' }), 'Replace with an agent (40 agents of Rocket.Chat)');
  });
});
