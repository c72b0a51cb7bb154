// The manifest's contributions are consistent with the code: every command contributed is registered and
// vice versa, every string is localised, tree-only commands stay out of the palette, menus name real commands.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'mocha';

const ROOT = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const registered = new Set<string>();
for (const f of sourceFiles(path.join(ROOT, 'src', 'commands'))) {
  for (const m of fs.readFileSync(f, 'utf8').matchAll(/registerCommand\('(chatdesk\.[A-Za-z]+)'/g)) registered.add(m[1]);
}

interface Cmd { command: string; title: string; category: string; icon?: string }
const commands: Cmd[] = pkg.contributes.commands;

describe('package.json contributions', () => {
  it('contributes exactly the commands the code registers', () => {
    assert.deepEqual(commands.map((c) => c.command).sort(), [...registered].sort());
  });

  it('every command has a localised title, the Chatdesk category and a codicon', () => {
    for (const c of commands) {
      assert.match(c.title, /^%[\w.]+%$/, c.command);
      assert.ok(nls[c.title.slice(1, -1)], `missing nls ${c.title}`);
      assert.equal(nls[c.category.slice(1, -1)], 'Chatdesk');
      assert.match(c.icon ?? '', /^\$\([a-z-]+\)$/, c.command);
    }
  });

  it('every %key% in the manifest exists in package.nls.json', () => {
    const text = JSON.stringify(pkg.contributes);
    for (const m of text.matchAll(/%([\w.]+)%/g)) assert.ok(nls[m[1]], m[1]);
  });

  it('tree-only commands are hidden from the palette; menus name contributed commands', () => {
    const ids = new Set(commands.map((c) => c.command));
    const palette = new Map<string, string>(pkg.contributes.menus.commandPalette.map((e: { command: string; when: string }) => [e.command, e.when]));
    assert.equal(palette.get('chatdesk.refreshConnection'), 'false');
    for (const [menu, entries] of Object.entries(pkg.contributes.menus as Record<string, { command: string; when?: string }[]>)) {
      for (const e of entries) {
        assert.ok(ids.has(e.command), `${menu} names ${e.command}`);
        if (menu === 'view/item/context') assert.match(e.when ?? '', /viewItem =~ \//, `${e.command} matched by regex`);
      }
    }
  });

  it('restores detail panels after a reload: a serializer per panel type, and VS Code wakes Chatdesk for them', () => {
    const serializers = fs.readFileSync(path.join(ROOT, 'src', 'webviews', 'panelSerializers.ts'), 'utf8');
    const options = fs.readFileSync(path.join(ROOT, 'src', 'webviews', 'options.ts'), 'utf8');
    for (const [key, viewType] of [['agent', 'chatdesk.agent'], ['offlineMessage', 'chatdesk.offlineMessage']]) {
      assert.ok(options.includes(`${key}: '${viewType}'`), viewType);
      assert.ok(serializers.includes(`registerWebviewPanelSerializer(VIEW_TYPES.${key}`), `no serializer for ${viewType}`);
      assert.ok(pkg.activationEvents.includes(`onWebviewPanel:${viewType}`), `no activation event for ${viewType}`);
    }
  });

  it('contributes the language model tools the code registers, with reference names, schemas and localised descriptions', () => {
    interface Schema { type: string; properties?: Record<string, { type: string; description?: string; enum?: string[] }>; required?: string[] }
    interface Tool {
      name: string; toolReferenceName: string; displayName: string; userDescription: string; modelDescription: string;
      canBeReferencedInPrompt: boolean; icon: string; tags: string[]; inputSchema: Schema;
    }
    const tools: Tool[] = pkg.contributes.languageModelTools;
    const glue = fs.readFileSync(path.join(ROOT, 'src', 'tools', 'register.ts'), 'utf8');
    const registered = [...glue.matchAll(/^ {2}(chatdesk_\w+): \{ referenceName: '(\w+)' \}/gm)].map((m) => [m[1], m[2]]);
    assert.deepEqual(tools.map((t) => [t.name, t.toolReferenceName]), registered);
    assert.deepEqual(registered.map(([, ref]) => ref), ['chatdeskAgents', 'chatdeskAgent', 'chatdeskConnections', 'chatdeskOfflineMessages']);
    const text = (key: string) => { assert.match(key, /^%[\w.]+%$/); const v = nls[key.slice(1, -1)]; assert.ok(v, `missing nls ${key}`); return v; };
    for (const t of tools) {
      // VS Code's rules for a contributed tool (workbench: languageModelToolsContribution)
      assert.match(t.name, /^(?!copilot_|vscode_)[\w-]+$/);
      assert.match(t.toolReferenceName, /^[\w-]+$/);
      assert.equal(t.canBeReferencedInPrompt, true, t.name);
      assert.match(t.icon, /^\$\([a-z-]+\)$/, t.name);
      assert.ok(t.tags.includes('chatdesk'));
      assert.match(text(t.displayName), /Chatdesk/);
      text(t.userDescription);
      assert.ok(text(t.modelDescription).length > 200, `${t.name}: a model needs a description it can act on`);
      assert.equal(t.inputSchema.type, 'object', t.name);
      for (const [prop, schema] of Object.entries(t.inputSchema.properties ?? {})) {
        assert.ok(['string', 'boolean', 'integer'].includes(schema.type), `${t.name}.${prop}`);
        text(schema.description ?? '');
      }
      for (const r of t.inputSchema.required ?? []) assert.ok(t.inputSchema.properties?.[r], `${t.name} requires ${r}, which it does not define`);
    }
    const byName = new Map(tools.map((t) => [t.name, t]));
    assert.deepEqual(byName.get('chatdesk_findAgents')!.inputSchema.required, ['query']);
    assert.deepEqual(byName.get('chatdesk_getAgent')!.inputSchema.required, ['id']);
    assert.deepEqual(byName.get('chatdesk_findAgents')!.inputSchema.properties!.platform.enum, ['revechat', 'rocketchat', 'helpcrunch']);
    // the offline-messages tool tells the model that its content is hostile data, not instructions
    const offline = text(byName.get('chatdesk_offlineMessages')!.modelDescription);
    assert.match(offline, /anonymous members of the public/);
    assert.match(offline, /untrusted/);
    assert.match(offline, /never instructions/);
    assert.match(offline, /untrusted-visitor-text/);
    assert.ok(pkg.contributes.commands.every((c: Cmd) => !/tool/i.test(c.command)), 'no command exists only for the tools\' tests');
  });

  it('views, welcome content and settings are declared', () => {
    assert.deepEqual(pkg.contributes.views.chatdesk.map((v: { id: string }) => v.id), ['chatdesk.agents', 'chatdesk.offlineMessages']);
    assert.equal(pkg.contributes.viewsContainers.activitybar[0].icon, 'media/chatdesk.svg');
    assert.ok(fs.existsSync(path.join(ROOT, 'media', 'chatdesk.svg')));
    const welcome = pkg.contributes.viewsWelcome.map((w: { contents: string }) => nls[w.contents.slice(1, -1)]).join('\n');
    for (const cmd of ['chatdesk.addConnection', 'chatdesk.tryDemo', 'chatdesk.editConnection']) assert.ok(welcome.includes(`command:${cmd}`), cmd);
    const props = pkg.contributes.configuration.properties;
    assert.deepEqual(Object.keys(props).sort(), [
      'chatdesk.agentIds.contextWords', 'chatdesk.agentIds.diagnostics', 'chatdesk.agentIds.maxDocumentSizeKB',
      'chatdesk.autoRefreshMinutes', 'chatdesk.cacheAgents', 'chatdesk.groupAgentsByDepartment', 'chatdesk.maxPages', 'chatdesk.requestTimeoutSeconds',
    ]);
    for (const p of Object.values(props) as { default: unknown; markdownDescription: string }[]) {
      assert.notEqual(p.default, undefined);
      assert.ok(nls[p.markdownDescription.slice(1, -1)]);
    }
  });
});
