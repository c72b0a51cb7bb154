// Prompter over VS Code's quick input (createQuickPick / createInputBox) with step x of n and Back.
import * as vscode from 'vscode';
import { BACK, type Back, type InputStep, type PickStep, type Prompter, type ValidationMessage } from './prompter';

function toVscodeMessage(m: ValidationMessage | undefined): vscode.InputBoxValidationMessage | undefined {
  if (!m) return undefined;
  const severity = m.severity === 'error'
    ? vscode.InputBoxValidationSeverity.Error
    : m.severity === 'warning' ? vscode.InputBoxValidationSeverity.Warning : vscode.InputBoxValidationSeverity.Info;
  return { message: m.message, severity };
}

export class QuickInputPrompter implements Prompter {
  pick<T>(step: PickStep<T>): Promise<T | Back | undefined> {
    return new Promise((resolve) => {
      const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { value: T }>();
      const disposables: vscode.Disposable[] = [qp];
      let done = false;
      const finish = (v: T | Back | undefined) => {
        if (done) return;
        done = true;
        resolve(v);
        disposables.forEach((d) => d.dispose());
      };
      qp.title = step.title;
      qp.step = step.step;
      qp.totalSteps = step.totalSteps;
      qp.placeholder = step.placeholder;
      qp.ignoreFocusOut = true;
      qp.buttons = step.canGoBack ? [vscode.QuickInputButtons.Back] : [];
      qp.items = step.items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, value: i.value }));
      const active = qp.items.find((i) => i.value === step.active);
      if (active) qp.activeItems = [active];
      disposables.push(
        qp.onDidTriggerButton((b) => { if (b === vscode.QuickInputButtons.Back) finish(BACK); }),
        qp.onDidAccept(() => { const s = qp.selectedItems[0]; if (s) finish(s.value); }),
        qp.onDidHide(() => finish(undefined)),
      );
      qp.show();
    });
  }

  input(step: InputStep): Promise<string | Back | undefined> {
    return new Promise((resolve) => {
      const box = vscode.window.createInputBox();
      const disposables: vscode.Disposable[] = [box];
      let done = false;
      const finish = (v: string | Back | undefined) => {
        if (done) return;
        done = true;
        resolve(v);
        disposables.forEach((d) => d.dispose());
      };
      box.title = step.title;
      box.step = step.step;
      box.totalSteps = step.totalSteps;
      box.prompt = step.prompt;
      box.placeholder = step.placeholder;
      box.value = step.value ?? '';
      box.password = !!step.password;
      box.ignoreFocusOut = true;
      box.buttons = step.canGoBack ? [vscode.QuickInputButtons.Back] : [];
      box.validationMessage = toVscodeMessage(step.initialMessage ?? (box.value ? step.validate?.(box.value) : undefined));
      disposables.push(
        box.onDidTriggerButton((b) => { if (b === vscode.QuickInputButtons.Back) finish(BACK); }),
        box.onDidChangeValue((v) => { box.validationMessage = toVscodeMessage(step.validate?.(v)); }),
        box.onDidAccept(() => {
          const m = step.validate?.(box.value);
          box.validationMessage = toVscodeMessage(m);
          if (m?.severity !== 'error') finish(box.value);
        }),
        box.onDidHide(() => finish(undefined)),
      );
      box.show();
    });
  }

  async confirm(message: string, detail: string, action: string): Promise<boolean> {
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
    return choice === action;
  }

  progress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      (_p, token) => {
        const ac = new AbortController();
        const sub = token.onCancellationRequested(() => ac.abort());
        return task(ac.signal).finally(() => sub.dispose());
      },
    ));
  }
}
