// Add / Edit / Rename / Update Credentials / Remove Connection.
import * as vscode from 'vscode';
import type { Credentials } from '../api/model';
import { createClientFor } from '../connections/clientProvider';
import type { FlowMode, FlowResult } from '../connections/connectionFlow';
import type { ConnectionFlowModule } from '../connections/flowBundle';
import type { Prompter } from '../connections/prompter';
import { QuickInputPrompter } from '../connections/quickInputPrompter';
import { isKeyringError, KEYRING_HELP_URL, logName } from '../connections/keyring';
import { keyExpiresAt } from '../connections/reveKey';
import { saveWithRetry } from '../connections/saving';
import type { StoredConnection } from '../connections/types';
import { connectionVerifier } from '../connections/verification';
import { validateLabel } from '../connections/validation';
import { notificationText } from '../views/presentation/text';
import { connectionFromArg } from './args';
import { pickConnection } from './pickConnection';
import { registerCommand } from './register';
import type { ConnectionStore } from '../connections/store';
import { isTestMode } from '../testApi';
import type { LazyModule } from '../util/lazyModule';
import type { Logger } from '../util/log';

export interface ConnectionCommandDeps {
  log: Logger;
  connections: ConnectionStore;
  /** The flow's steps (dist/connectionFlow.js), loaded on first use. */
  flow: LazyModule<ConnectionFlowModule>;
}

export interface FlowCommandOptions {
  /** Drives every step (integration tests pass a scripted one); default: the real quick input. */
  prompter?: Prompter;
}

function optionsFrom(arg: unknown): FlowCommandOptions {
  const p = isTestMode() ? (arg as FlowCommandOptions | undefined)?.prompter : undefined; // test-only input
  return p && typeof p.input === 'function' ? { prompter: p } : {};
}

async function runFlow(s: ConnectionCommandDeps, mode: FlowMode, prompter: Prompter): Promise<FlowResult | undefined> {
  let existingCredentials: Credentials | undefined;
  if (mode.kind !== 'add') {
    try {
      existingCredentials = await s.connections.credentials(mode.connection.id);
    } catch (e) {
      // The keyring cannot be read: the flow goes on with what the user types (Update Credentials is the way out).
      if (!isKeyringError(e)) throw e;
    }
  }
  return s.flow.get().runConnectionFlow(mode, {
    prompter,
    existingCredentials,
    verify: connectionVerifier((connection, credentials) => createClientFor(connection, credentials, s.log), s.log),
  });
}

export async function addConnection(s: ConnectionCommandDeps, arg?: unknown): Promise<StoredConnection | undefined> {
  const prompter = optionsFrom(arg).prompter ?? new QuickInputPrompter();
  const result = await runFlow(s, { kind: 'add' }, prompter);
  if (!result) return undefined;
  const saved = await saveWithRetry(
    () => s.connections.add({ ...result.connection, keyExpiresAt: keyExpiresAt(result.connection.platform, result.credentials) }, result.credentials),
    (message, detail, action) => prompter.confirm(message, detail, action),
  );
  if (!saved) return undefined;
  void vscode.window.showInformationMessage(vscode.l10n.t('Connection "{0}" added.', notificationText(saved.label)));
  void vscode.commands.executeCommand('chatdesk.agents.focus');
  return saved;
}

async function editLike(s: ConnectionCommandDeps, kind: 'edit' | 'credentials', target: unknown, opts: FlowCommandOptions): Promise<StoredConnection | undefined> {
  const connection = connectionFromArg(s, target)
    ?? await pickConnection(s, kind === 'edit' ? vscode.l10n.t('Which connection do you want to edit?') : vscode.l10n.t('Whose credentials do you want to update?'));
  if (!connection) return undefined;
  const prompter = opts.prompter ?? new QuickInputPrompter();
  const result = await runFlow(s, { kind, connection }, prompter);
  if (!result) return undefined;
  const updated = await saveWithRetry(
    () => s.connections.update(connection.id, { ...result.connection, keyExpiresAt: keyExpiresAt(result.connection.platform, result.credentials, connection.keyExpiresAt) }, result.credentials),
    (message, detail, action) => prompter.confirm(message, detail, action),
  );
  if (!updated) return undefined;
  s.log.debug(`Saved connection ${logName(updated)}.`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Connection "{0}" updated.', notificationText(updated.label)));
  return updated;
}

export async function renameConnection(s: ConnectionCommandDeps, target: unknown): Promise<StoredConnection | undefined> {
  const connection = connectionFromArg(s, target) ?? await pickConnection(s, vscode.l10n.t('Which connection do you want to rename?'));
  if (!connection) return undefined;
  const label = await vscode.window.showInputBox({
    title: vscode.l10n.t('Rename Connection'),
    value: connection.label,
    prompt: vscode.l10n.t('A new name for this connection'),
    validateInput: (v) => validateLabel(v).error,
  });
  if (label === undefined) return undefined;
  const v = validateLabel(label);
  if (v.error || v.value === connection.label) return connection;
  return s.connections.rename(connection.id, v.value);
}

export async function removeConnection(s: ConnectionCommandDeps, target: unknown, arg?: unknown): Promise<boolean> {
  const connection = connectionFromArg(s, target) ?? await pickConnection(s, vscode.l10n.t('Which connection do you want to remove?'));
  if (!connection) return false;
  const prompter = optionsFrom(arg).prompter ?? new QuickInputPrompter();
  const ok = await prompter.confirm(
    vscode.l10n.t('Remove the connection "{0}"?', notificationText(connection.label)),
    vscode.l10n.t('Its stored credentials are deleted from this machine. The account itself is not affected.'),
    vscode.l10n.t('Remove'),
  );
  if (!ok) return false;
  await s.connections.remove(connection.id);
  return true;
}

export function registerConnectionCommands(s: ConnectionCommandDeps): vscode.Disposable[] {
  return [
    registerCommand('chatdesk.addConnection', s.log, (arg) => addConnection(s, arg)),
    registerCommand('chatdesk.editConnection', s.log, (target, arg) => editLike(s, 'edit', target, optionsFrom(arg))),
    registerCommand('chatdesk.updateCredentials', s.log, (target, arg) => editLike(s, 'credentials', target, optionsFrom(arg))),
    registerCommand('chatdesk.renameConnection', s.log, (target) => renameConnection(s, target)),
    registerCommand('chatdesk.removeConnection', s.log, (target, arg) => removeConnection(s, target, arg)),
    // From the error item of a connection whose credentials VS Code could not read from the OS keyring.
    registerCommand('chatdesk.openKeyringHelp', s.log, () => vscode.env.openExternal(vscode.Uri.parse(KEYRING_HELP_URL))),
  ];
}
