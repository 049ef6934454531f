// What a columnar file says that decides results must hold even when its
// checksums are consistent (a writer bug, or a file edited and re-checksummed):
// keys unique, dates within 0001-01-01..9999-12-31, floats finite, set masks
// equal to the set codes. Each forged table below is written by the ordinary
// writer, which checksums whatever it is given, so only the reader's content
// checks stand between the lie and the evaluators; each genuine neighbour
// must still be accepted.
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "runtime/calendar.h"
#include "runtime/set_masks.h"
#include "tests/runtime/columnar_test_support.h"

using namespace segc::runtime;
using namespace segc::runtime::testing;

namespace {

// every_kind_table's columns.
constexpr size_t kId = 0, kScore = 4, kBorn = 7, kTags = 8;

// "" when the file opens and every column verifies, else the problem.
std::string accepted_or_problem(const Table& table) {
  ScratchFolder folder;
  const std::string path = folder.file("forged.segcol");
  REQUIRE(write_columnar_file(path, table, "test") == "");
  ColumnarFile file;
  if (ColumnarProblem problem = open_columnar_file(path, file)) {
    CHECK(problem.kind == ColumnarProblem::Kind::Invalid);
    return problem.message;
  }
  if (ColumnarProblem problem = verify_all_columns(file)) {
    CHECK(problem.kind == ColumnarProblem::Kind::Invalid);
    return problem.message;
  }
  return "";
}

// every_kind_table with its int keys replaced (statistics recomputed).
Table with_int_keys(const std::vector<int64_t>& keys) {
  Table table = every_kind_table();
  REQUIRE(keys.size() == table.row_count);
  store_ints(table.columns[kId], keys);
  return table;
}

// A table of one int key column holding `keys`, over several blocks.
Table key_only_table(const std::vector<int64_t>& keys) {
  Table table;
  table.row_count = keys.size();
  Column key;
  key.spec = ColumnSpec{"id", ColumnKind::Int, 0, {}, true};
  key.present = Bitmap(keys.size(), true);
  store_ints(key, keys);
  table.columns.push_back(std::move(key));
  table.schema.columns.push_back(table.columns[0].spec);
  return table;
}

Table with_born(int64_t first_row_days) {
  Table table = every_kind_table();
  Column& born = table.columns[kBorn];
  std::vector<int64_t> days(table.row_count);
  for (size_t row = 0; row < table.row_count; ++row) days[row] = born.present.test(row) ? born.int_at(row) : 0;
  days[0] = first_row_days;
  store_ints(born, days);
  return table;
}

}  // namespace

TEST_CASE("a columnar file with a duplicate int key is refused", "[columnar][trust]") {
  // every_kind_table's keys are -2^63, 7, 2^63-1, 3: not in order.
  CHECK(accepted_or_problem(every_kind_table()) == "");
  CHECK(accepted_or_problem(with_int_keys({1, 2, 3, 4})) == "");
  CHECK(accepted_or_problem(with_int_keys({4, 1, 3, 2})) == "");
  for (const std::vector<int64_t>& keys : std::vector<std::vector<int64_t>>{
           {1, 2, 2, 3},  // ascending: a linear pass finds it
           {7, 3, 7, 1},  // out of order, dense
           {std::numeric_limits<int64_t>::max(), 5, std::numeric_limits<int64_t>::min(),
            std::numeric_limits<int64_t>::max()}}) {  // out of order, sparse
    INFO(keys[0] << " " << keys[1] << " " << keys[2] << " " << keys[3]);
    CHECK_THAT(accepted_or_problem(with_int_keys(keys)),
               Catch::Contains("column 'id'") && Catch::Contains("duplicate key"));
  }
}

TEST_CASE("duplicate int keys are found across blocks, in order or not", "[columnar][trust]") {
  const size_t rows = 3 * kBlockRows + 17;
  std::vector<int64_t> keys(rows);
  for (size_t row = 0; row < rows; ++row) keys[row] = static_cast<int64_t>(row) * 3 + 1000;
  CHECK(accepted_or_problem(key_only_table(keys)) == "");
  std::vector<int64_t> reversed(keys.rbegin(), keys.rend());
  CHECK(accepted_or_problem(key_only_table(reversed)) == "");
  // The last row repeats the first: the two are blocks apart.
  keys.back() = keys.front();
  CHECK_THAT(accepted_or_problem(key_only_table(keys)), Catch::Contains("duplicate key 1000"));
  reversed.front() = reversed.back();
  CHECK_THAT(accepted_or_problem(key_only_table(reversed)), Catch::Contains("duplicate key 1000"));
}

