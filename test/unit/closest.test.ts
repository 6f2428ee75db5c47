import * as assert from 'node:assert/strict';
import { byCloseness, editDistance } from '../../src/core/closest';
import { SIGN_OFF_STATES, STATUSES } from '../../src/core/record';

describe('closest', () => {
  it('counts insertions, deletions and substitutions, ignoring case', () => {
    assert.equal(editDistance('', ''), 0);
    assert.equal(editDistance('abc', ''), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('Accepted', 'accepted'), 0);
  });

  const cases: [string, readonly string[], string][] = [
    ['acepted', STATUSES, 'accepted'],
    ['[accepted', STATUSES, 'accepted'],
    ['Rejectd', STATUSES, 'rejected'],
    ['deprecate', STATUSES, 'deprecated'],
    ['propsed', STATUSES, 'proposed'],
    ['aproved', SIGN_OFF_STATES, 'approved'],
    ['objection', SIGN_OFF_STATES, 'objected'],
    ['waiting', SIGN_OFF_STATES, 'pending'],
  ];
  for (const [typed, candidates, expected] of cases) {
    it(`ranks ${expected} first for "${typed}" and keeps every candidate`, () => {
      const ranked = byCloseness(typed, candidates);
      assert.equal(ranked[0], expected);
      assert.deepEqual([...ranked].sort(), [...candidates].sort());
    });
  }
});
