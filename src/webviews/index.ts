// The detail panels bundle (dist/webviews.js), loaded lazily on the first "open details".
// Only this file touches the vscode API at run time; the logic lives in detailPanels.ts and html/.
import * as vscode from 'vscode';
import { setTranslator } from '../util/l10n';
import type { DetailPanelDeps, DetailPanels, DetailPanelsModule } from './api';
import { DetailPanelsImpl } from './detailPanels';
import { panelOptions, panelResources } from './options';

export function createDetailPanels(deps: DetailPanelDeps): DetailPanels {
  // This bundle has its own copy of the l10n module: point it at VS Code's translations.
  setTranslator((message, ...args) => vscode.l10n.t(message, ...args));
  const resources = panelResources(deps.extensionUri);
  return new DetailPanelsImpl({
    ...deps,
    resources,
    locale: vscode.env.language,
    createPanel: (viewType, title) => {
      const panel = vscode.window.createWebviewPanel(viewType, title, vscode.ViewColumn.Active, panelOptions(deps.extensionUri));
      panel.iconPath = resources.icon;
      return panel;
    },
    adoptPanel: (panel) => {
      const p = panel as vscode.WebviewPanel;
      p.webview.options = panelOptions(deps.extensionUri);
      p.iconPath = resources.icon;
    },
  });
}

export const detailPanelsModule: DetailPanelsModule = { createDetailPanels };
