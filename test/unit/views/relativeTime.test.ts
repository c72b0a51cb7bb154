import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { relativeTime } from '../../../src/util/relativeTime';

const NOW = Date.UTC(2026, 10, 23, 12);

describe('relative time', () => {
  it('says just now, minutes, hours, days, then the date', () => {
    assert.equal(relativeTime(NOW - 10_000, NOW), 'just now');
    assert.equal(relativeTime(NOW - 5 * 60_000, NOW), '5 min ago');
    assert.equal(relativeTime(NOW - 3 * 3_600_000 - 1, NOW), '3 h ago');
    assert.equal(relativeTime(NOW - 2 * 86_400_000, NOW), '2 d ago');
    assert.equal(relativeTime(Date.UTC(2026, 0, 2), NOW), '2026-01-02');
    assert.equal(relativeTime(NOW + 3_600_000, NOW), 'in the future');
    assert.equal(relativeTime(undefined, NOW), '');
    assert.equal(relativeTime(NaN, NOW), '');
    assert.equal(relativeTime(-1e300, NOW), '', 'a time no Date can hold says nothing (and never throws)');
    assert.equal(relativeTime(8.64e15 + 1, NOW), '');
  });
});
