/**
 * `rationale`: the command-line tool over the same core as the extension, for people and CI.
 * Exit codes: 0 success, 1 a check failed (lint errors, stale index), 2 bad usage or a missing folder.
 */
import type { Io } from './io';
import { INDEX_HELP, indexCommand } from './commands/index';
import { LINT_HELP, lintCommand } from './commands/lint';
import { LIST_HELP, listCommand } from './commands/list';
import { NEW_HELP, newCommand } from './commands/new';
import { PR_SUMMARY_HELP, prSummaryCommand } from './commands/prSummary';

const COMMANDS: Record<string, { run: (args: string[], io: Io) => Promise<number>; help: string; summary: string }> = {
  list: { run: listCommand, help: LIST_HELP, summary: 'list the records of the decision log' },
  lint: { run: lintCommand, help: LINT_HELP, summary: 'check the records; exit 1 on errors' },
  new: { run: newCommand, help: NEW_HELP, summary: 'create a record from a template' },
  index: { run: indexCommand, help: INDEX_HELP, summary: 'write or check the index of all records' },
  'pr-summary': { run: prSummaryCommand, help: PR_SUMMARY_HELP, summary: 'summarise the records a branch changes' },
};

export const HELP = `Usage: rationale <command> [options]

Decision records with their rationale, data sources and sign-off.

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(12)}${command.summary}`)
  .join('\n')}

Run rationale <command> --help for a command's options.`;

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    // No command is bad usage: the usage goes where errors go, so `rationale > file` shows it.
    io.err(HELP);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`rationale: unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    // Bad usage, a missing folder, a failing git call or a file that cannot be written: one line
    // with the cause, never a stack trace.
    io.err(`rationale ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

/**
 * Writes lines to a standard stream until its reader goes away: `rationale list | head -1` closes
 * the pipe early, which is no error (EPIPE would otherwise end the process with a stack trace).
 * The command still finishes and exits with its own code.
 */
function lineWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text.endsWith('\n') ? text : `${text}\n`);
  };
}

if (require.main === module) {
  void main(process.argv.slice(2), {
    cwd: process.cwd(),
    out: lineWriter(process.stdout),
    err: lineWriter(process.stderr),
  }).then((code) => {
    process.exitCode = code;
  });
}
