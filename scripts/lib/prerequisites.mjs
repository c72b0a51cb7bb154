// What the demo and the VS Code tests need on this machine, checked in well under a second, before anything slow
// runs: every missing piece is reported at once, each with why it is needed and the exact command that fixes it.
// No network, no side effects. Used by scripts/demo.mjs (and its `--check`) and scripts/test-vscode.mjs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(ROOT, 'package.json'));

export const MIN_NODE_MAJOR = 20;
export const MIN_NPM_MAJOR = 9;

/**
 * Debian packages scripts/install-code-server.sh needs, and why. Keep in step with the list in that script
 * (test/unit/scripts/prerequisites.test.ts checks that they agree).
 */
export const CODE_SERVER_APT_PACKAGES = Object.freeze({
  'build-essential': "a C/C++ compiler and make, to build code-server's native modules",
  python3: 'node-gyp, which builds those modules, runs on Python',
  'pkg-config': 'finds the libraries below for the native builds',
  'libkrb5-dev': "headers for code-server's kerberos module",
  'libxkbfile-dev': "headers for VS Code's native keymap module",
  'libsecret-1-dev': "headers for VS Code's secret-storage module",
  ripgrep: "VS Code's search (its npm package would download rg from GitHub; Debian's is used instead)",
});

/** Fonts the tracked screenshots need: the demo data has Chinese, Japanese, Korean and Arabic names and emoji. */
export const SCREENSHOT_FONT_PACKAGES = Object.freeze(['fonts-noto-cjk', 'fonts-noto-color-emoji']);

/** Free space the code-server install needs: about 320 MB installed plus npm's cache, with a margin. */
export const CODE_SERVER_MIN_FREE_BYTES = 1024 ** 3;

/** Names looked up on the PATH for Chromium, in order. */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser'];

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
/** `sudo ` unless we are root: the prefix for a command that needs root. */
export const asRoot = () => (isRoot() ? '' : 'sudo ');
/** The command that installs Debian packages on any machine, a fresh image (empty package lists) included. */
export const aptInstall = (packages) => `${asRoot()}apt-get update && ${asRoot()}apt-get install --no-install-recommends ${packages.join(' ')}`;

function onPath(name, env = process.env) {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, name);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch { /* not here */ }
  }
  return undefined;
}

/**
 * The Chromium binary to drive: `$CHROMIUM` when set (it must exist), else the first of CHROMIUM_NAMES on the PATH.
 * @returns {{ path?: string, problem?: { what: string, why: string, fix: string } }}
 */
export function findChromium(env = process.env) {
  const why = 'demo --check and the VS Code tests open the workbench in Chromium (playwright-core drives the system browser; it downloads none)';
  if (env.CHROMIUM !== undefined) {
    const p = env.CHROMIUM;
    let ok = false;
    try { fs.accessSync(p, fs.constants.X_OK); ok = fs.statSync(p).isFile(); } catch { /* missing */ }
    if (ok) return { path: p };
    return { problem: { what: `Chromium not found at CHROMIUM=${JSON.stringify(p)}`, why,
      fix: `${aptInstall(['chromium'])}   (or set CHROMIUM to a Chromium or Chrome binary)` } };
  }
  for (const name of CHROMIUM_NAMES) {
    const p = onPath(name, env);
    if (p) return { path: p };
  }
  return { problem: { what: `Chromium not found (no ${CHROMIUM_NAMES.join(' or ')} on the PATH)`, why,
    fix: `${aptInstall(['chromium'])}   (or set CHROMIUM=/path/to/chrome)` } };
}

/** Debian packages (of `names`) that dpkg does not report as installed; undefined where there is no dpkg. */
export function missingAptPackages(names, env = process.env) {
  if (!onPath('dpkg-query', env)) return undefined;
  const r = spawnSync('dpkg-query', ['-W', '-f', '${Package} ${db:Status-Status}\n', ...names], { encoding: 'utf8', env });
  const installed = new Set((r.stdout ?? '').split('\n').filter((l) => / installed$/.test(l)).map((l) => l.split(' ')[0]));
  return names.filter((n) => !installed.has(n));
}

/** The prefix whose include/node holds the headers of the running Node (what node-gyp builds against offline). */
export function nodeHeadersDir(env = process.env) {
  return env.npm_config_nodedir || path.resolve(path.dirname(process.execPath), '..');
}

