// JitEngine with a persistent compile cache: a second engine (as a second
// process would) loads the object code instead of compiling it and gets
// the same members; a change to a rule, to `today` or to a dictionary's size
// compiles the modules it affects afresh, while code that only looks up a
// dictionary's contents in host data is rightly reused; a damaged entry is
// ignored and rewritten. Every compile is checked against the interpreter.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "codegen/jit_test_support.h"
#include "evaluate/reference_interpreter.h"
#include "runtime/calendar.h"

namespace {

namespace fs = std::filesystem;
using segc::CheckedProgram;
using segc::codegen::CompileCache;
using segc::codegen::JitEngine;
using segc::evaluate::EvaluationContext;
using segc::jit_test::TableBuilder;

// Literals, a regular expression, a bucket salt, dictionary lookups, date
// arithmetic on `today` and the per-row interpreter fallback (upper of two
// columns): every kind of host data the code refers to. 40 segments make
// several modules on a machine with more than one core.
std::string rules(int threshold) {
  std::string text = R"(
schema customer {
  key id: int
  age: int
  city: string
  email: string
  seen: date
  tier: enum("a", "b", "c")
  pets: set<string>
}
segment s_fallback = upper(city) = upper(email)
segment s_regex = matches(email, "^[a-z]+@")
segment s_bucket = bucket(10, "salt") < 4
segment s_today = seen within last 30 days
segment s_set = pets contains any ["cat", "dog"]
)";
  for (int i = 0; i < 35; ++i) {
    text += "segment s" + std::to_string(i) + " = age > " + std::to_string(threshold + i) +
            " and (city in [\"Казань\", \"Москва\"] or tier >= \"b\" or s_regex)\n";
  }
  return text;
}

segc::runtime::Table table_for(const CheckedProgram& program,
                               const std::vector<std::string>& other_cities) {
  const size_t rows = 150;
  std::vector<std::optional<int64_t>> ages, seen;
  std::vector<std::optional<std::string>> cities, emails, tiers;
  std::vector<std::optional<std::vector<std::string>>> pets;
  std::vector<std::string> city_values = {"Москва", "Казань", "MOSCOW"};
  city_values.insert(city_values.end(), other_cities.begin(), other_cities.end());
  for (size_t row = 0; row < rows; ++row) {
    ages.push_back(row % 7 == 0 ? std::nullopt : std::optional<int64_t>(row % 60));
    seen.push_back(segc::calendar::days_from_civil({2026, 9, 1}) + static_cast<int64_t>(row % 70));
    cities.push_back(row % 11 == 0 ? std::nullopt
                                   : std::optional(city_values[row % city_values.size()]));
    emails.push_back(row % 3 == 0   ? std::optional<std::string>("moscow")
                     : row % 3 == 1 ? std::optional<std::string>("ann@x.ru")
                                    : std::optional<std::string>("Bob@x"));
    tiers.push_back(std::optional<std::string>(std::string(1, static_cast<char>('a' + row % 3))));
    pets.push_back(row % 4 == 0 ? std::vector<std::string>{"cat"} : std::vector<std::string>{});
  }
  return TableBuilder(program, rows)
      .ints("age", ages)
      .ints("seen", seen)
      .texts("city", cities)
      .texts("email", emails)
      .texts("tier", tiers)
      .sets("pets", pets)
      .build();
}

struct TempFolder {
  fs::path path;
  TempFolder() {
    path = fs::temp_directory_path() / ("segc-jit-cache-test-" + std::to_string(getpid()));
    fs::remove_all(path);
  }
  ~TempFolder() { fs::remove_all(path); }
};

std::unique_ptr<JitEngine> cached_engine(const fs::path& folder) {
  auto engine = JitEngine::create(std::make_unique<CompileCache>(folder, uint64_t{1} << 30));
  if (!engine) FAIL(llvm::toString(engine.takeError()));
  return std::move(*engine);
}

