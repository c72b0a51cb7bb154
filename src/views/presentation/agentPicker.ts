// The agent picker's title (Find Agent…, Insert Agent ID…, Replace with an agent…): how many agents it searches, what
// is loading or failed, and, when the list shown is capped, how many more matched. Pure.
import { t } from '../../util/l10n';
import { formatCount } from './text';

export interface AgentPickerStatus {
  /** The picker's own title ("Find Agent"). */
  title: string;
  /** Agents searched. */
  agents: number;
  loading: number;
  failed: number;
  cached: number;
  /** Items shown (at most the search's cap). */
  shown: number;
  /** Agents that match what is typed, shown or not. */
  matched: number;
  /** What the agents are limited to, when not every connection ("Rocket.Chat"). */
  scope?: string;
}

/**
 * "Find Agent (50,000 agents) · 1,234 more match — type to narrow": the quick pick shows at most the search's cap,
 * so the title says how many matched beyond it. The title is the one line VS Code always shows whole.
 */
export function agentPickerTitle(s: AgentPickerStatus): string {
  const n = formatCount(s.agents);
  const what = s.scope ? t('{0} agents of {1}', n, s.scope) : t('{0} agents', n);
  let text = s.failed
    ? t('{0} ({1}; {2} connection(s) failed, see the Agents view)', s.title, what, s.failed)
    : s.loading ? t('{0} ({1}, loading…)', s.title, what) : t('{0} ({1})', s.title, what);
  if (s.cached && !s.loading) text += ` · ${t('some from the cache')}`;
  const more = s.matched - s.shown;
  if (more > 0) text += ` · ${t('{0} more match — type to narrow', formatCount(more))}`;
  return text;
}
