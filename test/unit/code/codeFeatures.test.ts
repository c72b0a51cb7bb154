import { spawnSync } from 'node:child_process';
// The pure parts behind the hover, the warnings, completion and export: verdicts from the directory's list states,
// the incremental document scan, hover Markdown with hostile data, insert forms, CSV and JSON export.
import assert from 'node:assert/strict';
import { parse as parseCsv } from 'csv-parse/sync';
import MarkdownIt from 'markdown-it';
import { describe, it } from 'mocha';
import type { Agent, Connection, Platform } from '../../../src/api/model';
import { AgentContextRules } from '../../../src/code/agentContext';
import { agentCommandUri, isAgentRef } from '../../../src/code/agentRef';
import { DocumentIdScan, countLines } from '../../../src/code/documentIds';
import { csvChunk, EXPORT_COLUMNS, exportJson, exportRow } from '../../../src/code/exportAgents';
import { scriptedExportRequest } from '../../../src/code/exportRequest';
import { agentHoverMarkdown, staleIdMessage } from '../../../src/code/hoverMarkdown';
import { IdJudge, staleIdConnections } from '../../../src/code/idVerdict';
import { idInsertText } from '../../../src/code/insertForm';
import { isCodeDocument } from '../../../src/code/providers/documents';
import type { ConnectionAgents, DirectoryMatch } from '../../../src/store/directory';
import type { ListState } from '../../../src/store/listState';
import { hostilePayloads, payloadLabel } from '../../fixtures/hostilePayloads';

const rules = new AgentContextRules();

function conn(id: string, platform: Platform, label = id): Connection {
  return { id, label, platform, baseUrl: 'https://x.example' };
}

function agent(id: string, platform: Platform, connectionId: string, over: Partial<Agent> = {}): Agent {
  return { platform, connectionId, id, name: `Agent ${id}`, email: `a${id}@example.com`, status: 'online', departments: [], raw: {}, ...over };
}

const COMPLETE: ListState = { status: 'loaded', count: 1, progress: 1, truncated: false, cached: false, complete: true };

/** A directory stand-in with the real lookup semantics (byId over connections in order). */
function directory(lists: ConnectionAgents[]) {
  return {
    all: () => lists,
    byId: (id: string): DirectoryMatch[] => lists.flatMap((l) => l.agents.filter((a) => a.id === id).map((a) => ({ agent: a, connection: l.connection, state: l.state }))),
  };
}

