// Webview options and resource locations for the detail panels. No run-time vscode import: URIs are derived
// with `Uri.with`, so tests can assert the options with a stand-in URI.
import type * as vscode from 'vscode';

export const VIEW_TYPES = { agent: 'chatdesk.agent', offlineMessage: 'chatdesk.offlineMessage' } as const;
export type ViewType = (typeof VIEW_TYPES)[keyof typeof VIEW_TYPES];

/** The minimal URI surface we need (vscode.Uri has it). */
export interface UriLike<U> {
  readonly path: string;
  with(change: { path: string }): U;
}

function join<U extends UriLike<U>>(base: U, ...segments: string[]): U {
  return base.with({ path: [base.path.replace(/\/+$/, ''), ...segments].join('/') });
}

/** The only folders a panel may load from: the bundled webview media (script, codicons) and our CSS. */
export function resourceRoots<U extends UriLike<U>>(extensionUri: U): U[] {
  return [join(extensionUri, 'dist', 'media'), join(extensionUri, 'media')];
}

export function panelResources<U extends UriLike<U>>(extensionUri: U): { styles: U[]; script: U; icon: U } {
  return {
    styles: [join(extensionUri, 'dist', 'media', 'codicon.css'), join(extensionUri, 'media', 'panel.css')],
    script: join(extensionUri, 'dist', 'media', 'panel.js'),
    icon: join(extensionUri, 'media', 'icon.png'),
  };
}

/** Scripts on (ours, by nonce), command links and forms off, resources limited to our media folders. */
export function panelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableForms: false,
    retainContextWhenHidden: false,
    enableFindWidget: true,
    localResourceRoots: resourceRoots(extensionUri),
  };
}
