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

void DiagnosticList::count_omitted(FileId file, Severity severity, size_t count) {
  if (count == 0) return;
  OmittedDiagnostics& omitted = omitted_for(file);
  (severity == Severity::Error ? omitted.errors : omitted.warnings) += count;
}

OmittedDiagnostics& DiagnosticList::omitted_for(FileId file) {
  auto at = std::lower_bound(omitted_.begin(), omitted_.end(), file,
                             [](const OmittedDiagnostics& o, FileId id) { return o.file < id; });
  if (at == omitted_.end() || at->file != file) at = omitted_.insert(at, OmittedDiagnostics{file});
  return *at;
}

size_t DiagnosticList::error_count() const {
  size_t count = static_cast<size_t>(std::count_if(
      items_.begin(), items_.end(), [](const auto& d) { return d.severity == Severity::Error; }));
  for (const OmittedDiagnostics& omitted : omitted_) count += omitted.errors;
  return count;
}

size_t DiagnosticList::warning_count() const {
  size_t count = static_cast<size_t>(std::count_if(
      items_.begin(), items_.end(), [](const auto& d) { return d.severity == Severity::Warning; }));
  for (const OmittedDiagnostics& omitted : omitted_) count += omitted.warnings;
  return count;
}

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

void DiagnosticList::apply_limit(size_t per_file) {
  if (per_file == 0) return;
  std::vector<Diagnostic> kept;
  size_t errors = 0;
  size_t warnings = 0;
  for (size_t i = 0; i < items_.size(); ++i) {
    if (i == 0 || items_[i].range.file != items_[i - 1].range.file) errors = warnings = 0;
    const bool is_error = items_[i].severity == Severity::Error;
    size_t& shown = is_error ? errors : warnings;
    if (shown < per_file) {
      ++shown;
      kept.push_back(std::move(items_[i]));
    } else {
      count_omitted(items_[i].range.file, items_[i].severity, 1);
    }
  }
  items_ = std::move(kept);
}

}  // namespace segc
