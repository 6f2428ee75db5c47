/**
 * Where a decision may go from each status: proposed → accepted or rejected, accepted → deprecated
 * or superseded; rejected, deprecated and superseded records keep their status (a new record is
 * written instead). Change Status and Supersede both go by it.
 */
import { STATUSES, type Status } from './record';

const NEXT_STATUSES: Record<Status, readonly Status[]> = {
  proposed: ['accepted', 'rejected'],
  accepted: ['deprecated', 'superseded'],
  rejected: [],
  deprecated: [],
  superseded: [],
};

/** The statuses a record in `status` can move to; a record without a known status may take any. */
export function nextStatuses(status: Status | undefined): readonly Status[] {
  return status === undefined ? STATUSES : NEXT_STATUSES[status];
}
