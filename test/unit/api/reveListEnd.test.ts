// REVE Chat: every plausible "nothing more here" on page 2+ ends the list without an error (issue 9 §6), while a
// real error there (credentials, permissions, rate limits, server faults) stays one; page 1 keeps its meaning (an
// empty account, or an error).

import * as assert from 'node:assert/strict';
import type { ListingEnd } from '../../../src/api/model';
import type { RevechatListEnd, Sandbox, SandboxOptions } from '../../../src/sandbox/types';
import { FakeClock } from './fakeClock';
import { assertApiError, collect, FAST, rejection, reve, sandbox } from './support';

async function withSandbox<T>(options: SandboxOptions, run: (sb: Sandbox) => Promise<T>): Promise<T> {
  const sb = await sandbox(options);
  try {
    return await run(sb);
  } finally {
    await sb.stop();
  }
}

async function listing<T>(list: (o: { onEnd(e: ListingEnd): void }) => AsyncIterable<T[]>): Promise<{ items: T[]; end: ListingEnd | undefined }> {
  let end: ListingEnd | undefined;
  const { items } = await collect(list({ onEnd: (e) => { end = e; } }));
  return { items, end };
}

describe('REVE Chat: the end of a list, every form (issue 9 §6)', function () {
  this.timeout(20_000);

  const ends: [RevechatListEnd, string | undefined][] = [
    ['object-body', undefined], ['string-body', undefined], ['false-body', undefined],
    ['legacy-200', undefined], ['legacy-200', 'No data found'],
    ['text-200', undefined], ['text-200', 'No agents'],
    ['error-200', 'Data not available'], ['error-200', 'Empty result'], ['error-200', 'Nothing found'], ['error-200', 'No agent found'],
    ['error-200', 'No agents available'], ['error-200', 'Record not found'], ['error-200', 'No more records'], ['error-200', 'The list is empty'],
    ['not-found', 'No data available for this page'],
    ['out-of-range', undefined], ['page-limit', undefined], ['invalid-page', 'page_no exceeds the number of pages'],
    ['page-limit', 'pageNo must be less than or equal to 1'],
  ];
  for (const [form, message] of ends) {
    it(`a page past the end (page 3) answered ${form}${message ? ` "${message}"` : ''}: the list ends, complete, without an error (agents and offline messages)`, () =>
      withSandbox({ agents: 40, offlineMessages: 40, revechatListEnd: form, revechatListEndMessage: message }, async (sb) => {
        const agents = await listing((o) => reve(sb, { ...FAST, concurrency: 1 }).agents(o));
        assert.equal(agents.items.length, 40);
        assert.deepEqual(agents.end, { received: 40 });
        const messages = await listing((o) => reve(sb, { ...FAST, concurrency: 1 }).offlineMessages(o));
        assert.equal(messages.items.length, 40);
      }));
  }

  for (const [form, message] of [['object-body', undefined], ['false-body', undefined], ['error-200', 'Data not available'], ['legacy-200', undefined]] as const) {
    it(`page 1 of an empty account answered ${form}${message ? ` "${message}"` : ''}: no agents, no error`, () =>
      withSandbox({ agents: 30, revechatEmptyAccount: true, revechatListEnd: form, revechatListEndMessage: message }, async (sb) => {
        assert.deepEqual((await collect(reve(sb).agents())).items, []);
      }));
  }

  it('page 1 answered with words that are not "nothing here" is still an error', () =>
    withSandbox({ agents: 30, revechatEmptyAccount: true, revechatListEnd: 'error-200', revechatListEndMessage: 'Something went wrong' }, async (sb) => {
      assertApiError(await rejection(collect(reve(sb).agents())), 'bad-request', /Something went wrong/);
    }));

  it('past page 1: credentials, permissions, rate limits and server faults are still errors', () =>
    withSandbox({ agents: 40 }, async (sb) => {
      for (const [message, kind] of [
        ['Authorization key has expired', 'auth'], ['Access denied for account 1', 'forbidden'], ['Too many requests', 'rate-limited'],
      ] as const) {
        const sb2 = await sandbox({ agents: 40, revechatListEnd: 'error-200', revechatListEndMessage: message });
        try {
          assertApiError(await rejection(collect(reve(sb2, { ...FAST, concurrency: 1, clock: new FakeClock() }).agents())), kind);
        } finally {
          await sb2.stop();
        }
      }
      // A 503 on page 2 (every second request) is retried, and when it never stops it is an error, not an end.
      sb.setFaults({ errorRate: 1 });
      assertApiError(await rejection(collect(reve(sb, { ...FAST, maxRetries: 1, clock: new FakeClock() }).agents())), 'server');
    }));
});
