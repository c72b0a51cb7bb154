// How tool results name a connection and its server, and say what to do when there is none. No vscode.
// Never a credential (tools never read them) and never a URL's user-info, query or fragment.
import { platformName, type Connection } from '../api/model';
import { quoteCapped } from './modelText';

/** `"Support (EU)" (id "c-12", Rocket.Chat)`: the name and id are the user's text, so they are quoted. */
export function connectionRef(c: Connection): string {
  return `${quoteCapped(c.label, 120)} (id ${quoteCapped(c.id, 100)}, ${platformName(c.platform)})`;
}

/**
 * The server of a connection without user-info, query or fragment: `https://chat.example.com/support`; for a URL
 * that does not parse, only its scheme and host as far as they can be told, never the rest.
 */
export function serverText(baseUrl: string): string {
  try {
    const u = new URL(baseUrl);
    const path = u.pathname.replace(/\/+$/, '');
    return quoteCapped(`${u.protocol}//${u.host}${path}`, 200);
  } catch {
    return '(a server URL Chatdesk cannot read)';
  }
}

/** What every tool says when there is no connection yet. */
export const NO_CONNECTIONS = [
  'Chatdesk has no connections yet, so there are no agents or offline messages to read.',
  'The user can add one with the command "Chatdesk: Add Connection…" (REVE Chat, Rocket.Chat or HelpCrunch; it asks',
  'for the server and the key or token and checks them), or try Chatdesk with "Chatdesk: Try Demo", which adds three',
  'demo connections with made-up data.',
].join('\n');

/** The connections an unknown or ambiguous name could have meant, for the model to ask or retry with. */
export function connectionChoices(connections: readonly Connection[], max = MAX_CHOICES): string {
  if (!connections.length) return '(none)';
  const lines = connections.slice(0, max).map((c) => `- ${connectionRef(c)}`);
  if (connections.length > max) lines.push(`- … and ${connections.length - max} more (the list connections tool, #chatdeskConnections, lists them all)`);
  return lines.join('\n');
}

/** Most connections one answer names as choices. */
const MAX_CHOICES = 30;
