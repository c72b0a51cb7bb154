// The agent picker of Find Agent…, Copy Agent ID… and every command that needs an agent from the palette: one quick
// pick over every connection's agents (name, e-mail or ID), fed as lists load. Reads the store's directory; loads
// connections that were never loaded. The matching is ours (src/search); VS Code must not refilter.
import * as vscode from 'vscode';
import type { Agent } from '../api/model';
import type { StoredConnection } from '../connections/types';
import type { AgentSearchCache } from '../search/agentSearchCache';
import type { Store } from '../store';
import { AgentSearchCache as SearchCache } from '../search/agentSearchCache';
import { MAX_RESULTS } from '../search/agentSearch';
import { agentIcon, statusText } from '../views/presentation/agent';
import { agentPickerTitle } from '../views/presentation/agentPicker';
import { quickPickText } from '../views/presentation/text';

export interface AgentPickerDeps {
  store: Store<StoredConnection>;
  /** Find Agent…'s index, kept between openings. */
  agentSearch: AgentSearchCache;
}

interface AgentItem extends vscode.QuickPickItem {
  agent: Agent;
}

const REBUILD_MS = 300;

function toItem(agent: Agent, connectionLabel: string): AgentItem {
  const icon = agentIcon(agent.status);
  const desc = [quickPickText(agent.email, 120), connectionLabel].filter(Boolean).join(' · ');
  return {
    label: quickPickText(agent.name) || quickPickText(agent.email) || quickPickText(agent.id),
    description: desc,
    detail: vscode.l10n.t('ID {0} · {1}', quickPickText(agent.id, 80), statusText(agent.status)) + (agent.role ? ` · ${quickPickText(agent.role, 60)}` : ''),
    iconPath: new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined),
    alwaysShow: true,
    agent,
  };
}

export interface PickAgentOptions {
  /** Only the agents of these connections (Replace with an agent…: those the warning is about). Default: every one. */
  connectionIds?: readonly string[];
  /** What the title says the agents are limited to ("Rocket.Chat"), with connectionIds. */
  scope?: string;
}

/** Lets the user choose one agent from every connection (or those of `o.connectionIds`); loads those not loaded yet. */
export function pickAgent(deps: AgentPickerDeps, title: string, o: PickAgentOptions = {}): Promise<Agent | undefined> {
  const { store } = deps;
  const only = o.connectionIds ? new Set(o.connectionIds) : undefined;
  const connections = store.connections().filter((c) => !only || only.has(c.id));
  if (!connections.length) {
    void vscode.window.showInformationMessage(only
      ? vscode.l10n.t('No Chatdesk connection has agents to offer here.')
      : vscode.l10n.t('Add a Chatdesk connection first.'));
    return Promise.resolve(undefined);
  }
  // A picker limited to some connections has its own index: Find Agent…'s (over every list) stays as it is.
  const agentSearch = only ? new SearchCache() : deps.agentSearch;
  const lists = () => (only
    ? store.directory.all().filter((c) => only.has(c.connection.id) && c.agents.length).map((c) => c.agents)
    : store.directory.agentLists());
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<AgentItem>();
    const labels = new Map(connections.map((c) => [c.id, quickPickText(c.label, 60)]));
    const subs: vscode.Disposable[] = [qp];
    let index = agentSearch.index(lists());
    let shown = 0;
    let matched = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    const finish = (a: Agent | undefined) => {
      if (done) return;
      done = true;
      if (timer) clearTimeout(timer);
      subs.forEach((d) => d.dispose());
      resolve(a);
    };
    const status = () => {
      let loading = 0;
      let failed = 0;
      let cached = 0;
      for (const { connection, state } of store.directory.all()) {
        if (only && !only.has(connection.id)) continue;
        if (state.status === 'loading') loading += 1;
        if (state.status === 'error') failed += 1;
        if (state.cached) cached += 1;
      }
      qp.busy = loading > 0;
      qp.title = agentPickerTitle({ title, agents: index.size, loading, failed, cached, shown, matched, scope: o.scope });
    };
    const show = () => {
      const results = index.search(qp.value);
      shown = results.length;
      // the list stops at MAX_RESULTS: count what matched beyond it, so that the title can say so
      matched = results.length >= MAX_RESULTS ? index.count(qp.value) : results.length;
      qp.items = results.map((r) => toItem(r.agent, labels.get(r.agent.connectionId) ?? ''));
      status();
    };
    qp.placeholder = vscode.l10n.t('Type a name, e-mail or ID');
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    qp.ignoreFocusOut = false;
    subs.push(
      qp.onDidChangeValue(() => show()),
      qp.onDidAccept(() => finish(qp.selectedItems[0]?.agent ?? qp.activeItems[0]?.agent)),
      qp.onDidHide(() => finish(undefined)),
      store.onDidChangeList((e) => {
        if (e.list !== 'agents' || timer) return;
        timer = setTimeout(() => {
          timer = undefined;
          index = agentSearch.index(lists());
          show();
        }, REBUILD_MS);
      }),
    );
    for (const c of connections) void store.lists(c.id)?.agents.ensureLoaded();
    show();
    qp.show();
  });
}
