// The one place where the code features escape data (names, e-mails, roles, departments, connection names, IDs) for
// Markdown: the project-wide rule for untrusted Markdown (src/text/markdown.ts), the same as every tree tooltip. The
// hover's MarkdownString is not trusted except for two Chatdesk commands and supports no HTML; this escaping keeps
// data from formatting, linking or adding an icon.
import { escapeMarkdown } from '../text/markdown';

/** `value` as one line of inert Markdown text, at most `max` characters. */
export function untrustedMarkdown(value: unknown, max = 200): string {
  return escapeMarkdown(value, { max });
}
