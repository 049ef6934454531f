// Mutated CSV bytes never crash the loader: it either loads a well-formed
// table or reports what is wrong.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "tests/runtime/csv_test_support.h"

using namespace segc::runtime;
using namespace segc::runtime::testing;

namespace {

const char* const kSeed =
    "\xEF\xBB\xBFid,name,age,spent,score,vip,tier,born,tags\r\n"
    "1,\"Zoë, \"\"Z\"\"\",41,12.50,0.5,yes,gold,2000-02-29,cats|dogs\r\n"
    "2,,,,,,,,\n"
    "3,\"two\nlines\",-7,-0.01,1e3,0,bronze,1999-12-31,\n"
    "4,plain,9223372036854775807,1,2,TRUE,silver,0001-01-01,a||b|a\n";

std::string mutate(std::string text, std::mt19937& random) {
  static const std::string alphabet = ",;\t\"\r\n|.-+e0123456789 aZ\xC3\xA9\xFF\xEF\xBB\xBF";
  std::uniform_int_distribution<int> edits(1, 6);
  const int count = edits(random);
  for (int i = 0; i < count; ++i) {
    const size_t at = text.empty() ? 0 : random() % (text.size() + 1);
    const char c = alphabet[random() % alphabet.size()];
    switch (random() % 4) {
      case 0: text.insert(at, 1, c); break;
      case 1:
        if (at < text.size()) text.erase(at, 1 + random() % 3);
        break;
      case 2:
        if (at < text.size()) text[at] = c;
        break;
      default:
        if (at < text.size()) text.insert(at, text.substr(at, random() % 20));
        break;
    }
  }
  return text;
}

void check_well_formed(const CsvLoadResult& result) {
  const Table& table = result.table;
  REQUIRE(table.columns.size() == table.schema.columns.size());
  if (!result.ok()) {
    CHECK((result.error_count > 0 || !result.fatal.empty()));
    CHECK(table.row_count == 0);
  }
  for (const Column& c : table.columns) {
    REQUIRE(c.present.size() == table.row_count);
    switch (c.spec.kind) {
      case ColumnKind::Float: REQUIRE(c.floats.size() == table.row_count); break;
      case ColumnKind::Bool: REQUIRE(c.bools.size() == table.row_count); break;
      case ColumnKind::StringSet:
        REQUIRE(c.set_offsets.size() == table.row_count + 1);
        REQUIRE(c.set_offsets.back() == c.set_codes.size());
        for (uint32_t code : c.set_codes) REQUIRE(code < c.dictionary.size());
        break;
      case ColumnKind::String:
      case ColumnKind::Enum:
        REQUIRE(c.storage.size() * 8 >= table.row_count * static_cast<size_t>(c.width));
        for (size_t row = 0; row < table.row_count; ++row) {
          if (c.present.test(row)) REQUIRE(c.code_at(row) < c.dictionary.size());
        }
        break;
      default: REQUIRE(c.storage.size() * 8 >= table.row_count * static_cast<size_t>(c.width)); break;
    }
  }
  if (table.row_count > 0) CHECK(table.key().present.all());
}

}  // namespace

TEST_CASE("csv loader survives randomly mutated input", "[csv]") {
  std::mt19937 random(20261123);
  size_t loaded = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::string text = mutate(kSeed, random);
    CsvOptions options;
    options.skip_bad_rows = round % 2 == 1;
    options.decimal_comma = round % 7 == 0;
    const auto result = load(text, options);
    INFO(round);
    check_well_formed(result);
    loaded += result.ok() && result.table.row_count > 0;
  }
  CHECK(loaded > 100);  // the mutations do not only produce garbage
}
