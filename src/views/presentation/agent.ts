// Agent tree items: label, description, icon, contextValue, id and tooltip. Pure and cheap.
import type { Agent, AgentStatus } from '../../api/model';
import { t } from '../../util/l10n';
import { escapeMarkdown, markdownIcon, type OwnIcon } from '../../text/markdown';
import { idPart, plainText } from './text';
import type { IconSpec, NodePresentation } from './types';

const STATUS_ICONS: Record<AgentStatus, IconSpec & { id: OwnIcon }> = {
  online: { id: 'pass-filled', color: 'testing.iconPassed' },
  away: { id: 'clock', color: 'charts.yellow' },
  busy: { id: 'circle-slash', color: 'charts.red' },
  offline: { id: 'circle-outline', color: 'disabledForeground' },
  unknown: { id: 'person' },
};

export function agentIcon(status: AgentStatus): IconSpec {
  return STATUS_ICONS[status] ?? STATUS_ICONS.unknown;
}

export function statusText(status: AgentStatus): string {
  switch (status) {
    case 'online': return t('online');
    case 'away': return t('away');
    case 'busy': return t('busy');
    case 'offline': return t('offline');
    default: return t('status unknown');
  }
}

export function agentLabel(agent: Agent): string {
  return plainText(agent.name) || plainText(agent.email) || `#${plainText(agent.id)}`;
}

export function agentDescription(agent: Agent): string {
  const email = agent.email ? plainText(agent.email, 120) : '';
  const role = agent.role ? plainText(agent.role, 60) : '';
  return email && role ? `${email} · ${role}` : email || role;
}

/** `scope` distinguishes the same agent shown under several departments. */
export function agentNodeId(agent: Agent, scope = ''): string {
  // encoded: an ID containing "/" must not collide with another node's id (VS Code rejects duplicates)
  return `${agent.connectionId}/${scope}agent/${idPart(agent.id)}`;
}

export function agentContextValue(agent: Agent): string {
  return `chatdesk:agent:${agent.platform}${agent.email ? ':email' : ''}`;
}

export function presentAgent(agent: Agent, scope = ''): NodePresentation {
  return {
    id: agentNodeId(agent, scope),
    label: agentLabel(agent),
    description: agentDescription(agent),
    icon: agentIcon(agent.status),
    contextValue: agentContextValue(agent),
  };
}

/**
 * Markdown for the agent's tooltip (theme icons on): every value through escapeMarkdown; our own status icon, the
 * tree's, before the status line and never inside data.
 */
export function agentTooltip(agent: Agent): string {
  const md = (text: string, max?: number) => escapeMarkdown(text, { max });
  const lines = [`**${md(agentLabel(agent), 200)}**`];
  const availability = agent.available === true ? ` · ${md(t('available for chats'))}` : agent.available === false ? ` · ${md(t('not taking chats'))}` : '';
  lines.push(`${markdownIcon((STATUS_ICONS[agent.status] ?? STATUS_ICONS.unknown).id)} ${md(t('Status'))}: ${md(agent.status === 'unknown' ? t('not reported') : statusText(agent.status))}${availability}`);
  if (agent.email) lines.push(`${md(t('E-mail'))}: ${md(agent.email, 200)}`);
  if (agent.role) lines.push(`${md(t('Role'))}: ${md(agent.role, 100)}`);
  if (agent.departments.length) {
    lines.push(`${md(t('Departments'))}: ${agent.departments.slice(0, 10).map((d) => md(d.name || d.id, 100)).join(', ')}${agent.departments.length > 10 ? ' …' : ''}`);
  }
  lines.push(`${md(t('ID'))}: ${md(agent.id, 200)}`);
  return lines.join('  \n');
}
