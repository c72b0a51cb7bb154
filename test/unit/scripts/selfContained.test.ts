import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'mocha';

const ROOT = join(__dirname, '..', '..', '..');
const SKIP = new Set(['node_modules', 'dist', 'out', '.git', '.vscode-test', 'test-results']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

// A clone of the repository alone must build, test, demo and bench: nothing may read, or send a reader to, the
// team's notes that sit beside some checkouts (../shared). The vendors' examples are in test/fixtures/vendor-examples,
// the notes in docs/.
describe('repository: everything it needs is inside it', () => {
  it('no test, script, benchmark or document points outside the repository (../shared)', () => {
    const scanned = ['src', 'test', 'bench', 'scripts', 'docs', '.ci', '.vscode'].flatMap((d) => files(join(ROOT, d)))
      .concat(['README.md', 'DEVELOPERS.md', 'CHANGELOG.md', 'package.json', '.mocharc.json', 'tsconfig.json'].map((f) => join(ROOT, f)))
      .filter((f) => /\.(ts|mts|mjs|cjs|js|json|md|sh|yaml|yml)$|\/\.ci\/run$/.test(f));
    assert.ok(scanned.length > 50, `${scanned.length} files scanned`);
    const offenders = scanned.filter((f) => {
      const text = readFileSync(f, 'utf8');
      return /\.\.\/shared\b|(['"])shared\1\s*,\s*(['"])seeds\2/.test(text) && !f.endsWith('selfContained.test.ts');
    });
    assert.deepEqual(offenders.map((f) => relative(ROOT, f)), []);
  });
});
