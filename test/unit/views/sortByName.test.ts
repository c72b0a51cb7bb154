// The Agents view shows every platform's agents by name, whatever order the server sent them in.
import * as assert from 'node:assert/strict';
import type { Agent } from '../../../src/api/model';
import { groupByDepartment, sortByName } from '../../../src/views/presentation/filter';

const agent = (id: string, name: string, departments: Agent['departments'] = []): Agent =>
  ({ platform: 'rocketchat', connectionId: 'c', id, name, status: 'online', departments, raw: {} });

describe('the Agents view\'s order', () => {
  it('is by name, case-insensitive, then by ID for the same name (Rocket.Chat now sends agents by _id)', () => {
    const byId = [agent('a1', 'zoë'), agent('a2', 'Support'), agent('a3', 'adam'), agent('a0', 'support'), agent('a4', 'Adam')];
    assert.deepEqual(sortByName(byId).map((a) => a.id), ['a3', 'a4', 'a0', 'a2', 'a1']);
    assert.deepEqual(byId.map((a) => a.id), ['a1', 'a2', 'a3', 'a0', 'a4'], 'the list itself is not reordered');
  });

  it('sorts a list once while it does not change, and again when it grows', () => {
    const list = [agent('2', 'b'), agent('1', 'a')];
    const first = sortByName(list);
    assert.equal(sortByName(list), first, 'the same array back: no second sort');
    list.push(agent('0', 'A0'));
    assert.deepEqual(sortByName(list).map((a) => a.id), ['1', '0', '2']);
  });

  it('keeps the order inside each department when grouped', () => {
    const d = { id: 'd', name: 'Sales' };
    const shown = groupByDepartment(sortByName([agent('3', 'Cy', [d]), agent('1', 'al', [d]), agent('2', 'Bo', [d])]), 'none');
    assert.deepEqual(shown[0].agents.map((a) => a.name), ['al', 'Bo', 'Cy']);
  });
});
