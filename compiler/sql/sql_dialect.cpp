#include "sql/sql_dialect.h"

#include <fmt/format.h>

#include <array>

#include "runtime/csv_text.h"

namespace segc::sql {
namespace {

struct DialectName {
  Dialect dialect;
  std::string_view name;
};
constexpr std::array<DialectName, 6> kDialects = {{{Dialect::Postgres, "postgres"},
                                                    {Dialect::DuckDB, "duckdb"},
                                                    {Dialect::SQLite, "sqlite"},
                                                    {Dialect::ClickHouse, "clickhouse"},
                                                    {Dialect::Spark, "spark"},
                                                    {Dialect::BigQuery, "bigquery"}}};

// PostgreSQL keeps the first 63 bytes of a name (NAMEDATALEN - 1) and drops
// the rest without an error: two long segment names could become one column.
constexpr size_t kPostgresNameBytes = 63;
// BigQuery's limit for column names; longer ones are refused by the engine.
constexpr size_t kBigQueryNameBytes = 300;

bool backslash_escapes(Dialect dialect) {
  return dialect == Dialect::ClickHouse || dialect == Dialect::Spark || dialect == Dialect::BigQuery;
}

// `text` between `quote`s, escaped with backslashes: \\, \<quote>, and the
// control characters as \n, \r, \t and \0 where the dialect knows them.
std::string backslash_quoted(Dialect dialect, std::string_view text, char quote) {
  std::string out(1, quote);
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\0': out += dialect == Dialect::Spark ? "\\u0000" : "\\0"; break;
      default:
        if (c == quote) out += '\\';
        out += c;
    }
  }
  out += quote;
  return out;
}

// `text` between `quote`s, each `quote` inside doubled (the SQL standard).
std::string doubled_quoted(std::string_view text, char quote) {
  std::string out(1, quote);
  for (char c : text) {
    if (c == quote) out += quote;
    out += c;
  }
  out += quote;
  return out;
}

std::string text_problem(std::string_view text, bool nul_allowed) {
  if (runtime::csv::find_invalid_utf8(text) != std::string_view::npos) return "it is not valid UTF-8";
  if (!nul_allowed && text.find('\0') != std::string_view::npos) return "it holds a NUL character";
  return "";
}

std::vector<std::string_view> dotted_parts(std::string_view table) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t dot = table.find('.'); dot != std::string_view::npos; dot = table.find('.', start)) {
    parts.push_back(table.substr(start, dot - start));
    start = dot + 1;
  }
  parts.push_back(table.substr(start));
  return parts;
}

}  // namespace

std::string_view dialect_name(Dialect dialect) {
  for (const DialectName& entry : kDialects) {
    if (entry.dialect == dialect) return entry.name;
  }
  return "";
}

std::optional<Dialect> dialect_named(std::string_view name) {
  for (const DialectName& entry : kDialects) {
    if (entry.name == name) return entry.dialect;
  }
  return std::nullopt;
}

std::vector<std::string> dialect_names() {
  std::vector<std::string> names;
  for (const DialectName& entry : kDialects) names.emplace_back(entry.name);
  return names;
}

std::string identifier_problem(Dialect dialect, std::string_view name) {
  if (name.empty()) return "a name cannot be empty";
  // No engine keeps a NUL in a name.
  if (std::string problem = text_problem(name, /*nul_allowed=*/false); !problem.empty()) return problem;
  if (dialect == Dialect::Postgres && name.size() > kPostgresNameBytes) {
    return fmt::format("PostgreSQL keeps only the first {} bytes of a name, and this one has {}", kPostgresNameBytes,
                       name.size());
  }
  if (dialect == Dialect::BigQuery && name.size() > kBigQueryNameBytes) {
    return fmt::format("BigQuery names have at most {} bytes, and this one has {}", kBigQueryNameBytes, name.size());
  }
  return "";
}

std::string quote_identifier(Dialect dialect, std::string_view name) {
  switch (dialect) {
    case Dialect::Postgres:
    case Dialect::DuckDB:
    case Dialect::SQLite: return doubled_quoted(name, '"');
    case Dialect::Spark: return doubled_quoted(name, '`');
    case Dialect::ClickHouse:
    case Dialect::BigQuery: return backslash_quoted(dialect, name, '`');
  }
  return "";
}

std::string table_name_problem(Dialect dialect, std::string_view table) {
  if (dialect == Dialect::BigQuery) return identifier_problem(dialect, table);
  for (std::string_view part : dotted_parts(table)) {
    if (std::string problem = identifier_problem(dialect, part); !problem.empty()) {
      return part.empty() ? fmt::format("'{}' has an empty part between dots", table)
                          : fmt::format("its part '{}': {}", runtime::csv::display_text(part), problem);
    }
  }
  return "";
}

