// DuckDB's side of the import target (README.md, "Importing"): the time of
// `CREATE TABLE t AS SELECT * FROM read_csv(...)` (column types given, as
// segc import is given its schema) into an in-memory database, per thread
// count (`SET threads`), median of --reps runs, each in a new database.
// Checks that every load has --rows rows (exit 1 otherwise) and writes
// `threads, ms` lines for targets.mjs.
//
//   node bench/duckdb_import.mjs --data customers.csv --rows N --threads 1,2 [--reps 1] --out TSV
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance, readCsv } from './duckdb_common.mjs';
import { median, parseArgs } from './script_args.mjs';

const args = parseArgs({ threads: '1,2', reps: '1' });
if (!args.data || !args.rows || !args.out) {
  console.error('usage: duckdb_import.mjs --data CSV --rows N --out TSV [--threads 1,2] [--reps N]');
  process.exit(2);
}

let agree = true;
const lines = ['threads\tduckdb_import_ms'];
for (const threads of args.threads.split(',').map(Number)) {
  const times = [];
  for (let i = 0; i < Math.max(1, Number(args.reps)); ++i) {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`SET threads = ${threads}`);
    const start = performance.now();
    await connection.run(`CREATE TABLE t AS SELECT * FROM ${readCsv(args.data)}`);
    times.push(performance.now() - start);
    const rows = Number((await connection.runAndReadAll('SELECT count(*) FROM t')).getRows()[0][0]);
    if (rows !== Number(args.rows)) {
      agree = false;
      console.error(`MISMATCH DuckDB import: ${rows} rows, the CSV has ${args.rows}`);
    }
    connection.closeSync();
    instance.closeSync();
  }
  const ms = median(times);
  console.log(`DuckDB CREATE TABLE AS SELECT * FROM read_csv, threads=${threads}: ${ms.toFixed(0)} ms ` +
              `(median of ${times.length})`);
  lines.push(`${threads}\t${ms.toFixed(3)}`);
}
writeFileSync(args.out, `${lines.join('\n')}\n`);
process.exit(agree ? 0 : 1);
