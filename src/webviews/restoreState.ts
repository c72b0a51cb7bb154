// What a detail panel keeps in its webview state so that VS Code can restore it after a window reload: which item of
// which connection it shows, never a credential and never the item's data (the data comes back from the store, the
// cache or the server). Shared by the host (which validates what it gets back) and the page script.

export interface PanelRestoreState {
  kind: 'agent' | 'offlineMessage';
  connectionId: string;
  /** The agent's or the message's own ID. */
  id: string;
}

const MAX_ID = 512;

function isId(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_ID;
}

/**
 * The restore state in a webview's saved state (`{ restore: {...} }`, as the page script saves it), or undefined
 * for anything else: the state comes back from the webview, so it is checked like any outside input.
 */
export function parseRestoreState(state: unknown): PanelRestoreState | undefined {
  const r = (state as { restore?: unknown } | null | undefined)?.restore as Partial<PanelRestoreState> | undefined;
  if (!r || typeof r !== 'object') return undefined;
  if (r.kind !== 'agent' && r.kind !== 'offlineMessage') return undefined;
  if (!isId(r.connectionId) || !isId(r.id)) return undefined;
  return { kind: r.kind, connectionId: r.connectionId, id: r.id };
}
