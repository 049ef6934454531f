// DuckDB's side of the segc bench (README.md): loads the same CSV into an
// in-memory table (enums as ENUM types, sets as VARCHAR[] lists), counts the
// members of every reference segment with the same rules written in SQL, then
// joins its medians with segc_bench's TSV, checks that every count agrees and
// prints the combined table. Exit code 1 when a count disagrees.
//
//   node bench/duckdb_counts.mjs --data customers.csv --cpp-tsv segc.tsv [--as-of 2026-11-01]
//                                [--reps 5] [--threads 1]
//                                [--many-sql many.json --many-tsv segc-many.tsv [--many-out duck-many.tsv]
//                                 [--many-reps N]]
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance, csvColumns, readCsv, sqlString } from './duckdb_common.mjs';
import { median, parseArgs } from './script_args.mjs';

const args = parseArgs({ 'as-of': '2026-11-01', reps: '5', threads: '1' });
if (!args.data || !args['cpp-tsv']) {
  console.error('usage: duckdb_counts.mjs --data CSV --cpp-tsv TSV [--as-of DATE] [--reps N] [--threads N] ' +
                '[--many-sql JSON --many-tsv TSV [--many-out TSV]]');
  process.exit(2);
}

// `today - n days` as a SQL date literal: literals are constants, as segc folds them.
const daysAgo = (n) => {
  const day = new Date(`${args['as-of']}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - n);
  return `DATE '${day.toISOString().slice(0, 10)}'`;
};

// The rules of reference_segments.seg; SQL's three-valued logic (NULL = missing,
// WHERE keeps only TRUE) is Seg's.
const segments = {
  int_range: 'age BETWEEN 25 AND 40',
  city_channel: "city IN ('Москва', 'Санкт-Петербург', 'Казань') AND channel = 'email'",
  date_window: `last_purchase BETWEEN ${daysAgo(90)} AND ${daysAgo(30)} AND points_balance >= 1000`,
  or_groups: "(age < 25 OR age >= 60 OR referrals >= 3) AND (channel = 'sms' OR channel = 'push') " +
             "AND tier IS NOT NULL AND NOT tier = 'bronze'",
  set_contains: "list_contains(interests, 'cats')",
  rfm: `last_purchase >= ${daysAgo(60)} AND orders_count >= 10 AND total_spent >= 20000.00`,
};

const enums = {
  gender: ['F', 'M'], channel: ['email', 'sms', 'push', 'none'], registered_via: ['app', 'web'],
  tier: ['bronze', 'silver', 'gold', 'platinum'],
};
const selectList = Object.keys(csvColumns).map((name) =>
  enums[name] ? `${name}::${name}_t AS ${name}`
  : name === 'interests' || name === 'pet_types' ? `string_split(${name}, '|') AS ${name}`
  : name).join(', ');

const instance = await DuckDBInstance.create(':memory:', { threads: String(args.threads) });
const connection = await instance.connect();
for (const [name, values] of Object.entries(enums)) {
  await connection.run(`CREATE TYPE ${name}_t AS ENUM (${values.map(sqlString).join(', ')})`);
}
const loadStart = performance.now();
await connection.run(`CREATE TABLE customers AS SELECT ${selectList} FROM ${readCsv(args.data)}`);
const loadMs = performance.now() - loadStart;

// Median time of `reps` runs of a query and its only row.
async function timeQuery(sql, reps = args.reps) {
  const times = [];
  let row;
  for (let i = 0; i < Math.max(1, Number(reps)); ++i) {
    const start = performance.now();
    const reader = await connection.runAndReadAll(sql);
    times.push(performance.now() - start);
    row = reader.getRows()[0].map(Number);
  }
  return { ms: median(times), row };
}

const duck = {};
for (const [name, where] of Object.entries(segments)) {
  const { ms, row } = await timeQuery(`SELECT count(*) FROM customers WHERE ${where}`);
  duck[name] = { ms, members: row[0] };
}
// All counts in one statement, the way one would ask for many segments at once.
const all = await timeQuery(`SELECT ${Object.values(segments).map((w) => `count(*) FILTER (WHERE ${w})`).join(', ')} FROM customers`);
duck.all_fused = { ms: all.ms, members: all.row.reduce((a, b) => a + b, 0) };

const lines = readFileSync(args['cpp-tsv'], 'utf8').trim().split('\n');
const header = lines[0].split('\t');
const cpp = lines.slice(1).map((line) => Object.fromEntries(line.split('\t').map((v, i) => [header[i], v])));

const f = (x, digits) => Number(x).toFixed(digits);
const pad = (text, width) => String(text).padStart(width);
console.log(`\n${cpp[0].rows} rows, 1 thread for segc; DuckDB threads=${args.threads}; medians in ms; ` +
            `(x) = time / hand-written loop. DuckDB load (read_csv into a table): ${f(loadMs, 0)} ms`);
console.log(`${'segment'.padEnd(13)}${pad('members', 10)}${pad('hand', 9)}${pad('segc JIT', 18)}` +
            `${pad('DuckDB', 19)}${pad('interpreter*', 21)}${pad('JIT compile', 13)}`);
let agree = true;
for (const r of cpp) {
  const d = duck[r.segment];
  const hand = Number(r.hand_ms);
  const ok = d && d.members === Number(r.members);
  if (!ok) {
    agree = false;
    console.error(`MISMATCH ${r.segment}: DuckDB counts ${d?.members}, segc_bench ${r.members}`);
  }
  console.log(`${r.segment.padEnd(13)}${pad(r.members, 10)}${pad(f(hand, 2), 9)}` +
              `${pad(f(r.jit_ms, 2), 9)} (${pad(f(r.jit_ms / hand, 2), 6)}x)` +
              `${pad(f(d?.ms ?? NaN, 2), 10)} (${pad(f((d?.ms ?? NaN) / hand, 1), 6)}x)` +
              `${pad(f(r.interpreter_ms_scaled, 0), 12)} (${pad(f(r.interpreter_ms_scaled / hand, 0), 6)}x)` +
              `${pad(f(r.jit_compile_ms, 1), 13)}`);
}
console.log(`* interpreter timed on the first ${cpp[0].interpreter_rows} rows, scaled linearly`);
console.log("all_fused: the six segments in one compiled rule set and one evaluate() call, or one SQL " +
            "statement with count(*) FILTER per segment; hand = the sum of the six loops; members = the sum");

// The many-segments case: every generated rule as one count(*) FILTER of one
// statement, against segc's one fused pass (segc_bench --many-tsv).
if (args['many-sql'] && args['many-tsv']) {
  const rules = JSON.parse(readFileSync(args['many-sql'], 'utf8'));
  const [summaryHeader, summaryLine, ...perSegment] = readFileSync(args['many-tsv'], 'utf8').trim().split('\n');
  const summary = Object.fromEntries(summaryHeader.split('\t').map((k, i) => [k, Number(summaryLine.split('\t')[i])]));
  const names = Object.keys(rules);
  // The 200-count statement takes minutes at 10M rows: its own rep count.
  const many = await timeQuery(`SELECT ${names.map((n) => `count(*) FILTER (WHERE ${rules[n]})`).join(', ')} FROM customers`,
                               args['many-reps'] ?? args.reps);
  const segcCounts = Object.fromEntries(perSegment.map((line) => line.split('\t')).map(([n, c]) => [n, Number(c)]));
  names.forEach((name, i) => {
    if (segcCounts[name] !== many.row[i]) {
      agree = false;
      console.error(`MISMATCH ${name}: DuckDB counts ${many.row[i]}, segc ${segcCounts[name]}`);
    }
  });
  console.log(`\n${names.length} segments in one statement (DuckDB threads=${args.threads}): ${f(many.ms, 2)} ms; ` +
              `segc JIT one fused pass, 1 thread: ${f(summary.jit_ms, 2)} ms (DuckDB / segc = ${f(many.ms / summary.jit_ms, 1)}x); ` +
              `read each column once: ${f(summary.read_once_ms, 2)} ms (segc / read = ${f(summary.jit_ms / summary.read_once_ms, 2)}x)`);
  // For targets.mjs.
  if (args['many-out']) writeFileSync(args['many-out'], `segments\tthreads\tduckdb_ms\n${names.length}\t${args.threads}\t${many.ms.toFixed(3)}\n`);
}
console.log(agree ? 'all counts agree (segc JIT, interpreter, hand-written loops, DuckDB)' : 'COUNTS DISAGREE');
connection.closeSync();
instance.closeSync();
process.exit(agree ? 0 : 1);
