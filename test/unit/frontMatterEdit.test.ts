import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parse } from 'yaml';
import { FrontMatterEditor, applyEdits, attemptEdit, formatScalar, locateFrontMatter } from '../../src/core/frontMatterEdit';
import type { TextEdit } from '../../src/core/frontMatterEdit';

function edit(text: string, change: (editor: FrontMatterEditor) => void): string {
  const result = attemptEdit(text, () => {
    const editor = FrontMatterEditor.open(text);
    change(editor);
    return editor.edits();
  });
  if (!result.ok) throw new Error(result.message);
  return applyEdits(text, result.edits);
}

describe('applyEdits', () => {
  const cases: { name: string; edits: TextEdit[]; expected: string }[] = [
    { name: 'no edits', edits: [], expected: 'abcdef' },
    { name: 'one replacement', edits: [{ start: 1, end: 3, newText: 'XY' }], expected: 'aXYdef' },
    { name: 'edits given out of order', edits: [{ start: 5, end: 6, newText: '!' }, { start: 0, end: 1, newText: '' }], expected: 'bcde!' },
    {
      name: 'insertions at one offset keep their order',
      edits: [{ start: 3, end: 3, newText: '1' }, { start: 3, end: 3, newText: '2' }],
      expected: 'abc12def',
    },
    { name: 'an insertion at the end', edits: [{ start: 6, end: 6, newText: '\n' }], expected: 'abcdef\n' },
  ];
  for (const { name, edits, expected } of cases) {
    it(name, () => assert.equal(applyEdits('abcdef', edits), expected));
  }

  it('throws on overlapping edits', () => {
    assert.throws(() => applyEdits('abcdef', [{ start: 0, end: 3, newText: '' }, { start: 2, end: 4, newText: '' }]), RangeError);
  });
});

describe('locateFrontMatter', () => {
  const cases: { name: string; text: string; expected: ReturnType<typeof locateFrontMatter> }[] = [
    { name: 'a closed block', text: '---\na: 1\n---\nbody', expected: { kind: 'closed', contentStart: 4, contentEnd: 9 } },
    { name: 'an empty block', text: '---\n---\n', expected: { kind: 'closed', contentStart: 4, contentEnd: 4 } },
    { name: 'CRLF and a BOM', text: '\uFEFF---\r\na: 1\r\n---\r\n', expected: { kind: 'closed', contentStart: 6, contentEnd: 12 } },
    { name: 'closed by `...`', text: '---\na: 1\n...\n', expected: { kind: 'closed', contentStart: 4, contentEnd: 9 } },
    { name: 'trailing spaces after fences', text: '---  \na: 1\n--- \n', expected: { kind: 'closed', contentStart: 6, contentEnd: 11 } },
    { name: 'no front matter', text: '# Title\n---\n', expected: { kind: 'none', insertAt: 0 } },
    { name: 'no front matter after a BOM', text: '\uFEFF# Title\n', expected: { kind: 'none', insertAt: 1 } },
    { name: 'a horizontal rule is not a fence', text: '----\na\n', expected: { kind: 'none', insertAt: 0 } },
    { name: 'an unclosed block', text: '---\ntitle: a\n# Title\n', expected: { kind: 'unclosed' } },
    { name: 'a lone opening fence', text: '---', expected: { kind: 'unclosed' } },
  ];
  for (const { name, text, expected } of cases) {
    it(name, () => assert.deepEqual(locateFrontMatter(text), expected));
  }
});

