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

// Collects diagnostics from every stage; the driver sorts them once at the end.
class DiagnosticList {
 public:
  Diagnostic& error(std::string_view code, SourceRange range, std::string message,
                    std::string help = {});
  Diagnostic& warning(std::string_view code, SourceRange range, std::string message,
                      std::string help = {});
  void add(Diagnostic diagnostic);
  void append(std::vector<Diagnostic> diagnostics);

  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic>& items() { return items_; }
  size_t error_count() const;
  size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }

  // Orders by file (as the SourceManager numbered them), position, then code,
  // and drops exact duplicates.
  void sort_and_deduplicate();

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace segc
