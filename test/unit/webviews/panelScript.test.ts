// The script that runs inside the panels, bundled as the build bundles it and run against a tiny fake DOM.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { build } from 'esbuild';
import { parsePageMessage } from '../../../src/webviews/protocol';

const entry = path.resolve(__dirname, '../../../src/webviews/page/panel.ts');

class FakeElement {
  readonly classes: Set<string>;
  readonly dataset: Record<string, string> = {};
  children: FakeElement[] = [];
  open = false;
  private readonly listeners = new Map<string, () => void>();
  constructor(readonly tag: string, classes: string[] = [], dataCopy?: string) {
    this.classes = new Set(classes);
    if (dataCopy !== undefined) this.dataset.copy = dataCopy;
  }
  get classList() {
    return {
      replace: (a: string, b: string) => { if (!this.classes.delete(a)) return false; this.classes.add(b); return true; },
      contains: (c: string) => this.classes.has(c),
      remove: (...cs: string[]) => { for (const c of cs) this.classes.delete(c); },
      toggle: (c: string, on: boolean) => { if (on) this.classes.add(c); else this.classes.delete(c); },
    };
  }
  parent?: FakeElement;
  append(child: FakeElement): FakeElement { child.parent = this; this.children.push(child); return this; }
  closest(selector: string): FakeElement | null {
    assert.equal(selector, 'button[data-copy]');
    if (this.tag === 'button' && 'copy' in this.dataset) return this;
    return this.parent ? this.parent.closest(selector) : null;
  }
  querySelector(selector: string): FakeElement | null {
    assert.equal(selector, '.codicon');
    return this.children.find((c) => c.classes.has('codicon')) ?? null;
  }
  addEventListener(type: string, l: () => void): void { this.listeners.set(type, l); }
  fire(type: string): void { this.listeners.get(type)?.(); }
}

let bundled: string;

async function run(options: { raw?: FakeElement; state?: unknown; restore?: string } = {}) {
  const posted: unknown[] = [];
  const states: unknown[] = [];
  let click: ((e: { target: unknown; preventDefault(): void }) => void) | undefined;
  let onMessage: ((e: { data: unknown }) => void) | undefined;
  const timers: (() => void)[] = [];
  const context = vm.createContext({
    Element: FakeElement,
    // Messages cross into the host as copies (structured clone); a JSON round trip models that here.
    acquireVsCodeApi: () => ({
      postMessage: (m: unknown) => posted.push(JSON.parse(JSON.stringify(m))),
      getState: () => options.state,
      setState: (s: unknown) => states.push(JSON.parse(JSON.stringify(s))),
    }),
    document: {
      addEventListener: (type: string, l: typeof click) => { assert.equal(type, 'click'); click = l; },
      querySelector: (sel: string) => (sel === 'details.raw' ? options.raw ?? null : null),
      body: { dataset: options.restore === undefined ? {} : { restore: options.restore } },
    },
    window: { addEventListener: (type: string, l: typeof onMessage) => { assert.equal(type, 'message'); onMessage = l; } },
    setTimeout: (fn: () => void) => { timers.push(fn); return timers.length; },
  });
  vm.runInContext(bundled, context);
  const clickOn = (target: unknown) => {
    let prevented = false;
    click?.({ target, preventDefault: () => { prevented = true; } });
    return prevented;
  };
  /** The host posts a message to the page. */
  const fromHost = (data: unknown) => onMessage?.({ data: JSON.parse(JSON.stringify(data)) as unknown });
  return { posted, states, clickOn, timers, fromHost };
}

