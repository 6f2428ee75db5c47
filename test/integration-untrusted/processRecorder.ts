// Records every child process started in the extension host from the moment the untrusted run begins, with the
// stack that started it, so a test can tell whether the extension's own code started one.
//
// Node's built-in modules are one object per process, and the bundle calls `child_process.execFile(…)` through
// that object at call time, so wrapping its functions here sees the extension's calls as well as ours.
// A second, independent witness covers the time before this runs (activation): scripts/test-integration.js puts
// a logging `git` first on the server's PATH for this run (see restrictedMode.test.ts).
import { createRequire } from 'node:module';

// The module object itself: `import * as` compiles to a copy whose members are read-only getters.
const childProcess = createRequire(__filename)('node:child_process') as Record<string, (...args: unknown[]) => unknown>;

export interface StartedProcess {
  readonly method: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly stack: string;
}

const started: StartedProcess[] = [];
const METHODS = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;
let installed = false;

export function installProcessRecorder(): void {
  if (installed) return;
  installed = true;
  for (const method of METHODS) {
    const original = childProcess[method];
    childProcess[method] = function (this: unknown, ...args: unknown[]) {
      const [command, rest] = args;
      started.push({
        method,
        command: String(command),
        args: Array.isArray(rest) ? rest.map(String) : [],
        stack: new Error('started here').stack ?? '',
      });
      return original.apply(this, args);
    };
  }
}

/** Every process started since the recorder was installed whose stack passes through `file`. */
export function processesStartedFrom(file: string): StartedProcess[] {
  return started.filter((entry) => entry.stack.includes(file));
}

export function allStartedProcesses(): readonly StartedProcess[] {
  return started;
}
