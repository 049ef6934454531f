#include "runtime/csv_hints.h"

#include <fmt/format.h>

#include <optional>

#include "runtime/csv_text.h"

namespace segc::runtime::csv {
namespace {

bool digits(std::string_view text, size_t begin, size_t count) {
  if (begin + count > text.size()) return false;
  for (size_t i = begin; i < begin + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

int two_digits(std::string_view text, size_t at) { return (text[at] - '0') * 10 + (text[at + 1] - '0'); }

// The --date-format that reads `text`, when it is a common export's form.
std::optional<std::string> date_format_of(std::string_view text) {
  if (text.size() != 10 || !digits(text, 0, 2) || !digits(text, 3, 2) || !digits(text, 6, 4)) return std::nullopt;
  if (text[2] != text[5] || (text[2] != '.' && text[2] != '/' && text[2] != '-')) return std::nullopt;
  const std::string separator(1, text[2]);
  // 13.02.2026 can only be day first, 02.13.2026 only month first; dots and
  // dashes are day first where both could be (Europe), slashes stay open.
  if (two_digits(text, 3) > 12) return "MM" + separator + "DD" + separator + "YYYY";
  if (two_digits(text, 0) > 12 || text[2] != '/') return "DD" + separator + "MM" + separator + "YYYY";
  return "DD/MM/YYYY";
}

bool has_decimal_comma(std::string_view text) {
  size_t at = 0;
  if (at < text.size() && (text[at] == '-' || text[at] == '+')) ++at;
  const size_t whole = at;
  while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
  if (at == whole || at >= text.size() || text[at] != ',') return false;
  const size_t fraction = ++at;
  while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
  return at == text.size() && at > fraction;
}

bool starts_with(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

// customers.csv -> customers.utf8.csv
std::string converted_name(const std::string& path) {
  if (path.size() > 4 && path.ends_with(".csv")) return path.substr(0, path.size() - 4) + ".utf8.csv";
  return path + ".utf8";
}

// `path` as one shell word: as it is when it is plain, else in single quotes.
std::string shell_quoted(const std::string& path) {
  const bool plain = !path.empty() && path.find_first_not_of(
                                          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-+=:,@") ==
                                          std::string::npos;
  if (plain) return path;
  std::string quoted = "'";
  for (char c : path) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace

bool looks_like_windows_1251(std::string_view bytes) {
  if (find_invalid_utf8(bytes) == std::string_view::npos) return false;
  size_t high = 0;
  size_t cyrillic = 0;
  for (char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) continue;
    ++high;
    // А..я, Ё, ё, and the guillemets and dashes Russian text uses.
    if (byte >= 0xC0 || byte == 0xA8 || byte == 0xB8 || byte == 0xAB || byte == 0xBB || byte == 0x96 ||
        byte == 0x97 || byte == 0xB9) {
      ++cyrillic;
    }
  }
  return high > 0 && cyrillic * 10 >= high * 9;
}

std::vector<std::string> export_hints(const std::vector<const DataError*>& errors, const CsvOptions& options,
                                      const std::string& path, std::string_view file_start) {
  std::vector<std::string> hints;
  bool encoding = false;
  bool date = false;
  bool comma = false;
  for (const DataError* error : errors) {
    if (!encoding && starts_with(error->message, "invalid UTF-8") && looks_like_windows_1251(file_start)) {
      encoding = true;
      hints.push_back(fmt::format(
          "the file looks like Windows-1251 (Cyrillic), not UTF-8: convert it first, e.g. "
          "iconv -f cp1251 -t utf-8 {} > {}",
          shell_quoted(path), shell_quoted(converted_name(path))));
    }
    if (!date && starts_with(error->message, "not a date in the format")) {
      if (auto format = date_format_of(error->text); format && *format != options.date_format) {
        date = true;
        hints.push_back(fmt::format("the dates look like {} (\"{}\" on line {}): add --date-format {}", *format,
                                    error->text, error->line, *format));
      }
    }
    if (!comma && !options.decimal_comma &&
        (starts_with(error->message, "expected a decimal") || starts_with(error->message, "expected a float")) &&
        has_decimal_comma(error->text)) {
      comma = true;
      hints.push_back(fmt::format("the numbers use a decimal comma (\"{}\" on line {}): add --decimal-comma",
                                  error->text, error->line));
    }
  }
  return hints;
}

}  // namespace segc::runtime::csv
