// Checks what the timed `segc run --out DIR --out-format roaring` wrote
// (run.sh, target 5): manifest.json has --rows rows and every segment's
// member count equals segc_bench's for the segment of the same name (the
// first N segments of many_segments.mjs's output are the same for every
// --count, and segc_bench evaluated them over the table loaded from the
// CSV, not from the columnar file), and each .roaring file holds that many
// keys. Exit code 1 on any difference.
//
//   node bench/check_run_output.mjs --out DIR --many-tsv segc-many.tsv --rows N
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from './script_args.mjs';

const args = parseArgs({});
if (!args.out || !args['many-tsv'] || !args.rows) {
  console.error('usage: check_run_output.mjs --out DIR --many-tsv TSV --rows N');
  process.exit(2);
}

// The number of values in a bitmap in Roaring's portable serialisation
// (RoaringFormatSpec): read from the container descriptions, which hold
// each container's cardinality minus one, without decoding the containers.
function roaringCardinality(bytes) {
  const cookie = bytes.readUInt32LE(0);
  let containers, at;
  if (cookie === 12346) {  // SERIAL_COOKIE_NO_RUNCONTAINER, then a 32-bit count
    containers = bytes.readUInt32LE(4);
    at = 8;
  } else if ((cookie & 0xffff) === 12347) {  // SERIAL_COOKIE, count - 1 in the high half, run flags
    containers = (cookie >>> 16) + 1;
    at = 4 + Math.ceil(containers / 8);
  } else {
    throw new Error('not a portable Roaring bitmap');
  }
  let cardinality = 0;
  for (let i = 0; i < containers; ++i) cardinality += bytes.readUInt16LE(at + 4 * i + 2) + 1;
  return cardinality;
}

const [, , ...perSegment] = readFileSync(args['many-tsv'], 'utf8').trim().split('\n');
const expected = Object.fromEntries(perSegment.map((line) => line.split('\t')).map(([n, c]) => [n, Number(c)]));
const manifest = JSON.parse(readFileSync(join(args.out, 'manifest.json'), 'utf8'));
let agree = manifest.data.rows === Number(args.rows);
if (!agree) console.error(`MISMATCH segc run: ${manifest.data.rows} rows, the data has ${args.rows}`);
for (const segment of manifest.segments) {
  const keys = roaringCardinality(readFileSync(join(args.out, segment.roaring)));
  if (segment.members !== expected[segment.name] || keys !== segment.members) {
    agree = false;
    console.error(`MISMATCH ${segment.name}: segc run counts ${segment.members} (${keys} keys in ` +
                  `${segment.roaring}), segc_bench ${expected[segment.name]}`);
  }
}
console.log(`segc run output: ${manifest.segments.length} segments, ` +
            (agree ? 'counts and Roaring cardinalities agree with segc_bench' : 'COUNTS DISAGREE'));
process.exit(agree ? 0 : 1);
