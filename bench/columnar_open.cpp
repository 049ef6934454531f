// segc_columnar_open FILE [COLUMN...]: the time to open a columnar file
// (map it, check header, directory and schema parts) and then to verify the
// named columns (checksum and contents), the two steps `segc run` takes
// before evaluating. Medians of several repetitions; the page cache is warm
// after the first.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "runtime/columnar_file.h"

namespace {

double milliseconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: segc_columnar_open FILE [COLUMN...]\n");
    return 2;
  }
  const std::string path = argv[1];
  std::vector<double> opens;
  std::vector<double> verifies;
  for (int repetition = 0; repetition < 7; ++repetition) {
    segc::runtime::ColumnarFile file;
    auto start = std::chrono::steady_clock::now();
    if (auto problem = segc::runtime::open_columnar_file(path, file)) {
      std::fprintf(stderr, "%s\n", problem.message.c_str());
      return 1;
    }
    opens.push_back(milliseconds_since(start));
    std::vector<size_t> columns;
    for (int i = 2; i < argc; ++i) {
      for (size_t c = 0; c < file.table.columns.size(); ++c) {
        if (file.table.columns[c].spec.name == argv[i]) columns.push_back(c);
      }
    }
    start = std::chrono::steady_clock::now();
    if (auto problem = segc::runtime::verify_columns(file, columns)) {
      std::fprintf(stderr, "%s\n", problem.message.c_str());
      return 1;
    }
    verifies.push_back(milliseconds_since(start));
  }
  std::printf("%s\n", fmt::format("open {:.3f} ms, verify {} column(s) {:.1f} ms (medians of 7)",
                                  median(opens), argc - 2, median(verifies))
                          .c_str());
  return 0;
}
