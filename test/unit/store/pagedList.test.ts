import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { ApiError } from '../../../src/api/errors';
import { PagedList } from '../../../src/store';

interface Item { id: string }
const items = (...ids: string[]): Item[] => ids.map((id) => ({ id }));

function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
}

describe('PagedList', () => {
  it('shows pages of a first load as they arrive, then is loaded', async () => {
    const gate = deferred();
    const list = new PagedList<Item>(async function* () {
      yield items('1', '2');
      await gate.promise;
      yield items('3');
    }, { maxPages: () => 10 });
    const seen: number[] = [];
    list.onDidChange(() => seen.push(list.items.length));
    const done = list.refresh();
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(list.status, 'loading');
    assert.deepEqual(list.items.map((i) => i.id), ['1', '2']);
    gate.resolve();
    await done;
    assert.equal(list.status, 'loaded');
    assert.deepEqual(list.items.map((i) => i.id), ['1', '2', '3']);
    assert.ok(seen.includes(2));
  });

  it('keeps previous items when a refresh fails, and reports the error', async () => {
    let fail = false;
    const list = new PagedList<Item>(async function* () {
      if (fail) throw new ApiError('server', 'HTTP 503');
      yield items('a', 'b');
    }, { maxPages: () => 10 });
    await list.refresh();
    fail = true;
    await list.refresh();
    assert.equal(list.status, 'error');
    assert.equal((list.error as ApiError).kind, 'server');
    assert.deepEqual(list.items.map((i) => i.id), ['a', 'b']);
    fail = false;
    await list.refresh();
    assert.equal(list.status, 'loaded');
    assert.equal(list.error, undefined);
  });

  it('a newer refresh cancels the older one (its signal aborts, its pages are dropped)', async () => {
    const signals: AbortSignal[] = [];
    const gate = deferred();
    const list = new PagedList<Item>((signal) => {
      const mine = signals.push(signal);
      return (async function* () {
        if (mine === 1) { await gate.promise; yield items('old'); return; }
        yield items('new');
      })();
    }, { maxPages: () => 10 });
    const first = list.refresh();
    const second = list.refresh();
    await second;
    gate.resolve();
    await first;
    assert.equal(signals.length, 2);
    assert.ok(signals[0].aborted);
    assert.ok(!signals[1].aborted);
    assert.equal(list.status, 'loaded');
    assert.deepEqual(list.items.map((i) => i.id), ['new']);
  });

  it('stops at the page cap and marks the list truncated; drops duplicate ids', async () => {
    const list = new PagedList<Item>(async function* () {
      for (let p = 0; ; p++) yield items(`${p}`, `${p}`, 'dup');
    }, { maxPages: () => 3 });
    await list.refresh();
    assert.equal(list.status, 'loaded');
    assert.ok(list.truncated);
    assert.deepEqual(list.items.map((i) => i.id), ['0', 'dup', '1', '2']);
  });

  it('ensureLoaded starts once; errors never reject', async () => {
    let calls = 0;
    const list = new PagedList<Item>(async () => { calls += 1; throw new ApiError('network', 'ECONNREFUSED'); }, { maxPages: () => 1 });
    await Promise.all([list.ensureLoaded(), list.ensureLoaded()]);
    assert.equal(calls, 1);
    assert.equal(list.status, 'error');
    await list.ensureLoaded();
    assert.equal(calls, 1);
  });
});
