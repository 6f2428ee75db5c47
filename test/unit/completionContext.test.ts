import * as assert from 'node:assert/strict';
import { frontMatterSlot, typedReference } from '../../src/core/completionContext';

describe('completionContext', () => {
  describe('typedReference', () => {
    const cases: [string, string, number | undefined][] = [
      ['// see DR-', 'DR', 7],
      ['// see DR-1', 'DR', 7],
      ['DR-12', 'DR', 0],
      ['(ADR-', 'ADR', 1],
      ['ADR-', 'ADR-', 0],
      ['XDR-', 'DR', undefined],
      ['DR_', 'DR', undefined],
      ['dr-', 'DR', undefined],
      ['DR-1a', 'DR', undefined],
      ['DR-1 and more', 'DR', undefined],
      ['a.b-', 'a.b', 0],
      ['axb-', 'a.b', undefined],
      ['DR-', '', undefined],
    ];
    for (const [text, prefix, start] of cases) {
      it(`${JSON.stringify(text)} with prefix ${JSON.stringify(prefix)} → ${start ?? 'nothing'}`, () => {
        assert.deepEqual(typedReference(text, prefix), start === undefined ? undefined : { start });
      });
    }
  });

  describe('frontMatterSlot', () => {
    const LINES = ['---', 'title: X', 'status: accepted', 'sign-off:', '  - name: Ana', '    state: pending', 'related:', '  - 3', 'tags:', '  - billing'];
    const cases: [number, string, ReturnType<typeof frontMatterSlot>][] = [
      [2, 'status: ', { kind: 'status', typed: '' }],
      [2, 'status: acc', { kind: 'status', typed: 'acc' }],
      [2, 'status: "acc', { kind: 'status', typed: 'acc' }],
      [5, '    state: ', { kind: 'state', typed: '' }],
      [5, '  - state: obj', { kind: 'state', typed: 'obj' }],
      [4, '  - name: ', { kind: 'name', typed: '' }],
      [4, '  - name: Ana R', { kind: 'name', typed: 'Ana R' }],
      [6, 'related: ', { kind: 'number', typed: '' }],
      [6, 'related: [', { kind: 'number', typed: '' }],
      [6, 'related: [3, 1', { kind: 'number', typed: '1' }],
      [6, 'supersedes: [', { kind: 'number', typed: '' }],
      [6, 'superseded-by: ', { kind: 'number', typed: '' }],
      [8, '  - ', { kind: 'number', typed: '' }],
      [8, '  - 4', { kind: 'number', typed: '4' }],
      [10, '  - ', undefined],
      [1, 'title: ', undefined],
      [2, '  status: ', undefined],
      [6, 'related: [3] ', undefined],
    ];
    for (const [line, before, expected] of cases) {
      it(`line ${line} ${JSON.stringify(before)} → ${expected ? `${expected.kind} "${expected.typed}"` : 'nothing'}`, () => {
        assert.deepEqual(frontMatterSlot(LINES.slice(0, line), line, before), expected);
      });
    }
  });
});
