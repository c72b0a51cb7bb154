// The Agents view's filter and grouping, mirrored into context keys for the view-title menus.
import * as vscode from 'vscode';
import { plainText } from '../text/plain';
import { Disposable } from '../util/lifecycle';
import { NO_FILTER, isFilterActive, normaliseFilterText, type AgentFilter } from './presentation/filter';

export class AgentsViewState extends Disposable {
  private _filter: AgentFilter = NO_FILTER;
  private _rawText = '';
  private _group: boolean;
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this._onDidChange.event;

  constructor() {
    super();
    this._group = this.readGroupSetting();
    this._register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('chatdesk.groupAgentsByDepartment')) {
        this._group = this.readGroupSetting();
        this.changed();
      }
    }));
    this.updateContext();
  }

  private readGroupSetting(): boolean {
    return vscode.workspace.getConfiguration('chatdesk').get<boolean>('groupAgentsByDepartment', false);
  }

  get filter(): AgentFilter { return this._filter; }
  get filterText(): string { return this._rawText; }
  get groupByDepartment(): boolean { return this._group; }

  setText(raw: string): void {
    this._rawText = plainText(raw, 200);
    this._filter = { ...this._filter, text: normaliseFilterText(raw) };
    this.changed();
  }

  setOnlineOnly(on: boolean): void {
    this._filter = { ...this._filter, onlineOnly: on };
    this.changed();
  }

  clear(): void {
    this._rawText = '';
    this._filter = NO_FILTER;
    this.changed();
  }

  /** For TreeView.description: the active filter, or undefined. */
  describe(): string | undefined {
    if (!isFilterActive(this._filter)) return undefined;
    const parts: string[] = [];
    if (this._filter.text) parts.push(vscode.l10n.t('filter: "{0}"', this._rawText));
    if (this._filter.onlineOnly) parts.push(vscode.l10n.t('online only'));
    return parts.join(' · ');
  }

  private changed(): void {
    this.updateContext();
    this._onDidChange.fire();
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', 'chatdesk.agentsFiltered', isFilterActive(this._filter));
    void vscode.commands.executeCommand('setContext', 'chatdesk.onlineOnly', this._filter.onlineOnly);
    void vscode.commands.executeCommand('setContext', 'chatdesk.groupByDepartment', this._group);
  }
}
