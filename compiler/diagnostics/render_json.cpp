// The JSON format (CLI.md, "Diagnostics"): a stable, versioned document for
// scripts and editors.
//
//   {"format_version": 1, "error_count": N, "warning_count": N,
//    "omitted_error_count": N, "omitted_warning_count": N, "omitted": [...],
//    "diagnostics": [...]}
//
// The counts are of everything found; "omitted" lists, per file, how many of
// them the error limit left out of "diagnostics".
//
// Positions are 1-based, columns count code points, and end_line/end_column
// point just after the last code point (the range is half-open, as in
// SourceRange). Absent values are JSON null rather than missing keys, so that
// every diagnostic has the same shape: a diagnostic without a file has null
// file and positions, one without a suggestion has "help": null.
#include <nlohmann/json.hpp>

#include "diagnostics/render_formats.h"

namespace segc::render_detail {
namespace {

// ordered_json keeps the keys in the documented order instead of sorting them.
using Json = nlohmann::ordered_json;

constexpr int kFormatVersion = 1;

void add_location(Json& object, const SourceRange& range, const SourceManager& sources) {
  if (!range.valid()) {
    for (const char* key : {"file", "line", "column", "end_line", "end_column"})
      object[key] = nullptr;
    return;
  }
  object["file"] = sources.file(range.file).display_path();
  object["line"] = range.begin.line;
  object["column"] = range.begin.column;
  object["end_line"] = range.end.line;
  object["end_column"] = range.end.column;
}

Json diagnostic_json(const Diagnostic& diagnostic, const SourceManager& sources) {
  Json object = Json::object();
  add_location(object, diagnostic.range, sources);
  object["severity"] = severity_name(diagnostic.severity);
  object["code"] = diagnostic.code;
  object["message"] = diagnostic.message;
  object["help"] = diagnostic.help.empty() ? Json(nullptr) : Json(diagnostic.help);
  Json related = Json::array();
  for (const RelatedLocation& location : diagnostic.related) {
    Json entry = Json::object();
    add_location(entry, location.range, sources);
    entry["message"] = location.message;
    related.push_back(std::move(entry));
  }
  object["related"] = std::move(related);
  return object;
}

}  // namespace

std::string render_json(const std::vector<Diagnostic>& diagnostics, Omitted omitted,
                        const SourceManager& sources) {
  const SeverityCounts counts = count_severities(diagnostics, omitted);
  const SeverityCounts left_out = count_omitted(omitted);
  Json root = Json::object();
  root["format_version"] = kFormatVersion;
  root["error_count"] = counts.errors;
  root["warning_count"] = counts.warnings;
  root["omitted_error_count"] = left_out.errors;
  root["omitted_warning_count"] = left_out.warnings;
  root["omitted"] = Json::array();
  for (const OmittedDiagnostics& file : omitted) {
    Json entry = Json::object();
    entry["file"] = file.file == kNoFile ? Json(nullptr) : Json(sources.file(file.file).display_path());
    entry["error_count"] = file.errors;
    entry["warning_count"] = file.warnings;
    root["omitted"].push_back(std::move(entry));
  }
  root["diagnostics"] = Json::array();
  for (const Diagnostic& diagnostic : diagnostics) {
    root["diagnostics"].push_back(diagnostic_json(diagnostic, sources));
  }
  // A message may quote bytes of a file that is not valid UTF-8 (E0003);
  // replacing them with U+FFFD beats throwing while reporting the problem.
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace segc::render_detail
