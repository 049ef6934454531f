// Shared by the renderer tests: two rule files in a repository that does not
// exist on disk (so path resolution is purely lexical and the same on every
// machine), one with Cyrillic text and a tab, and diagnostics pointing into
// them.
#pragma once

#include <string>
#include <vector>

#include "diagnostics/codes.h"
#include "diagnostics/diagnostic.h"
#include "diagnostics/render.h"
#include "source/source_file.h"

namespace segc::test {

inline constexpr const char* kRepoRoot = "/nonexistent-segc-test-repo";

// Line 3 has 2-byte Cyrillic letters before the flagged word; line 4 starts
// with a tab; line 5 has Cyrillic identifiers.
inline constexpr const char* kRetailText =
    "# retail.seg\n"
    "segment vip where\n"
    "  city = \"Москва\" and channel = \"emial\"\n"
    "\tand age >= 18\n"
    "segment лояльные where возраст > 200\n";

inline constexpr const char* kSchemaText =
    "schema customer {\n"
    "  key id: int\n"
    "}\n"
    "segment vip where true\n";

inline SourceRange range(FileId file, uint32_t line, uint32_t column, uint32_t end_line,
                         uint32_t end_column) {
  return SourceRange{file, {line, column}, {end_line, end_column}};
}

inline Diagnostic diagnostic(Severity severity, std::string_view code, SourceRange where,
                             std::string message, std::string help = {},
                             std::vector<RelatedLocation> related = {}) {
  return Diagnostic{severity,           std::string(code), where,
                    std::move(message), std::move(help),   std::move(related)};
}

struct RenderFixture {
  SourceManager sources;
  FileId retail =
      sources.add("rules/retail.seg", std::string(kRepoRoot) + "/rules/retail.seg", kRetailText)
          .id();
  FileId schema =
      sources.add("rules/schema.seg", std::string(kRepoRoot) + "/rules/schema.seg", kSchemaText)
          .id();

  // "emial" on line 3, after "Москва": columns 33..40 (bytes 39..46).
  Diagnostic enum_error() const {
    return diagnostic(Severity::Error, codes::kUnknownEnumValue, range(retail, 3, 33, 3, 40),
                      "unknown value \"emial\" for enum field 'channel'",
                      "did you mean \"email\"?");
  }
  // "vip" on line 2, first declared in schema.seg line 4.
  Diagnostic duplicate_error() const {
    return diagnostic(Severity::Error, codes::kDuplicateName, range(retail, 2, 9, 2, 12),
                      "segment 'vip' is declared twice", {},
                      {RelatedLocation{range(schema, 4, 9, 4, 12), "first declared here"}});
  }
  // "age" on line 4, after a tab.
  Diagnostic age_warning() const {
    return diagnostic(Severity::Warning, codes::kMissingDropsOut, range(retail, 4, 6, 4, 9),
                      "customers without 'age' drop out", "add `or age is missing`");
  }
  Diagnostic no_file_error() const {
    return diagnostic(Severity::Error, codes::kNoSchema, SourceRange{}, "no schema is visible");
  }

  // Two errors and a warning in retail.seg, 5 more errors counted there, one
  // more warning in schema.seg; limited to one of each per file.
  DiagnosticList limited_list() const {
    DiagnosticList list;
    list.add(enum_error());
    list.add(duplicate_error());
    list.add(age_warning());
    list.count_omitted(retail, Severity::Error, 5);
    list.count_omitted(schema, Severity::Warning, 1);
    list.sort_and_deduplicate();
    list.apply_limit(1);
    return list;
  }

  RenderOptions options() const {
    RenderOptions options;
    options.base_directory = kRepoRoot;
    options.checked_files = {retail};
    return options;
  }
};

}  // namespace segc::test
