// A problem found in the user's rules or input: a value, never an exception.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "source/source_file.h"

namespace segc {

enum class Severity { Error, Warning };

std::string_view severity_name(Severity severity);  // "error" / "warning"

// A second place a diagnostic points at ("first declared here").
struct RelatedLocation {
  SourceRange range;
  std::string message;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;  // stable, e.g. "E0203"; listed in docs/diagnostics.md
  SourceRange range;
  std::string message;
  std::string help;  // empty when there is no suggestion
  std::vector<RelatedLocation> related;
};

// How many diagnostics of one file the error limit left out.
struct OmittedDiagnostics {
  FileId file = kNoFile;
  size_t errors = 0;
  size_t warnings = 0;
};

// Errors (and, separately, warnings) shown per file unless --error-limit says
// otherwise, as clang's -ferror-limit: a file of garbage must not print
// millions of lines (docs/diagnostics.md, "The error limit").
inline constexpr size_t kDefaultErrorLimit = 100;

// Collects diagnostics from every stage; the driver sorts them once at the end.
class DiagnosticList {
 public:
  Diagnostic& error(std::string_view code, SourceRange range, std::string message,
                    std::string help = {});
  Diagnostic& warning(std::string_view code, SourceRange range, std::string message,
                      std::string help = {});
  void add(Diagnostic diagnostic);
  void append(std::vector<Diagnostic> diagnostics);

  // Diagnostics a stage found but did not keep, because of the error limit.
  void count_omitted(FileId file, Severity severity, size_t count);

  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic>& items() { return items_; }
  // Everything found, including what the error limit left out.
  size_t error_count() const;
  size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }
  // By file; only files with something left out.
  const std::vector<OmittedDiagnostics>& omitted() const { return omitted_; }

  // Orders by file (as the SourceManager numbered them), position, then code,
  // and drops exact duplicates.
  void sort_and_deduplicate();

  // Keeps the first `per_file` errors and the first `per_file` warnings of
  // each file (0: all) and counts the rest. Call after sort_and_deduplicate.
  void apply_limit(size_t per_file);

 private:
  OmittedDiagnostics& omitted_for(FileId file);

  std::vector<Diagnostic> items_;
  std::vector<OmittedDiagnostics> omitted_;
};

}  // namespace segc
