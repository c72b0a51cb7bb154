// A panel that shows a notice instead of an item: a panel VS Code restored after a window reload while its item
// loads, or whose item Chatdesk cannot show any more (its connection was removed, the agent left the account).
// Pure; every value escaped.
import { escapeHtml } from './escape';
import type { PageContext } from './page';
import { renderPage } from './page';

export function noticeHtml(title: string, reason: string, ctx: PageContext): string {
  const body = `<main class="panel notice">
<header class="panel-header"><h1>${escapeHtml(title)}</h1></header>
<p class="muted" dir="auto">${escapeHtml(reason)}</p>
</main>`;
  return renderPage(ctx, { title, body, bodyClass: 'notice-panel' });
}
