#include "report/html_text.h"

#include <fmt/format.h>

#include "runtime/csv_text.h"

namespace segc::report {
namespace {

// `valid` (well-formed UTF-8) with the markup characters as entities and
// control characters but tab and line feed as U+FFFD.
void append_escaped(std::string_view valid, std::string& out) {
  for (char c : valid) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7F) {
          out += "\xEF\xBF\xBD";  // U+FFFD: control characters, NUL included
        } else {
          out += c;
        }
      }
    }
  }
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const size_t bad = runtime::csv::find_invalid_utf8(text);
    append_escaped(text.substr(0, bad), out);
    if (bad == std::string_view::npos) break;
    out += "\xEF\xBF\xBD";  // each byte of broken UTF-8
    text.remove_prefix(bad + 1);
  }
  return out;
}

std::string shorten(std::string_view text, size_t max_characters) {
  size_t characters = 0;
  for (size_t at = 0; at < text.size(); ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;  // inside a character
    if (++characters == max_characters) {
      size_t end = at + 1;
      while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
      if (end == text.size()) return std::string(text);
      return std::string(text.substr(0, at)) + "…";  // the last place goes to the ellipsis
    }
  }
  return std::string(text);
}

std::string format_count(uint64_t count) {
  const std::string digits = std::to_string(count);
  std::string grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}

std::string count_of(uint64_t count, std::string_view noun) {
  return fmt::format("{} {}{}", format_count(count), noun, count == 1 ? "" : "s");
}

std::string format_share(uint64_t part, uint64_t whole) {
  if (part == 0 || whole == 0) return "0%";
  if (part >= whole) return "100%";
  return format_fraction(static_cast<double>(part) / static_cast<double>(whole));
}

std::string format_fraction(double fraction) {
  if (fraction <= 0) return "0%";
  if (fraction >= 1) return "100%";
  const double percent = 100.0 * fraction;
  if (percent < 0.05) return "<0.1%";
  if (percent >= 99.95) return ">99.9%";
  return fmt::format("{:.1f}%", percent);
}

std::string format_jaccard(double jaccard) {
  if (jaccard <= 0) return "0";
  if (jaccard >= 1) return "1";
  if (jaccard < 0.0005) return "<0.001";
  if (jaccard >= 0.9995) return ">0.999";
  return format_decimal(jaccard, 3);
}

std::string format_decimal(double value, int decimals) {
  std::string text = fmt::format("{:.{}f}", value, decimals);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text == "-0" ? "0" : text;
}

}  // namespace segc::report
