import { type DecisionRecord, emptyRecord } from '../../src/core/record';

/** A record with every list empty, for tests that care about a few fields only. */
export function makeRecord(overrides: Partial<DecisionRecord> & { path: string }): DecisionRecord {
  return { ...emptyRecord(overrides.path, 'Untitled'), format: 'rationale', ...overrides };
}
