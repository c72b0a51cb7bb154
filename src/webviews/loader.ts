// Loads the detail panels bundle (dist/webviews.js) on the first "open details" or the first panel VS Code restores
// after a window reload, and registers the panel serializers (cheap: nothing is loaded until VS Code asks).
import * as vscode from 'vscode';
import type { DetailPanels, DetailPanelsModule } from './api';
import { copyWithConfirmation } from '../util/clipboard';
import { Disposable } from '../util/lifecycle';
import type { Store } from '../store';
import { LazyModule } from '../util/lazyModule';
import type { Logger } from '../util/log';

export class DetailPanelsLoader extends Disposable {
  private panels: DetailPanels | undefined;
  private readonly module: LazyModule<DetailPanelsModule>;

  /** `store`: the agent pages say when their agent comes from the cache, and follow the agent lists as they load. */
  constructor(private readonly context: vscode.ExtensionContext, private readonly log: Logger, private readonly store?: Store) {
    super();
    this.module = new LazyModule<DetailPanelsModule>(context.extensionPath, 'webviews.js');
  }

  /** The panels, if they have been created. */
  current(): DetailPanels | undefined {
    return this.panels;
  }

  get(): DetailPanels {
    if (!this.panels) {
      this.log.debug('Loading the detail panels bundle.');
      const store = this.store;
      const panels = this._register(this.module.get().createDetailPanels({
        extensionUri: this.context.extensionUri,
        log: this.log,
        copy: copyWithConfirmation,
        agentsCachedAt: (id) => {
          const state = store?.lists(id)?.agents.state();
          return state?.cached ? state.loadedAt : undefined;
        },
      }));
      this.panels = panels;
      if (store) {
        // fires for every page while a list loads; a panel re-renders only when its agent's object changes
        this._register(store.onDidChangeList((e) => {
          if (e.list === 'agents') panels.updateAgents(e.connectionId, (id) => store.directory.agent(e.connectionId, id));
        }));
        this._register(store.onDidChangeConnections(() => {
          const known = new Set(store.connections().map((c) => c.id));
          const n = panels.closeRemoved((id) => known.has(id));
          if (n) this.log.info(`Closed ${n} panel(s) of a removed connection.`);
        }));
      }
    }
    return this.panels;
  }
}
