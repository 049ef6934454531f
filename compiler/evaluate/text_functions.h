// The text built-ins and string `contains` (docs/evaluation.md, "Strings and
// enums"): ICU root-locale case mapping, code-point length, byte-wise
// substring tests (the same as code-point tests on UTF-8), RE2 search.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace segc::evaluate::text {

std::string lower(std::string_view text);
std::string upper(std::string_view text);
int64_t length(std::string_view text);  // code points
bool contains(std::string_view text, std::string_view part);
bool starts_with(std::string_view text, std::string_view prefix);
bool ends_with(std::string_view text, std::string_view suffix);

// Compiled `matches` patterns, each compiled once per evaluation that owns
// the cache (patterns are literals, so there are few).
class RegexCache {
 public:
  RegexCache();
  ~RegexCache();
  RegexCache(const RegexCache&) = delete;
  RegexCache& operator=(const RegexCache&) = delete;

  // Unanchored RE2 search of `pattern` in `text`. The checker has compiled
  // the pattern already; an invalid one (not possible after checking) never
  // matches.
  bool matches(std::string_view text, const std::string& pattern);

 private:
  std::map<std::string, std::unique_ptr<re2::RE2>, std::less<>> compiled_;
};

}  // namespace segc::evaluate::text
