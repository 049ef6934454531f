// Text for the report page: escaping (every name, description and data value
// comes from rule files or customer data that a pull request may control)
// and the way numbers are shown.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace segc::report {

// `text` with & < > " ' replaced by entities, safe in element content and in
// quoted attribute values; invalid UTF-8 becomes U+FFFD.
std::string html_escape(std::string_view text);

// At most `max_characters` code points of `text`, ending in "…" when cut
// (for chart labels; the whole text goes into the tooltip).
std::string shorten(std::string_view text, size_t max_characters);

// "1 member", "2,000 members": a count and `noun`, plural when not 1 (the
// plural adds "s").
std::string count_of(uint64_t count, std::string_view noun);

// 1234567 as "1,234,567".
std::string format_count(uint64_t count);

// part / whole as a percentage with one decimal ("12.3%", "19.0%"); "<0.1%"
// for a non-zero share that rounds to 0, ">99.9%" for one short of the whole
// that rounds to 100, "0%" for none and for an empty whole, "100%" for all.
// Plain text: escape it for the page.
std::string format_share(uint64_t part, uint64_t whole);
// The same for a fraction from 0 to 1.
std::string format_fraction(double fraction);

// A Jaccard index with at most three decimals; "<0.001" and ">0.999" for
// values that would round to 0 or 1 without being so.
std::string format_jaccard(double jaccard);

// A number with at most `decimals` decimals, trailing zeros dropped ("0.25", "1").
std::string format_decimal(double value, int decimals);

}  // namespace segc::report
