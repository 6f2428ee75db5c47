/**
 * What a record still lacks before it should be accepted: sign-offs not given, objections, a
 * rationale, a data source. Change Status names exactly these in its confirmation; the CodeLens
 * and the tree read the same list, so every place agrees on what "ready" means.
 */
import type { DecisionRecord } from './record';

/** One sentence per gap, in the order a reader checks them; empty when the record is ready. */
export function acceptanceGaps(record: DecisionRecord): string[] {
  const gaps: string[] = [];
  const pending = record.signOff.filter((entry) => entry.state === 'pending').map((entry) => entry.name);
  const objected = record.signOff.filter((entry) => entry.state === 'objected').map((entry) => entry.name);
  if (pending.length > 0) gaps.push(`sign-off pending from ${pending.join(', ')}`);
  if (objected.length > 0) gaps.push(`objection from ${objected.join(', ')}`);
  if (!record.hasRationale) gaps.push('no rationale');
  if (record.dataSources.length === 0) gaps.push('no data source');
  return gaps;
}
