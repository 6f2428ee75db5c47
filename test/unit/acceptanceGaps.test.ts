import * as assert from 'node:assert/strict';
import { parseRecord } from '../../src/core/parse';
import { acceptanceGaps } from '../../src/core/acceptanceGaps';

const READY = `---
title: Bill annual plans upfront
status: proposed
sign-off:
  - name: Sam Lee
    state: approved
data-sources:
  - title: Churn by plan
    url: https://analytics.example.com/d/123
---
# Bill annual plans upfront

## Rationale

Annual plans churn 40% less.
`;

describe('acceptanceGaps', () => {
  it('is empty for a record with sign-off, rationale and data', () => {
    assert.deepEqual(acceptanceGaps(parseRecord('docs/decisions/0004-a.md', READY)), []);
  });

  it('names the pending and objecting people, then a missing rationale and data source', () => {
    const text = `---
title: Cache everything
status: proposed
sign-off:
  - name: Ana Ruiz
    state: pending
  - name: Kim Park
    state: objected
    comment: Stale prices.
  - name: Lee Chen
    state: pending
---
# Cache everything

## Context

Pages are slow.
`;
    assert.deepEqual(acceptanceGaps(parseRecord('docs/decisions/0006-a.md', text)), [
      'sign-off pending from Ana Ruiz, Lee Chen',
      'objection from Kim Park',
      'no rationale',
      'no data source',
    ]);
  });

  it('does not count abstentions as missing', () => {
    const text = READY.replace('state: approved', 'state: abstained');
    assert.deepEqual(acceptanceGaps(parseRecord('docs/decisions/0004-a.md', text)), []);
  });
});
