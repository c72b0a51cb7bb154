// The settings of agent IDs in code (chatdesk.agentIds.*), read once and again only when they change.
import * as vscode from 'vscode';
import { AgentContextRules, DEFAULT_CONTEXT_WORDS } from '../agentContext';

export type DiagnosticsLevel = 'off' | 'hint' | 'information' | 'warning' | 'error';
const LEVELS: readonly DiagnosticsLevel[] = ['off', 'hint', 'information', 'warning', 'error'];
export const DEFAULT_MAX_DOCUMENT_KB = 1024;

export const SETTINGS = {
  contextWords: 'agentIds.contextWords',
  diagnostics: 'agentIds.diagnostics',
  maxDocumentSizeKB: 'agentIds.maxDocumentSizeKB',
} as const;

export class AgentIdSettings implements vscode.Disposable {
  private rules_: AgentContextRules | undefined;
  private level_: DiagnosticsLevel | undefined;
  private maxChars_: number | undefined;
  private readonly changed = new vscode.EventEmitter<'rules' | 'level' | 'size'>();
  private readonly sub: vscode.Disposable;
  readonly onDidChange = this.changed.event;

  constructor() {
    this.sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`chatdesk.${SETTINGS.contextWords}`)) { this.rules_ = undefined; this.changed.fire('rules'); }
      if (e.affectsConfiguration(`chatdesk.${SETTINGS.diagnostics}`)) { this.level_ = undefined; this.changed.fire('level'); }
      if (e.affectsConfiguration(`chatdesk.${SETTINGS.maxDocumentSizeKB}`)) { this.maxChars_ = undefined; this.changed.fire('size'); }
    });
  }

  private get config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration('chatdesk');
  }

  /** The agent-context words, as rules for the scanner. */
  rules(): AgentContextRules {
    return (this.rules_ ??= new AgentContextRules(this.config.get<string[]>(SETTINGS.contextWords, [...DEFAULT_CONTEXT_WORDS])));
  }

  /** The severity of stale-ID warnings, or 'off'. */
  level(): DiagnosticsLevel {
    if (!this.level_) {
      const v = this.config.get<string>(SETTINGS.diagnostics, 'information');
      this.level_ = (LEVELS as readonly string[]).includes(v) ? (v as DiagnosticsLevel) : 'information';
    }
    return this.level_;
  }

  /** Documents longer than this (in characters; the setting is in KB of text) are skipped. */
  maxChars(): number {
    if (this.maxChars_ === undefined) {
      const kb = Number(this.config.get<number>(SETTINGS.maxDocumentSizeKB, DEFAULT_MAX_DOCUMENT_KB));
      this.maxChars_ = Number.isFinite(kb) && kb > 0 ? kb * 1024 : DEFAULT_MAX_DOCUMENT_KB * 1024;
    }
    return this.maxChars_;
  }

  /** Whether a document is too large to look at (measured without reading its text). */
  tooLarge(doc: vscode.TextDocument): boolean {
    const last = doc.lineAt(doc.lineCount - 1);
    return doc.offsetAt(last.range.end) > this.maxChars();
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}

export function severityOf(level: DiagnosticsLevel): vscode.DiagnosticSeverity | undefined {
  switch (level) {
    case 'hint': return vscode.DiagnosticSeverity.Hint;
    case 'information': return vscode.DiagnosticSeverity.Information;
    case 'warning': return vscode.DiagnosticSeverity.Warning;
    case 'error': return vscode.DiagnosticSeverity.Error;
    default: return undefined;
  }
}

export { isCodeDocument } from './documents';
