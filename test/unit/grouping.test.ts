import * as assert from 'node:assert/strict';
import {
  awaitingSignOff,
  groupRecords,
  recordDescription,
  recordLabel,
  signOffSummary,
  stakeholdersOf,
} from '../../src/core/grouping';
import { SignOff } from '../../src/core/record';
import { makeRecord } from './makeRecord';

function signOff(name: string, state: SignOff['state'], email?: string): SignOff {
  return email ? { name, email, state } : { name, state };
}

const r1 = makeRecord({ path: 'd/0001-a.md', number: 1, title: 'A', status: 'accepted', date: '2026-10-03', tags: ['billing', 'Pricing'] });
const r2 = makeRecord({ path: 'd/0002-b.md', number: 2, title: 'B', status: 'proposed', date: '2026-11-22', tags: ['pricing'] });
const r3 = makeRecord({ path: 'd/0003-c.md', number: 3, title: 'C', date: '2026-11-01', tags: [] });
const r4 = makeRecord({ path: 'd/0004-d.md', number: 4, title: 'D', status: 'superseded', tags: ['api'] });
const r5 = makeRecord({ path: 'd/0005-e.md', number: 5, title: 'E', status: 'proposed', date: '2025-01-15' });
const all = [r1, r2, r3, r4, r5];

function summary(groups: ReturnType<typeof groupRecords>): Array<[string, string[]]> {
  return groups.map((group) => [group.label, group.records.map((record) => record.title)]);
}

describe('groupRecords', () => {
  it('groups by status in lifecycle order, unknown last, empty groups left out', () => {
    assert.deepEqual(summary(groupRecords(all, 'status')), [
      ['Proposed', ['B', 'E']],
      ['Accepted', ['A']],
      ['Superseded', ['D']],
      ['Unknown status', ['C']],
    ]);
  });

  it('groups by tag alphabetically and case-insensitively, untagged last', () => {
    const groups = groupRecords(all, 'tag');
    assert.deepEqual(summary(groups), [
      ['api', ['D']],
      ['billing', ['A']],
      ['Pricing', ['A', 'B']],
      ['Untagged', ['C', 'E']],
    ]);
    assert.equal(new Set(groups.map((group) => group.key)).size, groups.length);
  });

  it('groups by stakeholder from sign-off, decision-makers, consulted and informed', () => {
    const withPeople = [
      makeRecord({ path: 'a.md', title: 'A', signOff: [signOff('Sam Lee', 'pending')], decisionMakers: ['Ana Ruiz'] }),
      makeRecord({ path: 'b.md', title: 'B', consulted: ['sam lee', 'Finance'], informed: ['Ana Ruiz'] }),
      makeRecord({ path: 'c.md', title: 'C' }),
    ];
    assert.deepEqual(summary(groupRecords(withPeople, 'stakeholder')), [
      ['Ana Ruiz', ['A', 'B']],
      ['Finance', ['B']],
      ['Sam Lee', ['A', 'B']],
      ['No stakeholders', ['C']],
    ]);
  });

  it('groups by month, newest first, undated last', () => {
    assert.deepEqual(summary(groupRecords(all, 'month')), [
      ['2026-11', ['B', 'C']],
      ['2026-10', ['A']],
      ['2025-01', ['E']],
      ['Undated', ['D']],
    ]);
  });

  it('returns no groups for no records', () => {
    for (const grouping of ['status', 'tag', 'stakeholder', 'month'] as const) assert.deepEqual(groupRecords([], grouping), []);
  });
});

describe('record labels', () => {
  it('labels with the prefix and number, or the title alone', () => {
    assert.equal(recordLabel(r1), 'DR-1 A');
    assert.equal(recordLabel(r1, 'ADR'), 'ADR-1 A');
    assert.equal(recordLabel(makeRecord({ path: 'x/20240101-a.md', title: 'Dated' })), 'Dated');
  });

  it('summarises sign-off', () => {
    assert.equal(signOffSummary(r1), undefined);
    const record = makeRecord({
      path: 'a.md',
      signOff: [signOff('A', 'approved'), signOff('B', 'approved'), signOff('C', 'pending')],
    });
    assert.equal(signOffSummary(record), '2/3 signed');
    const objected = makeRecord({ path: 'b.md', signOff: [signOff('A', 'objected'), signOff('B', 'abstained')] });
    assert.equal(signOffSummary(objected), '0/2 signed, 1 objected');
  });

  it('describes with date and sign-off', () => {
    const record = makeRecord({
      path: 'a.md',
      date: '2026-11-22',
      signOff: [signOff('A', 'approved'), signOff('B', 'approved'), signOff('C', 'pending')],
    });
    assert.equal(recordDescription(record), '2026-11-22 · 2/3 signed');
    assert.equal(recordDescription(r1), '2026-10-03');
    assert.equal(recordDescription(r4), '');
  });

  it('lists stakeholders once each', () => {
    const record = makeRecord({ path: 'a.md', signOff: [signOff('Sam', 'pending')], decisionMakers: ['sam', 'Ana'], informed: [' Ana '] });
    assert.deepEqual(stakeholdersOf(record), ['Sam', 'Ana']);
  });
});

describe('awaitingSignOff', () => {
  const pendingSam = makeRecord({ path: 'a.md', title: 'A', signOff: [signOff('Sam Lee', 'pending', 'Sam@Example.com')] });
  const approvedSam = makeRecord({ path: 'b.md', title: 'B', signOff: [signOff('Sam Lee', 'approved', 'sam@example.com')] });
  const pendingByName = makeRecord({ path: 'c.md', title: 'C', signOff: [signOff('sam lee', 'pending')] });
  const otherSamesName = makeRecord({ path: 'd.md', title: 'D', signOff: [signOff('Sam Lee', 'pending', 'other.sam@example.com')] });
  const records = [pendingSam, approvedSam, pendingByName, otherSamesName];

  it('matches by e-mail, ignoring case, before names', () => {
    assert.deepEqual(
      awaitingSignOff(records, { name: 'Sam Lee', email: 'sam@example.COM' }).map((record) => record.title),
      ['A', 'C'],
    );
  });

  it('matches by name when there is no e-mail to compare', () => {
    assert.deepEqual(awaitingSignOff(records, { name: ' SAM LEE ' }).map((record) => record.title), ['A', 'C', 'D']);
  });

  it('finds nothing for an empty identity', () => {
    assert.deepEqual(awaitingSignOff(records, {}), []);
    assert.deepEqual(awaitingSignOff(records, { name: '  ' }), []);
  });
});
