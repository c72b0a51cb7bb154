// Open Offline Message…: an ID typed into the filter (issue 9, item 10).
import assert from 'node:assert/strict';
import { parseMessageId, typedMessageId } from '../../../src/commands/offlineMessageId';

describe('Open Offline Message…: typed IDs', () => {
  it('offers a typed ID that is not among the loaded messages, trimmed, with or without "#"', () => {
    assert.equal(typedMessageId(' 999999 ', ['744', '740']), '999999');
    assert.equal(typedMessageId('#5001', new Set(['744'])), '5001');
  });

  it('does not offer one that is loaded (the message itself matches), nor text that cannot be an ID', () => {
    assert.equal(typedMessageId('744', ['744', '740']), undefined);
    for (const text of ['', 'refund please', 'a/b', 'x'.repeat(65), '<script>']) assert.equal(typedMessageId(text, []), undefined, text);
  });

  it('parses what the input box accepts', () => {
    assert.equal(parseMessageId('  abc_DEF-123 '), 'abc_DEF-123');
    assert.equal(parseMessageId('12 34'), undefined);
  });
});
