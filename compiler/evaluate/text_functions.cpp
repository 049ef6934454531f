#include "evaluate/text_functions.h"

#include <re2/re2.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace segc::evaluate::text {
namespace {

std::string to_utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

icu::UnicodeString from_utf8(std::string_view text) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

}  // namespace

// UnicodeString::toLower / toUpper are ICU's full case mappings, so one
// character may become several ("ß" -> "SS").
std::string lower(std::string_view text) {
  return to_utf8(from_utf8(text).toLower(icu::Locale::getRoot()));
}

std::string upper(std::string_view text) {
  return to_utf8(from_utf8(text).toUpper(icu::Locale::getRoot()));
}

int64_t length(std::string_view text) {
  // Loaded text is valid UTF-8: every code point has exactly one byte that
  // is not a continuation byte (10xxxxxx).
  int64_t count = 0;
  for (unsigned char byte : text) count += (byte & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.starts_with(prefix);
}

bool ends_with(std::string_view text, std::string_view suffix) { return text.ends_with(suffix); }

RegexCache::RegexCache() = default;
RegexCache::~RegexCache() = default;

bool RegexCache::matches(std::string_view text, const std::string& pattern) {
  auto found = compiled_.find(pattern);
  if (found == compiled_.end()) {
    RE2::Options options;
    options.set_log_errors(false);
    found = compiled_.emplace(pattern, std::make_unique<RE2>(pattern, options)).first;
  }
  const RE2& regex = *found->second;
  return regex.ok() && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), regex);
}

}  // namespace segc::evaluate::text
