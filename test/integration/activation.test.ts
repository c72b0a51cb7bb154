// The extension is installed in the host, activates, and contributes what the manifest promises.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateChatdesk } from './helpers';

suite('activation', () => {
  test('the extension activates and returns the test API', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    const api = await activateChatdesk();
    assert.ok(ext.isActive, 'extension is not active after activate()');
    assert.equal(typeof api.logLines, 'function', 'activate() must return the ChatdeskTestApi (src/testApi.ts)');
    console.log(`vscode ${vscode.version}, appName=${vscode.env.appName}, uiKind=${vscode.env.uiKind}, remoteName=${vscode.env.remoteName}`);
  });

  test('every contributed command is registered', async () => {
    await activateChatdesk();
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes?.commands ?? [])
      .map((c: { command: string }) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c: string) => !registered.has(c));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });
});
