// The one place where the code features escape data (names, e-mails, roles, departments, connection names, IDs) for
// Markdown. Every hover goes through here, so that switching to the project-wide untrusted-Markdown function
// (issue 10) is a change of this one line. The hover's MarkdownString is not trusted except for two Chatdesk
// commands, supports no HTML and no theme icons; this escaping keeps data from formatting, linking or adding one.
import { escapeMarkdown } from '../views/presentation/text';

/** `value` as one line of inert Markdown text, at most `max` characters. */
export function untrustedMarkdown(value: unknown, max = 200): string {
  return escapeMarkdown(value, max);
}
