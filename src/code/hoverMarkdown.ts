// The Markdown of the hover over an agent ID or e-mail in code: who the agent is on every connection that knows the
// ID, how old the data is when it came from the cache, and links to Open Details and Copy ID. Pure, no vscode.
// Every piece of data goes through untrustedMarkdown(); the only links are the two command links built here.
import { platformName } from '../api/model';
import type { DirectoryMatch } from '../store/directory';
import { t } from '../util/l10n';
import { relativeTime } from '../util/relativeTime';
import { statusText } from '../views/presentation/agent';
import { plainText } from '../views/presentation/text';
import { agentCommandUri } from './agentRef';
import { untrustedMarkdown as md } from './untrustedMarkdown';

/** At most this many agents in one hover (an ID known on more connections says how many more). */
export const MAX_HOVER_MATCHES = 5;
const MAX_DEPARTMENTS = 8;

function availability(available: boolean | undefined): string {
  if (available === true) return ` · ${md(t('available for chats'))}`;
  if (available === false) return ` · ${md(t('not taking chats'))}`;
  return '';
}

function oneAgent(m: DirectoryMatch, now: number): string {
  const a = m.agent;
  const lines: string[] = [];
  // a name can be empty once cleaned (only control characters): then the e-mail, the ID, or a placeholder
  const name = md(a.name) || md(a.email) || md(a.id) || md(t('(no name)'));
  lines.push(`**${name}** · ${md(statusText(a.status))}${availability(a.available)}`);
  const facts: string[] = [];
  if (a.email) facts.push(`${md(t('E-mail'))}: ${md(a.email)}`);
  if (a.role) facts.push(`${md(t('Role'))}: ${md(a.role, 100)}`);
  if (facts.length) lines.push(facts.join(' · '));
  if (a.departments.length) {
    const shown = a.departments.slice(0, MAX_DEPARTMENTS).map((d) => md(d.name || d.id, 80)).join(', ');
    lines.push(`${md(t('Departments'))}: ${shown}${a.departments.length > MAX_DEPARTMENTS ? ` ${md(t('and {0} more', a.departments.length - MAX_DEPARTMENTS))}` : ''}`);
  }
  const where = [md(platformName(m.connection.platform)), md(m.connection.label, 100), `${md(t('ID'))} ${md(a.id)}`];
  if (m.state.cached && m.state.loadedAt !== undefined) where.push(md(t('cached {0}', relativeTime(m.state.loadedAt, now))));
  else if (m.state.status === 'error') where.push(md(t('the last refresh failed')));
  lines.push(where.join(' · '));
  const ref = { connectionId: m.connection.id, agentId: a.id };
  lines.push(`[${md(t('Open Details'))}](${agentCommandUri('chatdesk.openAgent', ref)}) · [${md(t('Copy ID'))}](${agentCommandUri('chatdesk.copyAgentId', ref)})`);
  return lines.join('  \n');
}

/**
 * Markdown for a hover over `matches` (the agents with this ID or e-mail, in connection order). `now`: epoch ms for
 * the cache's age. Empty string for no match.
 */
export function agentHoverMarkdown(matches: readonly DirectoryMatch[], now = Date.now()): string {
  if (!matches.length) return '';
  const parts = matches.slice(0, MAX_HOVER_MATCHES).map((m) => oneAgent(m, now));
  if (matches.length > MAX_HOVER_MATCHES) parts.push(md(t('… and {0} more connections', matches.length - MAX_HOVER_MATCHES)));
  return parts.join('\n\n---\n\n');
}

/** The text of a stale-ID diagnostic: "4188 is not an agent of Acme Support (HelpCrunch)". Plain text, one line. */
export function staleIdMessage(id: string, connections: readonly { label: string; platform: string }[], cachedAt?: number, now: number = Date.now()): string {
  const names = connections.map((c) => `${plainText(c.label, 100)} (${platformName(c.platform)})`);
  const shown = plainText(id, 60);
  const text = names.length <= 1
    ? t('{0} is not an agent of {1}', shown, names[0] ?? '')
    : t('{0} is not an agent of {1} or {2}', shown, names.slice(0, -1).join(', '), names[names.length - 1]);
  // from a list an earlier session saved: say how old it is
  return cachedAt === undefined ? text : t('{0}, as of the list cached {1}', text, relativeTime(cachedAt, now));
}
