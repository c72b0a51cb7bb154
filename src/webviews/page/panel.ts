// Runs inside a detail panel's webview. It only ever tells the host WHICH field to copy; it never builds
// markup from data (the host renders the whole page) and never names a command.
import type { CopyField, HostMessage, PageMessage } from '../protocol';
import { isCopyField } from '../protocol';
import { parseRestoreState } from '../restoreState';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
const CONFIRM_MS = 1500;

function copyFieldOf(target: EventTarget | null): { button: HTMLElement; field: CopyField } | undefined {
  if (!(target instanceof Element)) return undefined;
  const button = target.closest<HTMLElement>('button[data-copy]');
  const field = button?.dataset.copy;
  return button && isCopyField(field) ? { button, field } : undefined;
}

/** The buttons waiting for the host to say whether their copy worked. */
const pending = new Map<CopyField, HTMLElement[]>();

/** Shows a check (copied) or an error icon (the clipboard refused) on the button for a moment. */
function showCopyResult(button: HTMLElement, ok: boolean): void {
  const icon = button.querySelector('.codicon');
  if (!icon) return;
  const shown = ok ? 'codicon-check' : 'codicon-error';
  icon.classList.remove('codicon-check', 'codicon-error');
  icon.classList.replace('codicon-copy', shown);
  button.classList.toggle('copy-failed', !ok);
  setTimeout(() => { icon.classList.replace(shown, 'codicon-copy'); button.classList.remove('copy-failed'); }, CONFIRM_MS);
}

document.addEventListener('click', (event) => {
  const hit = copyFieldOf(event.target);
  if (!hit) return;
  event.preventDefault();
  pending.set(hit.field, [...(pending.get(hit.field) ?? []), hit.button]);
  api.postMessage({ type: 'copy', field: hit.field });
});

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const m = event.data;
  if (!m || m.type !== 'copied' || !isCopyField(m.field)) return;
  const buttons = pending.get(m.field);
  const button = buttons?.shift();
  if (buttons && !buttons.length) pending.delete(m.field);
  if (button) showCopyResult(button, m.ok === true);
});

// The webview state: whether the raw JSON section is open (the panel is not retained, so the page is re-created
// when its tab comes back), and which item this is, for a restore after a window reload (ids only).
interface PanelState { rawOpen?: boolean; restore?: unknown }
let state: PanelState = { ...(api.getState() as PanelState | undefined) };
const saveState = (patch: PanelState) => { state = { ...state, ...patch }; api.setState(state); };
try {
  const restore = parseRestoreState({ restore: JSON.parse(document.body.dataset.restore ?? 'null') as unknown });
  if (restore) saveState({ restore });
} catch {
  // no restore data: the panel is simply not restored after a reload
}
const raw = document.querySelector<HTMLDetailsElement>('details.raw');
if (raw) {
  if (typeof state.rawOpen === 'boolean') raw.open = state.rawOpen;
  raw.addEventListener('toggle', () => saveState({ rawOpen: raw.open }));
}

api.postMessage({ type: 'ready' });
