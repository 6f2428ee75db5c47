// npm run bench: measures the real code paths side by side in one run and prints each figure with
// its ratio to the physical floor (just reading the files). Exits 1 when a target is missed.
// Run with `node --expose-gc` (the npm script does) so heap figures are taken after a collection.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');
const { execFileSync, spawnSync } = require('node:child_process');
const { performance } = require('node:perf_hooks');
const yaml = require('js-yaml');
const { generateLog } = require('./bench/generateLog');

const root = path.resolve(__dirname, '..');
const { DecisionLog, READ_CONCURRENCY, STAT_CONCURRENCY } = require(path.join(root, 'out/src/core/decisionLog'));
const { NodeFileSystem } = require(path.join(root, 'out/src/cli/nodeFileSystem'));
const { groupRecords, recordLabel, recordDescription } = require(path.join(root, 'out/src/core/grouping'));

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const FOLDER = 'docs/decisions';
const results = [];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function timeRuns(runs, body) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await body(run);
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Lists the folder and runs `operation` (a promisified callback fs call) on every file, `concurrency` at a time. */
async function eachFile(folder, concurrency, operation) {
  const names = fs.readdirSync(folder);
  let next = 0;
  const worker = async () => {
    while (next < names.length) await operation(path.join(folder, names[next++]));
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * The floor: every file read with the same concurrency the index uses, through the cheapest
 * non-blocking whole-file read Node has (callback `fs.readFile`; `fs.promises.readFile` costs about
 * twice as much), so the index is held to the real cost of the reads.
 */
const readAllFiles = (folder) => eachFile(folder, READ_CONCURRENCY, util.promisify(fs.readFile));

/** Every file stat'ed the way the re-open does: callback `fs.stat`, as many in flight. */
const statAllFiles = (folder) => eachFile(folder, STAT_CONCURRENCY, util.promisify(fs.stat));

/** The YAML between the `---` lines of each file that has front matter, as the parser hands it to js-yaml. */
function frontMatterSources(folder) {
  const sources = [];
  for (const name of fs.readdirSync(folder)) {
    const lines = fs.readFileSync(path.join(folder, name), 'utf8').split('\n');
    const closing = lines[0] === '---' ? lines.indexOf('---', 1) : -1;
    if (closing > 0) sources.push(lines.slice(1, closing).join('\n'));
  }
  return sources;
}

/** js-yaml with the parser's options; broken YAML throws, as it does in the parser. */
function loadYaml(source) {
  try {
    yaml.load(source, { schema: yaml.CORE_SCHEMA, json: true });
  } catch {
    // counted like a parse
  }
}

/** One timing, after a collection so garbage from the previous step is not paid for here. */
async function timed(body) {
  globalThis.gc?.();
  const start = performance.now();
  await body();
  return performance.now() - start;
}

/** `ratio` is to the floor, as the median of the ratios of each round. */
function report(name, value, unit, { ratio, target, max } = {}) {
  const ok = target === undefined ? true : (ratio ?? value) <= target;
  results.push({ name, value, unit, ratio, target, ok });
  const figure = unit === 'MB' ? value.toFixed(1) : value.toFixed(value < 10 ? 2 : 0);
  const ratioText = ratio === undefined ? '' : `  ${ratio.toFixed(2)}x floor`;
  const targetText = target === undefined ? '' : `  (target ${ratio === undefined ? `< ${target} ${unit}` : `<= ${target}x`}${max ? `, ${max}` : ''})`;
  console.log(`  ${ok ? ' ' : '✘'} ${name.padEnd(44)} ${figure.padStart(8)} ${unit.padEnd(3)}${ratioText}${targetText}`);
}

async function benchLog(count) {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), `rationale-bench-${count}-`));
  const folder = path.join(workspace, FOLDER);
  const names = generateLog(folder, count);
  const fileSystem = new NodeFileSystem(workspace);
  const runs = RUNS;
  console.log(`\n${count} records (${(dirSize(folder) / 1e6).toFixed(1)} MB), median of ${runs} runs`);

  await readAllFiles(folder); // warm the page cache so every figure below reads from memory alike
  const frontMatters = frontMatterSources(folder);
  // The steps are timed in turns within each round, and each ratio is taken within its round: the
  // machine's speed drifts between rounds (other tenants, page-cache reclaim), and figures from
  // different moments would compare the drift, not the code.
  let log = new DecisionLog(fileSystem, FOLDER);
  await log.load();
  const stored = JSON.stringify(log.snapshot());
  const steps = {
    floor: () => readAllFiles(folder),
    full: async () => {
      log = new DecisionLog(fileSystem, FOLDER);
      await log.load();
    },
    cached: async () => {
      const reopened = new DecisionLog(fileSystem, FOLDER);
      await reopened.load({ snapshot: JSON.parse(stored) });
    },
    stats: () => statAllFiles(folder),
    yaml: () => frontMatters.forEach(loadYaml),
  };
  const times = Object.fromEntries(Object.keys(steps).map((step) => [step, []]));
  for (let round = 0; round < runs; round++) {
    for (const [step, body] of Object.entries(steps)) times[step].push(await timed(body));
  }
  const ratio = (step) => median(times[step].map((time, round) => time / times.floor[round]));
  report('read every file (floor)', median(times.floor), 'ms');
  report('build the full index', median(times.full), 'ms', { ratio: ratio('full'), target: count >= 10000 ? 2 : undefined });
  report('re-open from the cached index', median(times.cached), 'ms', { ratio: ratio('cached'), target: count >= 10000 ? 0.5 : undefined });
  console.log('    what bounds them:');
  report('  js-yaml on every front matter, alone', median(times.yaml), 'ms', { ratio: ratio('yaml') });
  report('  stat every file, alone', median(times.stats), 'ms', { ratio: ratio('stats') });

  // One changed file: rewrite a record on disk, then let the index take it in.
  const updates = [];
  for (let i = 0; i < 21; i++) {
    const name = names[(i * 397) % names.length];
    const file = path.join(folder, name);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^status: \w+/m, `status: ${i % 2 ? 'accepted' : 'proposed'}`));
    const start = performance.now();
    await log.update(`${FOLDER}/${name}`);
    log.records(); // the tree reads the sorted list right after an update
    updates.push(performance.now() - start);
  }
  report('update the index for one changed file', median(updates), 'ms', { target: count >= 10000 ? 5 : undefined });

  const firstLevel = await timeRuns(runs, () => groupRecords(log.records(), 'status'));
  report('tree: first level (group by status)', firstLevel, 'ms', { target: 50 });
  const expanded = await timeRuns(runs, () => {
    const groups = groupRecords(log.records(), 'stakeholder');
    const largest = groups.reduce((a, b) => (b.records.length > a.records.length ? b : a));
    return largest.records.map((record) => [recordLabel(record, 'DR'), recordDescription(record)]);
  });
  report('tree: expand the largest stakeholder group', expanded, 'ms', { target: 50 });

  if (globalThis.gc) {
    log = undefined;
    globalThis.gc();
    const before = process.memoryUsage().heapUsed;
    log = new DecisionLog(fileSystem, FOLDER);
    await log.load();
    globalThis.gc();
    const heap = (process.memoryUsage().heapUsed - before) / 1e6;
    report('heap held by the index', heap, 'MB', { target: count >= 10000 ? 50 : undefined });
  } else {
    console.log('    (heap not measured: run with node --expose-gc)');
  }
  fs.rmSync(workspace, { recursive: true, force: true });
}

