import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseRecord } from '../../core/parse';
import type { DecisionRecord, Problem, Severity } from '../../core/record';
import { unverifiedApprovalProblems } from '../../core/signOffProvenance';
import { validateLog } from '../../core/validation';
import { verifySignOffs } from '../blame';
import { isShallowRepository } from '../git';
import { type Io, plural } from '../io';
import { loadLog } from '../repository';
import { noPositionals, oneOf, parseCommandArgs } from '../usage';

export const LINT_HELP = `Usage: rationale lint [--dir D] [--format text|json|github] [--require-complete error|warning|info|off] [--prefix P] [--verify-sign-offs]

Checks every record with the same rules as the extension's Problems panel: malformed front matter,
unknown statuses and sign-off states, duplicate numbers, references to missing records, supersede
links that disagree, missing data-source files, and accepted records without rationale, data
sources or complete sign-off. Exits 1 when an error is found, 0 otherwise.

  --dir D                decision folder (default: the one the extension finds)
  --format F             text (default), json, or github (workflow annotations)
  --require-complete S   severity of the completeness rules for accepted records (default: warning)
  --prefix P             reference prefix in messages (default DR)
  --verify-sign-offs     also fail when an accepted record relies on an approval that git does not
                         vouch for: the commit that introduced its state line must be authored by
                         the stakeholder's email or carry a Signed-off-by trailer with it`;

const SEVERITIES = ['error', 'warning', 'info', 'off'] as const;

/** Why `--verify-sign-offs` gives no verdict in a shallow clone (exit 2, as when git cannot run). */
const INCOMPLETE_HISTORY_MESSAGE =
  'cannot verify sign-offs: this clone has only part of the history (a shallow clone), so git would credit ' +
  'older approvals to the oldest commit fetched. Fetch the full history (git fetch --unshallow, or ' +
  'fetch-depth: 0 in actions/checkout) and run again.';

interface Finding {
  path: string;
  /** 1-based, as editors and CI annotations count. */
  line: number;
  severity: Severity;
  code: string;
  message: string;
}

export async function lintCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    dir: { type: 'string' },
    format: { type: 'string' },
    'require-complete': { type: 'string' },
    prefix: { type: 'string' },
    'verify-sign-offs': { type: 'boolean' },
  });
  if (values.help) {
    io.out(LINT_HELP);
    return 0;
  }
  noPositionals(positionals);
  const format = oneOf('format', values.format as string | undefined, ['text', 'json', 'github'] as const, 'text');
  const requireComplete = oneOf('require-complete', values['require-complete'] as string | undefined, SEVERITIES, 'warning');
  const { repository, log } = await loadLog(io.cwd, values.dir as string | undefined);
  const inRoot = (file: string) => path.join(repository.root, file);
  const prefix = (values.prefix as string | undefined) ?? 'DR';

  // The CLI reads synchronously on demand: texts only for records whose problems need a line.
  const problems = validateLog(log.records(), {
    prefix,
    requireComplete,
    fileExists: (file) => existsSync(inRoot(file)),
    textOf: (file) => {
      try {
        return readFileSync(inRoot(file), 'utf8');
      } catch {
        return undefined;
      }
    },
  });
  for (const { path: folder, reason } of log.unreadableFolders()) {
    problems.set(folder, [{ code: 'unreadable-folder', severity: 'error', line: 0, message: `This folder cannot be read (${reason}): the records in it are not checked.` }]);
  }
  if (values['verify-sign-offs']) {
    for (const [file, list] of await unverifiedApprovals(log.records(), repository.root, prefix)) {
      problems.set(file, [...(problems.get(file) ?? []), ...list]);
    }
  }
  const findings = [...problems].flatMap(([file, list]) => list.map((problem) => toFinding(file, problem)));
  io.out(render(findings, format, log.records().length));
  return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

/** The `unverified-sign-off` errors of the accepted records with approvals, by file. */
async function unverifiedApprovals(records: readonly DecisionRecord[], root: string, prefix: string): Promise<Map<string, Problem[]>> {
  const found = new Map<string, Problem[]>();
  const relying = records.filter((record) => record.status === 'accepted' && record.signOff.some((signOff) => signOff.state === 'approved'));
  // Asked once for the whole log rather than once per record.
  if (relying.length > 0 && (await isShallowRepository(root))) throw new Error(INCOMPLETE_HISTORY_MESSAGE);
  for (const record of relying) {
    let text: string;
    try {
      text = readFileSync(path.join(root, record.path), 'utf8');
    } catch {
      continue; // Gone since the log was read: nothing left to rely on.
    }
    // The record is read again from this very text, so its lines and the blame agree.
    const current = parseRecord(record.path, text);
    const problems = unverifiedApprovalProblems(current, await verifySignOffs(root, record.path, text, false), prefix);
    if (problems.length > 0) found.set(record.path, problems);
  }
  return found;
}

function toFinding(file: string, problem: Problem): Finding {
  return { path: file, line: (problem.line ?? 0) + 1, severity: problem.severity, code: problem.code, message: problem.message };
}

function render(findings: Finding[], format: 'text' | 'json' | 'github', recordCount: number): string {
  if (format === 'json') return JSON.stringify(findings, null, 2);
  if (format === 'github') {
    // Workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
    const level = { error: 'error', warning: 'warning', info: 'notice' } as const;
    return findings
      .map((finding) => `::${level[finding.severity]} file=${escapeProperty(finding.path)},line=${finding.line},title=${escapeProperty(finding.code)}::${escapeData(finding.message)}`)
      .join('\n');
  }
  const count = (severity: Severity) => findings.filter((finding) => finding.severity === severity).length;
  const lines = findings.map((finding) => `${finding.path}:${finding.line}: ${finding.severity}: ${finding.message} [${finding.code}]`);
  lines.push(`${plural(recordCount, 'record')}: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'note')}`);
  return lines.join('\n');
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
