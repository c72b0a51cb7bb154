// Issue 10: what another extension can get from Chatdesk installed normally (the packaged .vsix, a production
// activation). A probe extension (test/fixtures/exports-probe), loaded beside it in the same extension host as an
// attacker's extension would be, activates Chatdesk, records everything activate() returned and tries the test-only
// command argument (a scripted prompter for Add Connection). Nothing may come back: no store, no secret reader, no
// state, and the argument is ignored (the real quick input opens instead).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newWorkbenchContext, openWorkbench } from '../../scripts/lib/workbench.mjs';
import { e2eContext } from './context.mjs';
import { cleanUpSuite, CONTAINER, guardContext } from './helpers.mjs';

const PROBE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/exports-probe');
const DEVELOPMENT = 2;

describe('What another extension gets from an installed Chatdesk (issue 10)', function () {
  this.timeout(120000);
  let context;
  let page;
  let report;
  let workspace;

  before(async function () {
    const { server, browser } = e2eContext();
    workspace = e2eContext().workspaceFor('ws-exports');
    fs.rmSync(path.join(workspace, 'chatdesk-exports-probe.json'), { force: true });
    context = await newWorkbenchContext(browser, server.url);
    await guardContext(context, server.url);
    const payload = [['extensionDevelopmentPath', server.remoteUri(PROBE)]];
    page = await openWorkbench(context, server.workbenchUrl(workspace, payload), { activityLabel: CONTAINER });
    const file = path.join(workspace, 'chatdesk-exports-probe.json');
    const deadline = Date.now() + 60000;
    while (!fs.existsSync(file) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    assert.ok(fs.existsSync(file), 'the probe extension wrote no report (did it load?)');
    report = JSON.parse(fs.readFileSync(file, 'utf8'));
    console.log(`      probe report: ${JSON.stringify(report)}`);
  });

  cleanUpSuite(() => ({ page, context }));

  it('the probe ran beside the installed extension and activated it', function () {
    assert.equal(report.error, undefined, report.error);
    assert.equal(report.probeMode, DEVELOPMENT, 'the probe is the development extension here; Chatdesk is the installed one');
    assert.equal(report.found, true, 'chatdesk.chatdesk is not installed in this host');
    assert.equal(report.active, true, 'Chatdesk did not activate');
  });

  it('activate() exports nothing: no store, no secret reader, no globalState', function () {
    assert.equal(report.exportsType, 'undefined', `activate() returned ${JSON.stringify(report.exports)}`);
    assert.equal(report.extExports, 'undefined', `extension.exports is ${JSON.stringify(report.extExports)}`);
    const text = JSON.stringify(report);
    for (const word of ['store', 'credentials', 'globalState', 'workspaceState', 'secrets', 'log']) {
      assert.ok(!new RegExp(`"${word}"`).test(text), `the exports name "${word}"`);
    }
  });

  it('Add Connection ignores a scripted prompter passed by another extension: the real quick input asks instead', async function () {
    assert.equal(report.prompterUsed, false, 'the command drove the flow with the caller\'s prompter');
    const widget = page.locator('.quick-input-widget');
    await widget.filter({ hasText: 'REVE Chat' }).waitFor({ state: 'visible', timeout: 20000 });
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout: 10000 });
  });
});
