import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { printable } from '../../../src/util/printable';

describe('log lines', () => {
  it('write control and direction characters from data as \\uXXXX, keep tabs, newlines and text', () => {
    assert.equal(printable('java\u0000script \u001b[31mred \u202egnp.exe\tok\nnext é'), 'java\\u0000script \\u001b[31mred \\u202egnp.exe\tok\nnext é');
  });
});
