// SARIF 2.1.0, the format GitHub code scanning and other CI dashboards upload.
// One run; one rule per diagnostic code that occurs; artifact URIs relative to
// the repository root (options.base_directory) under the uriBaseId %SRCROOT%,
// so that the log means the same on every checkout.
#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/MD5.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "diagnostics/codes.h"
#include "diagnostics/render_formats.h"

namespace segc::render_detail {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
// The project has no published home page yet; this names where it would live.
constexpr std::string_view kInformationUri = "https://github.com/segc/segc";
constexpr std::string_view kSourceRoot = "%SRCROOT%";
constexpr std::string_view kFingerprintKey = "segcFingerprint/v1";

std::string_view sarif_level(Severity severity) {
  return severity == Severity::Error ? "error" : "warning";
}

// Percent-encodes everything but RFC 3986 unreserved characters and '/', so
// a path with spaces, '#', '%', ':' or non-ASCII letters is still a valid
// URI reference (an unencoded ':' in a relative path would read as a scheme).
std::string percent_encode_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (char c : path) {
    auto byte = static_cast<unsigned char>(c);
    bool keep = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' || byte == '_' ||
                byte == '~' || byte == '/';
    if (keep) {
      encoded += c;
    } else {
      encoded += '%';
      encoded += kHex[byte >> 4];
      encoded += kHex[byte & 0x0F];
    }
  }
  return encoded;
}

std::string file_uri(const std::filesystem::path& absolute) {
  std::string path = absolute.generic_string();
  if (!path.starts_with('/')) path.insert(0, "/");  // "C:/x" becomes "file:///C:/x"
  return "file://" + percent_encode_path(path);
}

// Everything the log needs to know about the files: where the base folder is
// and each file's artifact location, computed once per file.
class Artifacts {
 public:
  Artifacts(const SourceManager& sources, std::string_view base_directory)
      : sources_(sources), base_directory_(base_directory) {}

  // Relative under %SRCROOT% when the file is inside the base folder, else an
  // absolute file URI (an imported file from elsewhere on disk).
  const Json& location(FileId id) {
    auto [it, inserted] = locations_.try_emplace(id);
    if (inserted) {
      const SourceFile& file = sources_.file(id);
      if (auto relative = path_relative_to(file, base_directory_)) {
        it->second = {{"uri", percent_encode_path(*relative)}, {"uriBaseId", kSourceRoot}};
      } else {
        it->second = {{"uri", file_uri(resolved_path(file))}};
      }
    }
    return it->second;
  }

  // A base URI must end in '/' for relative URIs to resolve inside it.
  Json original_uri_base_ids() const {
    std::string base = file_uri(resolved_path(base_directory_));
    if (!base.ends_with('/')) base += '/';
    return {{kSourceRoot, {{"uri", base}}}};
  }

 private:
  const SourceManager& sources_;
  std::string base_directory_;
  std::map<FileId, Json> locations_;
};

Json physical_location(const SourceRange& range, Artifacts& artifacts) {
  Json location = {{"artifactLocation", artifacts.location(range.file)}};
  if (range.begin.line > 0) {
    location["region"] = {{"startLine", range.begin.line},
                          {"startColumn", range.begin.column},
                          {"endLine", range.end.line},
                          {"endColumn", range.end.column}};
  }
  return location;
}