function headersVersion(dir) {
  try {
    const h = fs.readFileSync(path.join(dir, 'include', 'node', 'node_version.h'), 'utf8');
    const v = (k) => h.match(new RegExp(`#define NODE_${k}_VERSION (\\d+)`))?.[1];
    const [major, minor, patch] = ['MAJOR', 'MINOR', 'PATCH'].map(v);
    return major ? `${major}.${minor}.${patch}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every missing prerequisite for what is about to run.
 * @param {object} need
 * @param {boolean} [need.chromium]          the headless check / e2e tests drive Chromium
 * @param {boolean} [need.codeServerInstall] code-server is not installed yet, so scripts/install-code-server.sh will run
 * @param {string}  [need.installDir]        where code-server goes (for the free-space check)
 * @param {boolean} [need.screenshotFonts]   the run rewrites the tracked pictures in docs/screenshots
 * @param {boolean} [need.root]              whether this runs as root (default: the process's uid): as root, the
 *                                           code-server install's Debian packages are installed by its script
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {{ what: string, why: string, fix: string }[]}
 */
export function checkPrerequisites(need = {}, env = process.env) {
  const problems = [];
  const root = need.root ?? isRoot();
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor < MIN_NODE_MAJOR) {
    problems.push({ what: `Node ${process.versions.node} is too old`, why: `the build, the tests and code-server 4.100 need Node ${MIN_NODE_MAJOR} or newer`,
      fix: `install Node ${MIN_NODE_MAJOR} or newer (e.g. Debian's or NodeSource's nodejs package, or nvm install ${MIN_NODE_MAJOR})` });
  }
  const npmVersion = /npm\/(\d+)\.[\d.]+/.exec(env.npm_config_user_agent ?? '')?.[0]?.slice(4)
    ?? spawnSync('npm', ['--version'], { encoding: 'utf8', env }).stdout?.trim();
  if (!npmVersion) {
    problems.push({ what: 'npm not found', why: 'npm installs the dependencies and runs the build', fix: 'install npm (it comes with Node)' });
  } else if (Number(npmVersion.split('.')[0]) < MIN_NPM_MAJOR) {
    problems.push({ what: `npm ${npmVersion} is too old`, why: `package-lock.json needs npm ${MIN_NPM_MAJOR} or newer`, fix: 'npm install -g npm@latest' });
  }
  const missingDeps = ['esbuild', '@vscode/vsce', 'playwright-core'].filter((m) => {
    try { require.resolve(`${m}/package.json`); return false; } catch { return true; }
  });
  if (missingDeps.length > 0) {
    problems.push({ what: `the project's dependencies are not installed (${missingDeps.join(', ')} missing)`,
      why: 'the build, packaging and the browser driver come from node_modules', fix: 'npm ci' });
  }
  if (need.chromium) {
    const c = findChromium(env);
    if (c.problem) problems.push(c.problem);
  }
  if (need.screenshotFonts) {
    const missing = missingAptPackages([...SCREENSHOT_FONT_PACKAGES], env) ?? [];
    if (missing.length > 0) {
      problems.push({ what: `fonts missing for the tracked screenshots: ${missing.join(' ')}`,
        why: 'the demo data has Chinese, Japanese and Korean names and emoji, which Chromium otherwise draws as empty boxes',
        fix: aptInstall(missing) });
    }
  }
  if (need.codeServerInstall) {
    const names = Object.keys(CODE_SERVER_APT_PACKAGES);
    const missing = missingAptPackages(names, env);
    if (missing === undefined) {
      problems.push({ what: 'no dpkg: scripts/install-code-server.sh expects Debian or Ubuntu',
        why: 'code-server\'s native modules are compiled here, which needs a compiler, Python, pkg-config, the Kerberos, xkbfile and libsecret headers, and ripgrep',
        fix: 'install the equivalents of build-essential python3 pkg-config libkrb5-dev libxkbfile-dev libsecret-1-dev ripgrep with your package manager' });
    } else if (missing.length > 0 && !root) {
      // as root, scripts/install-code-server.sh installs them itself (and says which, why, and apt's plan first)
      problems.push({ what: `Debian packages missing for the code-server install: ${missing.join(' ')}`,
        why: missing.map((m) => `${m}: ${CODE_SERVER_APT_PACKAGES[m]}`).join('; '),
        fix: aptInstall(missing) });
    }
    const dir = nodeHeadersDir(env);
    const have = headersVersion(dir);
    if (have === undefined) {
      problems.push({ what: `no Node headers in ${path.join(dir, 'include', 'node')}`,
        why: 'code-server\'s native modules are compiled against the running Node\'s headers (offline: node-gyp cannot download them)',
        fix: `install a Node that ships its headers (Debian's/NodeSource's nodejs, or nvm), or set npm_config_nodedir to the prefix of one` });
    } else if (have !== process.versions.node) {
      problems.push({ what: `the Node headers in ${dir}/include/node are ${have}, but Node is ${process.versions.node}`,
        why: 'native modules built against other headers fail to load in code-server',
        fix: `set npm_config_nodedir to the prefix of Node ${process.versions.node} (the folder that holds its bin/ and include/)` });
    }
    if (need.installDir) {
      let probe = need.installDir;
      while (!fs.existsSync(probe) && path.dirname(probe) !== probe) probe = path.dirname(probe);
      try {
        const s = fs.statfsSync(probe);
        const free = s.bavail * s.bsize;
        if (free < CODE_SERVER_MIN_FREE_BYTES) {
          problems.push({ what: `only ${(free / 1024 ** 2).toFixed(0)} MB free in ${probe}`,
            why: 'code-server takes about 320 MB, and npm\'s cache more while it installs', fix: 'free at least 1 GB there' });
        }
      } catch { /* statfs unsupported: let the install report it */ }
    }
  }
  return problems;
}

/** The report printed when something is missing: one block per problem, each with its fix. */
export function formatProblems(problems, { title = 'missing prerequisites' } = {}) {
  const lines = [`${title}:`];
  for (const p of problems) {
    lines.push(`  ✗ ${p.what}`, `      why: ${p.why}`, `      fix: ${p.fix}`);
  }
  const fixes = problems.map((p) => p.fix.split('   (')[0]).filter((f) => /^(sudo )?(apt-get|npm) /.test(f));
  if (fixes.length > 1) lines.push('', '  all at once:', ...fixes.map((f) => `    ${f}`));
  return lines.join('\n');
}
