// StringDictionary and the columns built with it: equal strings get one code
// in the table, also after a column of mostly distinct values stops hashing.
#include <catch2/catch.hpp>

#include <string>

#include "runtime/column_dictionary.h"
#include "tests/runtime/csv_test_support.h"

using namespace segc::runtime;
using namespace segc::runtime::testing;

TEST_CASE("dictionary merges equal strings in sorted() after it stops hashing", "[csv]") {
  StringDictionary dictionary;
  const uint32_t b = dictionary.code_of("b", true);
  const uint32_t a = dictionary.code_of("a", true);
  CHECK(dictionary.code_of("b", true) == b);
  dictionary.stop_hashing();
  const uint32_t b_again = dictionary.code_of("b", true);
  CHECK(b_again != b);
  std::vector<uint32_t> remap;
  const std::vector<std::string> sorted =
      dictionary.sorted(std::vector<uint8_t>(dictionary.size(), 1), remap).to_vector();
  CHECK(sorted == std::vector<std::string>{"a", "b"});
  CHECK(remap[a] == 0);
  CHECK(remap[b] == 1);
  CHECK(remap[b_again] == 1);
}

TEST_CASE("csv string column of mostly distinct values keeps one code per value", "[csv]") {
  std::string text = "id,name\n";
  for (int row = 0; row < 6000; ++row) text += std::to_string(row) + ",n" + std::to_string(row < 5000 ? row : 7) + "\n";
  const CsvLoadResult result = load(text);
  REQUIRE(result.ok());
  const Column& name = column(result.table, "name");
  CHECK(name.dictionary.size() == 5000);
  CHECK(string_at(name, 5999) == "n7");
  CHECK(name.code_at(5999) == name.code_at(7));
}

TEST_CASE("csv string key of distinct values still finds a late duplicate", "[csv]") {
  std::string text = "id,age\n";
  for (int row = 0; row < 6000; ++row) text += "k" + std::to_string(row) + ",1\n";
  text += "k10,2\n";
  const CsvLoadResult result = load(text, {}, test_schema(ColumnKind::String));
  CHECK(describe(result) == "6002:1 id: duplicate key k10: first on line 12 [k10]\n");
}
