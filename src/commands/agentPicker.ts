// The agent picker of Find Agent…, Copy Agent ID… and every command that needs an agent from the palette: one quick
// pick over every connection's agents (name, e-mail or ID), fed as lists load. Reads the store's directory; loads
// connections that were never loaded. The matching is ours (src/search); VS Code must not refilter.
import * as vscode from 'vscode';
import type { Agent } from '../api/model';
import type { StoredConnection } from '../connections/types';
import type { AgentSearchCache } from '../search/agentSearchCache';
import type { Store } from '../store';
import { agentIcon, statusText } from '../views/presentation/agent';
import { formatCount, quickPickText } from '../views/presentation/text';

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

/** Lets the user choose one agent from every connection; loads connections not loaded yet. */
export function pickAgent(deps: AgentPickerDeps, title: string): Promise<Agent | undefined> {
  const { store, agentSearch } = deps;
  const connections = store.connections();
  if (!connections.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Add a Chatdesk connection first.'));
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<AgentItem>();
    const labels = new Map(connections.map((c) => [c.id, quickPickText(c.label, 60)]));
    const subs: vscode.Disposable[] = [qp];
    let index = agentSearch.index(store.directory.agentLists());
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
      for (const { state } of store.directory.all()) {
        if (state.status === 'loading') loading += 1;
        if (state.status === 'error') failed += 1;
        if (state.cached) cached += 1;
      }
      qp.busy = loading > 0;
      const n = formatCount(index.size);
      let text = failed
        ? vscode.l10n.t('{0} ({1} agents; {2} connection(s) failed, see the Agents view)', title, n, failed)
        : loading ? vscode.l10n.t('{0} ({1} agents, loading…)', title, n) : vscode.l10n.t('{0} ({1} agents)', title, n);
      if (cached && !loading) text += ` · ${vscode.l10n.t('some from the cache')}`;
      qp.title = text;
    };
    const show = () => {
      qp.items = index.search(qp.value).map((r) => toItem(r.agent, labels.get(r.agent.connectionId) ?? ''));
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
          index = agentSearch.index(store.directory.agentLists());
          show();
        }, REBUILD_MS);
      }),
    );
    for (const c of connections) void store.lists(c.id)?.agents.ensureLoaded();
    show();
    qp.show();
  });
}
