/**
 * The record model: what the core knows about one decision, whatever format its file is in.
 * Parsing (parse.ts) produces it, the index (decisionLog.ts) holds it, the tree, the CLI and the
 * validation rules read it.
 */

/** Our front matter keys in the order the templates write them and the edits place new ones. */
export const FRONT_MATTER_KEY_ORDER = [
  'title',
  'status',
  'date',
  'decision-makers',
  'consulted',
  'informed',
  'tags',
  'sign-off',
  'data-sources',
  'supersedes',
  'superseded-by',
  'related',
  'links',
] as const;

/**
 * The spellings the reader accepts for each of our keys, normalised as `fieldKey` does
 * (`Sign_Off` → `signoff`), in the order it tries them: the first that holds a value is read. The
 * editor goes by the same table, so it edits the key the reader reads instead of adding one beside it.
 */
export const FRONT_MATTER_ALIASES: Readonly<Record<(typeof FRONT_MATTER_KEY_ORDER)[number], readonly string[]>> = {
  title: ['title'],
  status: ['status'],
  date: ['date', 'created', 'decisiondate'],
  'decision-makers': ['decisionmakers', 'deciders', 'decisionmaker'],
  consulted: ['consulted'],
  informed: ['informed'],
  tags: ['tags', 'tag'],
  'sign-off': ['signoff', 'signoffs'],
  'data-sources': ['datasources', 'sources'],
  supersedes: ['supersedes'],
  'superseded-by': ['supersededby'],
  related: ['related'],
  links: ['links'],
};

export const STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;
export type Status = (typeof STATUSES)[number];

export const SIGN_OFF_STATES = ['pending', 'approved', 'objected', 'abstained'] as const;
export type SignOffState = (typeof SIGN_OFF_STATES)[number];

/** Which convention a file follows; decides how it is read and how new text is written into it. */
export type RecordFormat =
  | 'rationale' // our front matter (title/status/sign-off…)
  | 'madr' // MADR 3/4 front matter and/or MADR 2 bullet lines
  | 'nygard' // adr-tools / Nygard: `# N. Title`, `## Status` section
  | 'log4brains' // `- Status:` bullets, YYYYMMDD-slug names
  | 'unknown';

export interface SignOff {
  name: string;
  email?: string;
  role?: string;
  /** A known state, or the raw text when the file holds something else (a validation problem). */
  state: SignOffState | string;
  date?: string;
  comment?: string;
}

export interface DataSource {
  title?: string;
  url?: string;
  /** A repository-relative path to a file that backs the decision. */
  path?: string;
  note?: string;
}

export type Severity = 'error' | 'warning' | 'info';

/** Something wrong with a file, with the place it is wrong when known. */
export interface Problem {
  message: string;
  severity: Severity;
  /** 0-based line in the file, when the problem has a place. */
  line?: number;
  /** A short stable identifier of the rule, e.g. `yaml-syntax`, `unknown-status`. */
  code: string;
}

export interface DecisionRecord {
  /** Path relative to the file-system root, POSIX separators. The identity when there is no number. */
  path: string;
  /** The number in the file name (`0012-…` → 12), or from `adr:` front matter, or undefined. */
  number?: number;
  title: string;
  /** Normalised lower-case status when it is a known one (`accepted`), otherwise undefined. */
  status?: Status;
  /** The status text exactly as written (`Accepted`, `superseded by ADR-0123`, `✅ done`). */
  statusText?: string;
  /** ISO date `YYYY-MM-DD`, when the file states a date that can be understood. */
  date?: string;
  tags: string[];
  decisionMakers: string[];
  consulted: string[];
  informed: string[];
  signOff: SignOff[];
  dataSources: DataSource[];
  /** Numbers of the records this one supersedes. */
  supersedes: number[];
  /** Numbers of the records that supersede this one (from `superseded-by`, `Superseded by [5. …]`, status text). */
  supersededBy: number[];
  related: number[];
  links: string[];
  format: RecordFormat;
  /** True when the record has a Rationale section with some text in it. */
  hasRationale: boolean;
  /** 0-based line of the title heading (or of the `title:` key), for the editor to place a cursor or a lens. */
  titleLine?: number;
  /** 0-based line of the first line of the Context section's body, for placing the cursor after creation. */
  contextLine?: number;
  problems: Problem[];
}

/** A record known only by its path and title: every list empty, nothing stated. */
export function emptyRecord(path: string, title: string): DecisionRecord {
  return {
    path,
    title,
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
    format: 'unknown',
    hasRationale: false,
    problems: [],
  };
}
