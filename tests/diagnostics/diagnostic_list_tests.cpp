// The error limit of DiagnosticList: per file, the first N errors and the
// first N warnings by position are kept, the rest are counted so that every
// output can say how many it leaves out.
#include <catch2/catch.hpp>

#include "render_fixture.h"

using namespace segc;
using namespace segc::test;

namespace {

Diagnostic at(FileId file, uint32_t line, Severity severity = Severity::Error) {
  return diagnostic(severity, severity == Severity::Error ? codes::kSyntaxError
                                                         : codes::kMissingDropsOut,
                    range(file, line, 1, line, 2), "problem on line " + std::to_string(line));
}

}  // namespace

TEST_CASE("error limit: the first N errors and N warnings of each file are kept", "[diagnostics]") {
  DiagnosticList list;
  for (uint32_t line = 10; line >= 1; --line) list.add(at(0, line));  // added out of order
  for (uint32_t line = 1; line <= 4; ++line) list.add(at(0, line, Severity::Warning));
  for (uint32_t line = 1; line <= 2; ++line) list.add(at(1, line));
  list.sort_and_deduplicate();
  list.apply_limit(3);

  std::vector<std::pair<FileId, uint32_t>> kept_errors;
  size_t kept_warnings = 0;
  for (const Diagnostic& d : list.items()) {
    if (d.severity == Severity::Error) kept_errors.emplace_back(d.range.file, d.range.begin.line);
    else ++kept_warnings;
  }
  CHECK(kept_errors == std::vector<std::pair<FileId, uint32_t>>{{0, 1}, {0, 2}, {0, 3}, {1, 1}, {1, 2}});
  CHECK(kept_warnings == 3);
  // Counts are of everything found, shown or not.
  CHECK(list.error_count() == 12);
  CHECK(list.warning_count() == 4);
  REQUIRE(list.omitted().size() == 1);
  CHECK(list.omitted()[0].file == 0);
  CHECK(list.omitted()[0].errors == 7);
  CHECK(list.omitted()[0].warnings == 1);
}

TEST_CASE("error limit: 0 keeps everything", "[diagnostics]") {
  DiagnosticList list;
  for (uint32_t line = 1; line <= 500; ++line) list.add(at(0, line));
  list.sort_and_deduplicate();
  list.apply_limit(0);
  CHECK(list.items().size() == 500);
  CHECK(list.omitted().empty());
}

TEST_CASE("error limit: errors a stage did not collect are counted with the rest", "[diagnostics]") {
  DiagnosticList list;
  list.add(at(2, 1));
  list.count_omitted(2, Severity::Error, 40);
  list.count_omitted(0, Severity::Warning, 0);  // nothing left out: no entry
  list.sort_and_deduplicate();
  list.apply_limit(1);
  CHECK(list.items().size() == 1);
  CHECK(list.error_count() == 41);
  CHECK(list.has_errors());
  REQUIRE(list.omitted().size() == 1);
  CHECK(list.omitted()[0].file == 2);
  CHECK(list.omitted()[0].errors == 40);
  CHECK(list.omitted()[0].warnings == 0);
}