TEST_CASE("a columnar file with a duplicate string key is refused", "[columnar][trust]") {
  CsvLoadResult loaded = load("id,name\nb,x\na,y\nc,z\n", {}, test_schema(ColumnKind::String));
  REQUIRE(loaded.ok());
  CHECK(accepted_or_problem(loaded.table) == "");
  // Codes into the sorted dictionary {a, b, c}; the genuine ones are 1, 0, 2.
  for (const std::vector<uint32_t>& codes : std::vector<std::vector<uint32_t>>{{0, 0, 2}, {2, 0, 2}}) {
    Table table = loaded.table;
    store_codes(table.columns[0], codes);
    CHECK_THAT(accepted_or_problem(table), Catch::Contains("column 'id'") && Catch::Contains("duplicate key"));
  }
}

TEST_CASE("a columnar file with a string key holding a line break is refused", "[columnar][trust]") {
  // The CSV loader refuses such keys (key_text.h); a forged file must not
  // bring one to NAME.keys either, where "a\nb" reads back as a and b.
  CsvLoadResult loaded = load("id,name\nb,x\na,y\nc,z\n", {}, test_schema(ColumnKind::String));
  REQUIRE(loaded.ok());
  for (const std::string& forged : {std::string("a\nb"), std::string("a\tb"), std::string("a\xe2\x80\xa8" "b")}) {
    Table table = loaded.table;
    table.columns[0].dictionary = Dictionary(std::vector<std::string>{forged, "b", "c"});
    CHECK_THAT(accepted_or_problem(table), Catch::Contains("column 'id'") && Catch::Contains("a key cannot hold"));
  }
}

TEST_CASE("a columnar file with a date outside 0001-01-01..9999-12-31 is refused", "[columnar][trust]") {
  using segc::calendar::kFirstValidDay;
  using segc::calendar::kLastValidDay;
  CHECK(accepted_or_problem(with_born(kFirstValidDay)) == "");
  CHECK(accepted_or_problem(with_born(kLastValidDay)) == "");
  for (int64_t days : {int64_t{kFirstValidDay} - 1, int64_t{kLastValidDay} + 1,
                       std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max()}) {
    INFO(days);
    CHECK_THAT(accepted_or_problem(with_born(days)),
               Catch::Contains("column 'born'") && Catch::Contains("outside 0001-01-01..9999-12-31"));
  }
}

TEST_CASE("a columnar file with a value in a missing row is refused", "[columnar][trust]") {
  // docs/columnar-format.md: missing rows hold 0. The statistics cover
  // present rows only, so without this check a missing row could carry any
  // value, a date outside the range included, into the JIT's word code.
  struct Case {
    size_t column, row;
    const char* name;
  };
  for (const Case& forged : {Case{2, 1, "age"}, Case{3, 2, "spent"}, Case{kBorn, 3, "born"}, Case{1, 2, "name"}}) {
    INFO(forged.name);
    Table table = every_kind_table();
    Column& column = table.columns[forged.column];
    REQUIRE(!column.present.test(forged.row));
    auto* bytes = reinterpret_cast<unsigned char*>(column.storage.edit().data());
    bytes[forged.row * static_cast<size_t>(column.width)] = 1;
    CHECK_THAT(accepted_or_problem(table), Catch::Contains(fmt::format("column '{}'", forged.name)) &&
                                               Catch::Contains("a missing row has a value"));
  }
}

TEST_CASE("a columnar file with a NaN or infinite float is refused", "[columnar][trust]") {
  // Row 2's score is missing: a missing row must hold 0, so a NaN there is refused too.
  for (size_t row : {0, 2, 3}) {
    for (double value : {std::nan(""), -std::nan(""), std::numeric_limits<double>::infinity(),
                         -std::numeric_limits<double>::infinity()}) {
      INFO("row " << row << ": " << value);
      Table table = every_kind_table();
      std::vector<double> scores(table.columns[kScore].floats.begin(), table.columns[kScore].floats.end());
      scores[row] = value;
      table.columns[kScore].floats = scores;
      CHECK_THAT(accepted_or_problem(table),
                 Catch::Contains("column 'score'") && Catch::Contains("not a finite number"));
    }
  }
  Table largest = every_kind_table();
  largest.columns[kScore].floats = std::vector<double>{std::numeric_limits<double>::max(), 0,
                                                       -std::numeric_limits<double>::denorm_min(), -0.0};
  CHECK(accepted_or_problem(largest) == "");
}

TEST_CASE("a columnar file whose set masks disagree with the set codes is refused", "[columnar][trust]") {
  // every_kind_table's tags: {cats, dogs}, {}, {cats, кошки}, missing; codes
  // 0 cats, 1 dogs, 2 кошки; masks of one byte: 0b011, 0, 0b101, 0.
  Table genuine = every_kind_table();
  REQUIRE(genuine.columns[kTags].width == 1);
  CHECK(accepted_or_problem(genuine) == "");
  const std::vector<std::pair<size_t, uint8_t>> forgeries = {
      {0, 0b001},   // an element left out
      {1, 0b100},   // an element added to the empty set
      {2, 0b111},   // an element added
      {3, 0b001},   // a missing row with a mask
      {0, 0b1011},  // a bit beyond the dictionary
  };
  for (const auto& [row, mask] : forgeries) {
    INFO("row " << row << " mask " << int{mask});
    Table table = every_kind_table();
    std::vector<uint64_t>& words = table.columns[kTags].storage.edit();
    reinterpret_cast<uint8_t*>(words.data())[row] = mask;
    CHECK_THAT(accepted_or_problem(table),
               Catch::Contains("column 'tags'") && Catch::Contains("set masks do not match"));
  }
}

