// Joining pieces of text into sentences (src/text/sentences.ts): pieces that end with a full stop and pieces that do
// not give the same clean text.
import * as assert from 'node:assert/strict';
import { clause, joinClauses, joinSentences, sentence } from '../../../src/text/sentences';

describe('sentences', () => {
  it('ends a sentence once, keeping "!", "?", an ellipsis and closing quotes', () => {
    assert.equal(sentence('Bad credentials'), 'Bad credentials.');
    assert.equal(sentence('Bad credentials.'), 'Bad credentials.');
    assert.equal(sentence('  Wait!  '), 'Wait!');
    assert.equal(sentence('Really?'), 'Really?');
    assert.equal(sentence('and so on…'), 'and so on…');
    assert.equal(sentence('it said: "Invalid key."'), 'it said: "Invalid key."');
    assert.equal(sentence('it said: "Invalid key"'), 'it said: "Invalid key".');
    assert.equal(sentence(''), '');
  });

  it('makes a clause of a sentence: one final full stop goes, an ellipsis stays', () => {
    assert.equal(clause('This value should be blank.'), 'This value should be blank');
    assert.equal(clause('wait...'), 'wait...');
    assert.equal(clause('Why?'), 'Why?');
  });

  it('joins with and without periods alike: never "..", ". ;" or a missing full stop', () => {
    for (const [a, b] of [['One', 'Two'], ['One.', 'Two.'], ['One.', 'Two'], ['One', 'Two.']]) {
      assert.equal(joinSentences([a, undefined, '', b]), 'One. Two.');
      assert.equal(joinClauses([a, false, b]), 'One; Two');
    }
  });
});
