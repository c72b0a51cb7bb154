import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'mocha';

// The sandbox is bundled alone (dist/sandbox.js) and started inside the extension host: it must not touch vscode,
// the file system or anything outside the repository at run time.
describe('sandbox: standalone module', () => {
  const dir = join(__dirname, '..', '..', '..', 'src', 'sandbox');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

  it('imports only node built-ins and its own modules', () => {
    assert.ok(files.length > 5);
    for (const f of files) {
      const src = readFileSync(join(dir, f), 'utf8');
      for (const m of src.matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)) {
        const spec = m[1];
        assert.ok(spec.startsWith('./') || spec.startsWith('node:'), `${f} imports ${spec}`);
        assert.ok(!/^node:(fs|fs\/promises|child_process)$/.test(spec), `${f} imports ${spec}`);
      }
    }
  });
});
