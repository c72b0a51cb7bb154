// Find Agent…: one quick pick over every connection's agents (name, e-mail or ID), fed as pages arrive,
// then what to do with the chosen agent. The matching is ours (src/search); VS Code must not refilter.
import * as vscode from 'vscode';
import type { Agent } from '../api/model';
import { agentIcon, statusText } from '../views/presentation/agent';
import { quickPickText } from '../views/presentation/text';
import { copyAgentEmail, copyAgentId, openAgent } from './agentCommands';
import { registerCommand } from './register';
import type { Services } from './services';

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
export function pickAgent(s: Services, title: string): Promise<Agent | undefined> {
  const connections = s.store.list();
  if (!connections.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Add a Chatdesk connection first.'));
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<AgentItem>();
    const labels = new Map(connections.map((c) => [c.id, quickPickText(c.label, 60)]));
    const subs: vscode.Disposable[] = [qp];
    let index = s.agentSearch.index(s.sessions.loadedAgentLists());
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
      for (const c of s.store.list()) {
        const list = s.sessions.session(c.id)?.agents;
        if (list?.status === 'loading') loading += 1;
        if (list?.status === 'error') failed += 1;
      }
      qp.busy = loading > 0;
      const n = index.size.toLocaleString('en-US');
      qp.title = failed
        ? vscode.l10n.t('{0} ({1} agents; {2} connection(s) failed, see the Agents view)', title, n, failed)
        : loading ? vscode.l10n.t('{0} ({1} agents, loading…)', title, n) : vscode.l10n.t('{0} ({1} agents)', title, n);
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
      s.sessions.onDidChangeData((e) => {
        if (e.list !== 'agents' || timer) return;
        timer = setTimeout(() => {
          timer = undefined;
          index = s.agentSearch.index(s.sessions.loadedAgentLists());
          show();
        }, REBUILD_MS);
      }),
    );
    for (const c of connections) void s.sessions.session(c.id)?.agents.ensureLoaded();
    show();
    qp.show();
  });
}

export async function findAgent(s: Services): Promise<void> {
  const agent = await pickAgent(s, vscode.l10n.t('Find Agent'));
  if (!agent) return;
  const actions: (vscode.QuickPickItem & { run: () => Promise<unknown> })[] = [
    { label: `$(copy) ${vscode.l10n.t('Copy ID')}`, description: quickPickText(agent.id, 80), run: () => copyAgentId(s, agent) },
    { label: `$(go-to-file) ${vscode.l10n.t('Open Details')}`, run: () => openAgent(s, agent) },
  ];
  if (agent.email) actions.push({ label: `$(mail) ${vscode.l10n.t('Copy E-mail')}`, description: quickPickText(agent.email, 120), run: () => copyAgentEmail(s, agent) });
  const choice = await vscode.window.showQuickPick(actions, { title: quickPickText(agent.name) || quickPickText(agent.id), placeHolder: vscode.l10n.t('What do you want to do?') });
  if (choice) await choice.run();
}

export function registerFindAgent(s: Services): vscode.Disposable[] {
  return [registerCommand('chatdesk.findAgent', s.log, () => findAgent(s))];
}
