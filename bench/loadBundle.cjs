// Child process for npm run bench: require()s an extension bundle with a stub `vscode` module and prints how
// long the require took (ms), and with --activate how long activate() takes against the stub.
// Usage: node bench/loadBundle.cjs <bundle.js> [--activate]
'use strict';
const Module = require('module');
const path = require('path');
const { performance } = require('perf_hooks');

// A stub that is every value at once: any property, call or `new` gives the stub again (enough for module
// top-level code such as `class X extends vscode.Disposable` or `new vscode.EventEmitter()`).
// The namespace names are listed so that a bundler's `import * as vscode` copy (esbuild's __toESM) sees them.
const NAMES = ['window', 'commands', 'workspace', 'env', 'l10n', 'extensions', 'languages', 'authentication', 'Uri',
  'EventEmitter', 'Disposable', 'TreeItem', 'TreeItemCollapsibleState', 'ThemeIcon', 'ThemeColor', 'MarkdownString',
  'ProgressLocation', 'StatusBarAlignment', 'ViewColumn', 'ConfigurationTarget', 'LogLevel', 'CancellationTokenSource',
  'QuickPickItemKind', 'QuickInputButtons', 'RelativePattern', 'Range', 'Position', 'Selection', 'version', 'UIKind',
  'CodeActionKind', 'CodeAction', 'CompletionItem', 'CompletionItemKind', 'CompletionList', 'Hover', 'Diagnostic',
  'DiagnosticSeverity', 'WorkspaceEdit', 'ExtensionMode', 'lm', 'LanguageModelTextPart', 'LanguageModelToolResult', 'SnippetString',
  'TextEdit', 'TabInputWebview'];
const target = function stub() {};
const stub = new Proxy(target, {
  get: (_t, prop) => (prop === Symbol.toPrimitive ? () => '' : prop === 'then' ? undefined : prop === 'prototype' ? {} : stub),
  apply: () => stub,
  construct: () => stub,
  ownKeys: () => [...Reflect.ownKeys(target), ...NAMES],
  getOwnPropertyDescriptor: (t, prop) => Reflect.getOwnPropertyDescriptor(t, prop)
    ?? (NAMES.includes(prop) ? { configurable: true, enumerable: true, writable: true, value: stub } : undefined),
});
const STUB_PATH = path.join(__dirname, '__vscode_stub__.js');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? STUB_PATH : resolve.call(this, request, ...rest);
};
require.cache[STUB_PATH] = { id: STUB_PATH, filename: STUB_PATH, loaded: true, exports: stub };

const file = path.resolve(process.argv[2]);
const t0 = performance.now();
const mod = require(file);
const ms = performance.now() - t0;
// Then activate() itself, against the stub: the extension's own JavaScript, without VS Code's side of the API.
let activateMs;
let activateError;
if (process.argv.includes('--activate') && typeof mod.activate === 'function') {
  const t1 = performance.now();
  // what activate() reads of its context as values (paths); everything else is the stub
  const os = require('os');
  const context = new Proxy(target, {
    get: (_t, prop) => {
      if (prop === 'subscriptions') return subscriptions;
      if (prop === 'globalStorageUri') return { fsPath: path.join(os.tmpdir(), 'chatdesk-bench-storage'), path: '/tmp' };
      if (prop === 'extensionPath') return path.resolve(__dirname, '..');
      if (prop === 'extensionMode') return 1; // Production
      return stub;
    },
  });
  const subscriptions = [];
  try { mod.activate(context); activateMs = performance.now() - t1; } catch (e) { activateError = String(e && e.message || e); }
}
process.stdout.write(JSON.stringify({ ms, activateMs, activateError, exports: Object.keys(mod) }) + '\n');
setImmediate(() => process.exit(0));
