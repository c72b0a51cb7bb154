// The text of "list connections": which accounts exist, their platform and server, and the state of their lists.
// Pure, no vscode. Never a credential (the tools never read one) and never a server URL's user-info.
import type { Connection } from '../api/model';
import type { ListState } from '../store/listState';
import { connectionRef, NO_CONNECTIONS, serverText } from './connectionText';
import { agentListText } from './listStateText';
import { quoteForModel } from './modelText';

export interface ConnectionEntry {
  connection: Connection;
  agents: ListState;
  /** The offline messages' state; undefined when the connection has none (not REVE Chat, or no superadmin login). */
  offline?: ListState;
}

function offlineText(e: ConnectionEntry, now: number): string {
  const c = e.connection;
  if (!e.offline) {
    return c.platform === 'revechat'
      ? 'not available: this REVE Chat connection has no superadmin e-mail and password, which the offline-messages API needs ("Chatdesk: Edit Connection…" adds them)'
      : 'not available: this platform has no API that lists offline messages';
  }
  if (e.offline.status === 'idle') return 'available, not loaded yet (the offline messages tool, #chatdeskOfflineMessages, loads them after the user confirms)';
  return agentListText(e.offline, now, 'messages');
}

/** The result of "list connections". */
export function connectionsResult(entries: readonly ConnectionEntry[], now: number): string {
  if (entries.length === 0) return NO_CONNECTIONS;
  const out = [
    `Chatdesk connections: ${entries.length} (read-only; Chatdesk never shows credentials). Names are the user's own text, quoted.`,
    '',
  ];
  entries.forEach((e, i) => {
    const c = e.connection;
    const account = c.platform === 'revechat' && c.accountId ? `, account ID ${quoteForModel(c.accountId)}` : '';
    out.push(`${i + 1}. ${connectionRef(c)}, server ${serverText(c.baseUrl)}${account}`);
    out.push(`   agents: ${agentListText(e.agents, now)}`);
    out.push(`   offline messages: ${offlineText(e, now)}`);
  });
  return out.join('\n');
}
