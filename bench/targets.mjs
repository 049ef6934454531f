// The last table of run.sh: every speed target of the issue, what this run
// measured for it, the goal and whether it is met, as a Markdown table (to
// paste into RESULTS.md). Reads the TSV files the earlier steps wrote into
// the results folder; a part that was skipped (its file is missing) is
// listed as "not measured". Every number comes from those files.
//
//   node bench/targets.mjs --results DIR
//
// Files in DIR: reference.tsv (segc_bench --tsv), many.tsv (--many-tsv),
// duckdb-many.tsv (duckdb_counts.mjs --many-out), import-segc-tN-rR.tsv
// (segc_time_command, one per thread count N and round R) and
// import-duckdb-tN-rR.tsv (duckdb_import.mjs, likewise), open.tsv (segc_columnar_open), run.tsv
// (segc_time_command of segc run).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { median, parseArgs } from './script_args.mjs';

const args = parseArgs({});
if (!args.results) {
  console.error('usage: targets.mjs --results DIR');
  process.exit(2);
}

// The lines of a TSV file as objects keyed by its header; null when missing.
function readTsv(name) {
  const path = join(args.results, name);
  if (!existsSync(path)) return null;
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n').map((l) => l.split('\t'));
  return lines.map((fields) => Object.fromEntries(header.map((key, i) => [key, fields[i]])));
}

const ms = (x) => (x >= 10000 ? `${(x / 1000).toFixed(1)} s` : x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(2)} ms`);
const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;
const ratio = (x) => `${x >= 10 ? x.toFixed(1) : x >= 0.1 ? x.toFixed(2) : x.toPrecision(2)}x`;
const rows = [];
const add = (target, measured, goal, met) => rows.push([target, measured, goal, met === null ? '—' : met ? 'yes' : 'NO']);
const missing = (target, goal) => add(target, 'not measured', goal, null);

const reference = readTsv('reference.tsv');
if (reference) {
  for (const r of reference.filter((r) => r.segment !== 'all_fused')) {
    const x = r.jit_ms / r.hand_ms;
    add(`1. ${r.segment}, ${r.rows} rows: segc JIT / hand-written loop`,
        `${ms(+r.jit_ms)} / ${ms(+r.hand_ms)} = ${ratio(x)}`, '≤ 1.5x', x <= 1.5);
  }
} else {
  missing('1. reference segments: segc JIT / hand-written loop', '≤ 1.5x');
}

const many = readTsv('many.tsv')?.[0];
const duckMany = readTsv('duckdb-many.tsv')?.[0];
if (many) {
  const x = many.jit_ms / many.read_once_ms;
  add(`2. ${many.segments} segments, one fused pass / reading each column once (${mb(+many.column_bytes)})`,
      `${ms(+many.jit_ms)} / ${ms(+many.read_once_ms)} = ${ratio(x)}`, '≤ 2x', x <= 2);
  if (many.jit_reused_ms) {
    add(`   (information) the same into the last evaluation's bitmaps (evaluate_into)`,
        `${ms(+many.jit_reused_ms)} / ${ms(+many.read_once_ms)} = ${ratio(many.jit_reused_ms / many.read_once_ms)}`,
        '—', null);
  }
} else {
  missing('2. many segments, one fused pass / reading each column once', '≤ 2x');
}
if (many && duckMany) {
  const x = duckMany.duckdb_ms / many.jit_ms;
  add(`2. ${many.segments} counts: DuckDB (threads=${duckMany.threads}) / segc`,
      `${ms(+duckMany.duckdb_ms)} / ${ms(+many.jit_ms)} = ${ratio(x)}`, '≥ 20x', x >= 20);
} else {
  missing('2. many counts: DuckDB / segc', '≥ 20x');
}
if (many) {
  const cold = +many.cold_cache_compile_ms, warm = +many.warm_cache_compile_ms;
  add(`3. compile + JIT of ${many.segments} segments, empty compile cache`,
      `${ms(cold)} (${ratio(cold / 500)} the goal)`, '< 500 ms', cold < 500);
  add(`3. compile + JIT of ${many.segments} segments, code from the compile cache`,
      `${ms(warm)} (${ratio(warm / 30)} the goal)`, '< 30 ms', warm < 30);
} else {
  missing('3. compile + JIT of many segments, cold / warm cache', '< 500 ms / < 30 ms');
}

