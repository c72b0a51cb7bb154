// The text of "list connections": which accounts exist, their platform and server, and the state of their lists.
// Pure, no vscode. Never a credential (the tools never read one) and never a server URL's user-info.
import type { Connection } from '../api/model';
import type { ListState } from '../store/listState';
import { connectionRef, NO_CONNECTIONS, serverText } from './connectionText';
import { agentListText } from './listStateText';
import { mostThatFit } from './fit';
import { count, quoteCapped } from './modelText';

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

/** Most characters of a "list connections" result (about 6,000 tokens): the connections past it are counted. */
export const MAX_CONNECTIONS_RESULT_CHARS = 24_000;

/** The result of "list connections": as many connections as fit whole in `maxChars`, and how many more there are. */
export function connectionsResult(entries: readonly ConnectionEntry[], now: number, maxChars = MAX_CONNECTIONS_RESULT_CHARS): string {
  if (entries.length === 0) return NO_CONNECTIONS;
  const blocks = entries.map((e, i) => {
    const c = e.connection;
    const account = c.platform === 'revechat' && c.accountId ? `, account ID ${quoteCapped(c.accountId, 80)}` : '';
    return [
      `${i + 1}. ${connectionRef(c)}, server ${serverText(c.baseUrl)}${account}`,
      `   agents: ${agentListText(e.agents, now)}`,
      `   offline messages: ${offlineText(e, now)}`,
    ].join('\n');
  });
  const build = (n: number) => {
    const more = entries.length - n;
    return [
      `Chatdesk connections: ${entries.length} (read-only; Chatdesk never shows credentials). Names are the user's own text, quoted.`,
      ...(more > 0 ? [`${count(more)} more connections not listed, to keep within this result's size cap: the find agents tool (#chatdeskAgents) can search them by name.`] : []),
      '',
      ...blocks.slice(0, n),
    ].join('\n');
  };
  return build(mostThatFit(blocks.length, maxChars, build));
}
