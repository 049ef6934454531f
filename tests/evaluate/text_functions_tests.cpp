// Text built-ins (docs/evaluation.md "Strings and enums").
#include <catch2/catch.hpp>

#include "evaluate/text_functions.h"

namespace text = segc::evaluate::text;

TEST_CASE("case mapping is ICU's full mapping in the root locale", "[interpreter]") {
  CHECK(text::lower("МОСКВА") == "москва");
  CHECK(text::upper("москва") == "МОСКВА");
  CHECK(text::upper("straße") == "STRASSE");
  CHECK(text::lower("STRASSE") == "strasse");
  CHECK(text::upper("ёж") == "ЁЖ");
  CHECK(text::lower("I") == "i");  // root locale: no Turkish dotless i
  CHECK(text::lower("") == "");
}

TEST_CASE("length counts code points", "[interpreter]") {
  CHECK(text::length("Москва") == 6);
  CHECK(text::length("straße") == 6);
  CHECK(text::length("😀") == 1);
  CHECK(text::length("") == 0);
}

TEST_CASE("substring tests compare UTF-8 bytes", "[interpreter]") {
  CHECK(text::contains("Санкт-Петербург", "Петер"));
  CHECK_FALSE(text::contains("Санкт-Петербург", "петер"));
  CHECK(text::contains("abc", ""));
  CHECK(text::starts_with("Москва", "Мо"));
  CHECK_FALSE(text::starts_with("Мо", "Москва"));
  CHECK(text::ends_with("Москва", "ва"));
}

TEST_CASE("matches is an unanchored RE2 search, cached per evaluation", "[interpreter]") {
  text::RegexCache cache;
  CHECK(cache.matches("agent007", "[0-9]"));
  CHECK_FALSE(cache.matches("bond", "[0-9]"));
  CHECK(cache.matches("Москва", "^\\p{Cyrillic}+$"));
  CHECK_FALSE(cache.matches("Санкт-Петербург", "^\\p{Cyrillic}+$"));
  CHECK(cache.matches("Москва", "^.{6}$"));  // . is one code point
  CHECK_FALSE(cache.matches("anything", "("));  // invalid patterns never match
}