std::string quote_table_name(Dialect dialect, std::string_view table) {
  if (dialect == Dialect::BigQuery) return quote_identifier(dialect, table);
  std::string quoted;
  for (std::string_view part : dotted_parts(table)) {
    if (!quoted.empty()) quoted += '.';
    quoted += quote_identifier(dialect, part);
  }
  return quoted;
}

std::string string_literal_problem(Dialect dialect, std::string_view text) {
  // PostgreSQL, DuckDB and SQLite text ends at (or refuses) a NUL, and
  // BigQuery's STRING refuses one; ClickHouse and Spark strings hold it.
  const bool nul_allowed = dialect == Dialect::ClickHouse || dialect == Dialect::Spark;
  return text_problem(text, nul_allowed);
}

std::string string_literal(Dialect dialect, std::string_view text) {
  if (backslash_escapes(dialect)) return backslash_quoted(dialect, text, '\'');
  if (dialect == Dialect::Postgres) {
    // E'...' reads backslash escapes whatever standard_conforming_strings
    // says, so a backslash can never turn a closing quote into text.
    return "E" + backslash_quoted(dialect, text, '\'');
  }
  return doubled_quoted(text, '\'');
}

std::string column_type(Dialect dialect, const Type& type, bool is_key) {
  using enum Dialect;
  std::string sql;
  switch (type.kind) {
    case TypeKind::Int:
      sql = dialect == Postgres ? "bigint" : dialect == SQLite ? "INTEGER" : dialect == ClickHouse ? "Int64"
            : dialect == BigQuery ? "INT64" : "BIGINT";
      break;
    case TypeKind::Decimal:
      sql = dialect == Postgres     ? fmt::format("numeric(38,{})", type.scale)
            : dialect == SQLite     ? "INTEGER"  // the value times 10^scale
            : dialect == ClickHouse ? fmt::format("Decimal(38,{})", type.scale)
            : dialect == BigQuery   ? "NUMERIC"
                                    : fmt::format("DECIMAL(38,{})", type.scale);
      break;
    case TypeKind::Float:
      sql = dialect == Postgres ? "double precision" : dialect == SQLite ? "REAL" : dialect == ClickHouse ? "Float64"
            : dialect == BigQuery ? "FLOAT64" : "DOUBLE";
      break;
    case TypeKind::Bool:
      sql = dialect == Postgres ? "boolean" : dialect == SQLite ? "INTEGER" : dialect == ClickHouse ? "UInt8"
            : dialect == BigQuery ? "BOOL" : "BOOLEAN";
      break;
    case TypeKind::String:
    case TypeKind::Enum:
      sql = dialect == Postgres ? "text" : dialect == DuckDB ? "VARCHAR" : dialect == SQLite ? "TEXT"
            : dialect == ClickHouse ? "String" : "STRING";
      break;
    case TypeKind::Date:
      sql = dialect == Postgres ? "date" : dialect == SQLite ? "TEXT" : dialect == ClickHouse ? "Date" : "DATE";
      break;
    case TypeKind::StringSet:
      // ClickHouse arrays cannot be Nullable: a missing set is the empty set there.
      sql = dialect == Postgres ? "text[]" : dialect == DuckDB ? "VARCHAR[]" : dialect == SQLite ? "TEXT"
            : dialect == ClickHouse ? "Array(String)" : "ARRAY<STRING>";
      return sql;
    default: return "";
  }
  if (is_key) return dialect == ClickHouse ? sql : sql + " NOT NULL";
  return dialect == ClickHouse ? "Nullable(" + sql + ")" : sql;
}

std::string create_table(Dialect dialect, const Schema& schema, std::string_view table) {
  std::string columns;
  for (const SchemaField& field : schema.fields) {
    columns += fmt::format("{}  {} {}", columns.empty() ? "" : ",\n", quote_identifier(dialect, field.name),
                           column_type(dialect, field.type, field.is_key));
  }
  std::string sql = fmt::format("CREATE TABLE {} (\n{}\n)", quote_table_name(dialect, table), columns);
  if (dialect == Dialect::ClickHouse) {
    sql += fmt::format(" ENGINE = MergeTree ORDER BY {}", quote_identifier(dialect, schema.fields[schema.key_index].name));
  }
  return sql + ";\n";
}

}  // namespace segc::sql
