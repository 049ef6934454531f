// Profiles: every customer of a segment falls in exactly one bucket, and each
// bucket holds exactly the customers its label says, on generated tables full
// of missing values, extreme ints and decimals, and Cyrillic strings.
#include <catch2/catch.hpp>

#include <random>

#include "differential/random_table.h"
#include "report/segment_profiles.h"

namespace segc::report {
namespace {

using runtime::ColumnKind;

__int128 parse_fixed(const std::string& text, int scale) {
  __int128 value = 0;
  bool negative = false;
  int decimals = -1;
  for (char c : text) {
    if (c == '-') {
      negative = true;
    } else if (c == '.') {
      decimals = 0;
    } else {
      value = value * 10 + (c - '0');
      if (decimals >= 0) ++decimals;
    }
  }
  for (int i = std::max(decimals, 0); i < scale; ++i) value *= 10;
  return negative ? -value : value;
}

// Whether row `row` belongs in bucket `label` (not "(missing)", not "(other values)").
bool in_bucket(const runtime::Column& column, size_t row, const std::string& label) {
  switch (column.spec.kind) {
    case ColumnKind::Bool: return column.bools.test(row) == (label == "true");
    case ColumnKind::Enum:
    case ColumnKind::String: return std::string(column.dictionary[column.code_at(row)]) == label;
    default: {
      const int scale = column.spec.kind == ColumnKind::Decimal ? column.spec.scale : 0;
      const __int128 value = column.int_at(row);
      if (label.rfind("< ", 0) == 0) return value < parse_fixed(label.substr(2), scale);
      if (label.rfind("≥ ", 0) == 0) return value >= parse_fixed(label.substr(std::string("≥ ").size()), scale);
      const std::string dash = label.find(" – ") != std::string::npos ? " – " : "–";
      const size_t at = label.find(dash, 1);  // a minus sign may lead
      const __int128 low = parse_fixed(label.substr(0, at), scale);
      const __int128 high = at == std::string::npos ? low : parse_fixed(label.substr(at + dash.size()), scale);
      return value >= low && value <= high;
    }
  }
}

}  // namespace

TEST_CASE("report: profile buckets hold exactly the customers their labels say", "[report]") {
  for (uint64_t seed = 8100; seed < 8106; ++seed) {
    const runtime::Table table = testing::random_table(seed, 500 + seed % 7 * 100);
    std::mt19937_64 random(seed);
    std::vector<runtime::Bitmap> segments;
    for (int s = 0; s < 4; ++s) {
      runtime::Bitmap members(table.row_count);
      for (size_t row = 0; row < table.row_count; ++row) {
        if (random() % 4 <= static_cast<uint64_t>(s)) members.set(row);
      }
      segments.push_back(std::move(members));
    }
    std::vector<RowSet> sets;
    for (const runtime::Bitmap& members : segments) sets.emplace_back(members);
    std::vector<const RowSet*> pointers;
    for (const RowSet& set : sets) pointers.push_back(&set);
    size_t profiled = 0;
    for (size_t column = 0; column < table.columns.size(); ++column) {
      const runtime::Column& data = table.columns[column];
      if (!unprofilable_column(data.spec).empty()) continue;
      ++profiled;
      INFO("seed " << seed << ", column " << data.spec.name);
      const FieldProfile profile = profile_field(table, column, pointers, 2);
      REQUIRE(profile.base.size() == profile.labels.size());
      // 10 bands with "< X" and "≥ Y", or 8 values and "(other values)"; and "(missing)"
      CHECK(profile.labels.size() <= 13);
      uint64_t total = 0;
      for (uint64_t count : profile.base) total += count;
      CHECK(total == table.row_count);
      for (size_t s = 0; s < segments.size(); ++s) {
        uint64_t members = 0;
        for (uint64_t count : profile.per_segment[s]) members += count;
        CHECK(members == segments[s].count());
      }
      for (size_t b = 0; b < profile.labels.size(); ++b) {
        const std::string& label = profile.labels[b];
        if (label == "(other values)") continue;  // the rest: checked by the totals
        std::vector<uint64_t> expected(segments.size() + 1, 0);
        for (size_t row = 0; row < table.row_count; ++row) {
          const bool here = label == "(missing)" ? !data.present.test(row)
                                               : data.present.test(row) && in_bucket(data, row, label);
          if (!here) continue;
          ++expected.back();
          for (size_t s = 0; s < segments.size(); ++s) expected[s] += segments[s].test(row);
        }
        INFO("bucket " << label);
        CHECK(profile.base[b] == expected.back());
        for (size_t s = 0; s < segments.size(); ++s) CHECK(profile.per_segment[s][b] == expected[s]);
      }
    }
    CHECK(profiled >= 6);
  }
}

TEST_CASE("report: bands of round width, and which fields a default profile shows", "[report]") {
  runtime::Table table;
  runtime::Column age;
  age.spec = {"age", ColumnKind::Int, 0, {}, false};
  std::vector<int8_t> ages;
  for (int value = 18; value <= 90; ++value) ages.push_back(static_cast<int8_t>(value));
  age.present = runtime::Bitmap(ages.size(), true);
  runtime::store_ints(age, ages);
  runtime::Column key;
  key.spec = {"id", ColumnKind::Int, 0, {}, true};
  key.present = runtime::Bitmap(ages.size(), true);
  std::vector<int8_t> keys(ages.size(), 1);
  runtime::store_ints(key, keys);
  table.schema.columns = {key.spec, age.spec};
  table.row_count = ages.size();
  table.columns = {key, age};
  const FieldProfile profile = profile_field(table, 1, {}, 1);
  CHECK(profile.labels == std::vector<std::string>{"10–19", "20–29", "30–39", "40–49", "50–59", "60–69", "70–79",
                                                   "80–89", "90–99"});
  CHECK(profile.base.front() == 2);  // 18 and 19
  CHECK(default_profile_columns(table) == std::vector<size_t>{1});

  // One typo does not squeeze everyone into one band: the bands cover the
  // bulk of the values, and the stray ones get open bands.
  std::vector<int16_t> typos(200, 30);
  for (size_t i = 0; i < typos.size(); ++i) typos[i] = static_cast<int16_t>(20 + i % 50);
  typos[7] = 999;
  typos[8] = -5;
  runtime::Column typo;
  typo.spec = {"age", ColumnKind::Int, 0, {}, false};
  typo.present = runtime::Bitmap(typos.size(), true);
  runtime::store_ints(typo, typos);
  runtime::Table typo_table;
  typo_table.schema.columns = {key.spec, typo.spec};
  typo_table.row_count = typos.size();
  std::vector<int8_t> typo_keys(typos.size(), 1);
  key.present = runtime::Bitmap(typos.size(), true);
  runtime::store_ints(key, typo_keys);
  typo_table.columns = {key, typo};
  const FieldProfile banded = profile_field(typo_table, 1, {}, 1);
  CHECK(banded.labels == std::vector<std::string>{"< 20", "20–24", "25–29", "30–34", "35–39", "40–44", "45–49",
                                                  "50–54", "55–59", "60–64", "65–69", "≥ 70"});
  CHECK(banded.base.front() == 1);
  CHECK(banded.base.back() == 1);
  CHECK_FALSE(unprofilable_column(key.spec).empty());
}

}  // namespace segc::report
