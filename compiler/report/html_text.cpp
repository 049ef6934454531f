#include "report/html_text.h"

#include <fmt/format.h>

namespace segc::report {
namespace {

// The length of the valid UTF-8 sequence at text[at], or 0.
size_t utf8_length(std::string_view text, size_t at) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  size_t length = 0;
  uint32_t code = 0;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code = lead & 0x07;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  for (size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(at + i) & 0x3F);
  }
  const bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
  const bool surrogate = code >= 0xD800 && code <= 0xDFFF;
  return overlong || surrogate || code > 0x10FFFF ? 0 : length;
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t at = 0; at < text.size();) {
    const char c = text[at];
    switch (c) {
      case '&': out += "&amp;"; ++at; continue;
      case '<': out += "&lt;"; ++at; continue;
      case '>': out += "&gt;"; ++at; continue;
      case '"': out += "&quot;"; ++at; continue;
      case '\'': out += "&#39;"; ++at; continue;
      default: break;
    }
    const size_t length = utf8_length(text, at);
    const auto byte = static_cast<unsigned char>(c);
    if (length == 0 || (length == 1 && byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7F) {
      out += "\xEF\xBF\xBD";  // U+FFFD: control characters (NUL included) and broken UTF-8
      at += length == 0 ? 1 : length;
      continue;
    }
    out.append(text.substr(at, length));
    at += length;
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
