import type { DecisionRecord } from '../../src/core/record';

/** A record with every list empty, for tests that care about a few fields only. */
export function makeRecord(overrides: Partial<DecisionRecord> & { path: string }): DecisionRecord {
  return {
    title: 'Untitled',
    tags: [],
    decisionMakers: [],
    consulted: [],
    informed: [],
    signOff: [],
    dataSources: [],
    supersedes: [],
    supersededBy: [],
    related: [],
    links: [],
    format: 'rationale',
    hasRationale: false,
    problems: [],
    ...overrides,
  };
}
