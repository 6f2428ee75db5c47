// The extension loads in a real extension host, and package.json and the code agree on its commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'rationale.rationale';
const COMMAND_PREFIX = 'rationale.';

interface Contributes {
  commands?: { command: string }[];
  views?: Record<string, { id: string }[]>;
}

function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(found, `extension ${EXTENSION_ID} is not installed`);
  return found;
}

function contributes(): Contributes {
  return (extension().packageJSON as { contributes?: Contributes }).contributes ?? {};
}

/** VS Code registers `<viewId>.focus`, `<viewId>.resetViewLocation` and the like for every view by itself. */
function isViewCommand(command: string, viewIds: string[]): boolean {
  return viewIds.some((viewId) => command.startsWith(`${viewId}.`));
}

describe('Smoke', () => {
  before(async () => {
    await extension().activate();
  });

  it('finds and activates the extension', () => {
    assert.equal(extension().isActive, true);
  });

  it('registers every command declared in package.json', async () => {
    const declared = (contributes().commands ?? []).map((entry) => entry.command);
    assert.ok(declared.length > 0, 'package.json declares no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], 'declared in package.json but not registered');
  });

  it('declares every rationale.* command it registers', async () => {
    const declared = new Set((contributes().commands ?? []).map((entry) => entry.command));
    const viewIds = Object.values(contributes().views ?? {}).flatMap((views) => views.map((view) => view.id));
    const undeclared = (await vscode.commands.getCommands(true)).filter(
      (command) => command.startsWith(COMMAND_PREFIX) && !declared.has(command) && !isViewCommand(command, viewIds),
    );
    assert.deepEqual(undeclared, [], 'registered but not declared in package.json');
  });
});
