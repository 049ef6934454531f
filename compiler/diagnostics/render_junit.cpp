// JUnit XML, which most CI systems (GitLab, Jenkins, Azure) show as a test
// report: one test case per checked file, passing when the file has no errors.
// Each error is a <failure> holding the text-format rendering; warnings do
// not fail a case and go to its <system-out>.
//
// The suite's "failures" counts failed test cases, not errors, so that it
// never exceeds "tests" (a file with three errors is one failed case).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "diagnostics/render_formats.h"

namespace segc::render_detail {
namespace {

// Decodes the UTF-8 sequence at text[at] into code_point and returns its
// length, or returns 0 for a malformed, overlong or surrogate sequence.
size_t decode_utf8(std::string_view text, size_t at, uint32_t& code_point) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char first = byte(at);
  size_t length = first < 0x80           ? 1
                  : (first >> 5) == 0x6  ? 2
                  : (first >> 4) == 0xE  ? 3
                  : (first >> 3) == 0x1E ? 4
                                         : 0;
  if (length == 0 || at + length > text.size()) return 0;
  static constexpr uint32_t kLeadMask[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
  static constexpr uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  code_point = first & kLeadMask[length];
  for (size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(at + i) & 0x3F);
  }
  bool valid = code_point >= kSmallest[length] && code_point <= 0x10FFFF &&
               (code_point < 0xD800 || code_point > 0xDFFF);
  return valid ? length : 0;
}

// The characters XML 1.0 allows at all; the rest (most C0 controls, U+FFFE,
// U+FFFF) cannot even be written as references, so they are dropped.
bool allowed_in_xml(uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// Escapes text for element content or, with in_attribute, for a quoted
// attribute value, where a parser would turn raw newlines and tabs into
// spaces. Malformed UTF-8 (a message quoting a file that is not UTF-8)
// becomes U+FFFD, so the report stays well-formed.
std::string xml_escape(std::string_view text, bool in_attribute) {
  std::string escaped;
  for (size_t i = 0; i < text.size();) {
    uint32_t c = 0;
    size_t length = decode_utf8(text, i, c);
    if (length == 0) {
      escaped += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&apos;";
        break;
      case '\r':
        escaped += "&#13;";
        break;
      case '\n':
        escaped += in_attribute ? "&#10;" : "\n";
        break;
      case '\t':
        escaped += in_attribute ? "&#9;" : "\t";
        break;
      default:
        if (allowed_in_xml(c)) escaped.append(text.substr(i, length));
    }
    i += length;
  }
  return escaped;
}

std::string attribute(std::string_view text) { return xml_escape(text, true); }
std::string content(std::string_view text) { return xml_escape(text, false); }

constexpr std::string_view kNoFileCaseName = "(no file)";

// Test cases in report order: the checked files as given on the command line,
// then files that only have findings (imported files, and kNoFile last since
// the diagnostics are sorted by file).
std::vector<FileId> test_case_files(const std::vector<Diagnostic>& diagnostics,
                                    const RenderOptions& options) {
  std::vector<FileId> files;
  auto add = [&files](FileId id) {
    if (std::find(files.begin(), files.end(), id) == files.end()) files.push_back(id);
  };
  for (FileId id : options.checked_files) add(id);
  for (const Diagnostic& diagnostic : diagnostics) add(diagnostic.range.file);
  return files;
}

std::string test_case(FileId file, const std::vector<const Diagnostic*>& findings,
                      const OmittedDiagnostics* omitted, const SourceManager& sources) {
  std::string name =
      file == kNoFile ? std::string(kNoFileCaseName) : sources.file(file).display_path();
  std::string opening =
      fmt::format(R"(    <testcase classname="segc.check" name="{}")", attribute(name));
  if (findings.empty()) return opening + "/>\n";

  std::string failures;
  std::string warnings;
  for (const Diagnostic* diagnostic : findings) {
    std::string text = render_text_diagnostic(*diagnostic, sources, false);
    if (diagnostic->severity == Severity::Error) {
      failures +=
          fmt::format(R"(      <failure message="{}" type="{}">{}</failure>)",
                      attribute(diagnostic->message), attribute(diagnostic->code), content(text));
      failures += '\n';
    } else {
      warnings += text;
    }
  }
  if (omitted != nullptr) {
    warnings += fmt::format("{}: note: {}\n", omitted_file_name(*omitted, sources),
                            omitted_text(*omitted));
  }
  std::string out = opening + ">\n" + failures;
  if (!warnings.empty())
    out += fmt::format("      <system-out>{}</system-out>\n", content(warnings));
  return out + "    </testcase>\n";
}

}  // namespace

std::string render_junit(const std::vector<Diagnostic>& diagnostics, Omitted omitted,
                         const SourceManager& sources, const RenderOptions& options) {
  std::map<FileId, std::vector<const Diagnostic*>> findings_by_file;
  for (const Diagnostic& diagnostic : diagnostics) {
    findings_by_file[diagnostic.range.file].push_back(&diagnostic);
  }
  std::vector<FileId> files = test_case_files(diagnostics, options);

  size_t failed = 0;
  std::string cases;
  for (FileId file : files) {
    const std::vector<const Diagnostic*>& findings = findings_by_file[file];
    bool has_error = std::any_of(findings.begin(), findings.end(), [](const Diagnostic* d) {
      return d->severity == Severity::Error;
    });
    if (has_error) ++failed;
    auto left_out = std::find_if(omitted.begin(), omitted.end(),
                                 [&](const OmittedDiagnostics& o) { return o.file == file; });
    cases += test_case(file, findings, left_out == omitted.end() ? nullptr : &*left_out, sources);
  }

  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format(R"(<testsuites name="segc" tests="{}" failures="{}" errors="0">)",
                     files.size(), failed);
  out += '\n';
  out += fmt::format(
      R"(  <testsuite name="segc check" tests="{}" failures="{}" errors="0" skipped="0">)",
      files.size(), failed);
  out += '\n';
  out += cases;
  out += "  </testsuite>\n</testsuites>\n";
  return out;
}

}  // namespace segc::render_detail
