// Identifiers and string literals per dialect: nothing a rule file or the
// command line holds can end a quoted name or literal early. The SQLite
// spellings are read back by SQLite itself (libsqlite3, in process); the
// other engines' spellings are pinned here and read back by their own
// differential tests.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <memory>

#include "sql/sql_dialect.h"
#include "support/check_text.h"

namespace segc::sql {
namespace {

const std::vector<std::string> kHostile = {
    "plain", "it's", "a \"quoted\" name", "back\\slash", "back\\'quote", "`tick`", "semi; DROP TABLE x; --",
    "/* comment */", "line\nbreak\ttab\rreturn", "Москва-Сити", "日本語", "' OR '1'='1", "\\", "'", "\"", "``",
};

struct Database {
  sqlite3* handle = nullptr;
  Database() { REQUIRE(sqlite3_open(":memory:", &handle) == SQLITE_OK); }
  ~Database() { sqlite3_close(handle); }

  // The first column of the first row of `sql` as text.
  std::string text(const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    INFO(sql);
    REQUIRE(sqlite3_prepare_v2(handle, sql.c_str(), static_cast<int>(sql.size()), &statement, nullptr) == SQLITE_OK);
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> owned(statement, sqlite3_finalize);
    REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
    const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    return std::string(bytes, static_cast<size_t>(sqlite3_column_bytes(statement, 0)));
  }
  void run(const std::string& sql) {
    INFO(sql);
    char* error = nullptr;
    const int status = sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &error);
    INFO((error != nullptr ? error : ""));
    sqlite3_free(error);
    REQUIRE(status == SQLITE_OK);
  }
};

}  // namespace

TEST_CASE("sql: SQLite reads back every quoted literal and name as it was", "[sql]") {
  Database db;
  for (const std::string& text : kHostile) {
    INFO(text);
    REQUIRE(string_literal_problem(Dialect::SQLite, text).empty());
    CHECK(db.text("SELECT " + string_literal(Dialect::SQLite, text)) == text);
    REQUIRE(identifier_problem(Dialect::SQLite, text).empty());
    const std::string column = quote_identifier(Dialect::SQLite, text);
    db.run("CREATE TABLE t (" + column + " TEXT); INSERT INTO t VALUES ('v');");
    CHECK(db.text("SELECT name FROM pragma_table_info('t')") == text);
    CHECK(db.text("SELECT " + column + " AS " + quote_identifier(Dialect::SQLite, "x" + text) + " FROM t") == "v");
    db.run("DROP TABLE t;");
  }
}

TEST_CASE("sql: each dialect's quoting, pinned", "[sql]") {
  const std::string text = "it's a \\ \"path\"\n`x`";
  CHECK(string_literal(Dialect::SQLite, text) == "'it''s a \\ \"path\"\n`x`'");
  CHECK(string_literal(Dialect::DuckDB, text) == "'it''s a \\ \"path\"\n`x`'");
  CHECK(string_literal(Dialect::Postgres, text) == "E'it\\'s a \\\\ \"path\"\\n`x`'");
  CHECK(string_literal(Dialect::ClickHouse, text) == "'it\\'s a \\\\ \"path\"\\n`x`'");
  CHECK(string_literal(Dialect::Spark, text) == "'it\\'s a \\\\ \"path\"\\n`x`'");
  CHECK(string_literal(Dialect::BigQuery, text) == "'it\\'s a \\\\ \"path\"\\n`x`'");
  CHECK(quote_identifier(Dialect::Postgres, text) == "\"it's a \\ \"\"path\"\"\n`x`\"");
  CHECK(quote_identifier(Dialect::Spark, text) == "`it's a \\ \"path\"\n``x```");
  CHECK(quote_identifier(Dialect::ClickHouse, text) == "`it's a \\\\ \"path\"\\n\\`x\\``");
  CHECK(quote_identifier(Dialect::BigQuery, text) == "`it's a \\\\ \"path\"\\n\\`x\\``");
  CHECK(quote_table_name(Dialect::Postgres, "crm.customers") == "\"crm\".\"customers\"");
  CHECK(quote_table_name(Dialect::BigQuery, "proj.crm.customers") == "`proj.crm.customers`");
  CHECK(string_literal(Dialect::Spark, std::string("a\0b", 3)) == "'a\\u0000b'");
  CHECK(string_literal(Dialect::ClickHouse, std::string("a\0b", 3)) == "'a\\0b'");
}

