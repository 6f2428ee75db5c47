/**
 * Registers commands so that a failure is never silent nor a wall of text: the full error goes to
 * the output channel, the user sees one line with a button to open it.
 */
import * as vscode from 'vscode';

const OPEN_OUTPUT = 'Open Output';

export function registerCommand<A extends unknown[], R>(
  id: string,
  output: vscode.LogOutputChannel,
  handler: (...args: A) => R | Promise<R>,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: A): Promise<R | undefined> => {
    try {
      return await handler(...args);
    } catch (error) {
      output.error(`[command] ${id} failed:`, error);
      void showFailure(error, output);
      // Not rethrown: VS Code would show its own, second notification for a command run from a menu.
      return undefined;
    }
  });
}

async function showFailure(error: unknown, output: vscode.LogOutputChannel): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const choice = await vscode.window.showErrorMessage(`Rationale: ${firstLine(message)}`, OPEN_OUTPUT);
  if (choice === OPEN_OUTPUT) output.show(true);
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
