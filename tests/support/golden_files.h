// Helpers for golden-file tests: finding cases, comparing with a readable
// diff, and regenerating expectations with SEGC_UPDATE_GOLDEN=1.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace segc::testing {

// Every *.seg below `folder` that has a sibling with `expected_extension`.
std::vector<std::filesystem::path> golden_cases(const std::filesystem::path& folder,
                                                const std::string& expected_extension);

std::string read_file(const std::filesystem::path& path);

// CHECKs that `actual` equals the content of `expected`, printing a line diff
// otherwise; with SEGC_UPDATE_GOLDEN=1 set, writes `actual` there instead.
void check_golden(const std::filesystem::path& expected, const std::string& actual);

// Changes the working directory for the lifetime of the object.
class CurrentDirectory {
 public:
  explicit CurrentDirectory(const std::filesystem::path& folder);
  ~CurrentDirectory();
  CurrentDirectory(const CurrentDirectory&) = delete;
  CurrentDirectory& operator=(const CurrentDirectory&) = delete;

 private:
  std::filesystem::path previous_;
};

}  // namespace segc::testing
