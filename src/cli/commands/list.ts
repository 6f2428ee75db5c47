import type { DecisionRecord } from '../../core/record';
import type { Io } from '../io';
import { loadLog } from '../repository';
import { noPositionals, oneOf, parseCommandArgs } from '../usage';

export const LIST_HELP = `Usage: rationale list [--dir D] [--status S] [--tag T] [--format table|json]

Lists every record of the decision log, ordered by number, including files that failed to parse.

  --dir D        decision folder (default: the one the extension finds)
  --status S     only records with this status (proposed, accepted, ...)
  --tag T        only records with this tag
  --format F     table (default) or json`;

export async function listCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    dir: { type: 'string' },
    status: { type: 'string' },
    tag: { type: 'string' },
    format: { type: 'string' },
  });
  if (values.help) {
    io.out(LIST_HELP);
    return 0;
  }
  noPositionals(positionals);
  const format = oneOf('format', values.format as string | undefined, ['table', 'json'] as const, 'table');
  const { log } = await loadLog(io.cwd, values.dir as string | undefined);
  const status = (values.status as string | undefined)?.toLowerCase();
  const tag = values.tag as string | undefined;
  const records = log
    .records()
    .filter((record) => status === undefined || (record.status ?? record.statusText?.toLowerCase()) === status)
    .filter((record) => tag === undefined || record.tags.includes(tag));
  io.out(format === 'json' ? JSON.stringify(records.map(toJson), null, 2) : renderTable(records));
  for (const folder of log.unreadableFolders()) io.err(`rationale list: cannot read ${folder.path} (${folder.reason}): its records are not listed`);
  return 0;
}

function toJson(record: DecisionRecord) {
  return {
    number: record.number ?? null,
    title: record.title,
    status: record.status ?? null,
    statusText: record.statusText ?? null,
    date: record.date ?? null,
    path: record.path,
    tags: record.tags,
    signOff: record.signOff.map(({ name, state }) => ({ name, state })),
    problems: record.problems.map((problem) => problem.message),
  };
}

function renderTable(records: readonly DecisionRecord[]): string {
  if (records.length === 0) return 'No records.';
  const rows = records.map((record) => [
    record.number === undefined ? '' : String(record.number),
    record.status ?? record.statusText ?? '',
    record.date ?? '',
    record.title + (record.problems.some((problem) => problem.severity === 'error') ? '  (!) ' + record.problems[0].message : ''),
  ]);
  const header = ['#', 'Status', 'Date', 'Title'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
