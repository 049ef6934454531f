// Writes N segments over the retail schema (examples/retail/schema.seg) in
// Seg and, for the same rules, SQL conditions for DuckDB: the "200 segments
// in one rule file, sharing columns" case of the bench (README.md). Rules
// are drawn from the reference segments' shapes (ranges, in-lists and enum
// equalities, date windows, OR groups, set contains, RFM conjunctions) plus
// bool and float conditions, with literals varied by a fixed-seed generator,
// so the same N always gives the same files.
//
//   node bench/many_segments.mjs --count 200 --seg OUT.seg --sql OUT.json [--as-of 2026-11-01]
//
// SQL's three-valued logic (NULL = missing, WHERE keeps only TRUE) is
// Seg's, so each rule is written the same way in both, with `today - n days`
// as a date literal (segc folds it to a constant too).
import { copyFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = { count: '200', 'as-of': '2026-11-01' };
for (let i = 2; i + 1 < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
if (!args.seg || !args.sql) {
  console.error('usage: many_segments.mjs --count N --seg OUT.seg --sql OUT.json [--as-of DATE]');
  process.exit(2);
}

// splitmix64, as tools/datagen uses: the same seed gives the same rules everywhere.
let state = 0x5e9c0001n;
const next = () => {
  state = (state + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
  let z = state;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
  return z ^ (z >> 31n);
};
const below = (n) => Number(next() % BigInt(n));
const between = (lo, hi) => lo + below(hi - lo + 1);
const pick = (list) => list[below(list.length)];
const pickSome = (list, k) => {
  const copy = [...list];
  const chosen = [];
  while (chosen.length < k && copy.length) chosen.push(copy.splice(below(copy.length), 1)[0]);
  return chosen;
};

const cities = ['Москва', 'Санкт-Петербург', 'Новосибирск', 'Екатеринбург', 'Казань',
  'Нижний Новгород', 'Самара', 'Челябинск', 'Омск', 'Уфа', 'Краснодар', 'Пермь', 'Минск'];
const channels = ['email', 'sms', 'push', 'none'];
const tiers = ['bronze', 'silver', 'gold', 'platinum'];
const interests = ['cats', 'dogs', 'aquaristics', 'birds', 'gardening', 'home_decor', 'cooking',
  'grooming', 'pet_toys', 'eco_products', 'travel_with_pets', 'diy'];

const daysAgo = (n) => {
  const day = new Date(`${args['as-of']}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - n);
  return `DATE '${day.toISOString().slice(0, 10)}'`;
};
const segString = (text) => JSON.stringify(text);
const sqlString = (text) => `'${text.replaceAll("'", "''")}'`;

// Each shape returns [seg, sql].
const shapes = [
  () => {
    const lo = between(18, 60), hi = lo + between(3, 20);
    return [`age between ${lo} and ${hi}`, `age BETWEEN ${lo} AND ${hi}`];
  },
  () => {
    const some = pickSome(cities, between(1, 4)), channel = pick(channels);
    return [`city in [${some.map(segString).join(', ')}] and channel = ${segString(channel)}`,
      `city IN (${some.map(sqlString).join(', ')}) AND channel = ${sqlString(channel)}`];
  },
  () => {
    const near = between(7, 60), far = near + between(14, 120), points = between(0, 40) * 100;
    return [`last_purchase between today - ${far} days and today - ${near} days and points_balance >= ${points}`,
      `last_purchase BETWEEN ${daysAgo(far)} AND ${daysAgo(near)} AND points_balance >= ${points}`];
  },
  () => {
    const young = between(20, 30), old = between(50, 70), refs = between(1, 5);
    const [a, b] = pickSome(channels, 2), tier = pick(tiers);
    return [`(age < ${young} or age >= ${old} or referrals >= ${refs}) and (channel = ${segString(a)} or channel = ${segString(b)}) and tier is present and not tier = ${segString(tier)}`,
      `(age < ${young} OR age >= ${old} OR referrals >= ${refs}) AND (channel = ${sqlString(a)} OR channel = ${sqlString(b)}) AND tier IS NOT NULL AND NOT tier = ${sqlString(tier)}`];
  },
  () => {
    const interest = pick(interests);
    return [`interests contains ${segString(interest)}`, `list_contains(interests, ${sqlString(interest)})`];
  },
  () => {
    const days = between(14, 180), orders = between(1, 20), spent = between(1, 50) * 1000;
    return [`last_purchase >= today - ${days} days and orders_count >= ${orders} and total_spent >= ${spent}.00`,
      `last_purchase >= ${daysAgo(days)} AND orders_count >= ${orders} AND total_spent >= ${spent}.00`];
  },
  () => {
    const gender = pick(['F', 'M']), age = between(18, 65), flag = pick(['opted_in', 'email_opt_in', 'sms_opt_in']);
    return [`gender = ${segString(gender)} and age >= ${age} and ${flag}`,
      `gender = ${sqlString(gender)} AND age >= ${age} AND ${flag}`];
  },
  () => {
    const trend = (between(-50, 50) / 100).toFixed(2), tier = pick(tiers);
    return [`clv_trend > ${trend} and app_installed and tier is present and tier != ${segString(tier)}`,
      `clv_trend > ${trend} AND app_installed AND tier IS NOT NULL AND tier != ${sqlString(tier)}`];
  },
  () => {
    const points = between(1, 30) * 100, days = between(10, 90);
    return [`points_spent_30d >= ${points} or last_app_open >= today - ${days} days`,
      `points_spent_30d >= ${points} OR last_app_open >= ${daysAgo(days)}`];
  },
];

const count = Number(args.count);
const seg = [
  '# Generated by bench/many_segments.mjs: do not edit.',
  `# ${count} segments over the retail schema.`,
  '',
  // A copy beside OUT.seg: segc reads imports only from inside the rules'
  // root (docs/imports.md), and the bench data may be anywhere.
  'import "retail-schema.seg"',
  '',
];
const sql = {};
for (let i = 0; i < count; ++i) {
  const [rule, where] = shapes[i % shapes.length]();
  const name = `s${String(i).padStart(3, '0')}`;
  seg.push(`segment ${name} = ${rule}`);
  sql[name] = where;
}
copyFileSync(fileURLToPath(new URL('../examples/retail/schema.seg', import.meta.url)),
  join(dirname(args.seg), 'retail-schema.seg'));
writeFileSync(args.seg, `${seg.join('\n')}\n`);
writeFileSync(args.sql, `${JSON.stringify(sql, null, 1)}\n`);
