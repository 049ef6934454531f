// What the DuckDB scripts of the bench share: the pinned @duckdb/node-api
// (bench/node/node_modules, installed by run.sh), the customer CSV's columns
// with the types DuckDB is told (no type sniffing: segc is given its schema
// too) and the read_csv call.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(new URL('./node/package.json', import.meta.url));
export const { DuckDBInstance } = await import(pathToFileURL(require.resolve('@duckdb/node-api')).href);

export const csvColumns = {
  customer_id: 'BIGINT', age: 'INTEGER', gender: 'VARCHAR', birth_date: 'DATE', city: 'VARCHAR',
  country_code: 'VARCHAR', email: 'VARCHAR', phone: 'VARCHAR', opted_in: 'BOOLEAN',
  email_opt_in: 'BOOLEAN', sms_opt_in: 'BOOLEAN', channel: 'VARCHAR', registered_via: 'VARCHAR',
  app_installed: 'BOOLEAN', last_app_open: 'DATE', signup_date: 'DATE', last_purchase: 'DATE',
  orders_count: 'INTEGER', total_spent: 'DECIMAL(18,2)', clv_trend: 'DOUBLE', tier: 'VARCHAR',
  points_balance: 'BIGINT', points_spent_30d: 'BIGINT', points_expiry: 'DATE', referrals: 'INTEGER',
  interests: 'VARCHAR', pet_types: 'VARCHAR',
};

export const sqlString = (text) => `'${text.replaceAll("'", "''")}'`;

// read_csv(...) of the customer CSV with the column types above.
export const readCsv = (path) => {
  const columns = Object.entries(csvColumns).map(([n, t]) => `${sqlString(n)}: ${sqlString(t)}`).join(', ');
  return `read_csv(${sqlString(path)}, header = true, delim = ',', quote = '"', escape = '"', columns = {${columns}})`;
};
