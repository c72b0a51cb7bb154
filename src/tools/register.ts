// The language model tools for the editor's AI agents (agent mode): registered at activation (cheap: four
// registrations), implemented in dist/tools.js, loaded on the first call. This file is the only one in src/tools
// that imports vscode: it asks for the user's confirmation, turns the CancellationToken into an AbortSignal and the
// runner's text into a LanguageModelToolResult, and gives the runner the extension's redaction.
import * as vscode from 'vscode';
import type { Agent } from '../api/model';
import type { Store } from '../store';
import { LazyModule } from '../util/lazyModule';
import type { Logger } from '../util/log';
import { truncate } from '../text/truncate';
import { redact } from '../util/redact';
import type { AgentRanking, ToolName, ToolRunner, ToolsModule } from './index';

/** The tools, as contributed in package.json (`contributes.languageModelTools`), with their `#` reference names. */
export const TOOLS: Readonly<Record<ToolName, { referenceName: string }>> = {
  chatdesk_findAgents: { referenceName: 'chatdeskAgents' },
  chatdesk_getAgent: { referenceName: 'chatdeskAgent' },
  chatdesk_listConnections: { referenceName: 'chatdeskConnections' },
  chatdesk_offlineMessages: { referenceName: 'chatdeskOfflineMessages' },
};

export interface ToolDeps {
  extensionPath: string;
  store: Store;
  /** Find Agent…'s index (AgentSearchCache.index), so that the tools rank agents as Find Agent… does. */
  searchIndex(lists: readonly (readonly Agent[])[]): AgentRanking;
  log: Logger;
}

function field(input: unknown, name: string): string | undefined {
  const v = input && typeof input === 'object' ? (input as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' && v.trim() ? truncate(v.trim(), 80) : undefined;
}

/**
 * What VS Code shows while a tool runs. The input is the model's (and may echo what a visitor wrote), so it goes in
 * as text, never as Markdown.
 */
function invocationMessage(name: ToolName, input: unknown): vscode.MarkdownString {
  return new vscode.MarkdownString().appendText(invocationText(name, input));
}

function invocationText(name: ToolName, input: unknown): string {
  switch (name) {
    case 'chatdesk_findAgents': {
      const q = field(input, 'query');
      return q ? vscode.l10n.t('Searching Chatdesk agents for "{0}"', q) : vscode.l10n.t('Listing Chatdesk agents');
    }
    case 'chatdesk_getAgent': return vscode.l10n.t('Looking up Chatdesk agent {0}', field(input, 'id') ?? '');
    case 'chatdesk_listConnections': return vscode.l10n.t('Listing Chatdesk connections');
    case 'chatdesk_offlineMessages': return vscode.l10n.t('Reading Chatdesk offline messages');
  }
}

/** The confirmation before visitor text first goes to the model in this session. */
function offlineConfirmation(input: unknown): vscode.LanguageModelToolConfirmationMessages {
  const message = new vscode.MarkdownString();
  message.appendText(vscode.l10n.t('The AI agent asks to read offline messages from your REVE Chat connections'));
  const connection = field(input, 'connection');
  if (connection) message.appendText(` (${connection})`);
  message.appendText('.\n\n');
  message.appendText(vscode.l10n.t(
    'These messages were written by anonymous website visitors and will be sent to the AI model. They may contain text that tries to steer it. Chatdesk marks them as untrusted data for the model, but check what the agent does next. Chatdesk asks once per session.',
  ));
  return { title: vscode.l10n.t('Give the AI agent offline messages from website visitors?'), message };
}

function isCancelled(e: unknown): boolean {
  return !!e && typeof e === 'object' && (e as { name?: unknown }).name === 'ToolCancelled';
}

/** Registers the four tools; returns their disposables. */
export function registerTools(deps: ToolDeps): vscode.Disposable[] {
  if (typeof vscode.lm?.registerTool !== 'function') return []; // a host without language model tools
  const module = new LazyModule<ToolsModule>(deps.extensionPath, 'tools.js');
  let runner: ToolRunner | undefined;
  const get = () => {
    if (!runner) {
      const tools = module.get();
      // the schemas VS Code shows the model (package.json) are the ones every input is checked against
      // redact: this bundle's, which knows the connections' credentials (dist/tools.js has its own copy that does not)
      runner = tools.createToolRunner({ store: deps.store, searchIndex: deps.searchIndex, inputSchemas: tools.readToolSchemas(deps.extensionPath), redact: (s) => redact(s) });
    }
    return runner;
  };
  /** Whether the user allowed visitor text for the model in this session (the first offline-messages call ran). */
  let offlineAllowed = false;

  const register = (name: ToolName) => vscode.lm.registerTool<unknown>(name, {
    prepareInvocation(options) {
      const prepared: vscode.PreparedToolInvocation = { invocationMessage: invocationMessage(name, options.input) };
      if (name === 'chatdesk_offlineMessages' && !offlineAllowed) prepared.confirmationMessages = offlineConfirmation(options.input);
      return prepared;
    },
    async invoke(options, token) {
      // invoke runs only once the user confirmed (or VS Code approved) what prepareInvocation asked
      if (name === 'chatdesk_offlineMessages') offlineAllowed = true;
      const ac = new AbortController();
      const sub = token.onCancellationRequested(() => ac.abort());
      if (token.isCancellationRequested) ac.abort();
      try {
        const text = await get().run(name, options.input, { signal: ac.signal, tokenBudget: options.tokenizationOptions?.tokenBudget });
        if (token.isCancellationRequested) throw new vscode.CancellationError();
        // redacted by the runner, value by value before quoting and then line by line (never breaking a quoted value)
        return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
      } catch (e) {
        if (token.isCancellationRequested || isCancelled(e)) throw new vscode.CancellationError();
        deps.log.error(`The tool ${name} failed:`, e);
        throw e instanceof Error ? new Error(redact(e.message)) : new Error('The Chatdesk tool failed.');
      } finally {
        sub.dispose();
      }
    },
  });
  return (Object.keys(TOOLS) as ToolName[]).map(register);
}
