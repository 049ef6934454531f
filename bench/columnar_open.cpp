// segc_columnar_open FILE [COLUMN...] [--rules FILE.seg] [--reps N] [--tsv OUT]:
// the time to open a columnar file (map it, check header, directory and
// schema parts) and then to verify the named columns (checksum and
// contents), the two steps `segc run` takes before evaluating. With --rules
// the columns are those the rules' segments read plus the key (which
// `segc run --out` reads to write member keys). Also prints the bytes of
// those columns' arrays, what an evaluation of the rules must touch, which
// run.sh compares with the peak RSS of `segc run`. Medians of --reps
// repetitions; the page cache is warm after the first.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "check_rules.h"
#include "evaluate/table_schema.h"
#include "read_columns.h"
#include "referenced_fields.h"
#include "runtime/columnar_file.h"
#include "timing.h"

namespace {

using namespace segc;

struct Options {
  std::string path, rules, tsv;
  std::vector<std::string> columns;
  unsigned reps = 7;
};

// The names of the columns the rules read, and of the key.
std::vector<std::string> columns_of_rules(const std::string& rules) {
  std::unique_ptr<CheckOutcome> outcome = bench::check_rules(rules);
  const runtime::TableSchema schema = evaluate::table_schema_for(outcome->program->schema);
  std::vector<size_t> fields = bench::referenced_fields(*outcome->program);
  if (std::find(fields.begin(), fields.end(), schema.key_index) == fields.end()) {
    fields.push_back(schema.key_index);
  }
  std::vector<std::string> names;
  for (size_t field : fields) names.push_back(schema.columns[field].name);
  return names;
}

std::vector<size_t> column_indices(const runtime::Table& table,
                                   const std::vector<std::string>& names) {
  std::vector<size_t> indices;
  for (const std::string& name : names) {
    size_t c = 0;
    while (c < table.columns.size() && table.columns[c].spec.name != name) ++c;
    if (c == table.columns.size()) throw std::runtime_error("no column " + name + " in the file");
    indices.push_back(c);
  }
  return indices;
}

int run(Options options) {
  if (!options.rules.empty()) {
    for (const std::string& name : columns_of_rules(options.rules)) options.columns.push_back(name);
  }
  std::vector<double> opens, verifies;
  size_t bytes = 0, rows = 0, file_size = 0;
  for (unsigned repetition = 0; repetition < std::max(options.reps, 1u); ++repetition) {
    runtime::ColumnarFile file;
    opens.push_back(bench::time_once([&] {
      if (auto problem = runtime::open_columnar_file(options.path, file)) {
        throw std::runtime_error(problem.message);
      }
    }));
    const std::vector<size_t> columns = column_indices(file.table, options.columns);
    verifies.push_back(bench::time_once([&] {
      if (auto problem = runtime::verify_columns(file, columns)) {
        throw std::runtime_error(problem.message);
      }
    }));
    bytes = bench::column_bytes(file.table, columns);
    rows = file.table.row_count;
    file_size = file.file_size;
  }
  const double open_ms = bench::median(opens), verify_ms = bench::median(verifies);
  fmt::print("{} rows, {:.1f} MB: open {:.3f} ms, verify {} column(s) {:.1f} ms (medians of {}); "
             "their arrays hold {:.1f} MB\n",
             rows, static_cast<double>(file_size) / 1e6, open_ms, options.columns.size(),
             verify_ms, opens.size(), static_cast<double>(bytes) / 1e6);
  if (!options.tsv.empty()) {
    std::ofstream out(options.tsv);
    out << "rows\tfile_bytes\topen_ms\tverify_ms\tcolumns\tcolumn_bytes\n"
        << fmt::format("{}\t{}\t{:.4f}\t{:.3f}\t{}\t{}\n", rows, file_size, open_ms, verify_ms,
                       fmt::join(options.columns, ","), bytes);
    if (!out) throw std::runtime_error("cannot write " + options.tsv);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Times opening a columnar file and verifying columns", "segc_columnar_open"};
  Options options;
  app.add_option("file", options.path, "a columnar file (segc import)")->required();
  app.add_option("columns", options.columns, "columns to verify");
  app.add_option("--rules", options.rules, "also verify the columns these rules read, and the key");
  app.add_option("--reps", options.reps, "repetitions")->capture_default_str();
  app.add_option("--tsv", options.tsv, "also write the medians here as TSV");
  CLI11_PARSE(app, argc, argv);
  try {
    return run(std::move(options));
  } catch (const std::exception& error) {
    fmt::print(stderr, "segc_columnar_open: {}\n", error.what());
    return 1;
  }
}
