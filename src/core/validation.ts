/**
 * The rules that check a whole decision log, shared by the editor's Problems panel and the CLI's
 * `lint`: the parser's own problems plus what only the log as a whole can tell — duplicate numbers,
 * references to records that do not exist, supersede links that do not agree, data-source files
 * that are missing, and (when asked for) accepted decisions that are not complete.
 *
 * Linear in the number of records: one pass to index numbers, one pass of rules. A record's text
 * is requested (through `textOf`) only when one of its problems needs a line to point at.
 */
import { formatReference } from './references';
import { lineContaining, recordLines } from './frontMatterLines';
import type { RecordLines } from './frontMatterLines';
import type { DecisionRecord, Problem, Severity } from './record';

/** Codes of the log-level rules. */
export const LOG_RULES = {
  duplicateNumber: 'duplicate-number',
  missingReference: 'missing-reference',
  supersedeMismatch: 'supersede-mismatch',
  missingDataSourceFile: 'missing-data-source-file',
  noRationale: 'no-rationale',
  noDataSource: 'no-data-source',
  incompleteSignOff: 'incomplete-sign-off',
} as const;

const LOG_RULE_CODES: ReadonlySet<string> = new Set(Object.values(LOG_RULES));

export interface ValidationOptions {
  /** The reference prefix used in messages: `DR` → `DR-12`. */
  prefix: string;
  /**
   * Whether a data source's `path` exists, as written in the record (repository-relative). The
   * caller answers from what it already knows (an index of stat results); without it the rule is skipped.
   */
  fileExists?: (path: string) => boolean;
  /** Severity of the completeness rules for accepted records; `'off'` (the default) skips them. */
  requireComplete?: Severity | 'off';
  /** The text of a record, to point problems at the right line; without it problems go to the title line. */
  textOf?: (path: string) => string | undefined;
}

/**
 * Every problem of every record, by record path: the parser's problems followed by the log-level
 * ones. Every record has an entry, empty when it is fine, so a caller can clear old diagnostics.
 * Log-level problems a record already carries (the index adds `duplicate-number`) are recomputed,
 * not repeated.
 */
export function validateLog(records: readonly DecisionRecord[], options: ValidationOptions): Map<string, Problem[]> {
  const byNumber = new Map<number, DecisionRecord[]>();
  for (const record of records) {
    if (record.number === undefined) continue;
    const sharing = byNumber.get(record.number);
    if (sharing) sharing.push(record);
    else byNumber.set(record.number, [record]);
  }
  const result = new Map<string, Problem[]>();
  for (const record of records) {
    const problems = record.problems.filter((problem) => !LOG_RULE_CODES.has(problem.code));
    const place = new Locator(record, options.textOf);
    const add = (code: string, severity: Severity, message: string, line: number | undefined): void => {
      problems.push({ code, severity, message, line: line ?? place.titleLine() });
    };
    checkDuplicates(record, byNumber, options.prefix, add, place);
    checkReferences(record, byNumber, options.prefix, add, place);
    checkDataSourceFiles(record, options.fileExists, add, place);
    if (options.requireComplete && options.requireComplete !== 'off') checkComplete(record, options.requireComplete, add, place);
    result.set(record.path, problems);
  }
  return result;
}

type Add = (code: string, severity: Severity, message: string, line: number | undefined) => void;

function checkDuplicates(record: DecisionRecord, byNumber: Map<number, DecisionRecord[]>, prefix: string, add: Add, place: Locator): void {
  if (record.number === undefined) return;
  const others = (byNumber.get(record.number) ?? []).filter((other) => other.path !== record.path);
  if (others.length === 0) return;
  add(
    LOG_RULES.duplicateNumber,
    'error',
    `${formatReference(record.number, prefix)} is also the number of ${others.map((other) => other.path).join(', ')}: renumber one of them.`,
    place.titleLine(),
  );
}

