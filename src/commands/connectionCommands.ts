// Add / Edit / Rename / Update Credentials / Remove Connection.
import * as vscode from 'vscode';
import type { Credentials } from '../api/model';
import { createClientFor } from '../connections/clientProvider';
import { runConnectionFlow, type FlowMode, type FlowResult } from '../connections/connectionFlow';
import type { Prompter } from '../connections/prompter';
import { QuickInputPrompter } from '../connections/quickInputPrompter';
import { decodeJwtClaims } from '../connections/reveKey';
import type { StoredConnection } from '../connections/types';
import { validateLabel } from '../connections/validation';
import { notificationText } from '../views/presentation/text';
import { connectionFromArg } from './args';
import { pickConnection } from './pickConnection';
import { registerCommand } from './register';
import type { ConnectionStore } from '../connections/store';
import type { Logger } from '../util/log';

export interface ConnectionCommandDeps {
  log: Logger;
  connections: ConnectionStore;
}
import { isTestMode } from '../testApi';

export interface FlowCommandOptions {
  /** Drives every step (integration tests pass a scripted one); default: the real quick input. */
  prompter?: Prompter;
}

function optionsFrom(arg: unknown): FlowCommandOptions {
  const p = isTestMode() ? (arg as FlowCommandOptions | undefined)?.prompter : undefined; // test-only input
  return p && typeof p.input === 'function' ? { prompter: p } : {};
}

function keyExpiry(result: FlowResult, existing: StoredConnection | undefined): number | undefined {
  if (result.connection.platform !== 'revechat') return undefined;
  if (result.credentials.apiKey) return decodeJwtClaims(result.credentials.apiKey)?.expiresAt;
  return existing?.keyExpiresAt;
}

async function runFlow(s: ConnectionCommandDeps, mode: FlowMode, prompter: Prompter): Promise<FlowResult | undefined> {
  const existingCredentials: Credentials | undefined = mode.kind === 'add' ? undefined : await s.connections.credentials(mode.connection.id);
  return runConnectionFlow(mode, {
    prompter,
    existingCredentials,
    verify: async (connection, credentials, signal) => {
      s.log.info(`Verifying ${connection.platform} connection at ${connection.baseUrl}.`);
      try {
        await createClientFor(connection, credentials, s.log).verify({ signal });
        s.log.info('Verification succeeded.');
      } catch (e) {
        s.log.warn('Verification failed:', e);
        throw e;
      }
    },
  });
}

export async function addConnection(s: ConnectionCommandDeps, arg?: unknown): Promise<StoredConnection | undefined> {
  const prompter = optionsFrom(arg).prompter ?? new QuickInputPrompter();
  const result = await runFlow(s, { kind: 'add' }, prompter);
  if (!result) return undefined;
  const saved = await s.connections.add({ ...result.connection, keyExpiresAt: keyExpiry(result, undefined) }, result.credentials);
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
  const updated = await s.connections.update(connection.id, { ...result.connection, keyExpiresAt: keyExpiry(result, connection) }, result.credentials);
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
  ];
}
