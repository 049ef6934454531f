// segc_csv_bench: times runtime::load_csv_file on one CSV file at several
// thread counts (median of --reps loads each) and prints a fingerprint of
// every loaded table, so that a speedup that changes the result shows.
//
//   segc_csv_bench --data customers.csv --rules bench/reference_segments.seg --threads 1,2
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "driver/check_driver.h"
#include "evaluate/table_schema.h"
#include "runtime/csv_loader.h"
#include "timing.h"

namespace {

using namespace segc;

// FNV-1a over everything a table holds (rows, widths, storage, dictionaries,
// sets, presence): equal tables give equal fingerprints.
class Fingerprint {
 public:
  void add(const void* data, size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < size; ++i) hash_ = (hash_ ^ bytes[i]) * 0x100000001B3ULL;
  }
  // A std::vector or a ColumnArray.
  template <typename Array>
  void add_vector(const Array& values) {
    add_value(values.size());
    if (!values.empty()) add(values.data(), values.size() * sizeof(values[0]));
  }
  template <typename T>
  void add_value(const T& value) { add(&value, sizeof value); }
  uint64_t value() const { return hash_; }

 private:
  uint64_t hash_ = 0xCBF29CE484222325ULL;
};

uint64_t fingerprint(const runtime::Table& table) {
  Fingerprint print;
  print.add_value(table.row_count);
  for (const runtime::Column& column : table.columns) {
    print.add(column.present.words(), column.present.word_count() * sizeof(uint64_t));
    print.add_value(column.width);
    print.add_vector(column.storage);
    print.add_vector(column.floats);
    print.add(column.bools.words(), column.bools.word_count() * sizeof(uint64_t));
    print.add_value(column.dictionary.size());
    for (const std::string_view value : column.dictionary) {
      print.add_value(value.size());
      print.add(value.data(), value.size());
    }
    print.add_vector(column.set_offsets);
    print.add_vector(column.set_codes);
  }
  return print.value();
}

runtime::TableSchema load_schema(const std::string& rules) {
  auto outcome = run_check({rules}, CheckSettings{});
  if (!outcome) throw std::runtime_error(llvm::toString(outcome.takeError()));
  if (!(*outcome)->program) throw std::runtime_error(rules + ": the rules have errors");
  return evaluate::table_schema_for((*outcome)->program->schema);
}

int run(const std::string& data, const std::string& rules, const std::vector<unsigned>& threads,
        unsigned reps) {
  const runtime::TableSchema schema = load_schema(rules);
  for (const unsigned thread_count : threads) {
    std::vector<double> times;
    uint64_t print = 0;
    size_t rows = 0;
    for (unsigned rep = 0; rep < std::max(reps, 1u); ++rep) {
      runtime::CsvOptions options;
      options.threads = thread_count;
      runtime::CsvLoadResult result;
      times.push_back(bench::time_once([&] { result = runtime::load_csv_file(data, schema, options); }));
      if (!result.ok()) {
        throw std::runtime_error(fmt::format("{}: cannot load ({} problems) {}", data,
                                             result.error_count, result.fatal));
      }
      print = fingerprint(result.table);
      rows = result.table.row_count;
    }
    fmt::print("threads {}: {} rows, median {:.0f} ms of {} loads, table fingerprint {:016x}\n",
               thread_count, rows, bench::median(times), times.size(), print);
    std::fflush(stdout);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Times runtime::load_csv_file at several thread counts", "segc_csv_bench"};
  std::string data;
  std::string rules;
  std::vector<unsigned> threads{1};
  unsigned reps = 3;
  app.add_option("--data", data, "customer CSV (segc-datagen)")->required();
  app.add_option("--rules", rules, "a rule file whose schema fits the CSV")->required();
  app.add_option("--threads", threads, "thread counts to time, e.g. 1,2")->delimiter(',');
  app.add_option("--reps", reps, "timed loads per thread count")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    return run(data, rules, threads, reps);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "segc_csv_bench: %s\n", e.what());
    return 2;
  }
}
