import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { panelOptions, panelResources, resourceRoots, VIEW_TYPES } from '../../../src/webviews/options';
import { FakeUri, fakeUri } from './helpers/fakes';

const repo = path.resolve(__dirname, '../../..');

describe('detail panel options', () => {
  it('enables our script but not command URIs or forms, and does not retain hidden panels', () => {
    const o = panelOptions(fakeUri('/ext'));
    assert.equal(o.enableScripts, true);
    assert.equal(o.enableCommandUris, false);
    assert.equal(o.enableForms, false);
    assert.equal(o.retainContextWhenHidden, false);
  });

  it('limits local resources to dist/media and media', () => {
    const roots = panelOptions(fakeUri('/ext/')).localResourceRoots?.map((u) => u.path);
    assert.deepEqual(roots, ['/ext/dist/media', '/ext/media']);
  });

  it('loads every resource from inside those roots', () => {
    const ext = new FakeUri('/ext');
    const roots = resourceRoots(ext).map((u) => `${u.path}/`);
    const r = panelResources(ext);
    for (const u of [...r.styles, r.script, r.icon]) assert.ok(roots.some((root) => u.path.startsWith(root)), u.path);
  });

  it('names resources that exist in the repository or are produced by the build', () => {
    const r = panelResources(new FakeUri(repo));
    assert.ok(fs.existsSync(r.styles[1].path), 'media/panel.css');
    assert.ok(fs.existsSync(r.icon.path), 'media/icon.png');
    const build = fs.readFileSync(path.join(repo, 'esbuild.js'), 'utf8');
    assert.match(build, /'panel': 'src\/webviews\/page\/panel\.ts'/);
    assert.match(build, /codicon\.css/);
    assert.ok(r.script.path.endsWith('/dist/media/panel.js'));
  });

  it('has namespaced view types', () => {
    assert.deepEqual(Object.values(VIEW_TYPES), ['chatdesk.agent', 'chatdesk.offlineMessage']);
  });
});

describe('panel stylesheet', () => {
  const css = fs.readFileSync(path.join(repo, 'media', 'panel.css'), 'utf8');

  it('preserves the white space of message text', () => {
    const rule = /\.message-text\s*\{([^}]*)\}/.exec(css);
    assert.ok(rule);
    assert.match(rule[1], /white-space:\s*pre-wrap/);
  });

  it('loads nothing and colours only through theme variables', () => {
    assert.ok(!/@import|url\(|expression\(/i.test(css));
    assert.ok(!/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/i.test(css), 'no hard-coded colours');
    assert.match(css, /var\(--vscode-/);
  });
});
