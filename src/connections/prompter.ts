// The small interface the connection flow uses for every step. The default implementation drives
// VS Code's quick input; integration tests pass a scripted one so that the command's own code path
// (validation, verification, saving) runs without UI.

/** Returned by a step when the user pressed the Back button. */
export const BACK = Symbol('back');
export type Back = typeof BACK;

export interface ValidationMessage {
  message: string;
  /** 'error' blocks accepting the value; 'warning' and 'info' are shown only. */
  severity: 'error' | 'warning' | 'info';
}

export interface StepInfo {
  title: string;
  /** 1-based. */
  step: number;
  /**
   * How many steps this path has, fixed for a platform (a step the path skips keeps its number); undefined while it
   * is not known yet (the platform step of Add Connection: the platforms' paths differ in length).
   */
  totalSteps?: number;
  canGoBack: boolean;
}

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
}

export interface PickStep<T> extends StepInfo {
  placeholder: string;
  items: PickItem<T>[];
  /** The value to pre-select. */
  active?: T;
}

export interface InputStep extends StepInfo {
  /** Stable name of the field (e.g. 'baseUrl', 'apiKey'); scripted prompters answer by it. */
  field: string;
  prompt: string;
  placeholder?: string;
  /** Pre-filled value. */
  value?: string;
  password?: boolean;
  /** Called as the user types and on accept; a message with severity 'error' blocks accepting. */
  validate?(value: string): ValidationMessage | undefined;
  /** Shown when the step opens, e.g. why verification failed. */
  initialMessage?: ValidationMessage;
}

export interface Prompter {
  /** The chosen value, BACK, or undefined when the user cancelled. */
  pick<T>(step: PickStep<T>): Promise<T | Back | undefined>;
  /** The accepted text (already passed `validate`), BACK, or undefined when cancelled. */
  input(step: InputStep): Promise<string | Back | undefined>;
  /** A modal yes/no; true when the user chose `action`. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  /** Runs `task` with a cancellable progress indicator; cancellation aborts the signal. */
  progress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T>;
}
