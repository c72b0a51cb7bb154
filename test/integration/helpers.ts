// Shared helpers for the tests inside the extension host.
import * as vscode from 'vscode';
import type { ChatdeskTestApi } from '../../src/testApi';

export const EXTENSION_ID = 'chatdesk.chatdesk';

export async function activateChatdesk(): Promise<ChatdeskTestApi> {
  const ext = vscode.extensions.getExtension<ChatdeskTestApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded in this host`);
  const api = await ext.activate();
  if (!api || typeof api !== 'object' || !('store' in api)) {
    throw new Error('activate() did not return the ChatdeskTestApi (src/testApi.ts)');
  }
  return api;
}

/** Polls `probe` until it returns a truthy value (returned) or `timeoutMs` passes (throws with `what`). */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `; last error: ${last instanceof Error ? last.message : String(last)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export interface NodeInfo {
  node: unknown;
  item: vscode.TreeItem;
  label: string;
  contextValue: string;
  depth: number;
}

function labelOf(item: vscode.TreeItem): string {
  const l = item.label;
  return typeof l === 'string' ? l : l?.label ?? '';
}

/** Every node below `root` (or the roots), depth first, as the tree provider gives it. */
export async function walkTree(provider: vscode.TreeDataProvider<unknown>, root?: unknown, depth = 0): Promise<NodeInfo[]> {
  const out: NodeInfo[] = [];
  const children = (await provider.getChildren(root)) ?? [];
  for (const node of children) {
    const item = await provider.getTreeItem(node);
    out.push({ node, item, label: labelOf(item), contextValue: item.contextValue ?? '', depth });
    out.push(...await walkTree(provider, node, depth + 1));
  }
  return out;
}

/** Polls the tree until `done(nodes)` holds and nothing is loading; returns the nodes. */
export async function waitForTree(what: string, provider: vscode.TreeDataProvider<unknown>, done: (nodes: NodeInfo[]) => boolean, timeoutMs = 30000): Promise<NodeInfo[]> {
  let last: NodeInfo[] = [];
  try {
    return await waitFor(what, async () => {
      last = await walkTree(provider);
      const loading = last.some((n) => /loading/.test(n.contextValue));
      return !loading && done(last) ? last : undefined;
    }, timeoutMs, 200);
  } catch (e) {
    const shown = last.slice(0, 30).map((n) => `${'  '.repeat(n.depth)}${n.label} [${n.contextValue}]`).join('\n');
    throw new Error(`${e instanceof Error ? e.message : String(e)}\ntree was:\n${shown}`);
  }
}

/** Open editor tabs with their labels and webview view types. */
export function tabs(): { label: string; viewType?: string }[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => ({
    label: t.label,
    viewType: t.input instanceof vscode.TabInputWebview ? t.input.viewType : undefined,
  }));
}
