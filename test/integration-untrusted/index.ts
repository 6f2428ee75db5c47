// The entry point VS Code loads inside the extension host for the untrusted-workspace run: the same runner as
// test/integration/index.ts over the compiled `*.test.js` beside this file, with the process recorder installed
// before any test module loads.
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { testFiles } from '../integration/index';
import { installProcessRecorder } from './processRecorder';

const TEST_TIMEOUT_MS = 20_000;

export async function run(): Promise<void> {
  installProcessRecorder();
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: TEST_TIMEOUT_MS });
  const files = testFiles(__dirname);
  if (files.length === 0) throw new Error(`No *.test.js files in ${__dirname}`);
  // scripts/test-integration.js echoes the host's log from this line on.
  console.log(`Rationale untrusted-workspace tests: ${files.length} files in VS Code ${vscode.version}`);
  for (const file of files) mocha.addFile(file);
  await mocha.loadFilesAsync();

  const { failures, total } = await new Promise<{ failures: number; total: number }>((resolve) => {
    const runner = mocha.run((failureCount) => resolve({ failures: failureCount, total: runner.total }));
  });
  if (total === 0) throw new Error('No untrusted-workspace tests ran.');
  if (failures > 0) throw new Error(`${failures} untrusted-workspace test${failures === 1 ? '' : 's'} failed.`);
}
