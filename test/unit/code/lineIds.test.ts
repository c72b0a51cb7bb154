// Agent IDs in a line of code: what is an ID in an agent context, and the false positives that must not happen.
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { AgentContextRules, keyWords } from '../../../src/code/agentContext';
import { completionSite, idAt, looksLikeGeneratedId, scanLine } from '../../../src/code/lineIds';

const rules = new AgentContextRules();
/** The numbers and Rocket.Chat ids a stale-ID warning could be about, as text. */
const candidates = (line: string, r = rules) => scanLine(line, r, { mode: 'context' }).map((t) => t.text);

describe('agent context keys', () => {
  it('splits keys into words', () => {
    assert.deepEqual(keyWords('XMLAgentID'), ['xml', 'agent', 'id']);
    assert.deepEqual(keyWords('fallback_agent-id.v2'), ['fallback', 'agent', 'id', 'v2']);
    assert.deepEqual(keyWords('assigneeId'), ['assignee', 'id']);
  });

  it('takes keys whose last word names an agent or is the id of one', () => {
    for (const k of ['assignee', 'agent_id', 'agentId', 'AGENT_ID', 'agentid', 'fallbackAgentId', 'owner.id', 'operator', 'default_agent', 'getAgent', 'assignee_id', 'chatOwner']) {
      assert.ok(rules.agentKey(k), k);
    }
  });

  it('refuses keys whose last word says what else the number is', () => {
    for (const k of ['agentPort', 'agent_timeout_ms', 'agentCount', 'management', 'ownership', 'chat_id', 'port', 'year', 'agentSessionId', 'useragent', 'id']) {
      assert.equal(rules.agentKey(k), undefined, k);
    }
  });

  it('plurals hold lists', () => {
    assert.equal(rules.agentKey('agents')?.plural, true);
    assert.equal(rules.agentKey('operator_ids')?.plural, true);
    assert.equal(rules.agentKey('agent')?.plural, false);
  });
});

describe('IDs in a line', () => {
  it('finds numbers in agent contexts in JSON, TypeScript, Python, YAML, .env, XML', () => {
    const cases: [string, string[]][] = [
      ['{"id": 98765, "assignee": 4188}', ['4188']],
      ['{"assignee":4188}', ['4188']],
      ['agent_id=4761', ['4761']],
      ['export AGENT_ID=4761', ['4761']],
      ['AGENT_ID: 4761', ['4761']],
      ['  - agent: 4761', ['4761']],
      ['assignChat(chatId, agentId = 4761)', ['4761']],
      ['const agentId: number = 4761;', ['4761']],
      ['def f(agent_id: int = 4761):', ['4761']],
      ["client.assign(chat_id=1234, agent_id='4761')", ['4761']],
      ['<agentId>4188</agentId>', ['4188']],
      ['"agents": [4188, 4761, "2533"]', ['4188', '4761', '2533']],
      ['"assignee": {"id": 4188, "name": "x"}', ['4188']],
      ['await getAgent(4188)', ['4188']],
      ['if (agentId === 4188) {', ['4188']],
      ['config["agent_id"] = 4188', ['4188']],
      ['"owner": "XycfA5CetCPuEjqxw"', ['XycfA5CetCPuEjqxw']],
      ["'agent_id' => 4761,", ['4761']],
      [':agent_id => 4188', ['4188']],
      ['AGENT_IDS=4188,4761', ['4188', '4761']],
      ['agent_ids=4188', ['4188']],
      ['agents: "4188,4761"', ['4188', '4761']],
      ['agent_ids = (4188, 4761)', ['4188', '4761']],
      ['agent_ids = {4188, 4761}', ['4188', '4761']],
      ['agents := []int{4188, 4761}', ['4188', '4761']],
      ['WHERE agent_id IN (4188, 4761)', ['4188', '4761']],
      ['if assignee_id in (4188, 4761):', ['4188', '4761']],
      ['"agents": [{"id": 4188, "name": "x"}, {"id": 4761}]', ['4188', '4761']],
      ['Agent ID: 4188', ['4188']],
      ['<agent id="4188"/>', ['4188']],
      ['<agent name="Jane" id="4188"/>', ['4188']],
      ['<item agent_id="4188"/>', ['4188']],
      ['"owner_id": 1000', ['1000']],
    ];
    for (const [line, want] of cases) assert.deepEqual(candidates(line), want, line);
  });

  it('takes no port, year, count, timeout or number without agent context', () => {
    const none = [
      'port: 4188',
      '"port": 8080, "agent": "x"',
      'agentPort = 8080',
      'agent_timeout_ms: 30000',
      'maxAgents: 50',
      'agents: 3',
      'year: 2024',
      'const total = 4188;',
      'chat_id = 4188  # agent',
      '// agent 4188 is on leave',
      'assign(1234, 4188)',
      'assignAgent(chatId, 4188)',
      '"agent_name": "Transferfunctions"',
      '"assignee": "TransferFunctions"',
      'agent_id: -1',
      'agent_id: 0',
      '"agent_id": 4188.5',
      '"agent_version": "1.4188"',
      'agent_id: 2024-01-05',
      '"agent": "v4188"',
      '"agent": "4188px"',
      'agent_id = 0x4188',
      '"agent_id": 41884188418841884188418',
      'created: 10:30, agent: x',
      '"User-Agent": 12',
      'user_agent = 5',
      'userAgentId: 7',
      'owner: 1000',
      'mode: 0644, owner: 1000',
      'chatOwner: 1000',
      'agentId = 01234',
      '"agent_id": "0042"',
      'agent_id=4188,4761',
      'maxAgents: 50, minAgents: 2',
      '{"agents": 5, "port": 8080}',
      'agents = (5)',
      'f(agent_id=1, 5)',
      '"assignee": [{"id": 4188}]',
      '<user id="4188"/>',
    ];
    for (const line of none) assert.deepEqual(candidates(line), [], line);
  });

  it('finds no ID inside a longer number or word', () => {
    assert.deepEqual(candidates('"assignee": 141888'), ['141888']);
    assert.deepEqual(scanLine('"assignee": "aXycfA5CetCPuEjqxw"', rules).map((t) => t.text), []);
    assert.deepEqual(scanLine('"assignee": "XycfA5CetCPuEjqxw_2"', rules).map((t) => t.text), []);
  });

  it('finds Rocket.Chat ids and e-mail addresses anywhere for the hover, with their quotes', () => {
    const tokens = scanLine('see XycfA5CetCPuEjqxw and "jane.doe@example.com" in chat 4188', rules);
    assert.deepEqual(tokens.map((t) => [t.kind, t.text, t.quote]), [
      ['rocketchat', 'XycfA5CetCPuEjqxw', undefined],
      ['email', 'jane.doe@example.com', '"'],
    ]);
    assert.equal(idAt('x = "jane@example.com"', 8, rules)?.text, 'jane@example.com');
    assert.equal(idAt('"assignee": 4188', 14, rules)?.text, '4188');
    assert.equal(idAt('"port": 4188', 10, rules), undefined);
  });

  it('tells generated Rocket.Chat ids from words', () => {
    for (const id of ['XycfA5CetCPuEjqxw', 'rbAXPnMktTFbNpwtJ', 'hFDuCPam7sWziWFYa']) assert.ok(looksLikeGeneratedId(id), id);
    for (const w of ['TransferFunctions', 'transferfunctions', 'Transferfunctions']) assert.ok(!looksLikeGeneratedId(w), w);
  });

  it('follows the configured words', () => {
    const custom = new AgentContextRules(['Rep', 'handler']);
    assert.deepEqual(candidates('rep_id: 4188, agent_id: 4761', custom), ['4188']);
    assert.deepEqual(candidates('"handler": 4761', custom), ['4761']);
    assert.deepEqual(new AgentContextRules([]).words, ['agent', 'assignee', 'operator', 'owner']);
  });
});