describe('verdicts on IDs in code', () => {
  const hc = conn('hc', 'helpcrunch', 'Acme Support');
  const rv = conn('rv', 'revechat', 'Acme REVE');
  const rc = conn('rc', 'rocketchat', 'Acme Rocket');
  const lists = (hcState: ListState, rvState: ListState = COMPLETE): ConnectionAgents[] => [
    { connection: hc, agents: [agent('4761', 'helpcrunch', 'hc')], state: hcState },
    { connection: rv, agents: [agent('81830', 'revechat', 'rv')], state: rvState },
    { connection: rc, agents: [agent('XycfA5CetCPuEjqxw', 'rocketchat', 'rc')], state: COMPLETE },
  ];

  it('knows agents, and calls an ID stale only when every connection of its kind has a complete list', () => {
    const judge = new IdJudge(directory(lists(COMPLETE)));
    assert.equal(judge.judge('number', '4761').kind, 'known');
    const stale = judge.judge('number', '4188');
    assert.equal(stale.kind, 'stale');
    assert.deepEqual(stale.kind === 'stale' && stale.connections.map((c) => c.id), ['hc', 'rv']);
    assert.equal(judge.judge('rocketchat', 'Zz9Zz9Zz9Zz9Zz9Zz').kind, 'stale');
    assert.equal(judge.judge('number', 'XycfA5CetCPuEjqxw').kind, 'stale', 'a Rocket.Chat agent is no number');
  });

  it('says nothing while a list is loading, failed, incomplete, capped or never loaded', () => {
    const states: [string, ListState][] = [
      ['loading', { ...COMPLETE, status: 'loading' }],
      ['failed', { ...COMPLETE, status: 'error', error: new Error('x') }],
      ['incomplete', { ...COMPLETE, complete: false, incomplete: { received: 1, expected: 2, reason: 'short-of-total' } }],
      ['capped', { ...COMPLETE, complete: false, truncated: true }],
      ['never loaded', { status: 'idle', count: 0, progress: 0, truncated: false, cached: false, complete: false }],
    ];
    for (const [what, state] of states) {
      assert.equal(new IdJudge(directory(lists(state))).judge('number', '4188').kind, 'unknown', what);
      assert.equal(new IdJudge(directory(lists(COMPLETE, state))).judge('number', '4188').kind, 'unknown', `REVE ${what}`);
    }
    assert.equal(new IdJudge(directory([])).judge('number', '4188').kind, 'unknown', 'no connection');
  });

  it('a list from the cache that no load confirmed says "stale" only while it is at most a day old, and says how old', () => {
    const now = Date.UTC(2025, 5, 1, 12);
    const HOUR = 3600_000;
    const cachedAt = (at: number): ListState => ({ ...COMPLETE, status: 'idle', cached: true, loadedAt: at });
    const recent = new IdJudge(directory(lists(cachedAt(now - 3 * HOUR))), now).judge('number', '4188');
    assert.equal(recent.kind, 'stale', 'a complete list cached 3 h ago can say');
    assert.equal(recent.kind === 'stale' && recent.cachedAt, now - 3 * HOUR);
    assert.equal(staleIdMessage('4188', [hc], now - 3 * HOUR, now), '4188 is not an agent of Acme Support (HelpCrunch), as of the list cached 3 h ago');
    for (const [what, state] of [
      ['90 days old', cachedAt(now - 90 * 24 * HOUR)], ['25 h old', cachedAt(now - 25 * HOUR)], ['saved in the future', cachedAt(now + 48 * HOUR)],
      ['no save time', { ...cachedAt(0), loadedAt: undefined }], ['a short refresh over an old cache', { ...cachedAt(now - 90 * 24 * HOUR), status: 'loaded', refreshShort: { received: 1, reason: 'short-of-total' } }],
    ] as [string, ListState][]) {
      assert.equal(new IdJudge(directory(lists(state)), now).judge('number', '4188').kind, 'unknown', what);
    }
    // loaded in this session: as old as it may be, it can say, and the message has no cache age
    const loaded = new IdJudge(directory(lists({ ...COMPLETE, loadedAt: now - 90 * 24 * HOUR })), now).judge('number', '4188');
    assert.equal(loaded.kind === 'stale' && loaded.cachedAt, undefined);
    assert.equal(loaded.kind, 'stale');
  });

  it('Replace with an agent… offers the agents of the connections the warning is about, not every platform', () => {
    const d = directory(lists(COMPLETE));
    assert.deepEqual(staleIdConnections(d, 'Zz9Zz9Zz9Zz9Zz9Zz').map((c) => c.id), ['rc'], 'a Rocket.Chat id: Rocket.Chat agents only');
    assert.deepEqual(staleIdConnections(d, '4188').map((c) => c.id), ['hc', 'rv'], 'a number: the REVE Chat and HelpCrunch connections the warning names');
    // once the ID is known again (or no list can say), still only the platforms whose IDs look like it
    assert.deepEqual(staleIdConnections(d, 'XycfA5CetCPuEjqxw').map((c) => c.id), ['rc']);
    assert.deepEqual(staleIdConnections(directory(lists({ ...COMPLETE, status: 'loading' })), '4188').map((c) => c.id), ['hc', 'rv']);
  });

  it('words the warning with every connection that was asked', () => {
    assert.equal(staleIdMessage('4188', [hc]), '4188 is not an agent of Acme Support (HelpCrunch)');
    assert.equal(staleIdMessage('4188', [hc, rv]), '4188 is not an agent of Acme Support (HelpCrunch) or Acme REVE (REVE Chat)');
    assert.equal(staleIdMessage('4188', [{ label: 'a\nb\u202e', platform: 'helpcrunch' }]), '4188 is not an agent of a b (HelpCrunch)');
  });
});

