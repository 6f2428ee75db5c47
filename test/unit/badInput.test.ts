import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem } from '../../src/cli/nodeFileSystem';
import { DecisionLog } from '../../src/core/decisionLog';
import { validateLog } from '../../src/core/validation';

/**
 * The suite of deliberately bad records in test/fixtures/bad, run through the core (`validateLog`
 * over a log read from disk) and through the built CLI (`rationale lint --format json`): both must
 * report exactly the problems test/fixtures/bad/expected.json lists for each file, with their lines.
 */

const ROOT = path.resolve(__dirname, '../../..');
const FOLDER = 'test/fixtures/bad';
const CLI = path.join(ROOT, 'dist/cli.js');

interface Finding {
  line: number;
  severity: string;
  code: string;
  message: string;
}

type Table = Record<string, Finding[]>;

const EXPECTED = JSON.parse(readFileSync(path.join(ROOT, FOLDER, 'expected.json'), 'utf8')) as Table;

/** The findings of one run, by file name, in the order reported. */
function byFile(findings: readonly (Finding & { path: string })[]): Table {
  const table: Table = {};
  for (const { path: file, ...finding } of findings) (table[path.posix.basename(file)] ??= []).push(finding);
  return table;
}

/** Leaves out files without findings, as the CLI has no line for them. */
function withFindings(table: Table): Table {
  return Object.fromEntries(Object.entries(table).filter(([, findings]) => findings.length > 0));
}

describe('bad input suite (test/fixtures/bad)', () => {
  it('lists an expectation for every record file in the folder, and only those', () => {
    const onDisk = readdirSync(path.join(ROOT, FOLDER)).filter((name) => name.endsWith('.md'));
    assert.deepEqual(onDisk.sort(), Object.keys(EXPECTED).sort());
  });

  it('the core reports the expected problem, severity and line for each file', async () => {
    const log = new DecisionLog(new NodeFileSystem(ROOT), FOLDER);
    await log.load();
    // The options `rationale lint` uses by default, so the two runs can be compared.
    const problems = validateLog(log.records(), {
      prefix: 'DR',
      requireComplete: 'warning',
      fileExists: (file) => existsSync(path.join(ROOT, file)),
      textOf: (file) => readFileSync(path.join(ROOT, file), 'utf8'),
    });
    const found = byFile(
      [...problems].flatMap(([file, list]) =>
        list.map((problem) => ({ path: file, line: (problem.line ?? 0) + 1, severity: problem.severity, code: problem.code, message: problem.message })),
      ),
    );
    for (const name of Object.keys(EXPECTED)) found[name] ??= [];
    assert.deepEqual(found, EXPECTED);
  });

  describe('through the CLI', () => {
    before(function () {
      // The CLI is run as users run it: the esbuild bundle, in a child process.
      this.timeout(120_000);
      execFileSync(process.execPath, ['esbuild.js'], { cwd: ROOT, stdio: 'pipe' });
    });

    it('`lint --format json` gives the same findings and exits 1', () => {
      const result = spawnSync(process.execPath, [CLI, 'lint', '--dir', FOLDER, '--format', 'json'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
      });
      assert.equal(result.stderr, '');
      assert.equal(result.status, 1, 'errors in the suite fail the lint');
      const findings = JSON.parse(result.stdout) as (Finding & { path: string })[];
      assert.ok(findings.every((finding) => finding.path.startsWith(`${FOLDER}/`)), 'paths are relative to the repository');
      assert.deepEqual(byFile(findings), withFindings(EXPECTED));
    });
  });
});
