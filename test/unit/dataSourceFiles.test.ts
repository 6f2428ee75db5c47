import * as assert from 'node:assert/strict';
import { DataSourceFiles } from '../../src/core/dataSourceFiles';
import { makeRecord } from './makeRecord';
import { MemoryFileSystem } from './memoryFileSystem';

describe('DataSourceFiles', () => {
  const citing = [makeRecord({ path: 'docs/decisions/0001-a.md', dataSources: [{ path: './research/a.csv' }] })];

  it('answers for the files prefetched, and takes a path never asked about for existing', async () => {
    const fs = new MemoryFileSystem({ 'research/a.csv': 'x' });
    const files = new DataSourceFiles();
    await files.prefetch(fs, citing);
    assert.equal(files.exists(fs, './research/a.csv'), true);
    assert.equal(files.exists(fs, 'never/asked.csv'), true);
  });

  it('keeps each workspace folder’s answers apart: a file in one folder is not in another', async () => {
    const withFile = new MemoryFileSystem({ 'research/a.csv': 'x' });
    const without = new MemoryFileSystem({ 'docs/decisions/0001-a.md': '# A' });
    const files = new DataSourceFiles();
    await files.prefetch(withFile, citing);
    await files.prefetch(without, citing);
    assert.equal(files.exists(withFile, './research/a.csv'), true);
    assert.equal(files.exists(without, './research/a.csv'), false);
  });
});
