// The document shell every detail panel shares: a strict CSP with a per-render nonce, our stylesheets,
// our one script. Pure: the host passes in the nonce, the webview's CSP source and the resource URIs.
import type { PanelRestoreState } from '../restoreState';
import { escapeHtml } from './escape';

export interface PageContext {
  /** A fresh random value per render (see createNonce). */
  nonce: string;
  /** `webview.cspSource`. */
  cspSource: string;
  /** Stylesheet URIs (`webview.asWebviewUri`), in order. */
  styleUris: readonly string[];
  /** The panel script's URI. */
  scriptUri: string;
  /** `vscode.env.language`, for dates and the document language. */
  locale: string;
  /** IANA time zone for dates; the system's when absent. */
  timeZone?: string;
}

export interface PageContent {
  /** Plain text; escaped here. */
  title: string;
  /** Trusted HTML built by this module's siblings from escaped parts. */
  body: string;
  /** A class name from our own fixed set (never data). */
  bodyClass?: string;
  /** What the page saves in its webview state for a restore after a window reload (ids only). */
  restore?: PanelRestoreState;
}

const NONCE_RE = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;
const CLASS_RE = /^[a-z][a-z0-9-]*$/;

// 'self', or a host source (https://*.vscode-cdn.net); no keywords like 'unsafe-inline', no bare schemes (data:), no separators.
const SOURCE_RE = /^(?:'self'|[a-z][a-z0-9+.-]*:\/\/[^\s;,']+|[^\s;,':]+\.[^\s;,']+)$/i;

/** `webview.cspSource`, reduced to the source expressions it is meant to contain. */
function cspSources(cspSource: string): string {
  const sources = cspSource.split(/[\s;,]+/).filter((s) => SOURCE_RE.test(s) && s !== '*');
  return sources.length ? sources.join(' ') : "'none'";
}

/** The Content-Security-Policy for a page: nothing but our own styles, fonts, images and nonce'd script. */
export function contentSecurityPolicy(ctx: Pick<PageContext, 'nonce' | 'cspSource'>): string {
  if (!NONCE_RE.test(ctx.nonce)) throw new Error('Invalid CSP nonce');
  const src = cspSources(ctx.cspSource);
  return [
    "default-src 'none'",
    `style-src ${src}`,
    `font-src ${src}`,
    `img-src ${src}`,
    `script-src 'nonce-${ctx.nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The whole document. */
export function renderPage(ctx: PageContext, content: PageContent): string {
  const csp = contentSecurityPolicy(ctx);
  const bodyClass = content.bodyClass && CLASS_RE.test(content.bodyClass) ? ` class="${content.bodyClass}"` : '';
  const restore = content.restore ? ` data-restore="${escapeHtml(JSON.stringify(content.restore))}"` : '';
  const styles = ctx.styleUris.map((u) => `<link rel="stylesheet" href="${escapeHtml(u)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(ctx.locale)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
<title>${escapeHtml(content.title)}</title>
</head>
<body${bodyClass}${restore}>
${content.body}
<script nonce="${escapeHtml(ctx.nonce)}" src="${escapeHtml(ctx.scriptUri)}"></script>
</body>
</html>`;
}