describe('formatScalar', () => {
  const block = { indent: 2, inFlow: false };
  const flow = { indent: 0, inFlow: true };
  const cases: { value: string | number; context: Parameters<typeof formatScalar>[1]; expected: string }[] = [
    { value: 'accepted', context: block, expected: 'accepted' },
    { value: 12, context: block, expected: '12' },
    { value: 'Churn by plan, Q3', context: block, expected: 'Churn by plan, Q3' },
    { value: 'Churn by plan, Q3', context: flow, expected: '"Churn by plan, Q3"' },
    { value: 'https://example.com/a?b=1', context: flow, expected: 'https://example.com/a?b=1' },
    { value: 'true', context: block, expected: '"true"' },
    { value: '0012', context: block, expected: '"0012"' },
    { value: 'Yes: go', context: block, expected: '"Yes: go"' },
    { value: 'Yes: go', context: { ...block, fallbackQuote: 'QUOTE_SINGLE' }, expected: "'Yes: go'" },
    { value: '# not a comment', context: block, expected: '"# not a comment"' },
    { value: '', context: block, expected: '""' },
    { value: 'plain', context: { ...block, quote: 'QUOTE_SINGLE' }, expected: "'plain'" },
    { value: "it's", context: { ...block, quote: 'QUOTE_SINGLE' }, expected: "'it''s'" },
    { value: 'two\nlines', context: { indent: 6, inFlow: false }, expected: '|-\n      two\n      lines' },
    { value: 'two\nlines', context: flow, expected: '"two\\nlines"' },
  ];
  for (const { value, context, expected } of cases) {
    it(`writes ${JSON.stringify(value)} ${context.inFlow ? 'in a flow list' : 'as a value'}${context.quote ? ` in ${context.quote}` : ''}`, () => {
      assert.equal(formatScalar(value, context), expected);
    });
  }

  it('always reads back as the same string, in a value and in a flow list', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 30 }), (value) => {
        // Control characters other than newlines are not what people type into a sign-off comment.
        fc.pre(![...value].some((char) => char !== '\n' && (char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)));
        const asValue = parse(`key: ${formatScalar(value, { indent: 2, inFlow: false })}\n`) as { key: unknown };
        const inList = parse(`[${formatScalar(value, { indent: 0, inFlow: true })}]`) as unknown[];
        return asValue.key === value && inList[0] === value;
      }),
      { numRuns: 500 },
    );
  });
});

