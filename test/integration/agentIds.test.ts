// Agent IDs in code, inside a real VS Code, through VS Code's own command API: hovers, completion, stale-ID warnings
// and their quick fixes on files in JSON, TypeScript, Python, YAML and .env; the false positives that must not
// happen; Copy as curl and Export Agents…. The sandbox counts requests: hover, completion and warnings make none.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import * as vscode from 'vscode';
import type { Platform } from '../../src/api/model';
import type { StoredConnection } from '../../src/connections/types';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import type { ChatdeskTestApi } from '../../src/testApi';
import { activateChatdesk, waitFor, waitForTree } from './helpers';

const AGENTS = 40;
/** Agents whose names a spreadsheet would run as formulas, and Markdown that must stay text in a hover. */
const HOSTILE = ['=HYPERLINK("https://evil.example","x")', '@SUM(1+1)', '[Open](command:workbench.action.terminal.new)'];
const LABELS: Record<Platform, string> = { revechat: 'IDs REVE Chat', rocketchat: 'IDs Rocket.Chat', helpcrunch: 'IDs HelpCrunch' };

function requests(sb: Sandbox): number {
  const r = sb.stats().requests;
  return r.revechat + r.rocketchat + r.helpcrunch;
}

/** The hovers' Markdown, with the numeric character references the untrusted-Markdown rule writes read back as text. */
function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)));
}

function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Chatdesk');
}

/** A position `offset` characters into `needle` on the first line that holds both `lineMarker` and `needle`. */
function at(doc: vscode.TextDocument, lineMarker: string, needle: string, offset = 1): vscode.Position {
  for (let i = 0; i < doc.lineCount; i++) {
    const text = doc.lineAt(i).text;
    const c = text.includes(lineMarker) ? text.lastIndexOf(needle) : -1;
    if (c >= 0) return new vscode.Position(i, c + offset);
  }
  throw new Error(`no line with ${lineMarker} and ${needle}`);
}

async function hover(doc: vscode.TextDocument, pos: vscode.Position): Promise<string> {
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos));
}

