// The input limits of LANGUAGE.md section 9, end to end through run_check:
// bad input gets a diagnostic with a stable code and never a crash, however
// large or deep it is. The inputs are generated in a temporary folder (a
// 16 MiB file does not belong in the repository). Kept simple, so that each
// case finishes well inside the CTest timeout.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "diagnostics/codes.h"
#include "diagnostics/render.h"
#include "driver/check_driver.h"
#include "syntax/parser.h"

namespace {

namespace fs = std::filesystem;

// A folder under the system's temporary directory, removed afterwards.
class TempFolder {
 public:
  TempFolder() {
    std::random_device random;
    path_ = fs::temp_directory_path() / ("segc-limits-" + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~TempFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  std::string write(const std::string& name, const std::string& text) const {
    const fs::path file = path_ / name;
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::unique_ptr<segc::CheckOutcome> check(const std::string& file) {
  segc::CheckSettings settings;
  settings.stdlib_directory = std::string(SEGC_SOURCE_DIR) + "/stdlib";
  auto outcome = segc::run_check({file}, settings);
  REQUIRE(static_cast<bool>(outcome));
  REQUIRE((*outcome)->usage_error.empty());
  return std::move(*outcome);
}

std::vector<std::string> codes_of(const segc::CheckOutcome& outcome) {
  std::vector<std::string> codes;
  for (const auto& d : outcome.diagnostics.items()) codes.push_back(d.code);
  return codes;
}

const segc::Diagnostic* find(const segc::CheckOutcome& outcome, std::string_view code) {
  for (const auto& d : outcome.diagnostics.items()) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

std::string repeat(const std::string& piece, size_t count) {
  std::string out;
  out.reserve(piece.size() * count);
  for (size_t i = 0; i < count; ++i) out += piece;
  return out;
}

// Every diagnostic can be rendered in every format without throwing.
void render_all(const segc::CheckOutcome& outcome) {
  for (auto format : {segc::DiagnosticFormat::Text, segc::DiagnosticFormat::Json,
                      segc::DiagnosticFormat::Sarif, segc::DiagnosticFormat::Github,
                      segc::DiagnosticFormat::Junit}) {
    segc::RenderOptions options;
    options.checked_files = outcome.root_files;
    CHECK_NOTHROW(segc::render_diagnostics(format, outcome.diagnostics.items(), outcome.sources,
                                           options));
  }
}

}  // namespace

TEST_CASE("a file over 16 MiB is reported, not read", "[limits]") {
  TempFolder folder;
  const std::string file = folder.write("huge.seg", "# generated\n");
  // A sparse file: the size is checked before anything is read.
  fs::resize_file(file, segc::kMaxFileBytes + 1);
  auto outcome = check(file);
  CHECK(codes_of(*outcome) == std::vector<std::string>{"E0002"});
  const auto* d = find(*outcome, segc::codes::kFileTooLarge);
  REQUIRE(d != nullptr);
  CHECK(d->severity == segc::Severity::Error);
  CHECK(d->message.find(std::to_string(segc::kMaxFileBytes + 1)) != std::string::npos);
  CHECK(d->range.begin == segc::Position{1, 1});
  render_all(*outcome);
}

TEST_CASE("a file of exactly 16 MiB is within the limit", "[limits]") {
  TempFolder folder;
  // One long comment: the largest file that is still read and parsed.
  std::string text = "#";
  text.resize(segc::kMaxFileBytes - 1, 'x');
  text += '\n';
  auto outcome = check(folder.write("big.seg", text));
  CHECK(find(*outcome, segc::codes::kFileTooLarge) == nullptr);
  CHECK(find(*outcome, segc::codes::kNoSchema) != nullptr);  // parsed: there is just no schema
}

TEST_CASE("10,000 nested parentheses are reported, not a stack overflow", "[limits]") {
  TempFolder folder;
  const std::string prefix = "segment deep = ";
  const std::string text =
      prefix + repeat("(", 10'000) + "age > 18" + repeat(")", 10'000) + "\n";
  auto outcome = check(folder.write("parens.seg", text));
  CHECK(codes_of(*outcome) == std::vector<std::string>{"E0004"});
  const auto* d = find(*outcome, segc::codes::kNestingTooDeep);
  REQUIRE(d != nullptr);
  // At the first parenthesis past the limit.
  CHECK(d->range.begin ==
        segc::Position{1, static_cast<uint32_t>(prefix.size() + segc::kMaxNestingDepth + 1)});
  render_all(*outcome);
}

TEST_CASE("10,000 nested nots are reported, not a stack overflow", "[limits]") {
  TempFolder folder;
  const std::string text = "segment deep = " + repeat("not ", 10'000) + "opted_in\n";
  auto outcome = check(folder.write("nots.seg", text));
  CHECK(codes_of(*outcome) == std::vector<std::string>{"E0004"});
  render_all(*outcome);
}

TEST_CASE("10,000 nested minus signs are reported, not a stack overflow", "[limits]") {
  TempFolder folder;
  const std::string text = "segment deep = " + repeat("- ", 10'000) + "age > 18\n";
  auto outcome = check(folder.write("minus.seg", text));
  CHECK(codes_of(*outcome) == std::vector<std::string>{"E0004"});
  render_all(*outcome);
}

TEST_CASE("nesting within the limit is accepted", "[limits]") {
  TempFolder folder;
  folder.write("schema.seg", "schema customer {\n  key customer_id: int\n  age: int\n}\n");
  const std::string text = "import \"schema.seg\"\nsegment deep = " + repeat("(", 200) +
                           "age > 18" + repeat(")", 200) + "\n";
  auto outcome = check(folder.write("ok.seg", text));
  CHECK(codes_of(*outcome).empty());
}

TEST_CASE("a list of 200,000 elements is reported", "[limits]") {
  TempFolder folder;
  std::string list;
  list.reserve(200'000 * 8);
  for (int i = 1; i <= 200'000; ++i) list += (i == 1 ? "" : ", ") + std::to_string(i);
  const std::string text = "segment many = age in [" + list + "]\n";
  auto outcome = check(folder.write("list.seg", text));
  const auto codes = codes_of(*outcome);
  CHECK(std::count(codes.begin(), codes.end(), "E0005") == 1);
  const auto* d = find(*outcome, segc::codes::kListTooLong);
  REQUIRE(d != nullptr);
  CHECK(d->message.find("200000") != std::string::npos);
  CHECK(d->range.begin == segc::Position{1, 23});  // the '['
  render_all(*outcome);
}

TEST_CASE("a list of 100,000 elements is within the limit", "[limits]") {
  TempFolder folder;
  folder.write("schema.seg", "schema customer {\n  key customer_id: int\n  age: int\n}\n");
  std::string list;
  for (int i = 1; i <= 100'000; ++i) list += (i == 1 ? "" : ", ") + std::to_string(i);
  const std::string text = "import \"schema.seg\"\nsegment many = age in [" + list + "]\n";
  auto outcome = check(folder.write("list.seg", text));
  CHECK(find(*outcome, segc::codes::kListTooLong) == nullptr);
  CHECK(!outcome->diagnostics.has_errors());
}

TEST_CASE("a file that is not UTF-8 is reported with its position", "[limits]") {
  TempFolder folder;
  // "Москва" saved as Windows-1251, a common accident with spreadsheet exports.
  const std::string text =
      "# города\nsegment moscow = city = \"\xCC\xEE\xF1\xEA\xE2\xE0\"\n";
  auto outcome = check(folder.write("cp1251.seg", text));
  CHECK(codes_of(*outcome) == std::vector<std::string>{"E0003"});
  const auto* d = find(*outcome, segc::codes::kInvalidUtf8);
  REQUIRE(d != nullptr);
  // Line 2, column 26 in code points (the comment's Cyrillic counts one each).
  CHECK(d->range.begin == segc::Position{2, 26});
  CHECK(d->message.find("0xCC") != std::string::npos);
  render_all(*outcome);
}

TEST_CASE("a line of 2,000 errors shows the first 100 in bounded space", "[limits]") {
  TempFolder folder;
  auto outcome = check(folder.write("flood.seg", repeat("@ ", 2'000) + "\n"));
  CHECK(outcome->diagnostics.items().size() == segc::kDefaultErrorLimit);
  CHECK(outcome->diagnostics.error_count() == 2'000);
  REQUIRE(outcome->diagnostics.omitted().size() == 1);
  CHECK(outcome->diagnostics.omitted()[0].errors == 2'000 - segc::kDefaultErrorLimit);
  const std::string text = segc::render_diagnostics(segc::DiagnosticFormat::Text,
                                                    outcome->diagnostics, outcome->sources, {});
  CHECK(text.size() < 64 * 1024);
  CHECK(text.find("1900 more errors not shown") != std::string::npos);
  render_all(*outcome);
}

TEST_CASE("an error limit of 0 keeps every error", "[limits]") {
  TempFolder folder;
  segc::CheckSettings settings;
  settings.stdlib_directory = std::string(SEGC_SOURCE_DIR) + "/stdlib";
  settings.error_limit = 0;
  auto outcome = segc::run_check({folder.write("flood.seg", repeat("@\n", 300))}, settings);
  REQUIRE(static_cast<bool>(outcome));
  CHECK((*outcome)->diagnostics.error_count() == 300);
  CHECK((*outcome)->diagnostics.items().size() == 300);
  CHECK((*outcome)->diagnostics.omitted().empty());
}
