import * as assert from 'node:assert/strict';
import { COPY_FIELDS, isCopyField, parsePageMessage, previewMessage } from '../../../src/webviews/protocol';

describe('panel message protocol', () => {
  it('accepts ready and copy of each field, as plain or null-prototype objects', () => {
    assert.deepEqual(parsePageMessage({ type: 'ready' }), { type: 'ready' });
    for (const field of COPY_FIELDS) {
      assert.deepEqual(parsePageMessage({ type: 'copy', field }), { type: 'copy', field });
      assert.deepEqual(parsePageMessage(JSON.parse(JSON.stringify({ type: 'copy', field }))), { type: 'copy', field });
    }
    assert.deepEqual(parsePageMessage(Object.assign(Object.create(null) as object, { type: 'ready' })), { type: 'ready' });
  });

  it('returns a fresh object, never the page\'s own', () => {
    const m = { type: 'copy', field: 'id' };
    assert.notEqual(parsePageMessage(m), m);
  });

  const rejected: [string, unknown][] = [
    ['undefined', undefined], ['null', null], ['a string', 'ready'], ['a number', 1], ['a boolean', true],
    ['an array', ['ready']], ['an array with type', Object.assign(['x'], { type: 'ready' })],
    ['an empty object', {}], ['an unknown type', { type: 'hello' }], ['type in another case', { type: 'READY' }],
    ['a non-string type', { type: 1 }], ['copy without field', { type: 'copy' }],
    ['copy with an unknown field', { type: 'copy', field: 'password' }],
    ['copy with a field of another type', { type: 'copy', field: ['id'] }],
    ['copy with text to copy', { type: 'copy', field: 'id', text: 'rm -rf ~' }],
    ['ready with extra fields', { type: 'ready', extra: 1 }],
    ['a command', { type: 'command', command: 'workbench.action.terminal.new' }],
    ['a command alongside copy', { type: 'copy', field: 'id', command: 'workbench.action.quit' }],
    ['a command alongside ready', { type: 'ready', command: 'workbench.action.quit', args: [] }],
    ['executeCommand', { type: 'executeCommand', command: 'workbench.action.quit' }],
    ['a command: URI as field', { type: 'copy', field: 'command:workbench.action.quit' }],
    ['__proto__ as field', { type: 'copy', field: '__proto__' }],
    ['constructor as field', { type: 'copy', field: 'constructor' }],
    ['toString as field', { type: 'copy', field: 'toString' }],
    ['an own __proto__ key', JSON.parse('{"type":"ready","__proto__":{"polluted":true}}')],
    ['an own __proto__ key on copy', JSON.parse('{"type":"copy","field":"id","__proto__":{"field":"json"}}')],
    ['constructor.prototype pollution', JSON.parse('{"type":"ready","constructor":{"prototype":{"polluted":true}}}')],
    ['type inherited from the prototype', Object.create({ type: 'ready' }) as object],
    ['a class instance', new (class { type = 'ready'; })()],
    ['a Map', new Map([['type', 'ready']])],
    ['a getter', Object.defineProperty({}, 'type', { get: () => 'ready', enumerable: true })],
    ['a symbol key', { type: 'ready', [Symbol('x')]: 1 }],
    ['a huge type', { type: 'r'.repeat(1_000_000) }],
    ['a huge field', { type: 'copy', field: 'id'.repeat(500_000) }],
    ['a field with a NUL', { type: 'copy', field: 'id\u0000' }],
    ['a function', () => 'ready'],
  ];
  for (const [name, message] of rejected) {
    it(`rejects ${name}`, () => {
      assert.equal(parsePageMessage(message), undefined);
    });
  }

  it('knows its copy fields and nothing else', () => {
    assert.ok(isCopyField('json'));
    assert.ok(!isCopyField('JSON'));
    assert.ok(!isCopyField('hasOwnProperty'));
  });

  it('previews rejected messages briefly and never throws', () => {
    const cyclic: Record<string, unknown> = { type: 'x' };
    cyclic.self = cyclic;
    for (const m of [undefined, null, 'x'.repeat(1e6), { type: 'y'.repeat(1e6) }, cyclic, { b: 1n }, () => 1, Symbol('s'), ['a', { c: 'd' }]]) {
      const p = previewMessage(m);
      assert.equal(typeof p, 'string');
      assert.ok(p.length <= 201, `${p.length}`);
    }
    assert.equal(previewMessage({ type: 'command', command: 'workbench.action.quit' }), '{"type":"command","command":"workbench.action.quit"}');
    const invisible = (s: string) => [...s].some((c) => c < ' ' || c === '\u202e');
    assert.ok(!invisible(previewMessage({ t: '\u202eline\nbreak\u0000' })));
    assert.ok(!invisible(previewMessage('\u202eline\nbreak')));
  });
});
