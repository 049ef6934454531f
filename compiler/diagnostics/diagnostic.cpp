#include "diagnostics/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace segc {

std::string_view severity_name(Severity severity) {
  return severity == Severity::Error ? "error" : "warning";
}

Diagnostic& DiagnosticList::error(std::string_view code, SourceRange range, std::string message,
                                  std::string help) {
  items_.push_back(Diagnostic{Severity::Error, std::string(code), range, std::move(message),
                              std::move(help), {}});
  return items_.back();
}

Diagnostic& DiagnosticList::warning(std::string_view code, SourceRange range,
                                    std::string message, std::string help) {
  items_.push_back(Diagnostic{Severity::Warning, std::string(code), range, std::move(message),
                              std::move(help), {}});
  return items_.back();
}

void DiagnosticList::add(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }

void DiagnosticList::append(std::vector<Diagnostic> diagnostics) {
  for (auto& diagnostic : diagnostics) items_.push_back(std::move(diagnostic));
}

size_t DiagnosticList::error_count() const {
  return static_cast<size_t>(std::count_if(items_.begin(), items_.end(), [](const auto& d) {
    return d.severity == Severity::Error;
  }));
}

size_t DiagnosticList::warning_count() const { return items_.size() - error_count(); }

void DiagnosticList::sort_and_deduplicate() {
  auto key = [](const Diagnostic& d) {
    return std::tie(d.range.file, d.range.begin, d.range.end, d.code, d.message);
  };
  std::stable_sort(items_.begin(), items_.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  items_.erase(std::unique(items_.begin(), items_.end(),
                           [&](const Diagnostic& a, const Diagnostic& b) {
                             return key(a) == key(b);
                           }),
               items_.end());
}

}  // namespace segc
