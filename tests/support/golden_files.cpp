#include "support/golden_files.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace segc::testing {

namespace fs = std::filesystem;

std::vector<fs::path> golden_cases(const fs::path& folder, const std::string& expected_extension) {
  std::vector<fs::path> cases;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".seg") continue;
    fs::path expected = entry.path();
    expected.replace_extension(expected_extension);
    if (fs::exists(expected)) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

std::string read_file(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  return buffer.str();
}

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

// The first differing lines with a little context: enough to see what changed.
std::string describe_difference(const std::string& expected, const std::string& actual) {
  const auto want = lines_of(expected);
  const auto got = lines_of(actual);
  size_t first = 0;
  while (first < want.size() && first < got.size() && want[first] == got[first]) ++first;
  std::ostringstream out;
  out << "first difference at line " << first + 1 << "\n";
  for (size_t i = first; i < std::min(want.size(), first + 8); ++i) out << "- " << want[i] << "\n";
  for (size_t i = first; i < std::min(got.size(), first + 8); ++i) out << "+ " << got[i] << "\n";
  return out.str();
}

}  // namespace

void check_golden(const fs::path& expected, const std::string& actual) {
  if (const char* update = std::getenv("SEGC_UPDATE_GOLDEN"); update && *update == '1') {
    std::ofstream(expected, std::ios::binary) << actual;
    return;
  }
  const std::string want = read_file(expected);
  INFO(expected.string() << ": " << describe_difference(want, actual));
  CHECK(want == actual);
}

CurrentDirectory::CurrentDirectory(const fs::path& folder) : previous_(fs::current_path()) {
  fs::current_path(folder);
}

CurrentDirectory::~CurrentDirectory() { fs::current_path(previous_); }

}  // namespace segc::testing