// Compiles every segment with `engine`, checks the members against the
// interpreter's and returns the engine's cache counts for this compile.
CompileCache::Counts compile_and_check(JitEngine& engine, const CheckedProgram& program,
                                       const segc::runtime::Table& table, int32_t today) {
  const CompileCache::Counts before = engine.cache()->counts();
  const auto segments = segc::jit_test::all_segments(program);
  auto compiled = engine.compile(program, table, segments, EvaluationContext{today});
  if (!compiled) FAIL(llvm::toString(compiled.takeError()));
  const auto jit = (*compiled)->evaluate(table, 2);
  const auto expected =
      segc::evaluate::interpret_segments(program, table, segments, EvaluationContext{today});
  for (size_t segment : segments) {
    INFO(program.segments[segment].name);
    CHECK(segc::jit_test::rows_of(jit.members[segment]) ==
          segc::jit_test::rows_of(expected.members[segment]));
  }
  const CompileCache::Counts after = engine.cache()->counts();
  return {after.hits - before.hits, after.misses - before.misses, after.stores - before.stores};
}

size_t entry_count(const fs::path& folder) {
  size_t count = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    count += entry.path().extension() == ".segcobj";
  }
  return count;
}

const int32_t kToday = segc::calendar::days_from_civil({2026, 11, 1});

// rules(10) over its table, compiled once by `engine` into a fresh cache.
struct CompiledOnce {
  TempFolder folder;
  std::unique_ptr<segc::CheckOutcome> outcome = segc::jit_test::check_source(rules(10));
  const CheckedProgram& program = *outcome->program;
  const segc::runtime::Table table = table_for(program, {"Самара"});
  std::unique_ptr<JitEngine> engine = cached_engine(folder.path);
  const CompileCache::Counts first = compile_and_check(*engine, program, table, kToday);
};

}  // namespace

TEST_CASE("JIT compile cache: a second engine reuses the object code", "[jit][compile_cache]") {
  TempFolder folder;
  auto outcome = segc::jit_test::check_source(rules(10));
  const CheckedProgram& program = *outcome->program;
  const auto table = table_for(program, {"Самара"});

  auto cold = cached_engine(folder.path);
  const auto first = compile_and_check(*cold, program, table, kToday);
  CHECK(first.hits == 0);
  CHECK(first.misses >= 1);
  CHECK(first.stores == first.misses);
  CHECK(entry_count(folder.path) == first.stores);

  // A new engine has its host data elsewhere in memory: the code must not
  // depend on where.
  auto warm = cached_engine(folder.path);
  const auto second = compile_and_check(*warm, program, table, kToday);
  CHECK(second.hits == first.misses);
  CHECK(second.misses == 0);
  CHECK(second.stores == 0);
  // The same engine again, while the first rule set is still loaded.
  const auto third = compile_and_check(*warm, program, table, kToday);
  CHECK(third.hits == first.misses);
}

TEST_CASE("JIT compile cache: rules, today and dictionaries are part of the key",
          "[jit][compile_cache]") {
  CompiledOnce once;
  auto& [folder, outcome, program, table, engine, first] = once;
  REQUIRE(first.stores >= 1);

  SECTION("another literal in every module") {
    auto changed = segc::jit_test::check_source(rules(11));
    const auto again = compile_and_check(*engine, *changed->program,
                                         table_for(*changed->program, {"Самара"}), kToday);
    CHECK(again.hits == 0);
    CHECK(again.misses == first.misses);
  }
  SECTION("another today") {
    const auto again = compile_and_check(*engine, program, table, kToday + 1);
    CHECK(again.misses >= 1);
  }
  SECTION("a city dictionary of another size") {
    const auto again =
        compile_and_check(*engine, program, table_for(program, {"Самара", "Омск"}), kToday);
    CHECK(again.misses >= 1);
  }
  SECTION("a city dictionary of the same size: the same code, other host data") {
    const auto again = compile_and_check(*engine, program, table_for(program, {"Омск"}), kToday);
    CHECK(again.misses == 0);
  }
}

