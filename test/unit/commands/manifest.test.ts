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
