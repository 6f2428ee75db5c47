// Runs the integration tests (test/integration) in desktop VS Code downloaded by @vscode/test-electron, for
// machines that can reach update.code.visualstudio.com. Where they cannot, `npm run test:integration` runs the
// same suite in code-server.
//
//   npm run test:electron              compiles the tests, builds the extension, runs the suite
//   npm run test:electron -- --fresh   skips compiling and building
//   VSCODE_VERSION=1.100.3 npm run test:electron   pins the VS Code version (default: stable)
//
// On Linux without a display, run it under a virtual one: `xvfb-run -a npm run test:electron`.
const childProcess = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');
const { REPO_ROOT, copyWorkspace, initGitRepository } = require('./codeServer');

const FIXTURE_WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
const HOST_TESTS = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');

function npmRun(script) {
  const result = childProcess.spawnSync('npm', ['run', '--silent', script], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run ${script} failed`);
}

async function main() {
  if (!process.argv.includes('--fresh') && process.env.RATIONALE_TESTS_FRESH !== '1') {
    npmRun('compile-tests');
    npmRun('build');
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.warn('No display found; if VS Code fails to start, run this under xvfb-run -a.');
  }
  // The same fresh, git-initialised copy of the fixture workspace the code-server runner opens.
  const workspace = copyWorkspace(FIXTURE_WORKSPACE, 'rationale-electron-');
  try {
    initGitRepository(workspace);
    return await runTests({
      version: process.env.VSCODE_VERSION || 'stable',
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: HOST_TESTS,
      launchArgs: [
        workspace,
        // Only our extension: no other installed extension can change what the tests see.
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    // runTests rejects with the exit code when the tests fail, and with an Error when VS Code cannot start.
    console.error(error instanceof Error ? error.message : `Integration tests failed (${error})`);
    process.exit(1);
  },
);