TEST_CASE("JIT compile cache: damaged entries are compiled again and rewritten",
          "[jit][compile_cache]") {
  CompiledOnce once;
  auto& [folder, outcome, program, table, engine, first] = once;
  REQUIRE(first.stores >= 1);
  bool truncate = true;
  for (const auto& entry : fs::directory_iterator(folder.path)) {
    if (truncate) {
      fs::resize_file(entry.path(), fs::file_size(entry.path()) / 2);
    } else {
      std::fstream file(entry.path(), std::ios::binary | std::ios::in | std::ios::out);
      file.seekg(200);
      const char byte = static_cast<char>(file.get());
      file.seekp(200);
      file.put(static_cast<char>(~byte));
    }
    truncate = !truncate;
  }
  const auto damaged = compile_and_check(*cached_engine(folder.path), program, table, kToday);
  CHECK(damaged.hits == 0);
  CHECK(damaged.stores == first.stores);
  const auto repaired = compile_and_check(*cached_engine(folder.path), program, table, kToday);
  CHECK(repaired.hits == first.stores);
}

namespace {

// The keys of the entries in `folder`, from their names.
std::vector<segc::codegen::CacheKey> stored_keys(const fs::path& folder) {
  std::vector<segc::codegen::CacheKey> keys;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() != ".segcobj") continue;
    const std::string hex = entry.path().stem().string();
    segc::codegen::CacheKey key{};
    REQUIRE(hex.size() == 2 * key.size());
    for (size_t i = 0; i < key.size(); ++i) key[i] = static_cast<uint8_t>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
    keys.push_back(key);
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

}  // namespace

TEST_CASE("JIT compile cache: an entry with a valid header but junk inside is compiled again",
          "[jit][compile_cache]") {
  // Not an object file, under a header that checks out (a forged or buggy
  // entry): the run must not fail, and not every later run either.
  CompiledOnce once;
  auto& [folder, outcome, program, table, engine, first] = once;
  REQUIRE(first.stores >= 1);
  CompileCache writer(folder.path, uint64_t{1} << 30);
  for (const auto& key : stored_keys(folder.path)) writer.store(key, "\x7f" "ELF but not really an object file");
  const auto junk = compile_and_check(*cached_engine(folder.path), program, table, kToday);
  CHECK(junk.hits == 0);
  CHECK(junk.stores == first.stores);
  const auto repaired = compile_and_check(*cached_engine(folder.path), program, table, kToday);
  CHECK(repaired.hits == first.stores);
}

TEST_CASE("JIT compile cache: another rule set's object under a valid header is not run",
          "[jit][compile_cache]") {
  // Two one-module rule sets of the same shape: the second's object would
  // link in place of the first's and give the wrong members.
  TempFolder folder;
  const fs::path first_folder = folder.path / "first", second_folder = folder.path / "second";
  auto source = [](int threshold) {
    return "schema customer {\n  key id: int\n  age: int\n}\nsegment s = age > " + std::to_string(threshold) + "\n";
  };
  auto first = segc::jit_test::check_source(source(10));
  auto second = segc::jit_test::check_source(source(40));
  std::vector<std::optional<int64_t>> ages;
  for (int64_t age = 0; age < 60; ++age) ages.push_back(age);
  const auto table = TableBuilder(*first->program, ages.size()).ints("age", ages).build();
  REQUIRE(compile_and_check(*cached_engine(first_folder), *first->program, table, kToday).stores == 1);
  REQUIRE(compile_and_check(*cached_engine(second_folder), *second->program, table, kToday).stores == 1);
  const auto first_key = stored_keys(first_folder).at(0);
  const auto second_key = stored_keys(second_folder).at(0);
  std::ifstream in(second_folder / (segc::codegen::to_hex(second_key) + ".segcobj"), std::ios::binary);
  const std::string entry((std::istreambuf_iterator<char>(in)), {});
  REQUIRE(entry.size() > 56);
  // The header is magic, key, length and checksum: 56 bytes.
  CompileCache(first_folder, uint64_t{1} << 30).store(first_key, llvm::StringRef(entry).drop_front(56));
  const auto swapped = compile_and_check(*cached_engine(first_folder), *first->program, table, kToday);
  CHECK(swapped.hits == 0);
  CHECK(swapped.stores == 1);
}
