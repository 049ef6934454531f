// segc-datagen: writes a reproducible customer table for examples/retail as
// CSV (see README.md there). The same flags always give the same bytes.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "csv_writer.h"
#include "customer.h"
#include "dates.h"

namespace {

using segc::datagen::Day;

constexpr int kExitBadUsage = 2;

// Writes the whole table to `out`; false when writing failed.
bool write_table(std::FILE* out, std::uint64_t rows, std::uint64_t seed, Day as_of) {
  segc::datagen::CsvWriter csv(out);
  const segc::datagen::CustomerGenerator generator(seed, as_of);
  segc::datagen::Customer customer;
  segc::datagen::write_header(csv);
  for (std::uint64_t id = 1; id <= rows && !csv.failed(); ++id) {
    generator.generate(static_cast<std::int64_t>(id), customer);
    segc::datagen::write_row(customer, csv);
  }
  return csv.flush() && std::fflush(out) == 0 && !std::ferror(out);
}

// Writes into a device or pipe such as /dev/null directly: renaming over it
// would replace it.
int write_special_file(const std::string& path, std::uint64_t rows, std::uint64_t seed, Day as_of) {
  std::FILE* out = std::fopen(path.c_str(), "wb");
  if (out == nullptr) {
    fmt::print(stderr, "segc-datagen: cannot open {}: {}\n", path, std::strerror(errno));
    return kExitBadUsage;
  }
  const bool written = write_table(out, rows, seed, as_of);
  if (std::fclose(out) != 0 || !written) {
    fmt::print(stderr, "segc-datagen: cannot write {}\n", path);
    return kExitBadUsage;
  }
  return 0;
}

// Writes next to `path` and renames over it, so a reader never sees half a file.
int write_file(const std::string& path, std::uint64_t rows, std::uint64_t seed, Day as_of) {
  struct stat existing {};
  if (stat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
    return write_special_file(path, rows, seed, as_of);
  }
  std::string temp = path + ".tmp.XXXXXX";
  const int fd = mkstemp(temp.data());
  if (fd < 0) {
    fmt::print(stderr, "segc-datagen: cannot create a file next to {}: {}\n", path, std::strerror(errno));
    return kExitBadUsage;
  }
  fchmod(fd, 0644);
  std::FILE* out = fdopen(fd, "wb");
  if (out == nullptr) {
    close(fd);
    std::remove(temp.c_str());
    fmt::print(stderr, "segc-datagen: cannot write {}\n", temp);
    return kExitBadUsage;
  }
  const bool written = write_table(out, rows, seed, as_of);
  const bool closed = std::fclose(out) == 0;
  if (!written || !closed || std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    fmt::print(stderr, "segc-datagen: cannot write {}: {}\n", path, std::strerror(errno));
    return kExitBadUsage;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Writes the customer table of examples/retail/schema.seg as CSV, reproducibly.",
               "segc-datagen"};
  std::uint64_t rows = 20000;
  std::uint64_t seed = 1;
  std::string as_of_text = "2026-11-01";
  std::string output;
  app.add_option("--rows", rows, "number of customers (keys 1..N)")->capture_default_str()
      ->check(CLI::Range(std::uint64_t{0}, std::uint64_t{1'000'000'000}));
  app.add_option("--seed", seed, "seed of the random generator")->capture_default_str();
  app.add_option("--as-of", as_of_text, "the date the data is generated around (YYYY-MM-DD)")
      ->capture_default_str();
  app.add_option("-o,--output", output, "output file (default: standard output)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : kExitBadUsage;
  }

  const auto as_of = segc::datagen::parse_date(as_of_text);
  // Birth dates and memberships reach about a century back from --as-of.
  if (!as_of || as_of_text < "1900-01-01" || as_of_text > "9899-12-31") {
    fmt::print(stderr, "segc-datagen: --as-of needs a date YYYY-MM-DD between 1900-01-01 and 9899-12-31, not '{}'\n",
               as_of_text);
    return kExitBadUsage;
  }
  if (!output.empty() && output != "-") return write_file(output, rows, seed, *as_of);
  if (!write_table(stdout, rows, seed, *as_of)) {
    fmt::print(stderr, "segc-datagen: cannot write to standard output\n");
    return kExitBadUsage;
  }
  return 0;
}
