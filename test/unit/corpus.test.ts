import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { isRecordFileName, numberFromFileName } from '../../src/core/naming';
import { parseRecord } from '../../src/core/parse';
import type { DecisionRecord } from '../../src/core/record';
import { CORPUS, skipWithoutCorpus } from './corpusLocation';
import { CORPUS_EXPECTATIONS, CORPUS_PROBLEMS, CORPUS_SUPERSEDED_BY } from './corpusExpectations';


/** Record files under a folder, recursively, as POSIX paths relative to it. */
function recordFiles(folder: string, relative = ''): string[] {
  return readdirSync(path.join(folder, relative), { withFileTypes: true })
    .flatMap((entry) => {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) return recordFiles(folder, child);
      return entry.isFile() && isRecordFileName(entry.name) ? [child] : [];
    })
    .sort();
}

describe('the real-world corpus', function () {
  before(function () {
    skipWithoutCorpus(this);
  });

  for (const [folder, expectations] of Object.entries(CORPUS_EXPECTATIONS)) {
    describe(folder, () => {
      let records: Map<string, DecisionRecord>;

      before(() => {
        records = new Map();
        const root = path.join(CORPUS, folder);
        for (const file of recordFiles(root)) {
          const text = readFileSync(path.join(root, file), 'utf8');
          // parseRecord promises never to throw; a throw here fails the whole folder loudly.
          records.set(file, parseRecord(file, text));
        }
      });

      it('finds exactly the records in the expectations table', () => {
        assert.deepEqual([...records.keys()].sort(), expectations.map(([file]) => file).sort());
      });

      it('gives every record a title, and the number its file name carries', () => {
        for (const [file, record] of records) {
          assert.ok(record.title.trim().length > 0, `${file} has no title`);
          const number = numberFromFileName(file.slice(file.lastIndexOf('/') + 1));
          if (number !== undefined) assert.equal(record.number, number, `${file} number`);
        }
      });

      it('reads the right number, title, status and date', () => {
        for (const [file, number, title, status, date] of expectations) {
          const record = records.get(file);
          assert.ok(record, `${file} was not found`);
          assert.deepEqual(
            { number: record.number, title: record.title, status: record.status, date: record.date },
            { number, title, status, date },
            file,
          );
        }
      });

      it('keeps the status text whenever it finds a status', () => {
        for (const [file, record] of records) {
          if (record.status !== undefined) assert.ok(record.statusText && record.statusText.trim() !== '', `${file} statusText`);
        }
      });

      it('follows superseded-by links', () => {
        for (const [file, record] of records) {
          assert.deepEqual(record.supersededBy, CORPUS_SUPERSEDED_BY[`${folder}/${file}`] ?? [], `${file} supersededBy`);
        }
      });

      it('raises no problems beyond the broken YAML that is really there', () => {
        for (const [file, record] of records) {
          const problems = record.problems.map((problem) => `${problem.code}@${String(problem.line)}`);
          assert.deepEqual(problems, CORPUS_PROBLEMS[`${folder}/${file}`] ?? [], file);
        }
      });
    });
  }

  it('reads broken backstage front matter into records that keep their title', () => {
    const folder = path.join(CORPUS, 'backstage__backstage/docs/architecture-decisions');
    const file = 'adr002-default-catalog-file-format.md';
    const record = parseRecord(file, readFileSync(path.join(folder, file), 'utf8'));
    assert.equal(record.title, 'Default Software Catalog File Format');
    assert.equal(record.problems[0].code, 'yaml-syntax');
    assert.equal(record.problems[0].severity, 'error');
  });
});
