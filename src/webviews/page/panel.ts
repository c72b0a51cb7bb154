// Runs inside a detail panel's webview. It only ever tells the host WHICH field to copy; it never builds
// markup from data (the host renders the whole page) and never names a command.
import type { CopyField, PageMessage } from '../protocol';
import { isCopyField } from '../protocol';

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

function confirmCopied(button: HTMLElement): void {
  const icon = button.querySelector('.codicon');
  if (!icon) return;
  icon.classList.replace('codicon-copy', 'codicon-check');
  setTimeout(() => icon.classList.replace('codicon-check', 'codicon-copy'), CONFIRM_MS);
}

document.addEventListener('click', (event) => {
  const hit = copyFieldOf(event.target);
  if (!hit) return;
  event.preventDefault();
  api.postMessage({ type: 'copy', field: hit.field });
  confirmCopied(hit.button);
});

// Keep the raw JSON section open or closed across the page being re-created (the panel is not retained).
interface PanelState { rawOpen?: boolean }
const raw = document.querySelector<HTMLDetailsElement>('details.raw');
if (raw) {
  const state = api.getState() as PanelState | undefined;
  if (typeof state?.rawOpen === 'boolean') raw.open = state.rawOpen;
  raw.addEventListener('toggle', () => api.setState({ rawOpen: raw.open } satisfies PanelState));
}

api.postMessage({ type: 'ready' });
