// The differential generators must give the same program and table for a
// seed whatever compiler built them: a seed printed by the GCC build or a
// failure the clang fuzz build (tools/fuzz.sh) found must replay as the same
// program in the other. The expected texts are what GCC and clang builds both
// give; a call whose arguments draw more than once (evaluated in unspecified
// order: GCC goes right to left, clang left to right) would change them under
// one of the two only.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <xxhash.h>

#include <cstdint>
#include <string>

#include "differential/random_rules.h"
#include "differential/random_table.h"
#include "runtime/calendar.h"

namespace {

using namespace segc;

// The segments of a generated rule file, without the fixed schema.
std::string segments_of(const std::string& rules) {
  const std::string schema = testing::kDifferentialSchema;
  REQUIRE(rules.compare(0, schema.size(), schema) == 0);
  return rules.substr(schema.size());
}

// One cell as stored: dates in days since 1970, decimals unscaled.
std::string cell_text(const runtime::Column& column, size_t row) {
  if (!column.present.test(row)) return "missing";
  switch (column.spec.kind) {
    case runtime::ColumnKind::Int:
    case runtime::ColumnKind::Decimal:
    case runtime::ColumnKind::Date: return fmt::format("{}", column.int_at(row));
    case runtime::ColumnKind::Float: return fmt::format("{}", column.floats[row]);
    case runtime::ColumnKind::Bool: return column.bools.test(row) ? "true" : "false";
    case runtime::ColumnKind::String:
    case runtime::ColumnKind::Enum: return std::string(column.dictionary[column.code_at(row)]);
    case runtime::ColumnKind::StringSet: {
      std::string elements;
      for (uint32_t i = column.set_offsets[row]; i < column.set_offsets[row + 1]; ++i) {
        elements += fmt::format("{}{}", elements.empty() ? "" : ",",
                                column.dictionary[column.set_codes[i]]);
      }
      return "{" + elements + "}";
    }
  }
  return "?";  // not reached: every kind is handled above
}

// Every cell, a row a line, fields separated by '|'.
std::string table_text(const runtime::Table& table) {
  std::string text;
  for (size_t row = 0; row < table.row_count; ++row) {
    for (const runtime::Column& column : table.columns) {
      text += cell_text(column, row) + (&column == &table.columns.back() ? "\n" : "|");
    }
  }
  return text;
}

}  // namespace

TEST_CASE("the differential generators give the same rules whatever compiler built them",
          "[differential][generators]") {
  CHECK(segments_of(testing::random_rules(20261123, 3, testing::RuleMix::Any)) ==
        R"seg(segment seg0 = ((b1 and matches(coalesce(s1, "ß"), "ск")) or not ((bucket(2, "k") < 3 or t1 < t2)))
segment seg1 = ((starts_with(s1, "A") or matches(lower("éclair"), "а$") or bucket(2, "k") < 0) and (((seg0 and d1 is present and b1 = true) and bucket(3, "k") < 3) or s1 = s2) and 5000000 years ago <= t1)
segment seg2 = (seg0 or (pets contains any ["кошки", "fish", "fish"] and (17 < 9223372036854775807 or 0 not in [-1, 9, 3] or (t1 within next 1 year and starts_with(s1, "Казань") and starts_with(s1, "a"))) and ((s2 contains "zz" and s2 in ["ск", "A"] and t1 between today and t2) or e1 != "green")))
)seg");
  CHECK(segments_of(testing::random_rules(20261126, 3, testing::RuleMix::MostlyRanges)) ==
        R"seg(segment seg0 = ((n1 - n1) - 9223372036854775807) != abs(f1)
segment seg1 = t2 between today + 146 days and today + 149 days and lower(s1) = "abc" and s2 <= "A"
segment seg2 = e1 in ["red", "green"] and n1 > 35 and t1 <= 9999-12-31
)seg");
  // The seed whose last segment first showed the difference.
  CHECK(segments_of(testing::random_rules(0xfffffff6be0f0001, 4, testing::RuleMix::MostlyRanges)) ==
        R"seg(segment seg0 = t1 between today - 624 days and today - 577 days and e1 in ["red", "green"] and (coalesce(b1, false))
segment seg1 = t1 between today - 374 days and today - 224 days and (f1 is missing)
segment seg2 = t1 = 2025-12-31 and e1 <= "red" and n1 < -2
segment seg3 = (coalesce(coalesce(f1, n2), f1) * n2) <= (size(pets) + (9223372036854775807 - max(n2, 4611686018427387904)))
)seg");
}

TEST_CASE("the differential generators give the same tables whatever compiler built them",
          "[differential][generators]") {
  CHECK(calendar::format_iso_date(testing::random_today(20261123)) == "2026-11-01");
  CHECK(table_text(testing::random_table(20261123, 4)) ==
        R"seg(25|22|40|-3|29|8.25|false|Straße|日本|missing|missing|missing|{e02,e19,e22,e42,e68,e75,e77}
18|14|3|-2|39|1e+308|false|missing|Москва|red|20379|missing|{e03,e24,e26,e51,e68,e81,e89}
11|missing|9223372036854775806|11|22|-5.5|true|zz|A|red|20145|missing|{e15,e25,e28,e33,e36,e44,e53,e67,e89}
4|missing|32|33|missing|1.5|true|Казань|Казань|red|missing|20357|{cats,e21,e26,e38,e50,e83,e85}
)seg");
  // Two blocks clustered by block and a rest: too big to spell out.
  const std::string clustered =
      table_text(testing::random_table(20261126, 2 * runtime::kBlockRows + 7,
                                       testing::Clustering::PerBlock));
  CHECK(fmt::format("{:016x}", XXH3_64bits(clustered.data(), clustered.size())) ==
        "c6d1ef88c002ce85");
}
