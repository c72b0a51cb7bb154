// Stale-ID warnings: an ID in an agent context that no agent has, on a platform whose connections are all completely
// loaded ("4188 is not an agent of Acme Support (HelpCrunch)"). Never from a list that is loading, failed or
// incomplete, or when no connection can say (idVerdict.ts).
//
// Cost: a document is scanned once when it opens; an edit rescans only the lines it touched (DocumentIdScan); a
// change of the directory re-judges the IDs already found, without reading any document again. Nothing is scanned
// while the setting is off. The directory is read from memory and the on-disk cache (once a document holds a
// candidate ID): never a request.
import * as vscode from 'vscode';
import type { StoredConnection } from '../../connections/types';
import type { Store } from '../../store';
import type { Logger } from '../../util/log';
import { DocumentIdScan, type LineEdit } from '../documentIds';
import { staleIdMessage } from '../hoverMarkdown';
import { IdJudge } from '../idVerdict';
import { isCodeDocument, severityOf, type AgentIdSettings } from './settings';

export const DIAGNOSTIC_SOURCE = 'Chatdesk';
export const STALE_ID_CODE = 'unknown-agent-id';
/** How long a burst of list changes (pages arriving) is gathered before the documents are judged again. */
const DIRECTORY_SETTLE_MS = 250;

interface Tracked {
  doc: vscode.TextDocument;
  scan: DocumentIdScan;
}

function lineSource(doc: vscode.TextDocument) {
  return { lineCount: doc.lineCount, lineAt: (i: number) => doc.lineAt(i).text };
}

export class AgentIdDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('chatdesk');
  private readonly tracked = new Map<string, Tracked>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private directoryTimer: ReturnType<typeof setTimeout> | undefined;
  private cacheRead: Promise<void> | undefined;
  private started = false;
  /** Verdicts hold until the directory changes: a keystroke re-judges from this cache, not from the lists. */
  private judgeCache: IdJudge | undefined;

  constructor(private readonly store: Store<StoredConnection>, private readonly settings: AgentIdSettings, private readonly log: Logger) {}

  /** Starts following documents and the directory; the documents already open are scanned after activation. */
  start(): vscode.Disposable {
    if (this.started) return this;
    this.started = true;
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.open(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.close(d.uri)),
      vscode.workspace.onDidChangeTextDocument((e) => this.changed(e)),
      this.settings.onDidChange(() => this.reset()),
      this.store.onDidChangeList((e) => { if (e.list === 'agents') this.directoryChanged(); }),
      this.store.onDidChangeConnections(() => this.directoryChanged()),
    );
    const timer = setTimeout(() => { for (const d of vscode.workspace.textDocuments) this.open(d); }, 0);
    this.subscriptions.push({ dispose: () => clearTimeout(timer) });
    return this;
  }

  private get on(): boolean {
    return this.settings.level() !== 'off';
  }

  private open(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (!this.on || this.tracked.has(key) || !isCodeDocument(doc) || this.settings.tooLarge(doc)) return;
    const scan = new DocumentIdScan(this.settings.rules(), lineSource(doc));
    this.tracked.set(key, { doc, scan });
    this.judge(this.tracked.get(key)!);
  }

  private close(uri: vscode.Uri): void {
    const key = uri.toString();
    this.tracked.delete(key);
    this.collection.delete(uri);
  }

  private changed(e: vscode.TextDocumentChangeEvent): void {
    if (!e.contentChanges.length) return;
    const t = this.tracked.get(e.document.uri.toString());
    if (!t) { this.open(e.document); return; }
    if (this.settings.tooLarge(e.document)) { this.close(e.document.uri); return; }
    const edits: LineEdit[] = e.contentChanges.map((c) => ({ startLine: c.range.start.line, endLine: c.range.end.line, text: c.text }));
    t.scan.apply(edits, lineSource(e.document));
    this.judge(t);
  }

  private currentJudge(): IdJudge {
    return (this.judgeCache ??= new IdJudge(this.store.directory));
  }

  private directoryChanged(): void {
    this.judgeCache = undefined;
    if (this.directoryTimer || !this.tracked.size) return;
    this.directoryTimer = setTimeout(() => { this.directoryTimer = undefined; this.judgeAll(); }, DIRECTORY_SETTLE_MS);
  }

  /** A setting changed: forget every scan and start again with the new words, severity or size limit. */
  private reset(): void {
    this.tracked.clear();
    this.collection.clear();
    if (this.on) for (const d of vscode.workspace.textDocuments) this.open(d);
  }

  private judgeAll(): void {
    for (const t of this.tracked.values()) this.judge(t);
  }

  /** Sets the document's diagnostics from its scan and the directory as it is now. */
  private judge(t: Tracked): void {
    const severity = severityOf(this.settings.level());
    if (severity === undefined || t.scan.size === 0) { this.collection.delete(t.doc.uri); return; }
    this.readCacheOnce();
    const judge = this.currentJudge();
    const out: vscode.Diagnostic[] = [];
    for (const { line, token } of t.scan.tokens()) {
      if (token.kind === 'email') continue;
      const verdict = judge.judge(token.kind, token.text);
      if (verdict.kind !== 'stale') continue;
      const d = new vscode.Diagnostic(new vscode.Range(line, token.start, line, token.end), staleIdMessage(token.text, verdict.connections, verdict.cachedAt), severity);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = STALE_ID_CODE;
      out.push(d);
    }
    this.collection.set(t.doc.uri, out);
  }

  /** The first document with a candidate ID reads every connection's on-disk cache (no request); then all are judged. */
  private readCacheOnce(): void {
    if (this.cacheRead) return;
    this.cacheRead = this.store.readCachedAgents().then(
      () => { this.judgeCache = undefined; this.judgeAll(); },
      (e: unknown) => this.log.warn('Reading the cached agents for the agent-ID warnings failed:', e),
    );
  }

  dispose(): void {
    if (this.directoryTimer) clearTimeout(this.directoryTimer);
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.tracked.clear();
    this.collection.dispose();
  }
}
