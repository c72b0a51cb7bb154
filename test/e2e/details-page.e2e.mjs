// The installed extension's page, as a user opens it: Extensions view → Installed → Chatdesk. VS Code renders the
// README packaged in chatdesk.vsix (built from docs/marketplace/README.md by scripts/package-readme.mjs) in a
// webview that allows only https: and data: images; this checks that every picture on that page loaded, that every
// link goes somewhere that exists, and that nothing was fetched from outside (the page works offline).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { editorTab, parkMouse, runCommand, webviewFrame } from '../../scripts/lib/workbench.mjs';
import { buildPackageReadme, DEFAULT_SOURCE } from '../../scripts/package-readme.mjs';
import { cleanUpSuite, openChatdesk, shot } from './helpers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe("Chatdesk's page in the Extensions view", function () {
  let context;
  let page;
  let guard;
  const source = buildPackageReadme(fs.readFileSync(DEFAULT_SOURCE, 'utf8'), path.dirname(DEFAULT_SOURCE));

  before(async function () {
    ({ context, page, guard } = await openChatdesk('ws-details'));
  });

  cleanUpSuite(() => ({ page, context }));

  it('opens from the installed extensions list', async function () {
    await runCommand(page, 'View: Show Extensions');
    const search = page.locator('.extensions-viewlet .suggest-input-container').first();
    await search.waitFor({ timeout: 30000 });
    await search.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('@installed chatdesk');
    const row = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Chatdesk' }).first();
    await row.waitFor({ timeout: 30000 });
    await row.click();
    await editorTab(page, 'Extension: Chatdesk').waitFor({ timeout: 30000 });
    await webviewFrame(page).locator('h1', { hasText: 'Chatdesk' }).waitFor({ timeout: 30000 });
  });

  it('shows every picture of the packaged README (each one loaded, none broken)', async function () {
    assert.ok(source.images.length >= 3, `the details page should show the extension: ${source.images.length} images in ${path.relative(ROOT, DEFAULT_SOURCE)}`);
    const frame = webviewFrame(page);
    await frame.locator('img').nth(source.images.length - 1).waitFor({ state: 'attached', timeout: 30000 });
    const images = await frame.locator('img').evaluateAll(async (imgs) => {
      await Promise.all(imgs.map((img) => (img.complete ? undefined
        : new Promise((resolve) => { img.addEventListener('load', resolve, { once: true }); img.addEventListener('error', resolve, { once: true }); }))));
      return imgs.map((img) => ({ alt: img.alt, scheme: (img.getAttribute('src') ?? '(no src)').slice(0, 11), width: img.naturalWidth, height: img.naturalHeight }));
    });
    assert.equal(images.length, source.images.length, `images on the page: ${JSON.stringify(images)}`);
    for (const img of images) {
      assert.ok(img.width > 0 && img.height > 0, `"${img.alt}" did not load (src ${img.scheme}…, ${img.width}×${img.height})`);
    }
  });

  it('links only to its own sections (which exist) or to https pages', async function () {
    const links = await webviewFrame(page).locator('a[href]').evaluateAll((as) => as.map((a) => {
      const href = a.getAttribute('href') ?? '';
      if (href === '#') return undefined; // VS Code's own "scroll to top" button
      const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : undefined;
      return { text: a.textContent?.trim() ?? '', href, target: target === undefined ? undefined : !!target };
    }).filter((l) => l !== undefined));
    assert.ok(links.length >= source.links.length, `links on the page: ${links.length}, in the README: ${source.links.length}`);
    for (const l of links) {
      if (l.href.startsWith('#')) assert.ok(l.target, `"${l.text}" points to ${l.href}, which is not on the page`);
      else assert.match(l.href, /^(https|mailto):/, `"${l.text}" points to ${l.href}, which VS Code would not open`);
    }
    await parkMouse(page);
    await shot(page, 'extension-details.png');
  });

  it('fetched nothing from outside the local server (the page works offline)', async function () {
    const outside = guard.requests.filter((u) => !/open-vsx\.org|marketplace|vscode-cdn|update\.code/.test(u));
    assert.deepEqual(outside, [], 'requests to other hosts');
  });
});
