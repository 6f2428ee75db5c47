import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** Real decision logs, read in place: ../shared/corpus beside the repository (out/test/unit is three levels down). */
export const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');

/** Skips the calling test or suite, saying why, when the corpus is not beside the repository. */
export function skipWithoutCorpus(context: Mocha.Context): void {
  if (existsSync(CORPUS)) return;
  console.log(`corpus tests skipped: ${CORPUS} not found`);
  context.skip();
}
