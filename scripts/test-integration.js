// Runs the integration tests inside a real VS Code extension host (code-server driven by Debian's Chromium),
// then the same kind of tests in a workspace that is not trusted, then the UI tests, and prints one summary line
// over all runs. Exit code 0 only when every run ran at least one test and none failed.
//
//   npm run test:integration              compiles the tests, builds the extension, runs everything
//   npm run test:integration -- --fresh   skips compiling and building (npm test has just done both)
//   npm run test:integration -- --no-ui   runs only the extension-host tests
//   npm run test:integration -- --host=untrusted   runs only the named extension-host run (trusted, untrusted)
//
// RATIONALE_TEST_TIMEOUT (seconds, default 300) bounds each run.
const childProcess = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');
const { setTimeout, clearTimeout } = require('node:timers');
const {
  REPO_ROOT,
  ensureCodeServer,
  startCodeServer,
  launchChromium,
  workbenchUrl,
  copyWorkspace,
  initGitRepository,
} = require('./codeServer');

const FIXTURE_WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
const UI_TESTS = path.join(REPO_ROOT, 'out', 'test', 'ui');

/**
 * The extension-host runs: which compiled test folder, and the first line its index.ts prints (the workbench's
 * own start-up log comes before it). The untrusted run keeps Workspace Trust on, so its workspace opens in
 * Restricted Mode.
 */
const HOST_RUNS = [
  {
    name: 'trusted',
    title: 'Integration tests (extension host)',
    tests: path.join(REPO_ROOT, 'out', 'test', 'integration'),
    started: 'Rationale integration tests:',
    workspaceTrust: false,
  },
  {
    name: 'untrusted',
    title: 'Integration tests in an untrusted workspace (extension host, Restricted Mode)',
    tests: path.join(REPO_ROOT, 'out', 'test', 'integration-untrusted'),
    started: 'Rationale untrusted-workspace tests:',
    workspaceTrust: true,
    logGit: true,
  },
];

/**
 * A `git` first on the server's PATH that appends its working folder and arguments to a log, then runs the real
 * git: the untrusted run asserts from that log that no git ran, from the server's start on (activation included).
 * Returns the environment for the server; the test reads the log's path from RATIONALE_GIT_LOG.
 */
function loggingGit() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-git-log-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const realGit = childProcess.execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const log = path.join(dir, 'git.log');
  fs.writeFileSync(log, '');
  const shim = path.join(dir, 'bin', 'git');
  fs.mkdirSync(path.dirname(shim));
  fs.writeFileSync(shim, `#!/bin/sh\nprintf '%s\\t%s\\n' "$PWD" "$*" >> '${log}'\nexec '${realGit}' "$@"\n`, { mode: 0o755 });
  return {
    PATH: `${path.dirname(shim)}${path.delimiter}${process.env.PATH ?? ''}`,
    RATIONALE_GIT_LOG: log,
    // Otherwise the server gives extension hosts the PATH of a login shell (Debian's /etc/profile sets one for
    // root), without the logging git. VS Code skips that step for a server started from its CLI, which says so here.
    VSCODE_CLI: '1',
  };
}
const TIMEOUT_MS = Number(process.env.RATIONALE_TEST_TIMEOUT || 300) * 1000;

const args = process.argv.slice(2);
const fresh = args.includes('--fresh') || process.env.RATIONALE_TESTS_FRESH === '1';
const withUi = !args.includes('--no-ui');
const onlyHost = args.find((arg) => arg.startsWith('--host='))?.slice('--host='.length);
if (onlyHost !== undefined && !HOST_RUNS.some((run) => run.name === onlyHost)) {
  console.error(`--host=${onlyHost}: expected one of ${HOST_RUNS.map((run) => run.name).join(', ')}`);
  process.exit(2);
}

/** Everything to undo before exiting, newest first; run on success, failure, timeout and Ctrl+C alike. */
const cleanups = [];
async function cleanUp() {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop();
    try {
      await cleanup();
    } catch (error) {
      console.error(`cleanup failed: ${error.message}`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void cleanUp().finally(() => process.exit(130));
  });
}

