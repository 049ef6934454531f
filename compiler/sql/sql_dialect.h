// The SQL engines `segc sql` writes for (issue 18) and how each spells what
// comes from a rule file or the command line: identifiers (segment, field
// and table names) and string literals, quoted so that nothing can end the
// identifier or literal early, whatever it holds; and the table layout of
// docs/sql.md as CREATE TABLE. What a dialect cannot hold at all (a NUL in a
// PostgreSQL text, a name longer than PostgreSQL keeps) is a problem the
// caller reports, never silently changed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "semantic/checked_program.h"

namespace segc::sql {

enum class Dialect { Postgres, DuckDB, SQLite, ClickHouse, Spark, BigQuery };

// "postgres", "duckdb", "sqlite", "clickhouse", "spark", "bigquery".
std::string_view dialect_name(Dialect dialect);
std::optional<Dialect> dialect_named(std::string_view name);
std::vector<std::string> dialect_names();

// Why `name` cannot be an identifier in `dialect` (empty, NUL, invalid
// UTF-8, longer than the engine keeps), or "".
std::string identifier_problem(Dialect dialect, std::string_view name);
// `name` quoted; identifier_problem(dialect, name) must be "".
std::string quote_identifier(Dialect dialect, std::string_view name);
// A table name given by the user: parts separated by '.' (schema.table,
// database.table) quoted one by one; BigQuery's `project.dataset.table` is
// one quoted path. Problems as identifier_problem, naming the part.
std::string table_name_problem(Dialect dialect, std::string_view table);
std::string quote_table_name(Dialect dialect, std::string_view table);

// Why `text` cannot be a string literal in `dialect` (a NUL where the engine's
// text cannot hold one; invalid UTF-8), or "".
std::string string_literal_problem(Dialect dialect, std::string_view text);
// `text` as a string literal; string_literal_problem(dialect, text) must be "".
std::string string_literal(Dialect dialect, std::string_view text);

// The column type of a schema field in `dialect` (docs/sql.md, "The table
// layout"); `is_key` columns are never NULL.
std::string column_type(Dialect dialect, const Type& type, bool is_key);

// CREATE TABLE `table` with the schema's fields in schema order; the table
// name must pass table_name_problem and every field name identifier_problem.
std::string create_table(Dialect dialect, const Schema& schema, std::string_view table);

}  // namespace segc::sql