std::string_view trim(std::string_view text) {
  size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  size_t last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

// Identifies a finding across commits for deduplication by the server: code,
// file, message and the text of the flagged line (trimmed, so re-indenting
// does not count as a new finding), but not the line number, so that edits
// above it keep the fingerprint. Fields are NUL-separated so that "ab"+"c"
// and "a"+"bc" differ.
std::string fingerprint_base(const Diagnostic& diagnostic, const SourceManager& sources,
                             Artifacts& artifacts) {
  llvm::MD5 hash;
  auto add = [&hash](std::string_view field) {
    hash.update(llvm::StringRef(field.data(), field.size()));
    hash.update(llvm::StringRef("\0", 1));
  };
  add(diagnostic.code);
  if (diagnostic.range.valid()) {
    add(artifacts.location(diagnostic.range.file)["uri"].get_ref<const std::string&>());
    add(trim(sources.file(diagnostic.range.file).line_text(diagnostic.range.begin.line)));
  } else {
    add("");
    add("");
  }
  add(diagnostic.message);
  llvm::MD5::MD5Result result;
  hash.final(result);
  return std::string(result.digest().str());
}

Json rule_json(std::string_view code, Severity fallback_severity) {
  const codes::CodeInfo* info = codes::find_code(code);
  std::string_view title = info != nullptr ? info->title : code;
  Severity severity = info != nullptr ? info->severity : fallback_severity;
  return {{"id", code},
          {"shortDescription", {{"text", title}}},
          {"defaultConfiguration", {{"level", sarif_level(severity)}}}};
}

// What the error limit left out, as notifications of the tool's run (SARIF
// 2.1.0 section 3.20.21), so that a viewer shows the log is incomplete.
Json invocations(Omitted omitted, Artifacts& artifacts) {
  Json notifications = Json::array();
  for (const OmittedDiagnostics& file : omitted) {
    Json notification = {{"level", "note"}, {"message", {{"text", omitted_text(file)}}}};
    if (file.file != kNoFile) {
      notification["locations"] = Json::array();
      notification["locations"].push_back(
          {{"physicalLocation", {{"artifactLocation", artifacts.location(file.file)}}}});
    }
    notifications.push_back(std::move(notification));
  }
  Json invocation = {{"executionSuccessful", true},
                     {"toolExecutionNotifications", std::move(notifications)}};
  Json list = Json::array();
  list.push_back(std::move(invocation));
  return list;
}

}  // namespace

std::string render_sarif(const std::vector<Diagnostic>& diagnostics, Omitted omitted,
                         const SourceManager& sources, const RenderOptions& options) {
  Artifacts artifacts(sources, options.base_directory);

  // Rules sorted by code, so that ruleIndex does not depend on which finding
  // came first.
  std::map<std::string, Severity> used_codes;
  for (const Diagnostic& diagnostic : diagnostics) {
    if (!diagnostic.code.empty()) used_codes.try_emplace(diagnostic.code, diagnostic.severity);
  }
  Json rules = Json::array();
  std::map<std::string, size_t> rule_index;
  for (const auto& [code, severity] : used_codes) {
    rule_index[code] = rules.size();
    rules.push_back(rule_json(code, severity));
  }

  Json results = Json::array();
  // Identical findings on identical lines get ":1", ":2"... in order, the way
  // GitHub numbers its own line hashes, so they stay distinct.
  std::map<std::string, int> occurrences;
  for (const Diagnostic& diagnostic : diagnostics) {
    Json result = Json::object();
    if (!diagnostic.code.empty()) {
      result["ruleId"] = diagnostic.code;
      result["ruleIndex"] = rule_index.at(diagnostic.code);
    }
    result["level"] = sarif_level(diagnostic.severity);
    std::string text = diagnostic.message;
    if (!diagnostic.help.empty()) text += "\nhelp: " + diagnostic.help;
    result["message"] = {{"text", text}};
    if (diagnostic.range.valid()) {
      Json location = Json::object();
      location["physicalLocation"] = physical_location(diagnostic.range, artifacts);
      result["locations"] = Json::array();
      result["locations"].push_back(std::move(location));
    }
    if (!diagnostic.related.empty()) {
      Json related = Json::array();
      for (const RelatedLocation& location : diagnostic.related) {
        Json entry = {{"id", related.size()}};
        if (location.range.valid()) {
          entry["physicalLocation"] = physical_location(location.range, artifacts);
        }
        entry["message"] = {{"text", location.message}};
        related.push_back(std::move(entry));
      }
      result["relatedLocations"] = std::move(related);
    }
    std::string base = fingerprint_base(diagnostic, sources, artifacts);
    int occurrence = ++occurrences[base];
    result["partialFingerprints"] = {{kFingerprintKey, base + ":" + std::to_string(occurrence)}};
    results.push_back(std::move(result));
  }

  Json driver = {{"name", "segc"},
                 {"version", SEGC_VERSION},
                 {"informationUri", kInformationUri},
                 {"rules", std::move(rules)}};
  const SeverityCounts left_out = count_omitted(omitted);
  Json run = {{"tool", {{"driver", std::move(driver)}}},
              {"invocations", invocations(omitted, artifacts)},
              {"originalUriBaseIds", artifacts.original_uri_base_ids()},
              {"columnKind", "unicodeCodePoints"},
              {"results", std::move(results)},
              {"properties",
               {{"omittedErrorCount", left_out.errors},
                {"omittedWarningCount", left_out.warnings}}}};
  Json runs = Json::array();
  runs.push_back(std::move(run));
  Json log = {{"$schema", kSchemaUri}, {"version", "2.1.0"}, {"runs", std::move(runs)}};
  return log.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace segc::render_detail