function npmRun(script) {
  const result = childProcess.spawnSync('npm', ['run', '--silent', script], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run ${script} failed`);
}

/** Counts mocha's `N passing` / `N failing` summary lines. */
function mochaCounts(text) {
  const count = (word) => {
    const match = new RegExp(`^\\s*(\\d+) ${word}\\b`, 'm').exec(text);
    return match ? Number(match[1]) : 0;
  };
  return { passed: count('passing'), failed: count('failing') };
}

/**
 * Runs one compiled test folder in the extension host of a code-server on a fresh copy of the fixture workspace
 * (a git repository, so that a run which should not use git could). Resolves with the counts and the exit code
 * VS Code reported for the test module's run().
 */
async function runHostTests({ title, tests, started, workspaceTrust, logGit = false }) {
  console.log(`\n## ${title}\n`);
  if (!fs.existsSync(path.join(tests, 'index.js'))) {
    throw new Error(`${path.relative(REPO_ROOT, tests)}/index.js is missing; run npm run compile-tests`);
  }
  const workspace = copyWorkspace(FIXTURE_WORKSPACE, 'rationale-it-');
  cleanups.push(() => fs.rmSync(workspace, { recursive: true, force: true }));
  initGitRepository(workspace);

  const server = await startCodeServer({ workspace, workspaceTrust, env: logGit ? loggingGit() : {} });
  cleanups.push(server.stop);
  const browser = await launchChromium();
  cleanups.push(() => browser.close());
  const page = await browser.newPage();

  const transcript = [];
  let testsStarted = false;
  let finish;
  const exited = new Promise((resolve) => {
    finish = resolve;
  });
  // The workbench hands every log line of a test run to codeAutomationLog, mocha's output among them.
  await page.exposeFunction('codeAutomationLog', (level, message) => {
    const text = Array.isArray(message) ? util.format(...message) : String(message);
    transcript.push(text);
    testsStarted ||= text.startsWith(started);
    if (testsStarted) console.log(level === 'error' ? `[error] ${text}` : text);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
  page.on('pageerror', (error) => console.error(`[workbench] ${error.message}`));

  const url = workbenchUrl(server, workspace, {
    extensionDevelopmentPath: process.env.RATIONALE_EXTENSION_PATH || REPO_ROOT,
    extensionTestsPath: tests,
  });
  await page.goto(url);
  const timedOut = new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS);
    cleanups.push(() => clearTimeout(timer));
  });
  const code = await Promise.race([exited, timedOut]);
  if (code === 'timeout') {
    console.error(`Integration tests did not finish within ${TIMEOUT_MS / 1000} s.`);
    console.error(server.output().slice(-3000));
  }
  if (!testsStarted) {
    console.error('The test module never started. The workbench log:');
    console.error(transcript.join('\n'));
  }
  await cleanUp();
  const counts = mochaCounts(transcript.join('\n'));
  return { ...counts, ok: code === 0 && counts.failed === 0 && counts.passed > 0 };
}

/** Runs the UI tests (compiled test/ui/*.ui.js) with mocha in this process; they start their own code-server. */
async function runUiTests() {
  console.log('\n## UI tests (workbench in Chromium)\n');
  const files = fs.existsSync(UI_TESTS)
    ? fs
        .readdirSync(UI_TESTS)
        .filter((name) => name.endsWith('.ui.js'))
        .sort()
        .map((name) => path.join(UI_TESTS, name))
    : [];
  if (files.length === 0) throw new Error(`No *.ui.js files in ${path.relative(REPO_ROOT, UI_TESTS)}`);
  const Mocha = require('mocha');
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: TIMEOUT_MS });
  for (const file of files) mocha.addFile(file);
  await mocha.loadFilesAsync();
  return new Promise((resolve) => {
    const runner = mocha.run((failures) => {
      const passed = runner.stats ? runner.stats.passes : runner.total - failures;
      resolve({ passed, failed: failures, ok: failures === 0 && passed > 0 });
    });
  });
}

async function main() {
  if (!fresh) {
    npmRun('compile-tests');
    npmRun('build');
  }
  ensureCodeServer();

  const started = Date.now();
  const results = [];
  for (const run of HOST_RUNS.filter((candidate) => onlyHost === undefined || candidate.name === onlyHost)) {
    results.push(await runHostTests(run));
  }
  if (withUi) results.push(await runUiTests());

  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  console.log(`\nIntegration and UI tests took ${Math.round((Date.now() - started) / 1000)} s.`);
  if (passed === 0) console.log('No tests ran.');
  console.log(`${passed} passed, ${failed} failed`);
  return results.every((result) => result.ok) ? 0 : 1;
}

main()
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await cleanUp();
    process.exit(1);
  });