function dirSize(folder) {
  return fs.readdirSync(folder).reduce((total, name) => total + fs.statSync(path.join(folder, name)).size, 0);
}

/** adr-tools' `adr generate toc` against `rationale index` on the same 1,000-record adr-tools log. */
function benchAgainstAdrTools() {
  const count = 1000;
  console.log(`\nAgainst adr-tools: ${count} adr-tools records, table of contents, median of 3 runs`);
  const adr = spawnSync('adr', ['help'], { encoding: 'utf8' });
  if (adr.error) {
    console.log('  skipped: adr-tools is not installed (apt-get install adr-tools)');
    return;
  }
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-bench-adr-'));
  generateLog(path.join(workspace, 'doc/adr'), count, 'nygard');
  fs.writeFileSync(path.join(workspace, '.adr-dir'), 'doc/adr\n');
  const cli = path.join(root, 'dist/cli.js');
  const wall = (command, args) => {
    const times = [];
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      execFileSync(command, args, { cwd: workspace, stdio: ['ignore', 'ignore', 'inherit'] });
      times.push(performance.now() - start);
    }
    return median(times);
  };
  const ours = wall(process.execPath, [cli, 'index']);
  const theirs = wall('adr', ['generate', 'toc']);
  const lines = fs.readFileSync(path.join(workspace, 'doc/adr/index.md'), 'utf8').split('\n').filter((line) => line.startsWith('| DR-'));
  if (lines.length !== count) throw new Error(`rationale index listed ${lines.length} records, expected ${count}`);
  report('rationale index (whole process)', ours, 'ms');
  report('adr generate toc (whole process)', theirs, 'ms');
  const ratio = theirs / ours;
  console.log(`    adr-tools takes ${ratio.toFixed(0)}x as long as rationale index`);
  results.push({ name: 'faster than adr-tools', ok: ratio > 1 });
  fs.rmSync(workspace, { recursive: true, force: true });
}

async function main() {
  console.log(`Rationale benchmark on ${os.cpus()[0].model}, ${os.cpus().length} cores, Node ${process.version}`);
  await benchLog(1000);
  await benchLog(10000);
  if (!process.argv.includes('--no-peer')) benchAgainstAdrTools();
  const missed = results.filter((result) => !result.ok);
  console.log(missed.length === 0 ? '\nAll targets met.' : `\nMissed ${missed.length} target(s): ${missed.map((result) => result.name).join('; ')}`);
  process.exitCode = missed.length === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
