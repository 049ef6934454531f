// Text on the report page: whatever a rule file or the data holds must come
// out as text, never as markup, and numbers read the same everywhere.
#include <catch2/catch.hpp>

#include "report/html_text.h"

namespace segc::report {

TEST_CASE("report: html_escape leaves no markup and no broken UTF-8", "[report]") {
  CHECK(html_escape("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  CHECK(html_escape("a \"b\" & c") == "a &quot;b&quot; &amp; c");
  CHECK(html_escape("Санкт-Петербург") == "Санкт-Петербург");
  CHECK(html_escape(std::string("a\0b", 3)) == "a\xEF\xBF\xBD" "b");
  CHECK(html_escape("\xC3") == "\xEF\xBF\xBD");          // cut sequence
  CHECK(html_escape("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
  CHECK(html_escape("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  CHECK(html_escape("tab\tand\nline") == "tab\tand\nline");
  CHECK(html_escape("bell\x07") == "bell\xEF\xBF\xBD");
}

TEST_CASE("report: numbers, shares and shortened labels", "[report]") {
  CHECK(format_count(0) == "0");
  CHECK(format_count(999) == "999");
  CHECK(format_count(1000) == "1,000");
  CHECK(format_count(12345678) == "12,345,678");
  CHECK(format_share(0, 10) == "0%");
  CHECK(format_share(5, 0) == "0%");
  CHECK(format_share(1, 8) == "12.5%");
  CHECK(format_share(10, 10) == "100%");
  CHECK(format_share(1, 1000000) == "<0.1%");
  CHECK(format_share(999999, 1000000) == ">99.9%");
  CHECK(format_share(19, 100) == "19.0%");
  CHECK(format_fraction(0.0) == "0%");
  CHECK(format_fraction(1.0) == "100%");
  CHECK(format_fraction(0.0004) == "<0.1%");
  CHECK(format_fraction(0.99999) == ">99.9%");
  CHECK(format_fraction(0.25) == "25.0%");
  CHECK(format_jaccard(0) == "0");
  CHECK(format_jaccard(1) == "1");
  CHECK(format_jaccard(0.00005) == "<0.001");
  CHECK(format_jaccard(0.99995) == ">0.999");
  CHECK(format_jaccard(0.25) == "0.25");
  CHECK(format_decimal(0.25, 3) == "0.25");
  CHECK(format_decimal(2.0, 1) == "2");
  CHECK(format_decimal(-0.0001, 2) == "0");
  CHECK(shorten("abcdef", 3) == "ab…");
  CHECK(shorten("abc", 3) == "abc");
  CHECK(shorten("Москва-Сити", 4) == "Мос…");
  CHECK(shorten("Мос", 4) == "Мос");
}

}  // namespace segc::report