describe('the document scan', () => {
  const lines = (text: string) => { const l = text.split('\n'); return { lineCount: l.length, lineAt: (i: number) => l[i] }; };
  const found = (scan: DocumentIdScan) => [...scan.tokens()].map((t) => `${t.line}:${t.token.text}`);

  it('finds the candidates of a whole document', () => {
    const scan = new DocumentIdScan(rules, lines('{\n  "assignee": 4188,\n  "port": 8080\n}'));
    assert.deepEqual(found(scan), ['1:4188']);
    assert.equal(scan.size, 1);
  });

  it('rescans only the lines an edit touched, and follows lines moving', () => {
    let text = 'a\n"assignee": 4188\nb\n"owner_id": 4761\nc';
    const scan = new DocumentIdScan(rules, lines(text));
    // insert two lines above line 1
    text = 'a\nx\n"agent": 99\n"assignee": 4188\nb\n"owner_id": 4761\nc';
    assert.deepEqual(scan.apply([{ startLine: 0, endLine: 0, text: 'a\nx\n"agent": 99' }], lines(text)), { rescanned: 3 });
    assert.deepEqual(found(scan), ['2:99', '3:4188', '5:4761']);
    // delete lines 2–3
    text = 'a\nx\nb\n"owner_id": 4761\nc';
    assert.deepEqual(scan.apply([{ startLine: 1, endLine: 3, text: 'x' }], lines(text)), { rescanned: 1 });
    assert.deepEqual(found(scan), ['3:4761']);
    assert.equal(scan.size, 1);
  });

  it('applies a multi-cursor edit reported bottom-up', () => {
    let text = '"agent": 1\n"agent": 2\n"agent": 3';
    const scan = new DocumentIdScan(rules, lines(text));
    text = '"agent": 19\n"agent": 2\n"agent": 39';
    scan.apply([{ startLine: 2, endLine: 2, text: '9' }, { startLine: 0, endLine: 0, text: '9' }], lines(text));
    assert.deepEqual(found(scan), ['0:19', '1:2', '2:39']);
  });

  it('rescans everything when the edits do not add up (never leaves old warnings behind)', () => {
    const scan = new DocumentIdScan(rules, lines('"agent": 1'));
    assert.deepEqual(scan.apply([{ startLine: 0, endLine: 0, text: '"agent": 2' }], lines('"agent": 2\n"agent": 3')), { rescanned: 2 });
    assert.deepEqual(found(scan), ['0:2', '1:3']);
  });

  it('counts lines of inserted text with any line break', () => {
    assert.deepEqual(['', 'a', 'a\nb', 'a\r\nb', 'a\rb\n'].map(countLines), [1, 1, 2, 2, 3]);
  });
});

describe('the hover', () => {
  const md = new MarkdownIt({ html: false, linkify: false });
  const c = conn('conn-1', 'helpcrunch', 'Acme Support');
  const match = (a: Agent, state: ListState = COMPLETE): DirectoryMatch => ({ agent: a, connection: c, state });

  it('shows the agent, the connection, the cache\'s age and two command links with encoded arguments', () => {
    const text = agentHoverMarkdown([match(agent('4761', 'helpcrunch', 'conn-1', { role: 'admin', departments: [{ id: 'd', name: 'Sales' }] }), { ...COMPLETE, cached: true, loadedAt: 0 })], 3 * 3600_000);
    assert.match(text, /\*\*Agent 4761\*\* · online/);
    assert.match(text, /Role: admin/);
    assert.match(text, /Departments: Sales/);
    assert.match(text, /HelpCrunch · Acme Support · ID 4761 · cached 3 h ago/);
    const links = [...text.matchAll(/\]\((command:[^)]+)\)/g)].map((m) => m[1]);
    assert.deepEqual(links, [agentCommandUri('chatdesk.openAgent', { connectionId: 'conn-1', agentId: '4761' }), agentCommandUri('chatdesk.copyAgentId', { connectionId: 'conn-1', agentId: '4761' })]);
    const args = JSON.parse(decodeURIComponent(links[0].split('?')[1])) as unknown[];
    assert.ok(isAgentRef(args[0]));
  });

  it(`keeps every hostile value inert: the only links are the two commands, with the exact IDs (${hostilePayloads.length} payloads)`, () => {
    for (const p of hostilePayloads) {
      const a = agent(p, 'helpcrunch', 'conn-1', { name: p, email: p, role: p, departments: [{ id: p, name: p }] });
      const html = md.render(agentHoverMarkdown([match(a)]));
      const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
      assert.equal(hrefs.length, 2, `${payloadLabel(p)}: ${hrefs.length} links`);
      assert.deepEqual(hrefs.map((h) => h.split('?')[0]), ['command:chatdesk.openAgent', 'command:chatdesk.copyAgentId'], payloadLabel(p));
      const ref = (JSON.parse(decodeURIComponent(hrefs[0].replace(/&amp;/g, '&').split('?')[1])) as unknown[])[0];
      assert.deepEqual(ref, { connectionId: 'conn-1', agentId: p }, payloadLabel(p));
      const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]));
      assert.deepEqual([...tags].filter((t) => !['p', 'strong', 'br', 'a', 'hr'].includes(t)), [], `${payloadLabel(p)} made markup`);
      assert.equal(html.split('<strong>').length - 1, 1, `${payloadLabel(p)} made bold text`);
    }
  });
});

