// Helpers of the hardening integration tests (not a test file itself): everything the user can see of the
// extension, collected as text; recording of notifications, status bar messages and quick picks; and a
// prompter that types like a person (a wrong value, reads the message, types again, or gives up).
import * as vscode from 'vscode';
import { BACK, type Back, type InputStep, type PickStep, type Prompter } from '../../src/connections/prompter';
import type { ChatdeskTestApi } from '../../src/testApi';
import { walkTree, type NodeInfo } from './helpers';

/** What `vscode.window` was asked to show while installed. */
export class WindowRecorder {
  readonly messages: string[] = [];
  readonly statusBar: string[] = [];
  readonly quickPicks: { items: vscode.QuickPickItem[]; title?: string }[] = [];
  readonly createdQuickPicks: vscode.QuickPick<vscode.QuickPickItem>[] = [];
  private readonly restore: (() => void)[] = [];
  /** When set, showQuickPick answers with this (default: cancel). */
  answerQuickPick: ((items: vscode.QuickPickItem[]) => vscode.QuickPickItem | undefined) | undefined;

  install(): void {
    const win = vscode.window as unknown as Record<string, (...a: unknown[]) => unknown>;
    const wrap = (name: string, replacement: (original: (...a: unknown[]) => unknown) => (...a: unknown[]) => unknown) => {
      const original = win[name];
      win[name] = replacement(original);
      this.restore.push(() => { win[name] = original; });
      if (win[name] === original) throw new Error(`could not wrap vscode.window.${name}`);
    };
    for (const name of ['showErrorMessage', 'showWarningMessage', 'showInformationMessage']) {
      wrap(name, (original) => (...a: unknown[]) => {
        this.messages.push(String(a[0]));
        const options = a[1] as { modal?: boolean; detail?: string } | undefined;
        if (options && typeof options === 'object' && options.detail) this.messages.push(options.detail);
        // never leave a modal open in a test
        return options && typeof options === 'object' && options.modal ? Promise.resolve(undefined) : original.apply(vscode.window, a);
      });
    }
    wrap('setStatusBarMessage', (original) => (...a: unknown[]) => { this.statusBar.push(String(a[0])); return original.apply(vscode.window, a); });
    wrap('showQuickPick', () => async (...a: unknown[]) => {
      const items = (await Promise.resolve(a[0] as vscode.QuickPickItem[] | Thenable<vscode.QuickPickItem[]>)) ?? [];
      this.quickPicks.push({ items: [...items], title: (a[1] as vscode.QuickPickOptions | undefined)?.title });
      return this.answerQuickPick?.(items);
    });
    wrap('createQuickPick', (original) => (...a: unknown[]) => {
      const qp = original.apply(vscode.window, a) as vscode.QuickPick<vscode.QuickPickItem>;
      this.createdQuickPicks.push(qp);
      return qp;
    });
  }

  uninstall(): void {
    for (const r of this.restore.splice(0).reverse()) r();
  }
}

/** Every label, description, tooltip, id and contextValue of both trees, with tooltips resolved as on hover. */
export async function treeTexts(api: ChatdeskTestApi): Promise<{ nodes: NodeInfo[]; texts: string[] }> {
  const nodes: NodeInfo[] = [];
  const texts: string[] = [];
  for (const provider of [api.agentsTree, api.offlineTree]) {
    for (const n of await walkTree(provider)) {
      nodes.push(n);
      const resolved = provider.resolveTreeItem ? await provider.resolveTreeItem(n.item, n.node, new vscode.CancellationTokenSource().token) : n.item;
      const item = resolved ?? n.item;
      const tooltip = item.tooltip;
      texts.push(n.label, String(item.description ?? ''), String(item.id ?? ''), item.contextValue ?? '',
        typeof tooltip === 'string' ? tooltip : tooltip?.value ?? '', JSON.stringify(item.command?.arguments?.map((x) => (typeof x === 'string' ? x : '')) ?? []));
    }
  }
  return { nodes, texts };
}

/** The tooltip of a node, resolved as on hover. */
export async function tooltipOf(provider: vscode.TreeDataProvider<unknown>, n: NodeInfo): Promise<vscode.MarkdownString | string | undefined> {
  const item = provider.resolveTreeItem ? await provider.resolveTreeItem(n.item, n.node, new vscode.CancellationTokenSource().token) : n.item;
  return (item ?? n.item).tooltip;
}

export const CANCEL = Symbol('cancel');
export type Typed = string | typeof CANCEL | typeof BACK;

export interface TypedStep {
  field: string;
  /** initialMessage of the step (why verification failed). */
  message?: string;
  /** What validation said about each value typed, in order. */
  validations: (string | undefined)[];
}

/**
 * Types like a person: for each field, the values in order. A value that validation rejects is recorded
 * (with the message shown) and the next one is typed; CANCEL presses Escape; when the list is used up, the
 * step is accepted as it is (its pre-filled value).
 */
export class TypingPrompter implements Prompter {
  readonly steps: TypedStep[] = [];
  readonly verifications: string[] = [];
  private readonly queues: Map<string, Typed[]>;

  constructor(private readonly platform: string | undefined, answers: Record<string, Typed[]>, private readonly maxSteps = 30) {
    this.queues = new Map(Object.entries(answers).map(([k, v]) => [k, [...v]]));
  }

  async pick<T>(step: PickStep<T>): Promise<T | Back | undefined> {
    const item = step.items.find((i) => String(i.value) === this.platform);
    return item?.value;
  }

  async input(step: InputStep): Promise<string | Back | undefined> {
    if (this.steps.length >= this.maxSteps) throw new Error(`more than ${this.maxSteps} steps: ${JSON.stringify(this.steps)}`);
    const seen: TypedStep = { field: step.field, message: step.initialMessage?.message, validations: [] };
    this.steps.push(seen);
    const queue = this.queues.get(step.field) ?? [];
    for (;;) {
      const next = queue.shift();
      if (next === undefined) return step.value ?? '';
      if (next === CANCEL) return undefined;
      if (next === BACK) return BACK;
      const m = step.validate?.(next);
      seen.validations.push(m?.message);
      if (m?.severity !== 'error') return next;
    }
  }

  async confirm(): Promise<boolean> {
    return true;
  }

  async progress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.verifications.push(title);
    return task(new AbortController().signal);
  }

  messages(): string[] {
    return this.steps.flatMap((s) => [s.message, ...s.validations]).filter((m): m is string => !!m);
  }
}
