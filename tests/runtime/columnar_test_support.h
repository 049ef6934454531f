// Shared by the columnar file tests: a scratch folder, a small table of every
// kind, and a column-by-column comparison of two tables.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <catch2/catch.hpp>

#include "runtime/columnar_file.h"
#include "tests/runtime/csv_test_support.h"

namespace segc::runtime::testing {

// A folder removed again at the end of the test.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::string model = (std::filesystem::temp_directory_path() / "segc-columnar-XXXXXX").string();
    REQUIRE(::mkdtemp(model.data()) != nullptr);
    path_ = model;
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// The whole contents of a file ("" when it cannot be read).
inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Every kind, missing values, an empty set, Unicode, the extreme ints, and a
// row count that leaves a partial last word.
inline Table every_kind_table() {
  const std::string text =
      "id,name,age,spent,score,vip,tier,born,tags\n"
      "-9223372036854775808,Zoë,9223372036854775807,-12.50,0.25,true,gold,2024-02-29,cats|dogs\n"
      "7,Москва,,0,1e-3,false,,0001-01-01,\n"
      "9223372036854775807,,-9223372036854775808,,,,bronze,9999-12-31,кошки|cats|cats\n"
      "3,日本,42,7.05,-1.5e300,yes,silver,,\n";
  CsvLoadResult loaded = load(text);
  REQUIRE(loaded.ok());
  return std::move(loaded.table);
}

inline void check_same_tables(const Table& actual, const Table& expected) {
  REQUIRE(actual.row_count == expected.row_count);
  REQUIRE(actual.schema.key_index == expected.schema.key_index);
  REQUIRE(actual.columns.size() == expected.columns.size());
  for (size_t i = 0; i < actual.columns.size(); ++i) {
    const Column& a = actual.columns[i];
    const Column& e = expected.columns[i];
    INFO("column " << e.spec.name);
    CHECK(a.spec == e.spec);
    CHECK(actual.schema.columns[i] == expected.schema.columns[i]);
    CHECK(a.present == e.present);
    CHECK(a.width == e.width);
    CHECK(a.min == e.min);
    CHECK(a.max == e.max);
    CHECK(a.storage == e.storage);
    CHECK(a.floats == e.floats);
    CHECK(a.bools == e.bools);
    CHECK(a.dictionary == e.dictionary);
    CHECK(a.dictionary.fingerprint() == e.dictionary.fingerprint());
    CHECK(a.set_offsets == e.set_offsets);
    CHECK(a.set_codes == e.set_codes);
    CHECK(a.blocks == e.blocks);
  }
}

// The same table, problems, counts and rejected rows.
inline void check_same_loads(const CsvLoadResult& a, const CsvLoadResult& b) {
  CHECK(describe(a) == describe(b));
  CHECK(a.error_count == b.error_count);
  REQUIRE(a.rejected.size() == b.rejected.size());
  for (size_t i = 0; i < a.rejected.size(); ++i) CHECK(a.rejected[i].record == b.rejected[i].record);
  // Every column array, dictionary and block statistic.
  check_same_tables(a.table, b.table);
}

}  // namespace segc::runtime::testing