TEST_CASE("sql: what an engine cannot hold is a problem, not a changed name", "[sql]") {
  const std::string nul("a\0b", 3);
  for (Dialect dialect : {Dialect::Postgres, Dialect::DuckDB, Dialect::SQLite, Dialect::BigQuery}) {
    CHECK_THAT(string_literal_problem(dialect, nul), Catch::Contains("NUL"));
  }
  CHECK(string_literal_problem(Dialect::ClickHouse, nul).empty());
  CHECK(string_literal_problem(Dialect::Spark, nul).empty());
  CHECK_THAT(string_literal_problem(Dialect::DuckDB, "\xC3"), Catch::Contains("UTF-8"));
  CHECK_THAT(identifier_problem(Dialect::Spark, nul), Catch::Contains("NUL"));
  CHECK_THAT(identifier_problem(Dialect::SQLite, ""), Catch::Contains("empty"));
  const std::string long_name(64, 'a');
  CHECK_THAT(identifier_problem(Dialect::Postgres, long_name), Catch::Contains("63 bytes"));
  CHECK(identifier_problem(Dialect::Postgres, long_name.substr(1)).empty());
  CHECK(identifier_problem(Dialect::DuckDB, long_name).empty());
  CHECK_THAT(table_name_problem(Dialect::Postgres, "crm..customers"), Catch::Contains("empty part"));
  for (const std::string& name : dialect_names()) CHECK(dialect_name(*dialect_named(name)) == name);
  CHECK_FALSE(dialect_named("mysql").has_value());
}

TEST_CASE("sql: CREATE TABLE of the retail schema follows the table layout, and SQLite runs it", "[sql]") {
  auto outcome = testing::check_text(R"(schema customer {
  key id: int
  age: int
  spent: decimal(2)
  score: float
  vip: bool
  city: string
  tier: enum("bronze", "gold")
  born: date
  pets: set<string>
}
segment all_of_them = age >= 0 or age is missing
)");
  REQUIRE(outcome->program);
  const Schema& schema = outcome->program->schema;
  CHECK(create_table(Dialect::Postgres, schema, "crm.customers") ==
        "CREATE TABLE \"crm\".\"customers\" (\n"
        "  \"id\" bigint NOT NULL,\n  \"age\" bigint,\n  \"spent\" numeric(38,2),\n  \"score\" double precision,\n"
        "  \"vip\" boolean,\n  \"city\" text,\n  \"tier\" text,\n  \"born\" date,\n  \"pets\" text[]\n);\n");
  CHECK(create_table(Dialect::ClickHouse, schema, "customers") ==
        "CREATE TABLE `customers` (\n"
        "  `id` Int64,\n  `age` Nullable(Int64),\n  `spent` Nullable(Decimal(38,2)),\n  `score` Nullable(Float64),\n"
        "  `vip` Nullable(UInt8),\n  `city` Nullable(String),\n  `tier` Nullable(String),\n  `born` Nullable(Date),\n"
        "  `pets` Array(String)\n) ENGINE = MergeTree ORDER BY `id`;\n");
  CHECK(create_table(Dialect::BigQuery, schema, "p.d.customers") ==
        "CREATE TABLE `p.d.customers` (\n"
        "  `id` INT64 NOT NULL,\n  `age` INT64,\n  `spent` NUMERIC,\n  `score` FLOAT64,\n  `vip` BOOL,\n"
        "  `city` STRING,\n  `tier` STRING,\n  `born` DATE,\n  `pets` ARRAY<STRING>\n);\n");
  CHECK(create_table(Dialect::DuckDB, schema, "customers").find("\"spent\" DECIMAL(38,2)") != std::string::npos);
  CHECK(create_table(Dialect::Spark, schema, "customers").find("`pets` ARRAY<STRING>") != std::string::npos);
  Database db;
  db.run(create_table(Dialect::SQLite, schema, "customers"));
  CHECK(db.text("SELECT group_concat(name || ' ' || type, ', ') FROM pragma_table_info('customers')") ==
        "id INTEGER, age INTEGER, spent INTEGER, score REAL, vip INTEGER, city TEXT, tier TEXT, born TEXT, pets TEXT");
  CHECK(db.text("SELECT \"notnull\" FROM pragma_table_info('customers') WHERE name = 'id'") == "1");
}

}  // namespace segc::sql
