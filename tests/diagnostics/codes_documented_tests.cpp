// The list of diagnostic codes in codes.cpp, the reference in
// docs/diagnostics.md and the golden cases must agree: every code has a
// `## CODE` section, the document names no code that does not exist, and every
// code is produced by at least one test, which shows the output it documents
// is real.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "diagnostics/codes.h"
#include "support/golden_files.h"

namespace {

namespace fs = std::filesystem;

const fs::path kRoot = fs::path(SEGC_SOURCE_DIR);

// Codes that a committed golden .err file cannot show, and the test file
// that produces them instead.
const std::map<std::string, std::string> kCoveredElsewhere = {
    {"E0001", "tests/cli/cases/check.sh"},      // cannot read: exit 2 of the command
    {"E0002", "tests/driver/limits_tests.cpp"},  // a 16 MiB file
    {"E0003", "tests/driver/limits_tests.cpp"},  // invalid UTF-8
    {"E0004", "tests/driver/limits_tests.cpp"},  // 10,000 levels (also a golden case)
    {"E0005", "tests/driver/limits_tests.cpp"},  // a 200,000-element list
    // A FIFO, link loops and a dangling link in a folder, made by the CLI test.
    {"E0314", "tests/cli/cases/rule_folders.sh"},
    {"E0315", "tests/cli/cases/rule_folders.sh"},
    // Warnings about the rules on data: segc run and explain, on a CSV file.
    {"W0701", "tests/cli/cases/data_warnings.sh"},
    {"W0702", "tests/cli/cases/data_warnings.sh"},
    {"W0703", "tests/cli/cases/data_warnings.sh"},
    {"W0704", "tests/cli/cases/data_warnings.sh"},
    {"W0705", "tests/cli/cases/data_warnings.sh"},
};

std::set<std::string> known_codes() {
  std::set<std::string> codes;
  for (const auto& info : segc::codes::all_codes()) codes.emplace(info.code);
  return codes;
}

}  // namespace

TEST_CASE("every diagnostic code has a section in docs/diagnostics.md", "[docs]") {
  const std::string doc = segc::testing::read_file(kRoot / "docs/diagnostics.md");
  REQUIRE_FALSE(doc.empty());
  const std::set<std::string> known = known_codes();

  std::map<std::string, int> headings;
  std::istringstream lines(doc);
  const std::regex heading(R"(^## ([EW][0-9]{4})\b.*)");
  for (std::string line; std::getline(lines, line);) {
    std::smatch match;
    if (std::regex_match(line, match, heading)) ++headings[match[1]];
  }
  for (const auto& info : segc::codes::all_codes()) {
    const std::string code(info.code);
    INFO("code " << code << " (" << info.title << ")");
    CHECK(headings[code] == 1);
  }
  for (const auto& [code, count] : headings) {
    INFO("heading ## " << code);
    CHECK(known.contains(code));
  }

  // No code is mentioned anywhere that segc does not have.
  const std::regex any_code(R"(\b[EW][0-9]{4}\b)");
  for (auto it = std::sregex_iterator(doc.begin(), doc.end(), any_code);
       it != std::sregex_iterator(); ++it) {
    INFO("docs/diagnostics.md mentions " << it->str());
    CHECK(known.contains(it->str()));
  }
}

TEST_CASE("every diagnostic code is produced by a golden case or a named test", "[docs]") {
  const std::set<std::string> known = known_codes();
  std::set<std::string> in_goldens;
  const std::regex reported(R"((?:error|warning)\[([EW][0-9]{4})\])");
  const auto cases = segc::testing::golden_cases(kRoot / "tests/golden/check", ".err");
  REQUIRE_FALSE(cases.empty());
  for (const fs::path& seg : cases) {
    fs::path err = seg;
    err.replace_extension(".err");
    const std::string text = segc::testing::read_file(err);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), reported);
         it != std::sregex_iterator(); ++it) {
      in_goldens.insert((*it)[1]);
    }
  }
  for (const auto& info : segc::codes::all_codes()) {
    const std::string code(info.code);
    INFO("code " << code << " (" << info.title << ")");
    if (auto elsewhere = kCoveredElsewhere.find(code); elsewhere != kCoveredElsewhere.end()) {
      // The named test must exist and mention the code.
      const std::string test = segc::testing::read_file(kRoot / elsewhere->second);
      INFO("covered by " << elsewhere->second);
      CHECK(test.find(code) != std::string::npos);
      continue;
    }
    CHECK(in_goldens.contains(code));
  }
  for (const auto& [code, file] : kCoveredElsewhere) {
    INFO("kCoveredElsewhere lists " << code);
    CHECK(known.contains(code));
  }
}
