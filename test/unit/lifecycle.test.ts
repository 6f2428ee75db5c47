import * as assert from 'node:assert/strict';
import { nextStatuses } from '../../src/core/lifecycle';
import { STATUSES } from '../../src/core/record';

describe('nextStatuses', () => {
  it('moves a proposal to accepted or rejected, and an accepted decision to deprecated or superseded', () => {
    assert.deepEqual(nextStatuses('proposed'), ['accepted', 'rejected']);
    assert.deepEqual(nextStatuses('accepted'), ['deprecated', 'superseded']);
  });

  it('keeps a rejected, deprecated or superseded decision where it is', () => {
    for (const status of ['rejected', 'deprecated', 'superseded'] as const) assert.deepEqual(nextStatuses(status), []);
  });

  it('lets a record without a known status take any', () => {
    assert.deepEqual(nextStatuses(undefined), STATUSES);
  });
});
