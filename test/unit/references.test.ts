import * as assert from 'node:assert/strict';
import { findReferences, formatReference, referenceAt } from '../../src/core/references';

describe('references', () => {
  describe('findReferences', () => {
    const cases: { text: string; prefix: string; expected: [number, string][] }[] = [
      { text: 'See DR-12.', prefix: 'DR', expected: [[12, 'DR-12']] },
      { text: 'See DR-0012 and DR-3', prefix: 'DR', expected: [[12, 'DR-0012'], [3, 'DR-3']] },
      { text: '(DR-7), [DR-8](x.md), "DR-9"', prefix: 'DR', expected: [[7, 'DR-7'], [8, 'DR-8'], [9, 'DR-9']] },
      { text: 'DR-1 at the start and at the end DR-2', prefix: 'DR', expected: [[1, 'DR-1'], [2, 'DR-2']] },
      { text: 'XDR-1, ADR-2, DR-3a, DR_4, 2DR-5, éDR-6', prefix: 'DR', expected: [] },
      { text: 'dr-1 is not DR-1', prefix: 'DR', expected: [[1, 'DR-1']] },
      { text: 'DR-', prefix: 'DR', expected: [] },
      { text: 'superseded by ADR-0123', prefix: 'ADR', expected: [[123, 'ADR-0123']] },
      { text: 'ADR-5 with the dash in the prefix', prefix: 'ADR-', expected: [[5, 'ADR-5']] },
      { text: 'a.b-1 and a.b-2', prefix: 'a.b', expected: [[1, 'a.b-1'], [2, 'a.b-2']] },
      { text: 'axb-1', prefix: 'a.b', expected: [] },
      { text: 'line\r\nDR-4\r\n', prefix: 'DR', expected: [[4, 'DR-4']] },
      { text: 'DR-5-6', prefix: 'DR', expected: [[5, 'DR-5']] },
      { text: 'anything', prefix: '', expected: [] },
    ];
    for (const { text, prefix, expected } of cases) {
      it(`${JSON.stringify(text)} with prefix ${JSON.stringify(prefix)}`, () => {
        const found = findReferences(text, prefix);
        assert.deepEqual(
          found.map((reference) => [reference.number, text.slice(reference.start, reference.end)]),
          expected,
        );
        for (const reference of found) assert.ok(text.slice(reference.start, reference.end).endsWith(reference.digits));
      });
    }
  });

  describe('referenceAt', () => {
    const text = 'First line\nSee DR-12 and DR-0007.\nDR-3';
    const cases: { offset: number; expected: number | undefined }[] = [
      { offset: text.indexOf('DR-12'), expected: 12 },
      { offset: text.indexOf('DR-12') + 3, expected: 12 },
      { offset: text.indexOf('DR-12') + 5, expected: 12 },
      { offset: text.indexOf('DR-12') + 6, expected: undefined },
      { offset: text.indexOf('0007'), expected: 7 },
      { offset: text.length, expected: 3 },
      { offset: 0, expected: undefined },
    ];
    for (const { offset, expected } of cases) {
      it(`at offset ${offset}`, () => assert.equal(referenceAt(text, offset, 'DR')?.number, expected));
    }

    it('gives offsets in the whole text', () => {
      const reference = referenceAt(text, text.indexOf('DR-0007') + 2, 'DR');
      assert.deepEqual(reference, { number: 7, start: text.indexOf('DR-0007'), end: text.indexOf('DR-0007') + 7, digits: '0007' });
    });
  });

  describe('formatReference', () => {
    const cases: { number: number; prefix: string; expected: string }[] = [
      { number: 12, prefix: 'DR', expected: 'DR-12' },
      { number: 7, prefix: 'ADR', expected: 'ADR-7' },
      { number: 7, prefix: 'ADR-', expected: 'ADR-7' },
      { number: 10000, prefix: 'DR', expected: 'DR-10000' },
    ];
    for (const { number, prefix, expected } of cases) {
      it(`${number} with ${prefix} is ${expected}`, () => assert.equal(formatReference(number, prefix), expected));
    }

    it('formats what findReferences finds', () => {
      for (const number of [0, 1, 42, 9999]) {
        assert.deepEqual(findReferences(`x ${formatReference(number, 'DR')} y`, 'DR').map((r) => r.number), [number]);
      }
    });
  });
});
