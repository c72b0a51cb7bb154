// Bundles the tests that need a build step (node esbuild.tests.js):
// - test/integration/index.ts and every test/integration/*.test.ts -> out/test/integration/*.js
//   (CommonJS, run inside the VS Code extension host: `vscode` external, mocha a normal require)
// - test/e2e/support.ts -> out/test/e2e/support.js (the sandbox and the hostile payload corpus for the
//   playwright tests, which are plain .mjs run by scripts/test-vscode.mjs)
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const root = __dirname;
const integrationDir = path.join(root, 'test', 'integration');
const outDir = path.join(root, 'out', 'test');

async function main() {
  fs.rmSync(outDir, { recursive: true, force: true });
  const entries = fs.readdirSync(integrationDir)
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => path.join(integrationDir, f));
  const common = {
    bundle: true, format: 'cjs', platform: 'node', target: 'node20', sourcemap: 'inline', sourcesContent: false,
    logLevel: 'warning', external: ['vscode', 'mocha'],
  };
  await esbuild.build({ ...common, entryPoints: entries, outdir: path.join(outDir, 'integration') });
  const support = path.join(root, 'test', 'e2e', 'support.ts');
  if (fs.existsSync(support)) {
    await esbuild.build({ ...common, entryPoints: [support], outdir: path.join(outDir, 'e2e') });
  }
  console.log(`tests built into ${path.relative(root, outDir)}/ (${entries.length} integration entries)`);
}

main().catch((e) => { console.error(e); process.exit(1); });
