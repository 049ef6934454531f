// Hints for errors that come from how a file was exported (issue 16: a
// Russian Excel export gave 100+ errors and never named --date-format or
// --decimal-comma; a Windows-1251 file gave an error per row).
#include <catch2/catch.hpp>

#include "runtime/csv_hints.h"
#include "tests/runtime/csv_test_support.h"

using namespace segc::runtime;
using namespace segc::runtime::csv;

namespace {

std::vector<std::string> hints_for(const std::string& text, const CsvOptions& options = {}) {
  const auto result = testing::load(text, options);
  std::vector<const DataError*> errors;
  for (const DataError& error : result.errors) errors.push_back(&error);
  return export_hints(errors, options, "data dir/customers.csv", text);
}

bool any_contains(const std::vector<std::string>& hints, const std::string& part) {
  for (const std::string& hint : hints) {
    if (hint.find(part) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("csv hints name --date-format and --decimal-comma once for an Excel export", "[csv]") {
  std::string text = "id;born;spent;score\n";
  for (int row = 1; row <= 150; ++row) text += std::to_string(row) + ";01.02.1990;12,50;0,5\n";
  const auto hints = hints_for(text);
  INFO(hints.size());
  REQUIRE(hints.size() == 2);
  CHECK(hints[0] == "the dates look like DD.MM.YYYY (\"01.02.1990\" on line 2): add --date-format DD.MM.YYYY");
  CHECK(hints[1] == "the numbers use a decimal comma (\"12,50\" on line 2): add --decimal-comma");
  // With the flags given, the same data loads and nothing is hinted.
  CsvOptions flags;
  flags.date_format = "DD.MM.YYYY";
  flags.decimal_comma = true;
  CHECK(testing::load(text, flags).errors.empty());
}

TEST_CASE("csv hints read the day-month order where the data shows it", "[csv]") {
  CHECK(any_contains(hints_for("id,born\n1,02/13/2026\n"), "add --date-format MM/DD/YYYY"));
  CHECK(any_contains(hints_for("id,born\n1,13/02/2026\n"), "add --date-format DD/MM/YYYY"));
  CHECK(any_contains(hints_for("id,born\n1,13-02-2026\n"), "add --date-format DD-MM-YYYY"));
  // Plain bad values get no hint.
  CHECK(hints_for("id,born\n1,yesterday\n").empty());
  CHECK(hints_for("id,spent\n1,12.5.0\n").empty());
  CHECK(hints_for("id,spent\n1,abc\n").empty());
}

TEST_CASE("csv hints suggest iconv for a Windows-1251 file", "[csv]") {
  // "Москва", "Казань" in Windows-1251.
  const std::string text = "id,name\n1,\xCC\xEE\xF1\xEA\xE2\xE0\n2,\xCA\xE0\xE7\xE0\xED\xFC\n";
  const auto hints = hints_for(text);
  REQUIRE(hints.size() == 1);
  CHECK(hints[0] ==
        "the file looks like Windows-1251 (Cyrillic), not UTF-8: convert it first, e.g. iconv -f cp1251 -t "
        "utf-8 'data dir/customers.csv' > 'data dir/customers.utf8.csv'");
  CHECK(looks_like_windows_1251(text));
  CHECK_FALSE(looks_like_windows_1251("id,name\n1,Москва\n"));  // UTF-8
  CHECK_FALSE(looks_like_windows_1251("id,name\n1,\xFF\xFE\x80\x81\x82\x83\n"));  // not Cyrillic text
}