suite('Agent IDs in code', function () {
  this.timeout(120000);
  let sandbox: Sandbox;
  let api: ChatdeskTestApi;
  let dir: string;
  const added = new Map<Platform, StoredConnection>();
  const ids = {} as Record<Platform, string> & { stale: string; staleRocket: string; email: string; name: Record<Platform, string> };

  async function open(name: string, text: string): Promise<vscode.TextDocument> {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return vscode.workspace.openTextDocument(vscode.Uri.file(file));
  }

  suiteSetup(async () => {
    sandbox = await startSandbox({ agents: AGENTS, offlineMessages: 0, hostileStrings: HOSTILE, rateLimits: { rocketchatCallsPerRoute: 0 } });
    api = await activateChatdesk();
    for (const c of [...api.store.list()]) await api.store.remove(c.id);
    const cr = sandbox.credentials;
    added.set('revechat', await api.store.add({ label: LABELS.revechat, platform: 'revechat', baseUrl: sandbox.baseUrls.revechat, accountId: cr.revechat.accountId }, { apiKey: cr.revechat.apiKey }));
    added.set('rocketchat', await api.store.add({ label: LABELS.rocketchat, platform: 'rocketchat', baseUrl: sandbox.baseUrls.rocketchat, userId: cr.rocketchat.userId }, { authToken: cr.rocketchat.authToken }));
    added.set('helpcrunch', await api.store.add({ label: LABELS.helpcrunch, platform: 'helpcrunch', baseUrl: sandbox.baseUrls.helpcrunch }, { apiKey: cr.helpcrunch.apiKey }));
    const store = api.dataStore;
    for (const c of added.values()) await store.lists(c.id)!.agents.ensureLoaded();
    ids.name = {} as Record<Platform, string>;
    for (const [p, c] of added) {
      const all = store.directory.agentsOf(c.id)!;
      assert.ok(all.state.complete, `${p} did not load completely`);
      // an agent whose name and e-mail are plain text (the hostile ones are tested on their own)
      const plain = all.agents.find((a) => /^\p{L}[\p{L} .'-]+$/u.test(a.name) && /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(a.email ?? ''));
      assert.ok(plain, `${p}: no agent with a plain name and e-mail`);
      ids[p] = plain.id;
      ids.name[p] = plain.name;
      if (p === 'helpcrunch') ids.email = plain.email!;
    }
    let stale = 4188;
    while (store.directory.byId(String(stale)).length) stale++;
    ids.stale = String(stale);
    ids.staleRocket = 'Zz9Zz9Zz9Zz9Zz9Zz';
    assert.equal(store.directory.byId(ids.staleRocket).length, 0);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-agent-ids-'));
    sandbox.resetStats();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('chatdesk').update('agentIds.diagnostics', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('chatdesk').update('agentIds.contextWords', undefined, vscode.ConfigurationTarget.Global);
    if (api) for (const c of [...api.store.list()]) await api.store.remove(c.id);
    await sandbox?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('hovers name the agent behind an ID in JSON, TypeScript, Python, YAML and .env, with Open Details and Copy ID', async () => {
    const files: [string, string, string][] = [
      ['routing.json', `{\n  "chat_id": 98765,\n  "assignee": ${ids.helpcrunch}\n}\n`, 'assignee'],
      ['assign.ts', `export const agentId = ${ids.revechat};\n`, 'agentId'],
      ['assign.py', `client.assign(chat_id=1, agent_id=${ids.helpcrunch})\n`, 'agent_id'],
      ['queues.yaml', `support:\n  operator: "${ids.rocketchat}"\n`, 'operator'],
      ['.env', `AGENT_ID=${ids.revechat}\n`, 'AGENT_ID'],
    ];
    for (const [name, text, key] of files) {
      const doc = await open(name, text);
      const line = doc.getText().split('\n').findIndex((l) => l.includes(key));
      const lineText = doc.lineAt(line).text;
      const id = name.includes('yaml') ? ids.rocketchat : name.endsWith('.ts') || name === '.env' ? ids.revechat : ids.helpcrunch;
      const shown = await hover(doc, new vscode.Position(line, lineText.lastIndexOf(id) + 1));
      const platform: Platform = id === ids.rocketchat ? 'rocketchat' : id === ids.revechat ? 'revechat' : 'helpcrunch';
      assert.ok(shown.includes(ids.name[platform].split(' ')[0]), `${name}: the hover does not name the agent: ${shown}`);
      assert.ok(shown.includes(LABELS[platform]), `${name}: the hover does not name the connection`);
      assert.match(shown, /\]\(command:chatdesk\.openAgent\?%5B%7B/, `${name}: no Open Details link`);
      assert.match(shown, /\]\(command:chatdesk\.copyAgentId\?%5B%7B/, `${name}: no Copy ID link`);
    }
    assert.equal(requests(sandbox), 0, 'a hover made a request');
  });

  test('a Rocket.Chat id and an agent\'s e-mail are recognised anywhere, even in a comment', async () => {
    const doc = await open('notes.md', `Escalate to ${ids.rocketchat} or write to ${ids.email}.\n`);
    assert.ok((await hover(doc, at(doc, 'Escalate', ids.rocketchat, 3))).includes(ids.name.rocketchat.split(' ')[0]));
    assert.ok((await hover(doc, at(doc, 'Escalate', ids.email, 3))).includes(ids.name.helpcrunch.split(' ')[0]));
    assert.equal(requests(sandbox), 0);
  });

  test('no hover on ports, years, counts, numbers without agent context, or an ID inside a longer number or word', async () => {
    const id = ids.helpcrunch;
    const text = [
      `port: ${id}`, `year: ${id}`, `max_agents: ${id}`, `agent_timeout_ms: ${id}`, `chat_id = ${id}`, `// agent ${id} left`,
      `assignee: ${id}5`, `assignee: v${id}`, `assignee: ${id}.5`, `assignee: 20-${id}`, `const n = ${id};`,
    ].join('\n');
    const doc = await open('false-positives.yaml', `${text}\n`);
    for (let line = 0; line < doc.lineCount - 1; line++) {
      const t = doc.lineAt(line).text;
      const shown = await hover(doc, new vscode.Position(line, t.indexOf(id) + 1));
      assert.equal(shown, '', `a hover on "${t}": ${shown}`);
    }
    assert.equal(requests(sandbox), 0);
  });

  test('hover text from data stays text: no link, no formatting, only the two command links', async () => {
    const hostile = api.dataStore.directory.all().flatMap((c) => c.agents).find((a) => a.name === HOSTILE[2] && a.platform === 'helpcrunch')!;
    const doc = await open('hostile.json', `{"assignee": ${hostile.id}}\n`);
    // the Markdown as VS Code gets it (not read back): data's "](command:…" must not be Markdown there
    const shown = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at(doc, 'assignee', hostile.id)))
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.ok(!shown.includes('](command:workbench'), `data made a link: ${shown}`);
    assert.deepEqual([...shown.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]), ['chatdesk.openAgent', 'chatdesk.copyAgentId']);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at(doc, 'assignee', hostile.id));
    const md = hovers[0].contents[0] as vscode.MarkdownString;
    assert.deepEqual(md.isTrusted, { enabledCommands: ['chatdesk.openAgent', 'chatdesk.copyAgentId'] });
    assert.ok(!md.supportHtml && !md.supportThemeIcons);
  });

  test('completion offers agents where an agent\'s ID goes, in the form the place needs', async () => {
    const json = await open('complete.json', '{\n  "assignee": \n}\n');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', json.uri, new vscode.Position(1, 14));
    const ours = list.items.filter((i) => typeof i.detail === 'string' && / · (REVE Chat|Rocket\.Chat|HelpCrunch) · /.test(i.detail));
    assert.ok(ours.length >= AGENTS, `only ${ours.length} agents offered`);
    // the list is capped (the user narrows it by typing); whichever agents it holds go in as their place needs
    const idOf = (i: vscode.CompletionItem) => i.detail!.split(' · ')[0];
    const hc = ours.find((i) => / · HelpCrunch · /.test(i.detail!) && /^\d+$/.test(idOf(i)));
    assert.ok(hc, 'no HelpCrunch agent offered');
    assert.equal(hc.insertText, idOf(hc), 'a numeric ID goes in as a number');
    const rc = ours.find((i) => / · Rocket\.Chat · /.test(i.detail!) && /^[A-Za-z0-9]{17}$/.test(idOf(i)));
    assert.ok(rc, 'no Rocket.Chat agent offered');
    assert.equal(rc.insertText, JSON.stringify(idOf(rc)), 'a Rocket.Chat id goes in quoted');
    const py = await open('complete.py', 'agent_id = "\n');
    const inQuotes = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', py.uri, new vscode.Position(0, 12));
    const rcq = inQuotes.items.find((i) => / · Rocket\.Chat · /.test(i.detail ?? '') && /^[A-Za-z0-9]{17}$/.test(idOf(i)));
    assert.ok(rcq, 'no Rocket.Chat agent offered inside the quotes');
    assert.equal(rcq.insertText, `${idOf(rcq)}"`, 'inside an open quote: the ID, then the closing quote');
    const name = ids.name.helpcrunch.split(' ')[0].slice(0, 3).toLowerCase();
    const typed = await open('complete.yaml', `owner: ${name}\n`);
    const filtered = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', typed.uri, new vscode.Position(0, 7 + name.length));
    const shown = filtered.items.filter((i) => i.detail?.includes(' · ')).map((i) => (typeof i.label === 'string' ? i.label : `${i.label.label} ${i.label.description ?? ''}`).toLowerCase());
    assert.ok(shown.length > 0 && shown.every((n) => n.includes(name)), `filtered by "${name}": ${shown.join(', ')}`);
    const none = await open('no-complete.json', '{"port": \n');
    const nothing = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', none.uri, new vscode.Position(0, 9));
    assert.equal(nothing.items.filter((i) => i.detail?.includes(' · HelpCrunch · ')).length, 0, 'agents offered for a port');
    assert.equal(requests(sandbox), 0, 'completion made a request');
  });

  test('an ID that matches no agent gets a warning, with Replace with an agent… and Find Agent…; known IDs and other numbers do not', async () => {
    const doc = await open('stale.ts', [
      `export const config = { assignee: ${ids.stale}, chatId: ${ids.stale} };`,
      `const port = ${ids.stale};`,
      `export const agentId = ${ids.helpcrunch};`,
      `export const fallbackOperator = "${ids.staleRocket}";`,
      '',
    ].join('\n'));
    const diags = await waitFor('two stale-ID warnings', () => { const d = ourDiagnostics(doc.uri); return d.length === 2 ? d : undefined; });
    const [numeric, rocket] = diags.sort((a, b) => a.range.start.line - b.range.start.line);
    assert.equal(doc.getText(numeric.range), ids.stale);
    assert.equal(numeric.range.start.line, 0);
    assert.match(numeric.message, new RegExp(`^${ids.stale} is not an agent of (IDs REVE Chat \\(REVE Chat\\)|IDs HelpCrunch \\(HelpCrunch\\)).* or `));
    assert.equal(numeric.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(doc.getText(rocket.range), ids.staleRocket);
    assert.match(rocket.message, /is not an agent of IDs Rocket\.Chat \(Rocket\.Chat\)$/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, numeric.range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Replace with an agent…') && titles.includes('Find Agent…'), titles.join(', '));
    assert.equal(requests(sandbox), 0, 'the warnings made a request');
  });

  test('warnings follow the document as it changes, and each language file gets its own', async () => {
    const files: [string, string][] = [
      ['stale.json', `{"assignee": ${ids.stale}}`], ['stale.py', `assign(agent_id=${ids.stale})`],
      ['stale.yaml', `agent_id: ${ids.stale}`], ['stale.env', `AGENT_ID=${ids.stale}`],
    ];
    for (const [name, text] of files) {
      const doc = await open(name, `${text}\n`);
      await waitFor(`a warning in ${name}`, () => ourDiagnostics(doc.uri).length === 1);
    }
    const doc = await open('edit.json', `{"assignee": ${ids.stale}}\n`);
    await waitFor('a warning before the edit', () => ourDiagnostics(doc.uri).length === 1);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.replace(new vscode.Range(0, 13, 0, 13 + ids.stale.length), ids.helpcrunch));
    await waitFor('no warning once the ID is a known agent', () => ourDiagnostics(doc.uri).length === 0);
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), `{"owner_id": ${ids.stale}}\n`));
    await waitFor('a warning on the new line', () => ourDiagnostics(doc.uri).some((d) => d.range.start.line === 1));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('no warning while a connection of that kind cannot say: a failed list silences numeric IDs until it is gone', async () => {
    const doc = await open('failed.json', `{"assignee": ${ids.stale}}\n`);
    await waitFor('the warning', () => ourDiagnostics(doc.uri).length === 1);
    const broken = await api.store.add({ label: 'IDs broken HelpCrunch', platform: 'helpcrunch', baseUrl: sandbox.baseUrls.helpcrunch }, { apiKey: 'not-a-valid-key-0000' });
    await api.dataStore.lists(broken.id)!.agents.ensureLoaded();
    assert.equal(api.dataStore.directory.agentsOf(broken.id)!.state.status, 'error');
    await waitFor('no warning while a HelpCrunch list failed', () => ourDiagnostics(doc.uri).length === 0);
    await api.store.remove(broken.id);
    await waitFor('the warning again without the failed connection', () => ourDiagnostics(doc.uri).length === 1);
    sandbox.resetStats(); // the failed load was this test's own request
  });

  test('settings: the severity (or off), and the agent-context words', async () => {
    const config = () => vscode.workspace.getConfiguration('chatdesk');
    const doc = await open('settings.yaml', `rep_id: ${ids.stale}\nagent_id: ${ids.stale}\n`);
    await waitFor('one warning with the default words', () => ourDiagnostics(doc.uri).length === 1);
    await config().update('agentIds.contextWords', ['rep'], vscode.ConfigurationTarget.Global);
    await waitFor('the warning moves to rep_id', () => { const d = ourDiagnostics(doc.uri); return d.length === 1 && d[0].range.start.line === 0; });
    await config().update('agentIds.diagnostics', 'warning', vscode.ConfigurationTarget.Global);
    await waitFor('a warning severity', () => ourDiagnostics(doc.uri)[0]?.severity === vscode.DiagnosticSeverity.Warning);
    await config().update('agentIds.diagnostics', 'off', vscode.ConfigurationTarget.Global);
    await waitFor('no warnings when off', () => ourDiagnostics(doc.uri).length === 0);
    await config().update('agentIds.diagnostics', undefined, vscode.ConfigurationTarget.Global);
    await config().update('agentIds.contextWords', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('back to the default', () => { const d = ourDiagnostics(doc.uri); return d.length === 1 && d[0].range.start.line === 1; });
    assert.equal(requests(sandbox), 0);
  });

  test('untitled documents get hovers and warnings too, and are closed unsaved', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: `{"assignee": ${ids.stale}, "agent": ${ids.helpcrunch}}` });
    await vscode.window.showTextDocument(doc);
    await waitFor('a warning in an untitled document', () => ourDiagnostics(doc.uri).length === 1);
    assert.ok((await hover(doc, at(doc, 'agent', ids.helpcrunch))).includes(ids.name.helpcrunch.split(' ')[0]));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  /** Runs a command that opens the agent picker, and accepts the picker's first agent. */
  async function withFirstAgentPicked<T>(run: () => Thenable<T>): Promise<T> {
    let done = false;
    const result = Promise.resolve(run()).finally(() => { done = true; });
    for (let i = 0; i < 50 && !done; i++) {
      await new Promise((r) => setTimeout(r, 200));
      if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    return result;
  }

  test('Replace with an agent… and Insert Agent ID… put the picked agent\'s ID in, in the form the place needs', async () => {
    const doc = await open('replace.yaml', `vip:\n  assignee: "${ids.stale}"\n  agent_id: \n`);
    const editor = await vscode.window.showTextDocument(doc);
    const [diag] = await waitFor('the warning', () => { const d = ourDiagnostics(doc.uri); return d.length === 1 ? d : undefined; });
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range);
    const replace = actions.find((a) => a.title === 'Replace with an agent…')!;
    const picked = await withFirstAgentPicked(() => vscode.commands.executeCommand<string | undefined>(replace.command!.command, ...replace.command!.arguments!));
    assert.ok(picked, 'no agent was picked');
    assert.match(picked, /^\d+$/, 'a numeric ID is replaced by a REVE Chat or HelpCrunch agent\'s');
    assert.equal(doc.lineAt(1).text, `  assignee: "${picked}"`, 'the ID goes inside the quotes that were there');
    await waitFor('no warning once replaced', () => ourDiagnostics(doc.uri).length === 0);
    editor.selections = [new vscode.Selection(2, 12, 2, 12)];
    const inserted = await withFirstAgentPicked(() => vscode.commands.executeCommand<string | undefined>('chatdesk.insertAgentId'));
    assert.ok(inserted, 'no agent was inserted');
    // Insert Agent ID… offers every connection's agents (its first may be another platform's than Replace's)
    assert.match(doc.lineAt(2).text, new RegExp(`^  agent_id: ("?)${inserted}\\1$`));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Replace with an agent… offers only the agents of the platform the warning is about', async () => {
    const doc = await open('replace-scope.yaml', `a:\n  operator: "${ids.staleRocket}"\n  assignee: ${ids.stale}\n`);
    await vscode.window.showTextDocument(doc);
    const diags = await waitFor('both warnings', () => { const d = ourDiagnostics(doc.uri); return d.length === 2 ? d : undefined; });
    const win = vscode.window as unknown as Record<string, (...a: unknown[]) => unknown>;
    const originalCreate = win.createQuickPick;
    const pickers: vscode.QuickPick<vscode.QuickPickItem & { agent?: { platform: Platform; connectionId: string } }>[] = [];
    win.createQuickPick = (...a: unknown[]) => { const qp = originalCreate.apply(vscode.window, a) as (typeof pickers)[number]; pickers.push(qp); return qp; };
    try {
      for (const [line, platforms] of [[1, ['rocketchat']], [2, ['revechat', 'helpcrunch']]] as const) {
        const diag = diags.find((d) => d.range.start.line === line)!;
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range);
        const replace = actions.find((a) => a.title === 'Replace with an agent…')!;
        const before = pickers.length;
        const done = vscode.commands.executeCommand<string | undefined>(replace.command!.command, ...replace.command!.arguments!);
        const qp = await waitFor('the picker', () => (pickers.length > before && pickers[pickers.length - 1].items.length ? pickers[pickers.length - 1] : undefined));
        const offered = new Set(qp.items.map((i) => i.agent?.platform));
        assert.deepEqual([...offered].sort(), [...platforms].sort(), `line ${line}: offered ${[...offered].join(', ')}`);
        const expected = [...added.entries()].filter(([p]) => (platforms as readonly string[]).includes(p))
          .reduce((n, [, c]) => n + api.dataStore.directory.agentsOf(c.id)!.agents.length, 0);
        assert.equal(qp.items.length, Math.min(200, expected), `line ${line}: every agent of those connections`);
        assert.match(qp.title ?? '', platforms.length === 1 ? /agents of Rocket\.Chat\)/ : /agents of (REVE Chat and HelpCrunch|HelpCrunch and REVE Chat)\)/);
        qp.hide();
        assert.equal(await done, undefined);
      }
    } finally {
      win.createQuickPick = originalCreate;
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('Copy as curl / fetch / Python: the platform\'s call for the agent, credentials from the environment', async () => {
    const agent = api.dataStore.directory.agent(added.get('helpcrunch')!.id, ids.helpcrunch)!;
    const curl = await vscode.commands.executeCommand<string>('chatdesk.copyAgentAsCurl', agent);
    assert.match(curl, new RegExp(`--request PUT ${sandbox.baseUrls.helpcrunch.replace(/[.]/g, '\\.')}/v1/chats/assignee`));
    assert.match(curl, new RegExp(`"assignee":${ids.helpcrunch}\\}`));
    assert.ok(!curl.includes(sandbox.credentials.helpcrunch.apiKey), 'the API key is in the snippet');
    const rocket = api.dataStore.directory.agent(added.get('rocketchat')!.id, ids.rocketchat)!;
    const py = await vscode.commands.executeCommand<string>('chatdesk.copyAgentAsPython', rocket);
    assert.match(py, /requests\.post\(\n {4}".*\/api\/v1\/livechat\/room\.forward"/);
    assert.ok(!py.includes(sandbox.credentials.rocketchat.authToken));
    const js = await vscode.commands.executeCommand<string>('chatdesk.copyAgentAsFetch', { connectionId: added.get('revechat')!.id, agentId: ids.revechat });
    assert.match(js, new RegExp(`/api/agents/${sandbox.credentials.revechat.accountId}/${ids.revechat}"`));
    // from the Agents view's context menu: the tree item itself is the argument
    const nodes = await waitForTree('agents in the tree', api.agentsTree, (ns) => ns.some((n) => n.contextValue.startsWith('chatdesk:agent:helpcrunch')));
    const node = nodes.find((n) => n.contextValue.startsWith('chatdesk:agent:helpcrunch'))!;
    const fromTree = await vscode.commands.executeCommand<string>('chatdesk.copyAgentAsCurl', node.node);
    assert.match(fromTree, new RegExp(`"assignee":(${(node.node as { agent: { id: string } }).agent.id}|"${(node.node as { agent: { id: string } }).agent.id}")\\}`));
  });

  test('Export Agents…: CSV with formula cells neutralised, JSON, and partial lists only with consent', async () => {
    const target = vscode.Uri.file(path.join(dir, 'agents.csv'));
    const all = [...added.values()].map((c) => c.id);
    const res = await vscode.commands.executeCommand<{ agents: number }>('chatdesk.exportAgents', { exportRequest: { connectionIds: all, format: 'csv', target: target.toString() } });
    const total = all.reduce((n, id) => n + api.dataStore.directory.agentsOf(id)!.agents.length, 0);
    assert.equal(res?.agents, total);
    const bytes = fs.readFileSync(target.fsPath);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'no UTF-8 byte-order mark');
    const rows = parseCsv(bytes.toString('utf8').slice(1), { relax_column_count: false }) as string[][];
    assert.deepEqual(rows[0], ['platform', 'connection', 'id', 'name', 'email', 'role', 'status', 'available', 'departments']);
    assert.equal(rows.length, total + 1);
    const formulaNames = rows.slice(1).map((r) => r[3]).filter((n) => n.includes('HYPERLINK') || n.includes('SUM('));
    assert.ok(formulaNames.length >= 2 && formulaNames.every((n) => n.startsWith("'")), `formula cells: ${formulaNames.join(' | ')}`);
    assert.ok(!/[=+@-]/.test(rows.slice(1).map((r) => r.map((c) => c[0] ?? '').join('')).join('').replace(/'/g, '')), 'a cell starts with a formula character');

    const json = vscode.Uri.file(path.join(dir, 'agents.json'));
    await vscode.commands.executeCommand('chatdesk.exportAgents', { exportRequest: { connectionIds: [added.get('rocketchat')!.id], format: 'json', target: json.toString() } });
    const parsed = JSON.parse(fs.readFileSync(json.fsPath, 'utf8')) as { agents: { id: string; platform: string }[] };
    assert.ok(parsed.agents.some((a) => a.id === ids.rocketchat && a.platform === 'rocketchat'));

    const broken = await api.store.add({ label: 'IDs broken export', platform: 'helpcrunch', baseUrl: sandbox.baseUrls.helpcrunch }, { apiKey: 'not-a-valid-key-0001' });
    const refused = vscode.Uri.file(path.join(dir, 'refused.csv'));
    const none = await vscode.commands.executeCommand('chatdesk.exportAgents', { exportRequest: { connectionIds: [broken.id], format: 'csv', target: refused.toString(), exportPartial: false } });
    assert.equal(none, undefined);
    assert.ok(!fs.existsSync(refused.fsPath), 'a partial list was exported without consent');
    await api.store.remove(broken.id);
  });
});
