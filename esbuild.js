// Bundles the extension. Separate entry points keep what only a command, a request or a webview needs
// (the sandbox for the demo, node-fetch, the panel scripts) out of dist/extension.js, the activation path.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const nodeCommon = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  // web-streams-polyfill: fetch-blob (under node-fetch) loads it only where globalThis.ReadableStream is missing,
  // which never happens on Node 20 (it tries node:stream/web first); keeping it out saves ~60 KB of the bundle.
  external: ['vscode', 'web-streams-polyfill', 'web-streams-polyfill/*'],
  logLevel: 'warning',
  metafile: true,
};

/**
 * In dist/extension.js, node-fetch is dist/fetch.js, loaded by the first request (src/api/http.ts imports it
 * dynamically), so that node-fetch and what it pulls in (http, https, zlib, streams) stay out of activation.
 * Everywhere else (tests, the bench, the sandbox CLI) that import is the npm package itself.
 */
const fetchOnFirstRequest = {
  name: 'fetch-on-first-request',
  setup(build) {
    // A stand-in module that requires the bundle at run time: esbuild evaluates it only when the import() runs.
    build.onResolve({ filter: /^node-fetch$/ }, () => ({ path: 'node-fetch', namespace: 'fetch-on-first-request' }));
    build.onLoad({ filter: /.*/, namespace: 'fetch-on-first-request' }, () => ({ contents: 'module.exports = require("./fetch.js");', loader: 'js' }));
    build.onResolve({ filter: /^\.\/fetch\.js$/ }, () => ({ path: './fetch.js', external: true }));
  },
};

/**
 * Every `import * as vscode from 'vscode'` becomes one module of the bundle that re-exports the API, so that
 * `require('vscode')` runs once. Left alone, esbuild gives each of the ~30 importing files its own
 * `__toESM(require('vscode'))`: 30 copies of the whole API object and 30 trips through the extension host's
 * module interceptor, which a CPU profile of the extension host showed as most of the time to load the bundle.
 */
const oneVscodeImport = {
  name: 'one-vscode-import',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'one-vscode-import' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'one-vscode-import' });
    build.onLoad({ filter: /.*/, namespace: 'one-vscode-import' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

const builds = [
  // The extension itself: activation path.
  { ...nodeCommon, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', plugins: [fetchOnFirstRequest, oneVscodeImport] },
  // Lazy: the HTTP library, loaded on the first request.
  { ...nodeCommon, stdin: { contents: "export { default } from 'node-fetch';", resolveDir: __dirname, sourcefile: 'fetch.js' }, outfile: 'dist/fetch.js' },
  // Lazy: detail panels (webview hosts), loaded on the first "open details".
  { ...nodeCommon, entryPoints: { webviews: 'src/webviews/index.ts' }, outdir: 'dist', plugins: [oneVscodeImport] },
  // Lazy: the language model tools' implementation, loaded on the first tool call.
  { ...nodeCommon, entryPoints: { tools: 'src/tools/index.ts' }, outdir: 'dist' },
  // Lazy: agent IDs in code (providers' code, snippets, export; shell-quote, csv-stringify), loaded on first use.
  { ...nodeCommon, entryPoints: { codeTools: 'src/code/tools.ts' }, outdir: 'dist', plugins: [oneVscodeImport] },
  // Lazy: the Add / Edit Connection and Update Credentials flow, loaded on the first of those commands.
  { ...nodeCommon, entryPoints: { connectionFlow: 'src/connections/flowBundle.ts' }, outdir: 'dist', plugins: [oneVscodeImport] },
  // Lazy: the sandbox, loaded only by "Try Demo".
  { ...nodeCommon, entryPoints: { sandbox: 'src/sandbox/index.ts' }, outdir: 'dist' },
  // Webview-side scripts (run in the panel's iframe).
  {
    bundle: true, format: 'iife', platform: 'browser', target: 'es2022', minify: production,
    sourcemap: !production, logLevel: 'warning', metafile: true,
    entryPoints: { 'panel': 'src/webviews/page/panel.ts' }, outdir: 'dist/media',
  },
];

/**
 * In --watch mode: one "[watch] build started" when a rebuild begins and one "[watch] build finished" when every
 * bundle is done (the five contexts rebuild in parallel), with each error in esbuild's own layout between them.
 * The background problem matcher in .vscode/tasks.json waits for exactly these lines before F5 launches.
 */
let building = 0;
const watchReport = {
  name: 'watch-report',
  setup(build) {
    build.onStart(() => {
      if (building++ === 0) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      const report = (mark, messages) => {
        for (const { text, location } of messages) {
          console.error(`${mark} ${text}`);
          if (location) console.error(`    ${location.file}:${location.line}:${location.column}:\n      ${location.lineText}`);
        }
      };
      report('✘ [ERROR]', result.errors);
      report('▲ [WARNING]', result.warnings);
      if (--building === 0) console.log('[watch] build finished');
    });
  },
};

function copyStatic() {
  const codicons = path.join(__dirname, 'node_modules', '@vscode', 'codicons', 'dist');
  const out = path.join(__dirname, 'dist', 'media');
  fs.mkdirSync(out, { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(codicons, f), path.join(out, f));
}

async function main() {
  const existing = builds.filter((b) => !b.entryPoints || Object.values(b.entryPoints).every((e) => fs.existsSync(e)));
  if (watch) {
    copyStatic();
    const ctxs = await Promise.all(existing.map((b) => esbuild.context({ ...b, logLevel: 'silent', plugins: [...(b.plugins ?? []), watchReport] })));
    await Promise.all(ctxs.map((c) => c.watch()));
    return;
  }
  const results = await Promise.all(existing.map((b) => esbuild.build(b)));
  copyStatic();
  const meta = { inputs: {}, outputs: {} };
  for (const r of results) { Object.assign(meta.inputs, r.metafile.inputs); Object.assign(meta.outputs, r.metafile.outputs); }
  fs.writeFileSync(path.join(__dirname, 'dist', 'meta.json'), JSON.stringify(meta));
  for (const [file, o] of Object.entries(meta.outputs)) {
    if (file.endsWith('.js')) console.log(`${file.padEnd(28)} ${(o.bytes / 1024).toFixed(1)} KB`);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
