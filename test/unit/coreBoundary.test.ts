import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

// The core runs unchanged in the extension host (remote and virtual workspaces), the CLI and plain
// Node tests. It may only reach files and processes through the ports the adapters hand it.
const FORBIDDEN = ['vscode', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process'];

const repoRoot = path.resolve(__dirname, '../../..');
const coreDir = path.join(repoRoot, 'src/core');

function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const pattern = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) specifiers.push(match[1]);
  return specifiers;
}

describe('core boundary', () => {
  const files = readdirSync(coreDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));

  it('finds the core sources', () => {
    assert.ok(files.length > 0, `no .ts files under ${coreDir}`);
  });

  for (const file of files) {
    it(`src/core/${file} imports neither the editor, the disk nor processes`, () => {
      const forbidden = importsOf(readFileSync(path.join(coreDir, file), 'utf8')).filter((specifier) =>
        FORBIDDEN.includes(specifier),
      );
      assert.deepEqual(forbidden, []);
    });
  }

  it('recognises the import forms it checks', () => {
    assert.deepEqual(importsOf(`import * as vscode from 'vscode';\nconst fs = require("fs");\nimport 'child_process';`), [
      'vscode',
      'fs',
      'child_process',
    ]);
  });
});
