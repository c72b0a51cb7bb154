// Loads the detail panels bundle (dist/webviews.js) on the first "open details" or the first panel VS Code restores
// after a window reload, and registers the panel serializers (cheap: nothing is loaded until VS Code asks).
import * as vscode from 'vscode';
import type { DetailPanels, DetailPanelsModule } from './api';
import { copyWithConfirmation } from '../util/clipboard';
import { Disposable } from '../util/lifecycle';
import { LazyModule } from '../util/lazyModule';
import type { Logger } from '../util/log';

export class DetailPanelsLoader extends Disposable {
  private panels: DetailPanels | undefined;
  private readonly module: LazyModule<DetailPanelsModule>;

  constructor(private readonly context: vscode.ExtensionContext, private readonly log: Logger) {
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
      this.panels = this._register(this.module.get().createDetailPanels({
        extensionUri: this.context.extensionUri,
        log: this.log,
        copy: copyWithConfirmation,
      }));
    }
    return this.panels;
  }
}