// Per thread count, the round-by-round times of each tool (run.sh imports in
// rounds, segc and DuckDB back to back).
const importRounds = (pattern, field) => {
  const byThreads = new Map();
  for (const name of readdirSync(args.results)) {
    const match = pattern.exec(name);
    if (!match) continue;
    const threads = Number(match[1]);
    if (!byThreads.has(threads)) byThreads.set(threads, new Map());
    byThreads.get(threads).set(Number(match[2]), +readTsv(name)[0][field]);
  }
  return byThreads;
};
const segcImports = importRounds(/^import-segc-t(\d+)-r(\d+)\.tsv$/, 'wall_ms');
const duckImports = importRounds(/^import-duckdb-t(\d+)-r(\d+)\.tsv$/, 'duckdb_import_ms');
for (const threads of [...segcImports.keys()].sort((a, b) => a - b)) {
  const segc = segcImports.get(threads), duck = duckImports.get(threads);
  if (!duck) {
    missing(`4. import, ${threads} thread(s): DuckDB / segc import`, '≥ 2x');
    continue;
  }
  const segcMs = median([...segc.values()]), duckMs = median([...duck.values()]);
  const x = duckMs / segcMs;
  const perRound = [...segc.keys()].filter((r) => duck.has(r)).sort((a, b) => a - b)
    .map((r) => ratio(duck.get(r) / segc.get(r)));
  add(`4. import the CSV, ${threads} thread(s): DuckDB CREATE TABLE AS read_csv / segc import`,
      `${ms(duckMs)} / ${ms(segcMs)} = ${ratio(x)}` + (perRound.length > 1 ? ` (rounds: ${perRound.join(', ')})` : ''),
      '≥ 2x', x >= 2);
}
if (segcImports.size === 0) missing('4. import: DuckDB / segc import', '≥ 2x');

const open = readTsv('open.tsv')?.[0];
if (open) {
  add(`4. open the imported file (${open.rows} rows, ${mb(+open.file_bytes)})`,
      `${ms(+open.open_ms)} (${ratio(open.open_ms / 50)} the goal)`, '< 50 ms', +open.open_ms < 50);
  add(`   (information) verify the ${open.columns.split(',').length} columns segc run reads next`,
      ms(+open.verify_ms), '—', null);
} else {
  missing('4. open the imported file', '< 50 ms');
}

const run = readTsv('run.tsv')?.[0];
if (run) {
  add(`5. segc run, ${args['run-segments'] ?? 'the'} segments, roaring out, warm compile cache, wall`,
      `${ms(+run.wall_ms)} (${ratio(run.wall_ms / 1000)} the goal)`, '< 1 s', +run.wall_ms < 1000);
  if (open) {
    add('5. peak RSS of that run / bytes of the columns it reads (arrays, key included)',
        `${mb(+run.peak_rss_bytes)} / ${mb(+open.column_bytes)} = ${ratio(run.peak_rss_bytes / open.column_bytes)}`,
        'compared', null);
  }
} else {
  missing('5. segc run of many segments to Roaring bitmaps', '< 1 s');
}

console.log('\ntargets (medians; x = measured / baseline or / goal)\n');
const table = [['target', 'measured', 'goal', 'met?'], ...rows];
const widths = table[0].map((_, c) => Math.max(...table.map((r) => [...r[c]].length)));
const line = (r) => `| ${r.map((cell, c) => cell + ' '.repeat(widths[c] - [...cell].length)).join(' | ')} |`;
console.log(line(table[0]));
console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
for (const r of rows) console.log(line(r));