function checkReferences(record: DecisionRecord, byNumber: Map<number, DecisionRecord[]>, prefix: string, add: Add, place: Locator): void {
  const reference = (number: number): string => formatReference(number, prefix);
  const lists: { numbers: number[]; verb: string; keys: string[] }[] = [
    { numbers: record.supersedes, verb: 'Supersedes', keys: ['supersedes'] },
    { numbers: record.supersededBy, verb: 'Superseded by', keys: ['superseded-by', 'status'] },
    { numbers: record.related, verb: 'Related to', keys: ['related'] },
  ];
  for (const { numbers, verb, keys } of lists) {
    for (const number of new Set(numbers)) {
      if (number === record.number) continue;
      if (!byNumber.has(number)) {
        add(LOG_RULES.missingReference, 'warning', `${verb} ${reference(number)}, but no record has that number.`, place.keyOrStatus(keys, reference(number)));
      }
    }
  }
  for (const number of new Set(record.supersedes)) {
    const targets = byNumber.get(number);
    if (!targets || number === record.number) continue;
    if (targets.some((target) => target.status === 'superseded' && pointsBack(target, record))) continue;
    const target = targets[0];
    const why =
      target.status !== 'superseded'
        ? `its status is ${target.statusText ?? target.status ?? 'not set'}`
        : `it does not name ${record.number === undefined ? 'this record' : reference(record.number)} as superseding it`;
    add(
      LOG_RULES.supersedeMismatch,
      'warning',
      `Supersedes ${reference(number)}, but ${why}: mark ${reference(number)} superseded by this record.`,
      place.keyOrStatus(['supersedes'], reference(number)),
    );
  }
}

/** A superseded record points back when it names the superseding record (records without a number cannot be named). */
function pointsBack(target: DecisionRecord, superseding: DecisionRecord): boolean {
  return superseding.number === undefined || target.supersededBy.includes(superseding.number);
}

function checkDataSourceFiles(record: DecisionRecord, fileExists: ((path: string) => boolean) | undefined, add: Add, place: Locator): void {
  if (!fileExists) return;
  for (const source of record.dataSources) {
    if (source.path === undefined || source.path.trim() === '' || fileExists(source.path)) continue;
    add(
      LOG_RULES.missingDataSourceFile,
      'warning',
      `Data source "${source.title ?? source.path}" points at ${source.path}, which does not exist.`,
      place.valueLine('data-sources', source.path),
    );
  }
}

function checkComplete(record: DecisionRecord, severity: Severity, add: Add, place: Locator): void {
  if (record.status !== 'accepted') return;
  if (!record.hasRationale) {
    add(LOG_RULES.noRationale, severity, 'Accepted without a rationale: say why under a "## Rationale" heading.', place.heading('rationale') ?? place.titleLine());
  }
  if (record.dataSources.length === 0) {
    add(LOG_RULES.noDataSource, severity, 'Accepted without a data source: add the data behind the decision under `data-sources:`.', place.keyOrStatus(['data-sources'], undefined));
  }
  const open = record.signOff.filter((entry) => entry.state === 'pending' || entry.state === 'objected');
  if (open.length > 0) {
    const who = open.map((entry) => `${entry.name} (${entry.state})`).join(', ');
    add(LOG_RULES.incompleteSignOff, severity, `Accepted while sign-off is incomplete: ${who}.`, place.key('sign-off') ?? place.titleLine());
  }
}

/** Finds lines in one record's text, reading and scanning it at most once, and only if asked. */
class Locator {
  private scanned: RecordLines | null | undefined;

  constructor(
    private readonly record: DecisionRecord,
    private readonly textOf: ((path: string) => string | undefined) | undefined,
  ) {}

  titleLine(): number {
    return this.record.titleLine ?? 0;
  }

  key(key: string): number | undefined {
    return this.lines()?.keys.get(key);
  }

  heading(name: string): number | undefined {
    return this.lines()?.headings.get(name);
  }

  /**
   * The first of `keys` in the front matter; else, for a body-status record, the line in its
   * Status section (or status bullet) that mentions `mention`, or the Status heading; else undefined.
   */
  keyOrStatus(keys: readonly string[], mention: string | undefined): number | undefined {
    const lines = this.lines();
    if (!lines) return undefined;
    for (const key of keys) {
      const line = lines.keys.get(key);
      if (line !== undefined) return line;
    }
    const statusHeading = lines.headings.get('status');
    if (mention !== undefined) {
      // Inside an adr-tools Status section, or on a `* Status: superseded by …` bullet line.
      const found =
        statusHeading !== undefined
          ? lineContaining(lines.lines, mention, statusHeading)
          : lines.lines.findIndex((line, index) => index >= lines.bodyStart && line.includes(mention) && /status/i.test(line));
      if (found !== undefined && found !== -1) return found;
    }
    return statusHeading ?? lines.keys.get('status');
  }

  /** The line of `value` inside the list under `key` (a data source's path), else the key's line. */
  valueLine(key: string, value: string): number | undefined {
    const lines = this.lines();
    const keyLine = lines?.keys.get(key);
    if (!lines || keyLine === undefined) return undefined;
    return lineContaining(lines.lines, value, keyLine, lines.bodyStart) ?? keyLine;
  }

  private lines(): RecordLines | undefined {
    if (this.scanned === undefined) {
      const text = this.textOf?.(this.record.path);
      this.scanned = text === undefined ? null : recordLines(text);
    }
    return this.scanned ?? undefined;
  }
}
