// Runs the integration tests inside a real VS Code extension host (code-server driven by Debian's Chromium),
// then the UI tests, and prints one summary line. Exit code 0 only when both ran at least one test and none failed.
//
//   npm run test:integration              compiles the tests, builds the extension, runs everything
//   npm run test:integration -- --fresh   skips compiling and building (npm test has just done both)
//   npm run test:integration -- --no-ui   runs only the extension-host tests
//
// RATIONALE_TEST_TIMEOUT (seconds, default 300) bounds each of the two runs.
const childProcess = require('node:child_process');
const fs = require('node:fs');
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
const HOST_TESTS = path.join(REPO_ROOT, 'out', 'test', 'integration');
const UI_TESTS = path.join(REPO_ROOT, 'out', 'test', 'ui');
/** The first line test/integration/index.ts prints; the workbench's own start-up log comes before it. */
const TESTS_STARTED = 'Rationale integration tests:';
const TIMEOUT_MS = Number(process.env.RATIONALE_TEST_TIMEOUT || 300) * 1000;

const args = process.argv.slice(2);
const fresh = args.includes('--fresh') || process.env.RATIONALE_TESTS_FRESH === '1';
const withUi = !args.includes('--no-ui');

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
 * Runs test/integration in the extension host of a code-server on a fresh copy of the fixture workspace.
 * Resolves with the counts and the exit code VS Code reported for the test module's run().
 */
async function runHostTests() {
  console.log('\n## Integration tests (extension host)\n');
  if (!fs.existsSync(path.join(HOST_TESTS, 'index.js'))) {
    throw new Error(`${path.relative(REPO_ROOT, HOST_TESTS)}/index.js is missing; run npm run compile-tests`);
  }
  const workspace = copyWorkspace(FIXTURE_WORKSPACE, 'rationale-it-');
  cleanups.push(() => fs.rmSync(workspace, { recursive: true, force: true }));
  initGitRepository(workspace);

  const server = await startCodeServer({ workspace });
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
    testsStarted ||= text.startsWith(TESTS_STARTED);
    if (testsStarted) console.log(level === 'error' ? `[error] ${text}` : text);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
  page.on('pageerror', (error) => console.error(`[workbench] ${error.message}`));

  const url = workbenchUrl(server, workspace, {
    extensionDevelopmentPath: process.env.RATIONALE_EXTENSION_PATH || REPO_ROOT,
    extensionTestsPath: HOST_TESTS,
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
  const results = [await runHostTests()];
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