describe('panel page script', () => {
  before(async () => {
    const out = await build({ entryPoints: [entry], bundle: true, format: 'iife', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent' });
    bundled = out.outputFiles[0].text;
  });

  it('says it is ready', async () => {
    const { posted } = await run();
    assert.deepEqual(posted, [{ type: 'ready' }]);
  });

  it('asks the host to copy the field a copy button names, and shows a check only once the host says it worked', async () => {
    const { posted, clickOn, timers, fromHost } = await run();
    for (const field of ['id', 'email', 'json', 'message']) {
      const icon = new FakeElement('i', ['codicon', 'codicon-copy']);
      const button = new FakeElement('button', ['copy'], field).append(icon);
      assert.equal(clickOn(icon), true);
      assert.ok(icon.classes.has('codicon-copy'), 'no check before the host answered');
      fromHost({ type: 'copied', field, ok: true });
      assert.ok(icon.classes.has('codicon-check'));
      timers.shift()?.();
      assert.ok(icon.classes.has('codicon-copy'));
      void button;
    }
    assert.deepEqual(posted.slice(1), ['id', 'email', 'json', 'message'].map((field) => ({ type: 'copy', field })));
    for (const m of posted) assert.ok(parsePageMessage(m), JSON.stringify(m));
  });

  it('shows an error icon, not a check, when the host says the copy failed; ignores answers it did not ask for', async () => {
    const { clickOn, fromHost } = await run();
    const icon = new FakeElement('i', ['codicon', 'codicon-copy']);
    const button = new FakeElement('button', ['copy'], 'id').append(icon);
    fromHost({ type: 'copied', field: 'id', ok: true }); // not asked yet
    assert.ok(icon.classes.has('codicon-copy'));
    clickOn(icon);
    fromHost({ type: 'copied', field: 'email', ok: true }); // another field
    fromHost({ type: 'copied', field: '__proto__', ok: true });
    assert.ok(icon.classes.has('codicon-copy'));
    fromHost({ type: 'copied', field: 'id', ok: false });
    assert.ok(icon.classes.has('codicon-error'));
    assert.ok(!icon.classes.has('codicon-check'));
    assert.ok(button.classes.has('copy-failed'));
  });

  it('saves which item it shows (ids only) for a restore after a window reload, next to the raw JSON state', async () => {
    const raw = new FakeElement('details', ['raw']);
    const restore = JSON.stringify({ kind: 'agent', connectionId: 'c1', id: '4761' });
    const { states } = await run({ raw, state: { rawOpen: true }, restore });
    assert.deepEqual(states[0], { rawOpen: true, restore: { kind: 'agent', connectionId: 'c1', id: '4761' } });
    raw.open = false;
    raw.fire('toggle');
    assert.deepEqual(states.at(-1), { rawOpen: false, restore: { kind: 'agent', connectionId: 'c1', id: '4761' } });
  });

  it('saves no restore state from a page without one, or with one that is not ours', async () => {
    for (const restore of [undefined, 'not json', JSON.stringify({ kind: 'agent', connectionId: '', id: 'x' }), JSON.stringify({ kind: 'command', connectionId: 'c', id: 'x' })]) {
      const { states } = await run({ restore });
      assert.deepEqual(states, [], String(restore));
    }
  });

  it('sends nothing for buttons naming other things, or clicks elsewhere', async () => {
    const { posted, clickOn } = await run();
    clickOn(new FakeElement('button', [], 'workbench.action.terminal.new'));
    clickOn(new FakeElement('button', [], 'command:workbench.action.quit'));
    clickOn(new FakeElement('button', [], '__proto__'));
    clickOn(new FakeElement('div'));
    clickOn({ closest: () => ({ dataset: { copy: 'id' } }) }); // not an Element
    clickOn(null);
    assert.deepEqual(posted, [{ type: 'ready' }]);
  });

  it('remembers whether the raw JSON section was open', async () => {
    const raw = new FakeElement('details', ['raw']);
    const { states } = await run({ raw, state: { rawOpen: true } });
    assert.equal(raw.open, true);
    raw.open = false;
    raw.fire('toggle');
    assert.deepEqual(states, [{ rawOpen: false }]);
  });

  it('never builds markup or code from strings', () => {
    assert.ok(!/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setAttribute\(\s*["']on/.test(bundled));
  });
});