describe('the form an inserted ID takes', () => {
  it('a number bare, other IDs quoted, inside quotes escaped for them', () => {
    assert.equal(idInsertText('4188', {}, 'json'), '4188');
    assert.equal(idInsertText('XycfA5CetCPuEjqxw', {}, 'json'), '"XycfA5CetCPuEjqxw"');
    assert.equal(idInsertText('XycfA5CetCPuEjqxw', {}, 'yaml'), 'XycfA5CetCPuEjqxw');
    assert.equal(idInsertText('a"b', { quote: '"', closed: true }, 'json'), 'a\\"b');
    assert.equal(idInsertText("a'b", { quote: "'", closed: false }, 'python'), "a\\'b'");
    assert.equal(idInsertText("a'b", { quote: "'", closed: true }, 'yaml'), "a''b");
    assert.equal(idInsertText('a`${x}', { quote: '`', closed: true }, 'typescript'), 'a\\`\\${x}');
    assert.equal(idInsertText('0123', {}, 'json'), '"0123"', 'a leading zero is no number');
  });
});

describe('Export Agents: CSV and JSON', () => {
  const c = conn('c', 'helpcrunch', 'Acme, "Support"');
  it(`CSV reads back cell for cell, formula cells neutralised, UTF-8 with a BOM (${hostilePayloads.length} payloads)`, () => {
    const agents = hostilePayloads.map((p, i) => agent(String(i + 1), 'helpcrunch', 'c', { name: p, email: `${p}@x`, role: p, departments: [{ id: 'd', name: p }] }));
    const rows = agents.map((a) => exportRow(a, c));
    const text = csvChunk(rows.slice(0, 100), true) + csvChunk(rows.slice(100), false);
    assert.ok(text.startsWith('\ufeffplatform,connection,id,name,email,role,status,available,departments\r\n'));
    const back = parseCsv(text.slice(1), { bom: false }) as string[][];
    assert.equal(back.length, agents.length + 1);
    back.slice(1).forEach((cells, i) => {
      rows[i].forEach((want, k) => {
        const formula = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(want);
        // a file is UTF-8: a lone surrogate, which UTF-8 cannot hold, comes back as U+FFFD
        const utf8 = want.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
        assert.equal(cells[k], formula ? `'${utf8}` : utf8, `${payloadLabel(hostilePayloads[i])} column ${k}`);
      });
    });
  });

  it('CSV as a strict reader (Python\'s csv) and a spreadsheet read it: a line break inside a cell never starts a row, so no formula escapes', () => {
    // Each of these once came out as a bare LF or CR inside an unquoted cell: a second row whose first cell ran.
    const cells = ['Ann\n=2+5', 'Bo\r-3+cmd|\' /C calc\'!A0', 'Cy\r\n@SUM(A1)', '\n+1', 'tail\n', 'x\u2028=1', '=HYPERLINK("http://x")'];
    const rows = cells.map((name, i) => exportRow(agent(String(i + 1), 'helpcrunch', 'c', { name, email: `${i}@x`, role: name }), c));
    const text = csvChunk(rows, true);
    const read = spawnSync('python3', ['-c', [
      'import csv, io, json, sys',
      'rows = list(csv.reader(io.StringIO(sys.stdin.read(), newline=""), strict=True))',
      'print(json.dumps(rows))',
    ].join('\n')], { input: text.slice(1), encoding: 'utf8' });
    assert.equal(read.status, 0, read.stderr);
    const back = JSON.parse(read.stdout) as string[][];
    assert.equal(back.length, rows.length + 1, `rows: ${JSON.stringify(back)}`);
    back.slice(1).forEach((got, i) => {
      assert.equal(got.length, EXPORT_COLUMNS.length, `row ${i}: ${JSON.stringify(got)}`);
      assert.equal(got[3], /^[=+\-@\t\r]/.test(cells[i]) ? `'${cells[i]}` : cells[i], `name cell ${i}`);
      // a spreadsheet runs a cell that starts with a formula character: none does unless neutralised
      for (const cell of got) assert.ok(!/^[=+\-@\t\r]/.test(cell), `a live formula cell: ${JSON.stringify(cell)}`);
    });
  });

  it('JSON holds the same facts, no raw platform object', () => {
    const a = agent('7', 'helpcrunch', 'c', { raw: { secret: 'x' }, departments: [{ id: 'd1', name: 'Sales' }] });
    const out = JSON.parse(exportJson([{ connection: c, agents: [a] }], new Date(0))) as { exportedAt: string; agents: Record<string, unknown>[] };
    assert.equal(out.exportedAt, '1970-01-01T00:00:00.000Z');
    assert.deepEqual(out.agents[0], { platform: 'helpcrunch', connection: { id: 'c', label: 'Acme, "Support"' }, id: '7', name: 'Agent 7', email: 'a7@example.com', role: null, status: 'online', available: null, departments: [{ id: 'd1', name: 'Sales' }] });
  });

  it('JSON says which connections came from an earlier session\'s cache, and when it was saved', () => {
    const a = agent('7', 'helpcrunch', 'c');
    const fresh = JSON.parse(exportJson([{ connection: c, agents: [a] }], new Date(0))) as Record<string, unknown>;
    assert.equal(fresh.cached, undefined);
    const old = JSON.parse(exportJson([{ connection: c, agents: [a], cachedAt: Date.UTC(2025, 0, 2) }, { connection: conn('d', 'revechat'), agents: [], cachedAt: -1e300 }], new Date(0))) as Record<string, unknown>;
    assert.deepEqual(old.cached, [{ connection: { id: 'c', label: 'Acme, "Support"' }, savedAt: '2025-01-02T00:00:00.000Z' }]);
  });

  it('a scripted export (no dialogs, any path) is honoured only under a test runner', () => {
    const arg = { exportRequest: { connectionIds: ['c'], format: 'csv', target: 'file:///tmp/x.csv', exportPartial: true } };
    assert.equal(scriptedExportRequest(arg, false), undefined, 'another extension calling the command gets the dialogs');
    assert.deepEqual(scriptedExportRequest(arg, true), arg.exportRequest);
    assert.deepEqual(scriptedExportRequest({ exportRequest: { format: 'exe', target: 5, connectionIds: [1], exportPartial: 'yes' } }, true), {});
    assert.equal(scriptedExportRequest('c', true), undefined);
  });
});

describe('which documents the agent-ID features read', () => {
  it('the same for hover, completion and warnings: notebook cells and every editor scheme, not output or diff inputs', () => {
    const doc = (scheme: string) => ({ uri: { scheme } });
    for (const s of ['file', 'untitled', 'vscode-notebook-cell', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']) assert.ok(isCodeDocument(doc(s)), s);
    for (const s of ['output', 'git', 'vscode-scm', 'debug']) assert.ok(!isCodeDocument(doc(s)), s);
  });
});
