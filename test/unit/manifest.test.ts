import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

interface MenuItem {
  command: string;
  when?: string;
}

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { contributes: { menus: Record<string, MenuItem[]> } };

describe('package.json menus', () => {
  it('offer Copy PR Summary, which needs git, only in a trusted workspace', () => {
    const places = Object.values(manifest.contributes.menus)
      .flat()
      .filter((item) => item.command === 'rationale.copyPrSummary');
    assert.ok(places.length >= 2, 'the command palette and the view title');
    for (const item of places) assert.match(item.when ?? '', /\bisWorkspaceTrusted\b/, JSON.stringify(item));
  });
});
