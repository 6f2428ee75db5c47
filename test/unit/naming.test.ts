import * as assert from 'node:assert/strict';
import { formatNumber, isRecordFileName, numberFromFileName } from '../../src/core/naming';

describe('numberFromFileName', () => {
  const cases: [name: string, number: number | undefined][] = [
    ['0001-record-decisions.md', 1],
    ['0012-bill-upfront.md', 12],
    ['0000-use-markdown.md', 0],
    ['012-three-digits.md', 12],
    ['013-Device-Service-Events-Message-Bus.md', 13],
    ['adr-007-use-postgres.md', 7],
    ['ADR012 title with spaces.md', 12],
    ['adr001-add-adr-log.md', 1],
    ['dr-12_underscores.md', 12],
    ['0026-Common Configuration.md', 26],
    ['0024-use-#-as-indicator.md', 24],
    ['0001.md', 1],
    ['0001-mdx-record.mdx', 1],
    ['99999-five-digits.md', 99999],
    // log4brains names files by date; the date is not a record number.
    ['20240131-use-lunr.md', undefined],
    ['20200925-multi-packages.md', undefined],
    ['123456-too-long.md', undefined],
    ['use-postgres.md', undefined],
    ['v2-migration.md', undefined],
    ['README.md', undefined],
  ];
  for (const [name, number] of cases) {
    it(`${name} → ${String(number)}`, () => {
      assert.equal(numberFromFileName(name), number);
    });
  }
});

describe('isRecordFileName', () => {
  const cases: [name: string, isRecord: boolean][] = [
    ['0001-x.md', true],
    ['0001-x.mdx', true],
    ['0001-x.markdown', true],
    ['20240131-x.md', true],
    ['use-postgres.md', true],
    ['0039-use-apache-velocity-as-template-engine.md', true],
    ['0012-template-engine.md', true],
    ['0003-use-helm-template.md', true],
    ['adr-0021-adopt-a-pull-request-template.md', true],
    ['20240131-template-engine.md', true],
    ['0000-template.md', false],
    ['0001-template.md', false],
    ['madr-template.md', false],
    ['README.md', false],
    ['readme.md', false],
    ['index.md', false],
    ['index.mdx', false],
    ['template.md', false],
    ['adr-template.md', false],
    ['adr000-template.md', false],
    ['template-madr.md', false],
    ['_category_.md', false],
    ['.0001-hidden.md', false],
    ['0001-x.txt', false],
    ['.adr-dir', false],
  ];
  for (const [name, isRecord] of cases) {
    it(`${name} is ${isRecord ? '' : 'not '}a record`, () => {
      assert.equal(isRecordFileName(name), isRecord);
    });
  }
});

describe('formatNumber', () => {
  it('pads to four digits and keeps longer numbers whole', () => {
    assert.equal(formatNumber(7), '0007');
    assert.equal(formatNumber(123), '0123');
    assert.equal(formatNumber(12345), '12345');
  });
});
