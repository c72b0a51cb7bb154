import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'mocha';

const load = () => import('../../../scripts/package-readme.mjs');
type PackageReadme = Awaited<ReturnType<typeof load>>;
const ROOT = join(__dirname, '..', '..', '..');
const SOURCE = join(ROOT, 'docs', 'marketplace', 'README.md');

interface Manifest {
  capabilities?: { untrustedWorkspaces?: { supported: boolean | string }; virtualWorkspaces?: { supported: boolean } | boolean };
  contributes: { configuration: { properties: Record<string, { default: unknown }> } };
}

// The details page VS Code shows for the installed extension (test/e2e/details-page.e2e.mjs checks it in VS Code).
describe("scripts: the packaged README (the extension's details page)", () => {
  let m: PackageReadme;
  const source = readFileSync(SOURCE, 'utf8');
  before(async () => { m = await load(); });

  it('embeds every picture from the repository\'s own files, so that each one shows offline', () => {
    const r = m.buildPackageReadme(source, join(ROOT, 'docs', 'marketplace'));
    assert.deepEqual(r.problems, []);
    assert.ok(r.images.length >= 3, `${r.images.length} pictures`);
    const srcs = [...r.text.matchAll(/!\[[^\]]*\]\(([^)]*)\)/g)].map((x) => x[1]);
    assert.equal(srcs.length, r.images.length);
    for (const s of srcs) assert.match(s, /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
  });

  it('refuses what would be broken on the page: a missing picture, an https picture, a relative link, a link to no section', () => {
    const r = m.buildPackageReadme([
      '# Title', '## Usage', '![missing](../screenshots/nope.png)', '![remote](https://example.com/a.png)',
      '![](../screenshots/demo.png)', '[developer docs](../../DEVELOPERS.md)', '[usage](#usage) [nowhere](#no-such-section)',
      '<img src="../screenshots/demo.png">',
    ].join('\n'), join(ROOT, 'docs', 'marketplace'));
    const text = r.problems.join('\n');
    assert.match(text, /nope\.png: .* does not exist/);
    assert.match(text, /https:\/\/example\.com\/a\.png: use a file in the repository/);
    assert.match(text, /\.\.\/screenshots\/demo\.png: no alt text/);
    assert.match(text, /link \.\.\/\.\.\/DEVELOPERS\.md: VS Code opens only https and mailto links/);
    assert.match(text, /link #no-such-section: no heading/);
    assert.doesNotMatch(text, /link #usage/);
    assert.match(text, /raw HTML <img/);
  });

  it('documents every setting the extension contributes, with its default', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
    const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const [key, { default: value }] of Object.entries(manifest.contributes.configuration.properties)) {
      // the default as the page writes it: plain (15, true) or as code (`information`; a list: `a`, `b`)
      const forms = Array.isArray(value) ? [value.map((v) => `\`${String(v)}\``).join(', ')] : [String(value), `\`${String(value)}\``];
      const row = new RegExp(`\\| \`${esc(key)}\` \\| (${forms.map(esc).join('|')}) \\|`);
      assert.match(source, row, `${key} (default ${forms[0]}) is not in ${SOURCE}`);
    }
  });

  it('says what the manifest declares: Chatdesk works in Restricted Mode and in virtual workspaces', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
    assert.deepEqual(manifest.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: { supported: true } });
    assert.match(source, /## Workspaces\n[^#]*\*\*Restricted Mode\*\*[^#]*\*\*virtual workspaces\*\*/);
  });
});
