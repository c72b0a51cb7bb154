// Translation for modules that must not import vscode (pure presentation builders, validation).
// The extension installs vscode.l10n.t at activation; unit tests get the plain `{0}` formatter.

export type Translate = (message: string, ...args: (string | number | boolean)[]) => string;

const format: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));

let current: Translate = format;

export function setTranslator(fn: Translate): void {
  current = fn;
}

/** Translates `message` (a vscode.l10n.t key) and fills `{0}`, `{1}`, … */
export function t(message: string, ...args: (string | number | boolean)[]): string {
  return current(message, ...args);
}
