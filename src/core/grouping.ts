/**
 * The presentation model of the decision tree, free of the editor: how records are grouped, in
 * what order, and the label and description each one shows. Every function here is linear in the
 * number of records, so large logs stay instant.
 */
import { DecisionRecord, STATUSES, Status } from './record';

export const GROUPINGS = ['status', 'tag', 'stakeholder', 'month'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface RecordGroup {
  /** Stable identity of the group (survives refreshes, so the tree keeps it expanded). */
  key: string;
  label: string;
  records: DecisionRecord[];
}

/** Keys of the catch-all groups; they cannot collide with real keys, which are never empty. */
export const UNKNOWN_STATUS_KEY = 'status:';
export const UNTAGGED_KEY = 'tag:';
export const NO_STAKEHOLDER_KEY = 'stakeholder:';
export const UNDATED_KEY = 'month:';

const STATUS_LABELS: Record<Status, string> = {
  proposed: 'Proposed',
  accepted: 'Accepted',
  rejected: 'Rejected',
  deprecated: 'Deprecated',
  superseded: 'Superseded',
};

/**
 * Groups records for the tree. Records keep their given order inside a group. A record appears in
 * every tag and stakeholder group it belongs to; empty groups are left out.
 */
export function groupRecords(records: readonly DecisionRecord[], grouping: Grouping): RecordGroup[] {
  switch (grouping) {
    case 'status':
      return byStatus(records);
    case 'tag':
      return byName(records, (record) => record.tags, 'tag:', { key: UNTAGGED_KEY, label: 'Untagged' });
    case 'stakeholder':
      return byName(records, stakeholdersOf, 'stakeholder:', { key: NO_STAKEHOLDER_KEY, label: 'No stakeholders' });
    case 'month':
      return byMonth(records);
  }
}

/** `DR-12 Bill annual plans upfront`, or just the title for a record without a number. */
export function recordLabel(record: DecisionRecord, prefix = 'DR'): string {
  return record.number === undefined ? record.title : `${prefix}-${record.number} ${record.title}`;
}

/**
 * `2/3 signed` (approvals of all named stakeholders), with objections called out
 * (`1/3 signed, 1 objected`); undefined when the record asks nobody to sign.
 */
export function signOffSummary(record: DecisionRecord): string | undefined {
  if (record.signOff.length === 0) return undefined;
  let approved = 0;
  let objected = 0;
  for (const signOff of record.signOff) {
    if (signOff.state === 'approved') approved++;
    else if (signOff.state === 'objected') objected++;
  }
  const summary = `${approved}/${record.signOff.length} signed`;
  return objected > 0 ? `${summary}, ${objected} objected` : summary;
}

/** The tree item's description: `2026-11-22 · 2/3 signed`, parts left out when unknown. */
export function recordDescription(record: DecisionRecord): string {
  return [record.date, signOffSummary(record)].filter((part) => part !== undefined && part !== '').join(' · ');
}

export interface Identity {
  name?: string;
  email?: string;
}

/**
 * Records on which `identity` is a stakeholder whose sign-off is still pending. An e-mail address
 * decides when both sides have one (names are spelt in many ways); otherwise names are compared,
 * ignoring case and surrounding space.
 */
export function awaitingSignOff(records: readonly DecisionRecord[], identity: Identity): DecisionRecord[] {
  const email = normalizeName(identity.email);
  const name = normalizeName(identity.name);
  if (!email && !name) return [];
  return records.filter((record) =>
    record.signOff.some((signOff) => {
      if (signOff.state !== 'pending') return false;
      const theirEmail = normalizeName(signOff.email);
      if (email && theirEmail) return email === theirEmail;
      return name !== '' && normalizeName(signOff.name) === name;
    }),
  );
}

/** Everyone named on a record: sign-off, decision-makers, consulted and informed, each once. */
export function stakeholdersOf(record: DecisionRecord): string[] {
  const names = new Map<string, string>();
  const add = (name: string | undefined): void => {
    const trimmed = name?.trim();
    if (trimmed && !names.has(trimmed.toLowerCase())) names.set(trimmed.toLowerCase(), trimmed);
  };
  for (const signOff of record.signOff) add(signOff.name);
  for (const name of record.decisionMakers) add(name);
  for (const name of record.consulted) add(name);
  for (const name of record.informed) add(name);
  return [...names.values()];
}

function byStatus(records: readonly DecisionRecord[]): RecordGroup[] {
  const buckets = new Map<Status | undefined, DecisionRecord[]>();
  for (const record of records) push(buckets, record.status, record);
  const groups: RecordGroup[] = [];
  for (const status of STATUSES) {
    const inGroup = buckets.get(status);
    if (inGroup) groups.push({ key: `status:${status}`, label: STATUS_LABELS[status], records: inGroup });
  }
  const unknown = buckets.get(undefined);
  if (unknown) groups.push({ key: UNKNOWN_STATUS_KEY, label: 'Unknown status', records: unknown });
  return groups;
}

/** Groups by names a record lists (tags, people), case-insensitively, alphabetical, catch-all last. */
function byName(
  records: readonly DecisionRecord[],
  namesOf: (record: DecisionRecord) => readonly string[],
  keyPrefix: string,
  none: { key: string; label: string },
): RecordGroup[] {
  const groups = new Map<string, RecordGroup>();
  const without: DecisionRecord[] = [];
  for (const record of records) {
    const seen = new Set<string>();
    for (const name of namesOf(record)) {
      const label = name.trim();
      const folded = label.toLowerCase();
      if (label === '' || seen.has(folded)) continue;
      seen.add(folded);
      let group = groups.get(folded);
      if (!group) {
        group = { key: `${keyPrefix}${folded}`, label, records: [] };
        groups.set(folded, group);
      }
      group.records.push(record);
    }
    if (seen.size === 0) without.push(record);
  }
  const sorted = [...groups.values()].sort((a, b) => compareLabels(a.label, b.label));
  if (without.length > 0) sorted.push({ ...none, records: without });
  return sorted;
}

function byMonth(records: readonly DecisionRecord[]): RecordGroup[] {
  const buckets = new Map<string | undefined, DecisionRecord[]>();
  for (const record of records) {
    const month = record.date && /^\d{4}-\d{2}/.test(record.date) ? record.date.slice(0, 7) : undefined;
    push(buckets, month, record);
  }
  const groups: RecordGroup[] = [];
  const months = [...buckets.keys()].filter((month): month is string => month !== undefined).sort().reverse();
  for (const month of months) groups.push({ key: `month:${month}`, label: month, records: buckets.get(month) ?? [] });
  const undated = buckets.get(undefined);
  if (undated) groups.push({ key: UNDATED_KEY, label: 'Undated', records: undated });
  return groups;
}

function push<K>(buckets: Map<K, DecisionRecord[]>, key: K, record: DecisionRecord): void {
  const bucket = buckets.get(key);
  if (bucket) bucket.push(record);
  else buckets.set(key, [record]);
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function compareLabels(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

function normalizeName(value: string | undefined): string {
  return value?.trim().toLowerCase() ?? '';
}