describe('FrontMatterEditor', () => {
  it('replaces a value in place, keeping its quotes and comment', () => {
    assert.equal(edit("---\ntitle: 'Old' # note\n---\n", (e) => e.setScalar('title', "It's new")), "---\ntitle: 'It''s new' # note\n---\n");
  });

  it('keeps an aligned comment in its column while there is room', () => {
    const text = '---\nstatus: proposed    # one of …\ndate: 2026-01-01  # last change\n---\n';
    assert.equal(
      edit(text, (e) => {
        e.setScalar('status', 'deprecated');
        e.setScalar('date', '2026-01-01T10:00:00Z');
      }),
      '---\nstatus: deprecated  # one of …\ndate: 2026-01-01T10:00:00Z # last change\n---\n',
    );
  });

  it('fills an empty value', () => {
    assert.equal(edit('---\ndate:\nstatus: x\n---\n', (e) => e.setScalar('date', '2026-01-02')), '---\ndate: 2026-01-02\nstatus: x\n---\n');
  });

  it('replaces a block scalar with a one-line value', () => {
    assert.equal(edit('---\nnote: |\n  a\n  b\nx: 1\n---\n', (e) => e.setScalar('note', 'c')), '---\nnote: c\nx: 1\n---\n');
  });

  it('adds a key after the last of the anchor keys present', () => {
    assert.equal(
      edit('---\nb: 1\na: 2\nz: 3\n---\n', (e) => e.setScalar('new', 'v', { after: ['a', 'b', 'missing'] })),
      '---\nb: 1\na: 2\nnew: v\nz: 3\n---\n',
    );
  });

  it('adds a key at the end when no anchor is present, after a trailing block list', () => {
    assert.equal(edit('---\nlist:\n  - a\n  - b\n---\n', (e) => e.setScalar('k', 'v', { after: ['x'] })), '---\nlist:\n  - a\n  - b\nk: v\n---\n');
  });

  it('keeps new keys made at one place in the order they were made', () => {
    assert.equal(
      edit('---\na: 1\n---\n', (e) => {
        e.setScalar('b', 2);
        e.appendItems('c', [3]);
      }),
      '---\na: 1\nb: 2\nc: [3]\n---\n',
    );
  });

  it('appends to flow lists, matching the items’ quotes, and fills an empty one', () => {
    assert.equal(
      edit("---\na: ['x', 'y']\nb: []\n---\n", (e) => {
        e.appendItems('a', ['z']);
        e.appendItems('b', [1, 2]);
      }),
      "---\na: ['x', 'y', 'z']\nb: [1, 2]\n---\n",
    );
  });

  it('appends to a flow list that spans lines', () => {
    assert.equal(edit('---\na: [1,\n  2]\n---\n', (e) => e.appendItems('a', [3])), '---\na: [1,\n  2, 3]\n---\n');
  });

  it('appends to a block list at its own indentation, after a trailing comment on the last item', () => {
    assert.equal(edit('---\na:\n    - 1 # one\nb: 2\n---\n', (e) => e.appendItems('a', [2])), '---\na:\n    - 1 # one\n    - 2\nb: 2\n---\n');
  });

  it('turns an empty or null key into a list', () => {
    assert.equal(edit('---\na:\nb: ~\n---\n', (e) => {
      e.appendItems('a', [1]);
      e.appendItems('b', [{ name: 'N' }]);
    }), '---\na: [1]\nb:\n  - name: N\n---\n');
  });

  it('turns an empty `[]` receiving entries into a block list, keeping the comment', () => {
    assert.equal(
      edit('---\nsign-off: [] # nobody yet\nx: 1\n---\n', (e) => e.appendItems('sign-off', [{ name: 'A', state: 'pending' }])),
      '---\nsign-off: # nobody yet\n  - name: A\n    state: pending\nx: 1\n---\n',
    );
  });

  it('starts a block list under a key followed by a comment', () => {
    assert.equal(
      edit('---\nsign-off:   # to fill\nx: 1\n---\n', (e) => e.appendItems('sign-off', [{ name: 'A' }])),
      '---\nsign-off:   # to fill\n  - name: A\nx: 1\n---\n',
    );
  });

  it('appends a flow entry to a flow list of entries', () => {
    assert.equal(
      edit('---\ns: [{name: "B"}]\n---\n', (e) => e.appendItems('s', [{ name: 'A', comment: 'two\nlines' }])),
      '---\ns: [{name: "B"}, {name: A, comment: "two\\nlines"}]\n---\n',
    );
  });

  it('adds fields to a block entry and a flow entry', () => {
    assert.equal(
      edit('---\ns:\n  - name: A\n  - {name: B}\n---\n', (e) => {
        e.setItemFields('s', 0, { state: 'approved' });
        e.setItemFields('s', 1, { state: 'pending', name: undefined });
      }),
      '---\ns:\n  - name: A\n    state: approved\n  - {name: B, state: pending}\n---\n',
    );
  });

  it('replaces one list item', () => {
    assert.equal(edit('---\nrelated: [3, 14, 9]\n---\n', (e) => e.setListItem('related', 1, 20)), '---\nrelated: [3, 20, 9]\n---\n');
  });

  it('writes a whole new block into a file without front matter, after its BOM, with its line endings', () => {
    assert.equal(edit('\uFEFF# T\r\n', (e) => e.setScalar('status', 'accepted')), '\uFEFF---\r\nstatus: accepted\r\n---\r\n# T\r\n');
  });

  it('writes keys into an empty front matter', () => {
    assert.equal(edit('---\n# just a comment\n---\n', (e) => e.setScalar('a', 1)), '---\n# just a comment\na: 1\n---\n');
  });

  it('reads values as plain JavaScript', () => {
    const editor = FrontMatterEditor.open('---\na: [1, 2]\nb: {c: d}\n---\n');
    assert.deepEqual(editor.get('a'), [1, 2]);
    assert.deepEqual(editor.get('b'), { c: 'd' });
    assert.equal(editor.get('missing'), undefined);
    assert.equal(editor.has('a'), true);
  });

  const refusals: { name: string; text: string; change: (editor: FrontMatterEditor) => void; message: RegExp }[] = [
    { name: 'malformed YAML', text: '---\na: [1\n---\n', change: () => undefined, message: /not valid YAML \(line 3\)/ },
    { name: 'duplicate keys', text: '---\na: 1\na: 2\n---\n', change: () => undefined, message: /not valid YAML/ },
    { name: 'an unclosed block', text: '---\na: 1\n', change: () => undefined, message: /not closed/ },
    { name: 'front matter that is a list', text: '---\n- a\n---\n', change: () => undefined, message: /key: value/ },
    { name: 'a list key holding text', text: '---\na: "none"\n---\n', change: (e) => e.appendItems('a', [1]), message: /`a` holds the text "none"; expected a list/ },
    { name: 'a scalar key holding a list', text: '---\na: [1]\n---\n', change: (e) => e.setScalar('a', 'x'), message: /`a` holds a list/ },
    { name: 'an entry that is not a map', text: '---\na: [x]\n---\n', change: (e) => e.setItemFields('a', 0, { b: 'c' }), message: /Entry 1 of `a`/ },
  ];
  for (const { name, text, change, message } of refusals) {
    it(`refuses ${name} without any edit`, () => {
      const result = attemptEdit(text, () => {
        const editor = FrontMatterEditor.open(text);
        change(editor);
        return editor.edits();
      });
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.message, message);
    });
  }
});
