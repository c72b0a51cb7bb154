// A Prompter that answers the connection flow's steps from a script, so the integration tests drive
// `chatdesk.addConnection` through the command's own code path (validation, verification, saving).
import { BACK, type Back, type InputStep, type PickStep, type Prompter } from '../../src/connections/prompter';

export interface SeenStep {
  kind: 'pick' | 'input' | 'confirm' | 'progress';
  field?: string;
  title: string;
  value?: string;
  /** initialMessage of an input step (e.g. why verification failed). */
  message?: string;
  /** What `validate` said about the answer given. */
  validation?: string;
}

/**
 * `answers[field]`: a string, or a list of strings used one after another each time the field is asked
 * (e.g. a wrong key first, the right one after verification failed). A field without an answer accepts
 * the pre-filled value. `pick` answers the platform step by value.
 */
export class ScriptedPrompter implements Prompter {
  readonly seen: SeenStep[] = [];
  private readonly asked = new Map<string, number>();

  constructor(private readonly platform: string, private readonly answers: Record<string, string | string[]>, private readonly maxSteps = 40) {}

  private guard(): void {
    if (this.seen.length > this.maxSteps) throw new Error(`the flow asked more than ${this.maxSteps} steps: ${JSON.stringify(this.seen)}`);
  }

  async pick<T>(step: PickStep<T>): Promise<T | Back | undefined> {
    this.seen.push({ kind: 'pick', title: step.title });
    this.guard();
    const item = step.items.find((i) => String(i.value) === this.platform);
    if (!item) throw new Error(`no item ${this.platform} in ${step.items.map((i) => String(i.value)).join(', ')}`);
    return item.value;
  }

  async input(step: InputStep): Promise<string | Back | undefined> {
    const n = this.asked.get(step.field) ?? 0;
    this.asked.set(step.field, n + 1);
    const scripted = this.answers[step.field];
    const answer = Array.isArray(scripted) ? scripted[Math.min(n, scripted.length - 1)] : scripted ?? step.value ?? '';
    const validation = step.validate?.(answer);
    this.seen.push({ kind: 'input', field: step.field, title: step.title, value: step.value, message: step.initialMessage?.message, validation: validation?.message });
    this.guard();
    if (validation?.severity === 'error') throw new Error(`scripted answer for "${step.field}" was rejected: ${validation.message}`);
    return answer;
  }

  async confirm(): Promise<boolean> {
    this.seen.push({ kind: 'confirm', title: 'confirm' });
    return true;
  }

  async progress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.seen.push({ kind: 'progress', title });
    return task(new AbortController().signal);
  }

  fields(): string[] {
    return this.seen.filter((s) => s.kind === 'input').map((s) => s.field!);
  }
}

export { BACK };
