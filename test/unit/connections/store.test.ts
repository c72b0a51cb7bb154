// ConnectionStore with in-memory Memento and SecretStorage: metadata and secrets kept apart, all-or-nothing
// writes with rollback, secrets deleted on removal. `vscode` is replaced by the one class the store uses.
import assert from 'node:assert/strict';
import Module from 'node:module';
import { after, before, describe, it } from 'mocha';
import type { ConnectionStore as StoreType } from '../../../src/connections/store';
import { nullLogger } from '../../../src/util/log';

class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  event = (l: (e: T) => void) => { this.listeners.push(l); return { dispose: () => { this.listeners = this.listeners.filter((x) => x !== l); } }; };
  fire(e: T): void { for (const l of this.listeners) l(e); }
  dispose(): void { this.listeners = []; }
}

class MemoryMemento {
  readonly data = new Map<string, unknown>();
  failNext = false;
  keys(): readonly string[] { return [...this.data.keys()]; }
  get<T>(key: string, def?: T): T | undefined { return (this.data.has(key) ? this.data.get(key) : def) as T | undefined; }
  async update(key: string, value: unknown): Promise<void> {
    if (this.failNext) { this.failNext = false; throw new Error('disk full'); }
    this.data.set(key, JSON.parse(JSON.stringify(value)));
  }
}

class MemorySecrets {
  readonly data = new Map<string, string>();
  failNext = false;
  /** Reads reject while set, as VS Code's SecretStorage does without a keyring daemon. */
  failReads = false;
  /** The next N writes reject. */
  failWrites = 0;
  async get(key: string): Promise<string | undefined> {
    if (this.failReads) throw new Error('Cannot create an item in a locked collection');
    return this.data.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    if (this.failWrites > 0) { this.failWrites -= 1; throw new Error('An OS keyring couldn\'t be identified'); }
    if (this.failNext) { this.failNext = false; throw new Error('keyring locked'); }
    this.data.set(key, value);
  }
  /** Deletes reject while set (a locked keyring). */
  failDeletes = false;
  async delete(key: string): Promise<void> {
    if (this.failDeletes) throw new Error('Cannot delete an item in a locked collection');
    this.data.delete(key);
  }
  async keys(): Promise<string[]> { return [...this.data.keys()]; }
  onDidChange = () => ({ dispose() {} });
}

let ConnectionStore: typeof StoreType;
let saveWithRetry: typeof import('../../../src/connections/saving').saveWithRetry;
const M = Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown };
const originalLoad = M._load;

function setup() {
  const state = new MemoryMemento();
  const secrets = new MemorySecrets();
  const store = new ConnectionStore(state as never, secrets as never, nullLogger);
  return { state, secrets, store };
}

const META = { label: 'HC', platform: 'helpcrunch' as const, baseUrl: 'https://api.helpcrunch.com' };

