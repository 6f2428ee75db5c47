// The entry point VS Code loads inside the extension host when `extensionTestsPath` points at this folder.
// It runs every compiled `*.test.js` beside it with mocha and resolves or rejects with the outcome; the host turns
// that into the exit code the runner script receives.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/** Ample for tests that wait on the index, the tree and file events, short enough to fail before the run's limit. */
const TEST_TIMEOUT_MS = 20_000;

export function testFiles(folder: string): string[] {
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => path.join(folder, name));
}

export async function run(): Promise<void> {
  // The spec reporter writes through console.log, which the host forwards to the runner line by line;
  // colour codes would only clutter that log.
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: TEST_TIMEOUT_MS });
  const files = testFiles(__dirname);
  if (files.length === 0) throw new Error(`No *.test.js files in ${__dirname}`);
  // scripts/test-integration.js echoes the host's log from this line on; what comes before is the workbench starting.
  console.log(`Rationale integration tests: ${files.length} files in VS Code ${vscode.version}`);
  for (const file of files) mocha.addFile(file);
  await mocha.loadFilesAsync();

  const { failures, total } = await new Promise<{ failures: number; total: number }>((resolve) => {
    const runner = mocha.run((failureCount) => resolve({ failures: failureCount, total: runner.total }));
  });
  if (total === 0) throw new Error('No integration tests ran.');
  if (failures > 0) throw new Error(`${failures} integration test${failures === 1 ? '' : 's'} failed.`);
}
