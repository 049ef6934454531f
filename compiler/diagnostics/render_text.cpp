// The text format, laid out the way clang and rustc print diagnostics:
//
//   rules/retail.seg:14:17: error[E0203]: unknown value "emial" for enum field 'channel'
//      14 |   and channel = "emial"
//         |                 ^~~~~~~
//         = help: did you mean "email"?
//
// Columns are code points (Cyrillic takes two bytes but one column), and the
// caret line repeats the source line's tabs so that it lines up whatever tab
// width the terminal uses.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "diagnostics/render_formats.h"
#include "diagnostics/terminal_text.h"

namespace segc::render_detail {
namespace {

// ANSI styles in clang's choice of colours; empty strings without colour, so
// the layout code never has to ask.
struct Palette {
  explicit Palette(bool color)
      : bold(color ? "\x1b[1m" : ""),
        error(color ? "\x1b[1;31m" : ""),
        warning(color ? "\x1b[1;35m" : ""),
        note(color ? "\x1b[1;36m" : ""),
        caret(color ? "\x1b[1;32m" : ""),
        reset(color ? "\x1b[0m" : "") {}
  std::string_view bold, error, warning, note, caret, reset;
};

bool is_continuation_byte(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

// The bytes of the code point at `at`: a lead byte with the continuation
// bytes it announces, or a single byte that is not part of a character (a
// stray continuation byte, a sequence cut short), which the parser's E0003
// counts as a column of its own. In valid UTF-8, the lexer's code points.
size_t code_point_length(std::string_view line, size_t at) {
  const auto lead = static_cast<unsigned char>(line[at]);
  const size_t length = lead < 0xC2 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 1;
  if (at + length > line.size()) return 1;
  for (size_t i = 1; i < length; ++i) {
    if (!is_continuation_byte(line[at + i])) return 1;
  }
  return length;
}

// The start of the code point that ends at `at` (> 0), as code_point_length
// splits the line: a byte that is not a continuation byte always starts one,
// so the nearest such byte before `at` starts it if its sequence ends
// exactly at `at`; otherwise the byte before `at` is one on its own.
size_t previous_code_point(std::string_view line, size_t at) {
  size_t start = at - 1;
  while (start > 0 && at - start < 4 && is_continuation_byte(line[start])) --start;
  return code_point_length(line, start) == at - start ? start : at - 1;
}

// One code point of a source line, as printed.
struct CodePoint {
  std::string text;
  size_t width = 1;  // columns it takes: an escaped control character takes several
  bool is_tab = false;
};

// Splits a line into code points the way count_code_points counts them (so
// columns agree with the lexer's). Control characters other than tab are
// escaped as in every other output (terminal_safe): echoing an escape
// sequence from a rule file into a terminal or CI log could rewrite what the
// reader sees. The caret line then indents by each escape's width.
std::vector<CodePoint> split_code_points(std::string_view line) {
  std::vector<CodePoint> points;
  for (size_t i = 0; i < line.size();) {
    const size_t next = i + code_point_length(line, i);
    if (line[i] == '\t') {
      points.push_back({"\t", 1, true});
    } else {
      std::string text = terminal_safe(line.substr(i, next - i));
      const size_t width = count_code_points(text);
      points.push_back({std::move(text), width, false});
    }
    i = next;
  }
  return points;
}

size_t digit_count(uint32_t number) { return std::to_string(number).size(); }

// Like clang: line numbers right-aligned in at least four columns after one
// space, so excerpts of one diagnostic (and its notes) share a gutter.
size_t gutter_width(const Diagnostic& diagnostic) {
  uint32_t widest = diagnostic.range.begin.line;
  for (const RelatedLocation& related : diagnostic.related) {
    widest = std::max(widest, related.range.begin.line);
  }
  return std::max<size_t>(4, digit_count(widest));
}

// "file:line:col: " (or "file: " without a line, or nothing without a file).
std::string location_prefix(const SourceRange& range, const SourceManager& sources) {
  if (!range.valid()) return {};
  const std::string path = terminal_safe(sources.file(range.file).display_path());
  if (range.begin.line == 0) return fmt::format("{}: ", path);
  return fmt::format("{}:{}:{}: ", path, range.begin.line, range.begin.column);
}

// Long lines are shown as a window of this many code points around the
// caret, with "..." where the line was cut: a minified or generated file of
// one long line must not print the whole line per diagnostic.
constexpr size_t kExcerptColumns = 100;
// Code points of the window before the caret.
constexpr size_t kExcerptLead = 40;
constexpr std::string_view kCut = "...";

// The part of a source line an excerpt shows.
struct ExcerptWindow {
  std::string_view text;
  uint32_t first_column = 1;  // of text's first code point
  uint32_t caret_column = 1;  // clamped to just past the line's end
  bool cut_before = false;
  bool cut_after = false;
};

// Moves forward or backward from the last position found on the same line,
// so that the diagnostics of one long line, which come sorted by column, cost
// the distance between them rather than a scan from the line's start each.
class LineCursor {
 public:
  // The byte offset of `column` in `line`, or of the line's end when the line
  // is shorter; `column` becomes the column actually reached.
  size_t seek(std::string_view line, uint32_t line_number, const SourceFile& file,
              uint32_t& column) {
    if (&file != file_ || line_number != line_number_) {
      file_ = &file;
      line_number_ = line_number;
      column_ = 1;
      byte_ = 0;
    }
    while (column_ > column) {
      byte_ = previous_code_point(line, byte_);
      --column_;
    }
    while (column_ < column && byte_ < line.size()) {
      byte_ += code_point_length(line, byte_);
      ++column_;
    }
    column = column_;
    return byte_;
  }

 private:
  const SourceFile* file_ = nullptr;
  uint32_t line_number_ = 0;
  uint32_t column_ = 1;
  size_t byte_ = 0;
};

ExcerptWindow excerpt_window(const SourceFile& file, uint32_t line_number, uint32_t column,
                             LineCursor& cursor) {
  const std::string_view line = file.line_text(line_number);
  ExcerptWindow window;
  window.caret_column = std::max<uint32_t>(column, 1);
  cursor.seek(line, line_number, file, window.caret_column);
  uint32_t first = 1;
  uint32_t past_end = kExcerptColumns + 1;
  size_t end_byte = cursor.seek(line, line_number, file, past_end);
  if (end_byte < line.size()) {  // longer than the window: centre on the caret
    first = window.caret_column > kExcerptLead ? window.caret_column - kExcerptLead : 1;
    past_end = first + kExcerptColumns;
    end_byte = cursor.seek(line, line_number, file, past_end);
  }
  const size_t first_byte = cursor.seek(line, line_number, file, first);
  window.text = line.substr(first_byte, end_byte - first_byte);
  window.first_column = first;
  window.cut_before = first_byte > 0;
  window.cut_after = end_byte < line.size();
  return window;
}

// The source line of range.begin and a caret line under it: '^' under the
// first code point, '~' under the rest of the range on that line (a range
// that continues on later lines is marked to the end of this one).
void append_excerpt(std::string& out, const SourceRange& range, const SourceManager& sources,
                    size_t width, const Palette& palette, LineCursor& cursor) {
  if (!range.valid() || range.begin.line == 0) return;
  const SourceFile& file = sources.file(range.file);
  if (range.begin.line > file.line_count()) return;  // e.g. a position past the last line

  const ExcerptWindow window = excerpt_window(file, range.begin.line, range.begin.column, cursor);
  std::vector<CodePoint> points = split_code_points(window.text);
  std::string source_line(window.cut_before ? kCut : "");
  for (const CodePoint& point : points) source_line += point.text;
  if (window.cut_after) source_line += kCut;
  std::string blank_gutter(width + 2, ' ');
  out += fmt::format(" {:>{}} |", range.begin.line, width);
  if (!source_line.empty()) out += ' ' + source_line;
  out += '\n';

  // 1-based position of the caret in the window; at most just past its end,
  // so that a bad column cannot make us print a screenful of spaces.
  const size_t begin = window.caret_column - window.first_column + 1;
  std::string indent(window.cut_before ? kCut.size() : 0, ' ');
  for (size_t column = 1; column < begin && column <= points.size(); ++column) {
    const CodePoint& point = points[column - 1];
    if (point.is_tab) {
      indent += '\t';
    } else {
      indent.append(point.width, ' ');
    }
  }
  // Code points after the caret that still belong to the range and to the window.
  size_t rest_of_line = points.size() > begin ? points.size() - begin : 0;
  size_t marked = rest_of_line;
  if (range.end.line == range.begin.line) {
    marked = range.end.column > window.caret_column + 1
                 ? std::min<size_t>(range.end.column - window.caret_column - 1, rest_of_line)
                 : 0;
  }
  // The caret's own code point may be an escape several columns wide.
  size_t tildes = begin <= points.size() ? points[begin - 1].width - 1 : 0;
  for (size_t i = begin; i < begin + marked; ++i) tildes += points[i].width;
  out += fmt::format("{}| {}{}^{}{}\n", blank_gutter, indent, palette.caret,
                     std::string(tildes, '~'), palette.reset);
}

void append_header(std::string& out, const SourceRange& range, std::string_view label,
                   std::string_view label_style, std::string_view message,
                   const SourceManager& sources, const Palette& palette) {
  std::string location = location_prefix(range, sources);
  if (!location.empty()) out += fmt::format("{}{}{}", palette.bold, location, palette.reset);
  out += fmt::format("{}{}:{} {}{}{}\n", label_style, label, palette.reset, palette.bold,
                     terminal_safe(message), palette.reset);
}

}  // namespace

namespace {

std::string render_one(const Diagnostic& diagnostic, const SourceManager& sources, bool color,
                       LineCursor& cursor) {
  Palette palette(color);
  bool is_error = diagnostic.severity == Severity::Error;
  std::string label(severity_name(diagnostic.severity));
  if (!diagnostic.code.empty()) label += fmt::format("[{}]", diagnostic.code);
  size_t width = gutter_width(diagnostic);

  std::string out;
  append_header(out, diagnostic.range, label, is_error ? palette.error : palette.warning,
                diagnostic.message, sources, palette);
  append_excerpt(out, diagnostic.range, sources, width, palette, cursor);
  // The help belongs to the main location, so it comes before the notes.
  if (!diagnostic.help.empty()) {
    out += fmt::format("{}= {}help:{} {}\n", std::string(width + 2, ' '), palette.bold,
                       palette.reset, terminal_safe(diagnostic.help));
  }
  for (const RelatedLocation& related : diagnostic.related) {
    append_header(out, related.range, "note", palette.note, related.message, sources, palette);
    append_excerpt(out, related.range, sources, width, palette, cursor);
  }
  return out;
}

}  // namespace

std::string render_text_diagnostic(const Diagnostic& diagnostic, const SourceManager& sources,
                                   bool color) {
  LineCursor cursor;
  return render_one(diagnostic, sources, color, cursor);
}

std::string render_text(const std::vector<Diagnostic>& diagnostics, Omitted omitted,
                        const SourceManager& sources, const RenderOptions& options) {
  std::string out;
  LineCursor cursor;
  for (const Diagnostic& diagnostic : diagnostics) {
    out += render_one(diagnostic, sources, options.color, cursor);
  }
  const Palette palette(options.color);
  for (const OmittedDiagnostics& file : omitted) {
    out += fmt::format("{}{}:{} {}note:{} {}\n", palette.bold,
                       terminal_safe(omitted_file_name(file, sources)),
                       palette.reset, palette.note, palette.reset, omitted_text(file));
  }
  return out;
}

}  // namespace segc::render_detail
