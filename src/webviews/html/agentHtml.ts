// The agent detail panel's HTML. Pure: data in, a document string out; every data value escaped.
import type { Agent, AgentStatus, Connection } from '../../api/model';
import { isDateTime } from '../../util/dateRange';
import { t } from '../../util/l10n';
import { escapeHtml } from './escape';
import type { PageContext } from './page';
import { renderPage } from './page';
import {
  copyButtonHtml, dateFormatter, fieldsHtml, platformName, rawJsonHtml, textHtml, timeHtml,
} from './parts';

export type ConnectionInfo = Pick<Connection, 'label' | 'platform'> & Partial<Pick<Connection, 'id'>>;

const STATUSES: readonly AgentStatus[] = ['online', 'away', 'busy', 'offline', 'unknown'];

/** A status from the fixed set (anything else is 'unknown'), safe to use as a class name. */
export function knownStatus(status: unknown): AgentStatus {
  return (STATUSES as readonly unknown[]).includes(status) ? (status as AgentStatus) : 'unknown';
}

export function statusLabel(status: AgentStatus): string {
  switch (status) {
    case 'online': return t('Online');
    case 'away': return t('Away');
    case 'busy': return t('Busy');
    case 'offline': return t('Offline');
    default: return t('Unknown');
  }
}

function statusHtml(status: AgentStatus): string {
  return `<span class="status"><span class="status-dot status-${status}" aria-hidden="true"></span>${escapeHtml(statusLabel(status))}</span>`;
}

function availableHtml(available: boolean | undefined): string {
  if (available === undefined) return `<span class="muted">${escapeHtml(t('Not reported'))}</span>`;
  return escapeHtml(available ? t('Yes') : t('No'));
}

function departmentsHtml(departments: Agent['departments']): string {
  if (!departments.length) return `<span class="muted">${escapeHtml(t('None'))}</span>`;
  const items = departments.map((d) =>
    `<li>${textHtml(d.name, t('(no name)'))} <span class="muted">(<span class="value" dir="auto">${escapeHtml(d.id)}</span>)</span></li>`);
  return `<ul class="departments">${items.join('')}</ul>`;
}

/** The title of the agent's tab and document (plain text). */
export function agentTitle(agent: Pick<Agent, 'name' | 'id'>): string {
  return t('Agent: {0}', agent.name || agent.id);
}

/**
 * The agent's page. `cachedAt` (epoch ms): the agent comes from the list an earlier session saved then, which the
 * page says (with the time) until a fresh list replaces it.
 */
export function agentHtml(agent: Agent, connection: ConnectionInfo, ctx: PageContext, cachedAt?: number): string {
  const status = knownStatus(agent.status);
  const format = dateFormatter(ctx.locale, ctx.timeZone);
  const cachedNote = !isDateTime(cachedAt) ? ''
    : `<p class="muted cached-note">${escapeHtml(t('From the agent list saved {0}; this page updates when the fresh list arrives.', format(cachedAt)))}</p>\n`;
  const actions = [
    copyButtonHtml('id', t('Copy agent ID'), true),
    agent.email ? copyButtonHtml('email', t('Copy e-mail'), true) : '',
    copyButtonHtml('json', t('Copy as JSON'), true),
  ].join('');
  const fields = fieldsHtml([
    { label: t('ID'), html: `<code class="value">${escapeHtml(agent.id)}</code>${copyButtonHtml('id', t('Copy agent ID'))}` },
    { label: t('E-mail'), html: agent.email ? `${textHtml(agent.email)}${copyButtonHtml('email', t('Copy e-mail'))}` : textHtml(undefined) },
    { label: t('Role'), html: textHtml(agent.role) },
    { label: t('Status'), html: statusHtml(status) },
    { label: t('Available'), html: availableHtml(agent.available) },
    { label: t('Departments'), html: departmentsHtml(agent.departments) },
    { label: t('Platform'), html: escapeHtml(platformName(connection.platform)) },
    { label: t('Connection'), html: textHtml(connection.label) },
    { label: t('Last login'), html: timeHtml(agent.lastLoginAt, format) },
    { label: t('Created'), html: timeHtml(agent.createdAt, format) },
  ]);
  const body = `<main class="panel agent">
<header class="panel-header">
<span class="status-dot status-${status}" role="img" aria-label="${escapeHtml(statusLabel(status))}" title="${escapeHtml(statusLabel(status))}"></span>
<h1>${textHtml(agent.name, t('(no name)'))}</h1>
</header>
<div class="actions">${actions}</div>
${cachedNote}${fields}
${agent.raw === undefined ? `<p class="muted raw-missing">${escapeHtml(t('Raw JSON: not kept in Chatdesk\'s cache of this agent; it is shown again after the next refresh.'))}</p>` : rawJsonHtml(agent.raw)}
</main>`;
  return renderPage(ctx, { title: agentTitle(agent), body, bodyClass: 'agent-panel', restore: { kind: 'agent', connectionId: agent.connectionId, id: agent.id } });
}