describe('a long line', () => {
  it('scans a 10,000-character list line whole, each element once (bench: "agent IDs: a long list line")', () => {
    let line = 'agents: [';
    while (line.length < 9980) line += '4188, ';
    line += '4761]';
    const found = candidates(line);
    assert.equal(found.length, (line.match(/\d+/g) ?? []).length);
    assert.equal(found.at(-1), '4761');
    const objects = `"agents": [${Array.from({ length: 600 }, (_, i) => `{"id": ${1000 + i}}`).join(', ')}]`;
    assert.equal(candidates(objects).length, 600);
  });
});

describe('completion sites', () => {
  it('is the value of an agent key, typed or not, quoted or not', () => {
    const at = (line: string) => completionSite(line.replace('|', ''), line.indexOf('|'), rules);
    assert.deepEqual(at('{"assignee": |'), { start: 13, end: 13, query: '', quote: undefined, closed: false, context: { key: 'assignee', plural: false } });
    const quoted = at('{"assignee": "ja|"}');
    assert.equal(quoted?.query, 'ja');
    assert.equal(quoted?.quote, '"');
    assert.equal(quoted?.closed, true);
    assert.equal(at('agent_id=47|61')?.query, '47');
    assert.equal(at('agent_id=47|61')?.end, 13);
    assert.equal(at('AGENT_ID: |')?.context.key, 'AGENT_ID');
  });

  it('inside a longer string: the ID goes into that string, which stays open', () => {
    const at = (line: string, languageId: string) => completionSite(line.replace('|', ''), line.indexOf('|'), rules, languageId);
    for (const [line, languageId, quote] of [
      ['url = "https://x/api?agent_id=|"', 'python', '"'], ['const u = `${base}?agent_id=|`;', 'typescript', '`'],
      ['fetch("/x?assignee=|&chat=1")', 'javascript', '"'], ['"query": "agent_id=|"', 'json', '"'], ["x = 'agent: |'", 'python', "'"],
      ['u = f"{base}?agent_id=|"', 'python', '"'],
    ] as const) {
      const site = at(line, languageId);
      assert.equal(site?.quote, quote, line);
      assert.equal(site?.enclosing, true, line);
    }
    assert.equal(at('u = f"{base}?agent_id=|"', 'python')?.prefix, 'f');
    assert.equal(at('{"assignee": "|', 'json')?.enclosing, undefined, 'the string is the value');
    assert.equal(at('"note": "see agent_id in the docs |"', 'json'), undefined);
  });

  it('is nowhere else', () => {
    for (const line of ['{"assig|', '{"port": |', 'const x = |', '"chat_id": "|', '{"assignee": 4188, "id": |']) {
      assert.equal(completionSite(line.replace('|', ''), line.indexOf('|'), rules), undefined, line);
    }
  });
});
