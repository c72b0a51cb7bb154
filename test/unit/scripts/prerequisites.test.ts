import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { after, before, describe, it } from 'mocha';

const load = () => import('../../../scripts/lib/prerequisites.mjs');
type Prerequisites = Awaited<ReturnType<typeof load>>;
const ROOT = join(__dirname, '..', '..', '..');

describe('scripts: prerequisites of the demo and the VS Code tests', () => {
  let p: Prerequisites;
  let dir: string;
  const bin = (name: string, script: string): string => {
    const file = join(dir, name);
    writeFileSync(file, `#!/bin/sh\n${script}\n`);
    chmodSync(file, 0o755);
    return file;
  };
  before(async () => {
    p = await load();
    dir = mkdtempSync(join(tmpdir(), 'chatdesk-prereq-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('finds Chromium through $CHROMIUM or the PATH, and says how to install it when neither has one', () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    const none = p.findChromium({ PATH: empty });
    assert.equal(none.path, undefined);
    assert.match(none.problem?.what ?? '', /Chromium not found/);
    assert.match(none.problem?.fix ?? '', /^(sudo )?apt-get update && (sudo )?apt-get install --no-install-recommends chromium/);
    const wrong = p.findChromium({ PATH: empty, CHROMIUM: join(dir, 'no-such-browser') });
    assert.match(wrong.problem?.what ?? '', /CHROMIUM=.*no-such-browser/);
    const fake = bin('chromium', 'exit 0');
    assert.equal(p.findChromium({ PATH: `${empty}${delimiter}${dir}` }).path, fake);
    assert.equal(p.findChromium({ PATH: empty, CHROMIUM: fake }).path, fake);
  });

  it('names exactly the Debian packages the code-server install lacks, why, and one apt-get command for them', () => {
    // dpkg-query answers as Debian's does: "<name> installed" or "<name> not-installed"
    bin('dpkg-query', 'shift 3; for p in "$@"; do case "$p" in libkrb5-dev|ripgrep) echo "$p not-installed";; *) echo "$p installed";; esac; done');
    const env = { PATH: `${dir}${delimiter}${dirname(process.execPath)}`, npm_config_user_agent: 'npm/11.0.0 node/v20' };
    const problems = p.checkPrerequisites({ codeServerInstall: true, root: false }, env);
    const apt = problems.find((x) => /Debian packages missing/.test(x.what));
    assert.ok(apt, JSON.stringify(problems));
    assert.match(apt.what, /: libkrb5-dev ripgrep$/);
    assert.match(apt.why, /libkrb5-dev: headers for code-server's kerberos module; ripgrep: /);
    // a fresh Debian image has no package lists: without the update, apt finds no package
    assert.equal(apt.fix, `${p.asRoot()}apt-get update && ${p.asRoot()}apt-get install --no-install-recommends libkrb5-dev ripgrep`);
    assert.ok(!problems.some((x) => /Chromium/.test(x.what)), 'Chromium was not asked for');
    const report = p.formatProblems(problems);
    assert.match(report, /✗ Debian packages missing/);
    assert.match(report, /fix: (sudo )?apt-get update && (sudo )?apt-get install --no-install-recommends libkrb5-dev ripgrep/);
    // as root the install script installs them itself (it says which and why first): not a reason to stop
    assert.ok(!p.checkPrerequisites({ codeServerInstall: true, root: true }, env).some((x) => /Debian packages missing/.test(x.what)));
  });

  it('asks scripts/install-code-server.sh for the same packages, each with its reason', () => {
    const script = readFileSync(join(ROOT, 'scripts', 'install-code-server.sh'), 'utf8');
    const loop = /for p in ([^;]+); do\n\s+dpkg -s/.exec(script);
    assert.ok(loop, 'the package loop of install-code-server.sh');
    assert.deepEqual(loop[1].trim().split(/\s+/), Object.keys(p.CODE_SERVER_APT_PACKAGES));
    for (const name of Object.keys(p.CODE_SERVER_APT_PACKAGES)) assert.match(script, new RegExp(`\\[${name}\\]="`), `no reason for ${name} in the script`);
  });

  it('`npm run demo -- --check` without Chromium stops in the prerequisite check, with the fix, before building anything', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'demo.mjs'), '--check'], {
      cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, CHROMIUM: join(dir, 'no-such-browser') },
    });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /Chromium not found at CHROMIUM=/);
    assert.match(r.stderr, /fix: (sudo )?apt-get update && (sudo )?apt-get install --no-install-recommends chromium/);
    assert.match(r.stderr, /nothing was built or installed/);
    assert.doesNotMatch(r.stdout, /building and packaging|installing code-server|starting the sandbox/);
  });
});
