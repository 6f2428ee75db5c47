import * as assert from 'node:assert/strict';
import { INDEX_MARKER, renderIndex } from '../../src/core/indexDocument';
import { makeRecord } from './makeRecord';

const folder = 'docs/decisions';

describe('renderIndex', () => {
  it('renders a table in number order and a graph of supersede and related links', () => {
    const records = [
      makeRecord({
        path: 'docs/decisions/0003-bill-annual-plans-upfront.md',
        number: 3,
        title: 'Bill annual plans upfront',
        status: 'accepted',
        date: '2026-11-22',
        supersedes: [1],
        related: [2],
        signOff: [
          { name: 'Sam Lee', state: 'approved' },
          { name: 'Ana Ruiz', state: 'objected' },
          { name: 'Tom Berg', state: 'pending' },
        ],
      }),
      makeRecord({ path: 'docs/decisions/0001-bill-monthly.md', number: 1, title: 'Bill monthly', status: 'superseded', supersededBy: [3] }),
      makeRecord({ path: 'docs/decisions/0002-use "stripe" | [tax].md', number: 2, title: 'Use "Stripe" | [tax]', statusText: 'on hold', related: [3] }),
    ];
    assert.equal(
      renderIndex(records, { prefix: 'DR', folder }),
      [
        INDEX_MARKER,
        '',
        '# Decision records',
        '',
        '| Record | Title | Status | Date | Sign-off |',
        '| --- | --- | --- | --- | --- |',
        '| DR-1 | [Bill monthly](0001-bill-monthly.md) | superseded |  |  |',
        '| DR-2 | [Use "Stripe" \\| \\[tax\\]](0002-use%20%22stripe%22%20%7C%20%5Btax%5D.md) | on hold |  |  |',
        '| DR-3 | [Bill annual plans upfront](0003-bill-annual-plans-upfront.md) | accepted | 2026-11-22 | 1/3 approved, 1 objected |',
        '',
        '## How decisions relate',
        '',
        '```mermaid',
        'graph LR',
        '  DR1["DR-1: Bill monthly"]',
        '  DR2["DR-2: Use #quot;Stripe#quot; | [tax]"]',
        '  DR3["DR-3: Bill annual plans upfront"]',
        '  DR3 -->|supersedes| DR1',
        '  DR2 -.-|related| DR3',
        '```',
        '',
      ].join('\n'),
    );
  });

  it('lists records without a number after the numbered ones and links files in sub-folders', () => {
    const text = renderIndex(
      [
        makeRecord({ path: 'docs/decisions/20240131-use-log4brains.md', title: 'Use log4brains' }),
        makeRecord({ path: 'docs/decisions/api/0007-version-the-api.md', number: 7, title: 'Version the API' }),
      ],
      { prefix: 'ADR', folder },
    );
    const rows = text.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Record') && !line.startsWith('| ---'));
    assert.deepEqual(rows, [
      '| ADR-7 | [Version the API](api/0007-version-the-api.md) |  |  |  |',
      '|  | [Use log4brains](20240131-use-log4brains.md) |  |  |  |',
    ]);
    assert.ok(!text.includes('mermaid'), 'no graph without links');
  });

  it('draws no edge to a record that does not exist and says when the log is empty', () => {
    const text = renderIndex([makeRecord({ path: 'docs/decisions/0004-a.md', number: 4, title: 'A', supersedes: [99] })], { prefix: 'DR', folder });
    assert.ok(!text.includes('mermaid'));
    assert.ok(renderIndex([], { prefix: 'DR', folder }).includes('No decision records yet.'));
  });
});
