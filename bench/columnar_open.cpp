// segc_columnar_open [--each] FILE [COLUMN...]: the time to open a columnar
// file (map it, check header, directory and schema parts) and then to verify
// the named columns (checksum and contents), the two steps `segc run` takes
// before evaluating; no COLUMN means every column. --each also times each
// column verified alone, on one thread. Medians of several repetitions; the
// page cache is warm after the first. Wall and CPU time are both printed:
// on a machine shared with other work, the CPU time is the steadier one.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "runtime/columnar_file.h"

namespace {

constexpr int kRepetitions = 7;

struct Clock {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  double cpu = process_cpu_ms();

  static double process_cpu_ms() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
  }
  double wall_ms() const {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall).count();
  }
  double cpu_ms() const { return process_cpu_ms() - cpu; }
};

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

bool open_or_report(const std::string& path, segc::runtime::ColumnarFile& file) {
  if (auto problem = segc::runtime::open_columnar_file(path, file)) {
    std::fprintf(stderr, "%s\n", problem.message.c_str());
    return false;
  }
  return true;
}

bool verify_or_report(segc::runtime::ColumnarFile& file, const std::vector<size_t>& columns) {
  if (auto problem = segc::runtime::verify_columns(file, columns)) {
    std::fprintf(stderr, "%s\n", problem.message.c_str());
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  int first = 1;
  const bool each = argc > 1 && std::string(argv[1]) == "--each";
  if (each) ++first;
  if (argc <= first) {
    std::fprintf(stderr, "usage: segc_columnar_open [--each] FILE [COLUMN...]\n");
    return 2;
  }
  const std::string path = argv[first];
  segc::runtime::ColumnarFile probe;
  if (!open_or_report(path, probe)) return 1;
  std::vector<size_t> columns;
  for (size_t c = 0; c < probe.table.columns.size(); ++c) {
    const std::string& name = probe.table.columns[c].spec.name;
    bool named = argc == first + 1;
    for (int i = first + 1; i < argc; ++i) named = named || name == argv[i];
    if (named) columns.push_back(c);
  }

  std::vector<double> opens, verifies, verify_cpus;
  for (int repetition = 0; repetition < kRepetitions; ++repetition) {
    segc::runtime::ColumnarFile file;
    Clock open_clock;
    if (!open_or_report(path, file)) return 1;
    opens.push_back(open_clock.wall_ms());
    Clock verify_clock;
    if (!verify_or_report(file, columns)) return 1;
    verifies.push_back(verify_clock.wall_ms());
    verify_cpus.push_back(verify_clock.cpu_ms());
  }
  std::printf("%s\n", fmt::format("open {:.3f} ms, verify {} column(s) {:.1f} ms wall, {:.1f} ms CPU "
                                  "(medians of {})",
                                  median(opens), columns.size(), median(verifies), median(verify_cpus),
                                  kRepetitions)
                          .c_str());
  if (!each) return 0;
  for (size_t column : columns) {
    std::vector<double> cpus;
    for (int repetition = 0; repetition < kRepetitions; ++repetition) {
      segc::runtime::ColumnarFile file;
      if (!open_or_report(path, file)) return 1;
      Clock clock;
      if (!verify_or_report(file, {column})) return 1;
      cpus.push_back(clock.cpu_ms());
    }
    const segc::runtime::Column& c = probe.table.columns[column];
    std::printf("%s\n", fmt::format("  {:<18} width {} {:6.1f} ms CPU", c.spec.name, c.width, median(cpus)).c_str());
  }
  return 0;
}