TEST_CASE("set masks are checked against the codes in every chunk of rows", "[columnar][trust]") {
  // Three blocks and a bit of 0 to 5 of 20 values per row (masks of 4
  // bytes), every ninth row missing; one mask changed at a time, near the
  // start, at block boundaries and at the end.
  const size_t rows = 3 * kBlockRows + 5;
  auto table_with_mask = [&](size_t changed_row, uint32_t changed_mask) {
    Table table;
    table.row_count = rows;
    Column key;
    key.spec = ColumnSpec{"id", ColumnKind::Int, 0, {}, true};
    key.present = Bitmap(rows, true);
    std::vector<int64_t> ids(rows);
    for (size_t row = 0; row < rows; ++row) ids[row] = static_cast<int64_t>(row);
    store_ints(key, ids);
    Column tags;
    tags.spec = ColumnSpec{"tags", ColumnKind::StringSet, 0, {}, false};
    tags.present = Bitmap(rows);
    std::vector<std::string> dictionary;
    for (int value = 0; value < 20; ++value) dictionary.push_back(fmt::format("t{:02}", value));
    tags.dictionary = dictionary;
    std::vector<uint32_t> offsets{0}, codes;
    for (size_t row = 0; row < rows; ++row) {
      if (row % 9 != 4) {
        tags.present.set(row);
        for (uint32_t code = row % 3; code < 20 && code < row % 3 + 3 * (row % 6); code += 3) codes.push_back(code);
      }
      offsets.push_back(static_cast<uint32_t>(codes.size()));
    }
    tags.set_offsets = offsets;
    tags.set_codes = codes;
    store_set_masks(tags);
    REQUIRE(tags.width == 4);
    if (changed_row < rows) reinterpret_cast<uint32_t*>(tags.storage.edit().data())[changed_row] = changed_mask;
    compute_block_stats(key);
    compute_block_stats(tags);
    table.columns.push_back(std::move(key));
    table.columns.push_back(std::move(tags));
    for (const Column& column : table.columns) table.schema.columns.push_back(column.spec);
    return table;
  };
  CHECK(accepted_or_problem(table_with_mask(rows, 0)) == "");
  for (size_t row : {size_t{1}, kBlockRows - 1, kBlockRows, 2 * kBlockRows + 7, rows - 1}) {
    for (uint32_t mask : {0U, 0xffffffffU, 1U << 19}) {
      INFO("row " << row << " mask " << mask);
      CHECK_THAT(accepted_or_problem(table_with_mask(row, mask)), Catch::Contains("set masks do not match"));
    }
  }
}

TEST_CASE("segc run refuses a file with NaN before either engine evaluates it", "[columnar][trust]") {
  // The two engines would compare NaN differently (`score != 0.5`); no run
  // must get that far, whichever engine is chosen.
  ScratchFolder folder;
  TableSchema schema;
  schema.columns = {ColumnSpec{"id", ColumnKind::Int, 0, {}, true}, ColumnSpec{"score", ColumnKind::Float, 0, {}, false}};
  CsvLoadResult loaded = load("id,score\n1,0.5\n2,0.25\n3,\n", {}, schema);
  REQUIRE(loaded.ok());
  const std::string rules = folder.file("rules.seg");
  std::ofstream(rules) << "schema customer {\n  key id: int\n  score: float\n}\nsegment s = score != 0.5\n";
  const std::string good = folder.file("good.segcol");
  REQUIRE(write_columnar_file(good, loaded.table, "test") == "");
  Table forged_table = loaded.table;
  forged_table.columns[1].floats = std::vector<double>{0.5, std::nan(""), 0};
  const std::string forged = folder.file("forged.segcol");
  REQUIRE(write_columnar_file(forged, forged_table, "test") == "");
  const std::string err = folder.file("err.txt");
  auto run = [&](const std::string& data, const char* engine) {
    const std::string command = fmt::format("'{}' run '{}' --data '{}' --engine {} --no-cache --as-of 2026-11-01 "
                                            ">/dev/null 2>'{}'", SEGC_BINARY, rules, data, engine, err);
    const int status = std::system(command.c_str());
    REQUIRE(WIFEXITED(status));
    return WEXITSTATUS(status);
  };
  for (const char* engine : {"jit", "interpreter"}) {
    INFO(engine);
    CHECK(run(good, engine) == 0);
    CHECK(run(forged, engine) == 1);
    CHECK_THAT(read_bytes(err), Catch::Contains("column 'score'") && Catch::Contains("not a finite number"));
  }
}
