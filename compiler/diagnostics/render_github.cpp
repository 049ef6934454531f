// GitHub Actions: workflow commands that turn into annotations on the pull
// request, one line per diagnostic,
//
//   ::error file=rules/retail.seg,line=14,endLine=14,col=17,endColumn=24,title=E0203::unknown
//   value...
//
// and, because GitHub shows only a handful of annotations per step, a Markdown
// table of every finding for $GITHUB_STEP_SUMMARY.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "diagnostics/render_formats.h"
#include "diagnostics/terminal_text.h"

namespace segc::render_detail {
namespace {

// The runner splits a command at newlines and at "::"; in property values
// also at ',' and ':'. These are the escapes of @actions/core.
std::string escape_data(std::string_view text) {
  std::string escaped;
  for (char c : text) {
    switch (c) {
      case '%':
        escaped += "%25";
        break;
      case '\r':
        escaped += "%0D";
        break;
      case '\n':
        escaped += "%0A";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

std::string escape_property(std::string_view text) {
  std::string escaped;
  for (char c : escape_data(text)) {
    switch (c) {
      case ':':
        escaped += "%3A";
        break;
      case ',':
        escaped += "%2C";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

// Annotations are matched against the repository's files, so prefer the path
// relative to the checkout; a file outside it keeps the name the user gave.
std::string annotation_path(const SourceFile& file, const RenderOptions& options) {
  return terminal_safe(path_relative_to(file, options.base_directory).value_or(file.display_path()));
}

std::string location_text(const SourceRange& range, const SourceManager& sources) {
  if (!range.valid()) return {};
  const std::string path = terminal_safe(sources.file(range.file).display_path());
  if (range.begin.line == 0) return path;
  return fmt::format("{}:{}:{}", path, range.begin.line, range.begin.column);
}

// The message with its help and notes, one per line as in the text format;
// the runner prints it into the job's log, so control characters are escaped
// (line breaks are left to escape_data).
std::string full_message(const Diagnostic& diagnostic, const SourceManager& sources) {
  std::string text = terminal_safe(diagnostic.message, LineBreaks::Keep);
  if (!diagnostic.help.empty()) {
    text += "\nhelp: " + terminal_safe(diagnostic.help, LineBreaks::Keep);
  }
  for (const RelatedLocation& related : diagnostic.related) {
    std::string location = location_text(related.range, sources);
    text += "\nnote: " + (location.empty() ? "" : location + ": ") +
            terminal_safe(related.message, LineBreaks::Keep);
  }
  return text;
}

std::string annotation(const Diagnostic& diagnostic, const SourceManager& sources,
                       const RenderOptions& options) {
  std::vector<std::string> properties;
  const SourceRange& range = diagnostic.range;
  if (range.valid()) {
    properties.push_back("file=" +
                         escape_property(annotation_path(sources.file(range.file), options)));
    if (range.begin.line > 0) {
      properties.push_back(fmt::format("line={}", range.begin.line));
      properties.push_back(fmt::format("endLine={}", range.end.line));
      // GitHub accepts columns only for a range within one line. endColumn
      // is exclusive, as in the JSON format.
      if (range.end.line == range.begin.line) {
        properties.push_back(fmt::format("col={}", range.begin.column));
        properties.push_back(fmt::format("endColumn={}", range.end.column));
      }
    }
  }
  if (!diagnostic.code.empty()) {
    properties.push_back("title=" + escape_property(terminal_safe(diagnostic.code)));
  }
  std::string command = diagnostic.severity == Severity::Error ? "error" : "warning";
  std::string joined = fmt::format("{}", fmt::join(properties, ","));
  return fmt::format("::{}{}{}::{}\n", command, joined.empty() ? "" : " ", joined,
                     escape_data(full_message(diagnostic, sources)));
}

std::string plural(size_t count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

// Table cells are one line, '|' ends a cell, and GitHub reads '<' as HTML and
// '*', '_', '`', '[' as Markdown: escape them all (CommonMark allows '\' before
// any ASCII punctuation) and turn line breaks into <br>.
std::string markdown_cell(std::string_view text) {
  std::string cell;
  for (char c : text) {
    if (c == '\n') {
      cell += "<br>";
    } else if (c == '\r') {
      continue;
    } else {
      if (std::string_view("\\|`*_[]<>~#&").find(c) != std::string_view::npos) cell += '\\';
      cell += c;
    }
  }
  return cell;
}

}  // namespace

std::string render_github(const std::vector<Diagnostic>& diagnostics, Omitted omitted,
                          const SourceManager& sources, const RenderOptions& options) {
  std::string out;
  for (const Diagnostic& diagnostic : diagnostics) out += annotation(diagnostic, sources, options);
  for (const OmittedDiagnostics& file : omitted) {
    std::string properties = "title=segc";
    if (file.file != kNoFile) {
      properties = "file=" + escape_property(annotation_path(sources.file(file.file), options)) +
                   "," + properties;
    }
    out += fmt::format("::notice {}::{}\n", properties, escape_data(omitted_text(file)));
  }
  return out;
}

}  // namespace segc::render_detail

namespace segc {

namespace {

std::string step_summary(const std::vector<Diagnostic>& diagnostics,
                         render_detail::Omitted omitted, const SourceManager& sources) {
  using namespace render_detail;
  SeverityCounts counts = count_severities(diagnostics, omitted);
  if (diagnostics.empty()) return "### segc: no problems found\n";
  std::string out = fmt::format("### segc: {}, {}\n\n", plural(counts.errors, "error"),
                                plural(counts.warnings, "warning"));
  out += "| Severity | Code | Location | Message |\n| --- | --- | --- | --- |\n";
  for (const Diagnostic& diagnostic : diagnostics) {
    out += fmt::format("| {} | {} | {} | {} |\n", severity_name(diagnostic.severity),
                       markdown_cell(diagnostic.code),
                       markdown_cell(location_text(diagnostic.range, sources)),
                       markdown_cell(full_message(diagnostic, sources)));
  }
  for (const OmittedDiagnostics& file : omitted) {
    out += fmt::format("\n{}: {}\n", markdown_cell(terminal_safe(omitted_file_name(file, sources))),
                       markdown_cell(omitted_text(file)));
  }
  return out;
}

}  // namespace

std::string render_github_step_summary(const std::vector<Diagnostic>& diagnostics,
                                       const SourceManager& sources) {
  return step_summary(diagnostics, {}, sources);
}

std::string render_github_step_summary(const DiagnosticList& diagnostics,
                                       const SourceManager& sources) {
  return step_summary(diagnostics.items(), diagnostics.omitted(), sources);
}

}  // namespace segc