describe('ConnectionStore', () => {
  before(() => {
    M._load = function (req: string, ...rest: unknown[]) {
      return req === 'vscode' ? { EventEmitter } : originalLoad.call(this, req, ...rest);
    };
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after `vscode` is stubbed
    ({ ConnectionStore } = require('../../../src/connections/store') as { ConnectionStore: typeof StoreType });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after `vscode` is stubbed
    ({ saveWithRetry } = require('../../../src/connections/saving') as typeof import('../../../src/connections/saving'));
  });
  after(() => { M._load = originalLoad; });

  it('keeps metadata in state and credentials in secrets only', async () => {
    const { state, secrets, store } = setup();
    const events: string[] = [];
    store.onDidChange((e) => events.push(`${e.kind}:${e.id}`));
    const c = await store.add(META, { apiKey: 'hc-secret-key-123' });
    assert.equal(JSON.stringify([...state.data.values()]).includes('hc-secret-key-123'), false);
    assert.deepEqual(JSON.parse(secrets.data.get(`chatdesk.connection.${c.id}`)!), { apiKey: 'hc-secret-key-123' });
    assert.deepEqual(await store.credentials(c.id), { apiKey: 'hc-secret-key-123' });
    assert.deepEqual(events, [`added:${c.id}`]);
    // a second store over the same state sees it (survives restarts)
    const again = new ConnectionStore(state as never, secrets as never, nullLogger);
    assert.equal(again.list().length, 1);
  });

  it('saves nothing when the secrets cannot be stored', async () => {
    const { state, secrets, store } = setup();
    secrets.failNext = true;
    await assert.rejects(store.add(META, { apiKey: 'k-1234567' }), (e: Error) => e.name === 'KeyringError' && (e.cause as Error).message === 'keyring locked');
    assert.equal(store.list().length, 0);
    assert.equal(state.data.size, 0);
  });

  it('rolls the secrets back when the metadata cannot be saved', async () => {
    const { state, secrets, store } = setup();
    state.failNext = true;
    await assert.rejects(store.add(META, { apiKey: 'k-1234567' }), /disk full/);
    assert.equal(store.list().length, 0);
    assert.equal(secrets.data.size, 0);
  });

  it('update merges credentials (undefined keeps, empty removes) and restores them if saving fails', async () => {
    const { state, store } = setup();
    const c = await store.add({ ...META, platform: 'revechat', username: 'a@b.co' }, { apiKey: 'key-one-1234', password: 'pw-one-1234' });
    await store.update(c.id, { label: 'REVE' }, { apiKey: undefined, password: 'pw-two-1234' });
    assert.deepEqual(await store.credentials(c.id), { apiKey: 'key-one-1234', password: 'pw-two-1234' });
    await store.update(c.id, { username: undefined }, { password: '' });
    assert.deepEqual(await store.credentials(c.id), { apiKey: 'key-one-1234' });
    assert.equal(store.get(c.id)?.username, undefined);
    state.failNext = true;
    await assert.rejects(store.update(c.id, { label: 'x' }, { apiKey: 'key-three-1234' }));
    assert.deepEqual(await store.credentials(c.id), { apiKey: 'key-one-1234' });
    assert.equal(store.get(c.id)?.label, 'REVE');
  });

  it('rename changes only the label; remove deletes the secrets; several connections per platform', async () => {
    const { secrets, store } = setup();
    const a = await store.add(META, { apiKey: 'key-a-12345' });
    const b = await store.add({ ...META, label: 'HC 2' }, { apiKey: 'key-b-12345' });
    const kinds: string[] = [];
    store.onDidChange((e) => kinds.push(e.kind));
    await store.rename(a.id, 'Renamed');
    assert.equal(store.get(a.id)?.label, 'Renamed');
    await store.remove(a.id);
    assert.deepEqual(kinds, ['renamed', 'removed']);
    assert.equal(secrets.data.has(`chatdesk.connection.${a.id}`), false);
    assert.deepEqual(store.list().map((c) => c.id), [b.id]);
  });

  describe('an OS keyring that fails (issue 9, item 8)', () => {
    it('a read that rejects is a KeyringError saying "VS Code could not read the OS keyring", not the raw message', async () => {
      const { secrets, store } = setup();
      const c = await store.add(META, { apiKey: 'hc-secret-key-123' });
      secrets.failReads = true;
      const e = await store.credentials(c.id).then(() => undefined, (err: unknown) => err as Error & { kind?: string; operation?: string });
      assert.ok(e, 'rejects');
      assert.equal(e.name, 'KeyringError');
      assert.equal(e.operation, 'read');
      assert.match(e.message, /^VS Code could not read the OS keyring/);
      assert.doesNotMatch(e.message, /locked collection/);
      // an update that needs the stored secret cannot half-save either
      await assert.rejects(store.update(c.id, { label: 'x' }, { apiKey: 'new-key-12345' }), (err: Error) => err.name === 'KeyringError');
      assert.equal(store.get(c.id)?.label, 'HC');
    });

    it('Add Connection: a save the keyring refuses is offered again with every value kept; nothing half-saved', async () => {
      const { state, secrets, store } = setup();
      secrets.failWrites = 2;
      const questions: string[] = [];
      const saved = await saveWithRetry(() => store.add(META, { apiKey: 'typed-key-12345' }), async (message, detail, action) => {
        questions.push(`${message} | ${action}`);
        assert.match(detail, /Nothing was saved, and everything you entered is kept/);
        assert.equal(state.data.size + store.list().length, 0, 'nothing saved before the retry');
        return true;
      });
      assert.equal(questions.length, 2);
      assert.match(questions[0], /^VS Code could not save the credentials in the OS keyring\. \| Try Again$/);
      assert.ok(saved);
      assert.deepEqual(await store.credentials(saved.id), { apiKey: 'typed-key-12345' });
      assert.equal(store.list().length, 1);
    });

    it('declining to try again saves nothing and reports no error', async () => {
      const { state, secrets, store } = setup();
      secrets.failWrites = 1;
      const saved = await saveWithRetry(() => store.add(META, { apiKey: 'typed-key-12345' }), async () => false);
      assert.equal(saved, undefined);
      assert.equal(store.list().length, 0);
      assert.equal(state.data.size, 0);
      assert.equal(secrets.data.size, 0);
    });

    it('Remove: a keyring that cannot delete the credentials keeps the connection and says so (nothing removed half-way)', async () => {
      const { state, secrets, store } = setup();
      const c = await store.add(META, { apiKey: 'hc-secret-key-123' });
      const events: string[] = [];
      store.onDidChange((e) => events.push(e.kind));
      secrets.failDeletes = true;
      const e = await store.remove(c.id).then(() => undefined, (err: unknown) => err as Error & { operation?: string });
      assert.ok(e, 'rejects: the user was told the credentials would be deleted');
      assert.equal(e.name, 'KeyringError');
      assert.equal(e.operation, 'delete');
      assert.match(e.message, /could not delete the credentials .* OS keyring/i);
      assert.match(e.message, /kept/);
      assert.match(e.message, /settings-sync#_troubleshooting-keychain-issues/);
      assert.doesNotMatch(e.message, /locked collection/);
      assert.deepEqual(store.list().map((x) => x.id), [c.id], 'the connection stays, so Remove can be tried again');
      assert.equal(JSON.stringify([...state.data.values()]).includes(c.id), true);
      assert.equal(secrets.data.has(`chatdesk.connection.${c.id}`), true);
      assert.deepEqual(events, []);
      // once the keyring works, Remove removes both
      secrets.failDeletes = false;
      await store.remove(c.id);
      assert.equal(store.list().length, 0);
      assert.equal(secrets.data.size, 0);
      assert.deepEqual(events, ['removed']);
    });

    it('Remove: metadata that cannot be saved after the secret was deleted puts the secret back', async () => {
      const { state, secrets, store } = setup();
      const c = await store.add(META, { apiKey: 'hc-secret-key-123' });
      state.failNext = true;
      await assert.rejects(store.remove(c.id), /disk full/);
      assert.equal(store.list().length, 1);
      assert.deepEqual(await store.credentials(c.id), { apiKey: 'hc-secret-key-123' });
      assert.ok(secrets.data.size === 1);
    });

    for (const [name, stored] of [['nothing (undefined)', undefined], ['an empty string', ''], ['unreadable JSON', '{"apiKey":'], ['no credential in it', '{}']] as [string, string | undefined][]) {
      it(`a keyring that returns ${name} for a connection that has credentials says so (not "No token is set")`, async () => {
        const { secrets, store } = setup();
        const c = await store.add(META, { apiKey: 'hc-secret-key-123' });
        if (stored === undefined) secrets.data.delete(`chatdesk.connection.${c.id}`);
        else secrets.data.set(`chatdesk.connection.${c.id}`, stored);
        const e = await store.credentials(c.id).then(() => undefined, (err: unknown) => err as Error & { operation?: string });
        assert.ok(e, 'rejects');
        assert.equal(e.name, 'KeyringError');
        assert.equal(e.operation, 'read', 'the tree offers Update Credentials and the keyring help, as for a read that fails');
        assert.match(e.message, /OS keyring/);
        assert.match(e.message, stored === undefined || stored === '' ? /returned no credentials|returned nothing/ : /unreadable|no credential/);
      });
    }

    it('a connection that does not exist (any more) has no credentials, without an error', async () => {
      const { store } = setup();
      assert.deepEqual(await store.credentials('gone'), {});
    });

    it('other failures are not retried', async () => {
      const { state, store } = setup();
      state.failNext = true;
      let asked = false;
      await assert.rejects(saveWithRetry(() => store.add(META, { apiKey: 'k-1234567' }), async () => { asked = true; return true; }), /disk full/);
      assert.equal(asked, false);
    });
  });
});
