#include "differential/random_rules.h"

#include <fmt/args.h>
#include <fmt/format.h>

#include <concepts>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "differential/random_source.h"

namespace segc::testing {

const char* const kDifferentialSchema = R"(schema t {
  key id: int
  n1: int
  n2: int
  d1: decimal(2)
  d2: decimal(3)
  f1: float
  b1: bool
  s1: string
  s2: string
  e1: enum("red", "green", "blue")
  t1: date
  t2: date
  pets: set<string>
}
)";

namespace {

const std::vector<std::string> kCompareOps = {"=", "!=", "<", "<=", ">", ">="};
const std::vector<std::string> kStrings = {"",      "a",      "A",      "abc",   "Москва",
                                           "москва", "МОСКВА", "Straße", "ß",     "ск",
                                           "Ё",     "éclair", "zz",     "Казань"};
const std::vector<std::string> kElements = {"cats", "dogs", "birds", "кошки", "fish"};
const std::vector<std::string> kEnumValues = {"red", "green", "blue"};
const std::vector<std::string> kPatterns = {"^М", "ск", "^[a-z]+$", "(?i)MOSCOW", "а$", "ß|ss"};
const std::vector<std::string> kDates = {"2024-02-29", "2026-11-01", "2025-12-31", "2026-01-31",
                                         "0001-01-01", "9999-12-31", "2026-02-28"};
const std::vector<std::string> kUnits = {"day", "days", "week", "weeks", "month", "months",
                                         "year", "years"};

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

// One piece of generated text: a drawn word or number, as "{}" formats it.
class Piece {
 public:
  Piece(std::string text) : text_(std::move(text)) {}  // NOLINT: implicit on purpose
  Piece(const char* text) : text_(text) {}             // NOLINT: implicit on purpose
  template <std::integral Number>
  Piece(Number number) : text_(fmt::to_string(number)) {}  // NOLINT: implicit on purpose
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

// `format` with its "{}" replaced by `pieces` in turn. Every text built from
// draws goes through fill, never fmt::format: the arguments of a call are
// evaluated in an unspecified order (GCC right to left, clang left to right),
// so fmt::format("({} {} {})", integer(), op(), integer()) would write another
// program for the same seed under each compiler, whereas the elements of a
// braced list are evaluated left to right, as written. (Local variables would
// do as well, at a line per draw.)
std::string fill(fmt::string_view format, std::initializer_list<Piece> pieces) {
  fmt::dynamic_format_arg_store<fmt::format_context> args;
  for (const Piece& piece : pieces) args.push_back(piece.text());
  return fmt::vformat(format, args);
}

class RuleGenerator {
 public:
  explicit RuleGenerator(uint64_t seed) : random_(seed) {}

  std::string file(int segments, RuleMix mix) {
    std::string text = kDifferentialSchema;
    for (int i = 0; i < segments; ++i) {
      segments_so_far_ = i;
      const bool ranged = mix == RuleMix::MostlyRanges && random_.chance(85);
      text += fill("segment seg{} = {}\n", {i, ranged ? ranged_condition() : condition(4)});
    }
    return text;
  }

 private:
  // Draws that several formats share.
  std::string arithmetic_op() { return random_.pick(std::vector<std::string>{"+", "-", "*"}); }
  const char* min_or_max() { return random_.chance(50) ? "min" : "max"; }
  const char* in_or_not_in() { return random_.chance(50) ? "in" : "not in"; }

  std::string integer(int depth) {
    if (depth <= 0 || random_.chance(30)) {
      return random_.pick(std::vector<std::string>{"n1", "n2", "n1", "n2", "0", "1", "3", "17",
                                                   "9223372036854775807", "4611686018427387904"});
    }
    switch (random_.below(14)) {
      case 0: return fill("(-{})", {integer(depth - 1)});
      case 1:
      case 2: return fill("({} {} {})", {integer(depth - 1), arithmetic_op(), integer(depth - 1)});
      case 3: return fill("abs({})", {integer(depth - 1)});
      case 4: return fill("{}({}, {})", {min_or_max(), integer(depth - 1), integer(depth - 1)});
      case 5: return fill("length({})", {text(depth - 1)});
      case 6: return "size(pets)";
      case 7:
        return fill("{}({})", {random_.pick(std::vector<std::string>{
                                   "days_since", "years_since", "days_until_birthday", "year_of",
                                   "month_of", "day_of_month", "day_of_week"}),
                               date(depth - 1)});
      case 8: return fill("bucket({}, \"salt{}\")", {random_.between(1, 7), random_.below(3)});
      case 9: return fill("coalesce({}, {})", {integer(depth - 1), integer(depth - 1)});
      default: return random_.chance(50) ? "n1" : "n2";
    }
  }

  std::string decimal(int depth) {
    if (depth <= 0 || random_.chance(30)) {
      return random_.pick(std::vector<std::string>{"d1", "d2", "d1", "12.50", "0.005", "3.1",
                                                   "92233720368547758.07"});
    }
    switch (random_.below(6)) {
      case 0:
        return fill("({} {} {})", {decimal(depth - 1), arithmetic_op(),
                                   random_.chance(50) ? decimal(depth - 1) : integer(depth - 1)});
      case 1: return fill("abs({})", {decimal(depth - 1)});
      case 2: return fill("{}({}, {})", {min_or_max(), decimal(depth - 1), integer(depth - 1)});
      case 3: return fill("coalesce({}, {})", {decimal(depth - 1), decimal(depth - 1)});
      case 4: return fill("(-{})", {decimal(depth - 1)});
      default: return random_.chance(50) ? "d1" : "d2";
    }
  }

  std::string floating(int depth) {
    if (depth <= 0 || random_.chance(25)) return "f1";
    switch (random_.below(5)) {
      case 0: return fill("({} / {})", {number(depth - 1), number(depth - 1)});
      case 1: return fill("({} {} {})", {floating(depth - 1), arithmetic_op(), number(depth - 1)});
      case 2: return fill("abs({})", {floating(depth - 1)});
      case 3: return fill("{}({}, {})", {min_or_max(), floating(depth - 1), number(depth - 1)});
      default: return fill("coalesce({}, {})", {floating(depth - 1), number(depth - 1)});
    }
  }

  std::string number(int depth) {
    switch (random_.below(3)) {
      case 0: return integer(depth);
      case 1: return decimal(depth);
      default: return floating(depth);
    }
  }

  std::string duration() {
    return fill("{} {}", {random_.pick(std::vector<std::string>{"0", "1", "2", "12", "29", "400",
                                                                "5000000"}),
                          random_.pick(kUnits)});
  }

  std::string date(int depth) {
    if (depth <= 0 || random_.chance(30)) {
      return random_.pick(std::vector<std::string>{"t1", "t2", "t1", "today"});
    }
    switch (random_.below(6)) {
      case 0: return random_.pick(kDates);
      case 1: return fill("{} ago", {duration()});
      case 2:
        return fill("({} {} {})", {date(depth - 1), random_.chance(50) ? "+" : "-", duration()});
      case 3: return fill("{}({}, {})", {min_or_max(), date(depth - 1), date(depth - 1)});
      case 4: return fill("coalesce({}, {})", {date(depth - 1), random_.pick(kDates)});
      default: return random_.chance(50) ? "t1" : "t2";
    }
  }

  std::string text(int depth) {
    if (depth <= 0 || random_.chance(35)) {
      return random_.chance(20) ? quoted(random_.pick(kStrings))
                                : random_.pick(std::vector<std::string>{"s1", "s2"});
    }
    switch (random_.below(4)) {
      case 0: return fill("lower({})", {text(depth - 1)});
      case 1: return fill("upper({})", {text(depth - 1)});
      case 2: return fill("coalesce({}, {})", {text(depth - 1), quoted(random_.pick(kStrings))});
      default: return "lower(e1)";
    }
  }

  std::string string_list() {
    std::string items;
    const uint64_t count = 1 + random_.below(3);
    for (uint64_t i = 0; i < count; ++i) {
      items += (i ? ", " : "") + quoted(random_.pick(kStrings));
    }
    return "[" + items + "]";
  }

  std::string element_list() {
    std::string items;
    const uint64_t count = 1 + random_.below(3);
    for (uint64_t i = 0; i < count; ++i) {
      items += (i ? ", " : "") + quoted(random_.pick(kElements));
    }
    return "[" + items + "]";
  }

  std::string comparison(int depth) {
    const std::string& op = random_.pick(kCompareOps);
    switch (random_.below(6)) {
      case 0:
      case 1: return fill("{} {} {}", {number(depth), op, number(depth)});
      case 2: return fill("{} {} {}", {text(depth), op, text(depth)});
      case 3: return fill("{} {} {}", {date(depth), op, date(depth)});
      case 4: return fill("e1 {} {}", {op, quoted(random_.pick(kEnumValues))});
      default:
        return fill("b1 {} {}", {op == "=" ? "=" : "!=", random_.chance(50) ? "true" : "false"});
    }
  }

  std::string period() {
    switch (random_.below(3)) {
      case 0: return fill("last {}", {duration()});
      case 1: return fill("next {}", {duration()});
      default:
        return fill("{} {}", {random_.chance(50) ? "this" : "previous",
                              random_.pick(std::vector<std::string>{"week", "month", "year"})});
    }
  }

  std::string predicate(int depth) {
    switch (random_.below(16)) {
      case 0:
      case 1:
      case 2: return comparison(depth);
      case 3:
        return random_.chance(50)
                   ? fill("{} between {} and {}", {number(depth), number(depth), number(depth)})
                   : fill("{} between {} and {}", {date(depth), date(depth), date(depth)});
      case 4:
        return fill("{} {} [{}, {}, 3]", {integer(depth), in_or_not_in(), random_.between(-1, 2),
                                          random_.between(0, 20)});
      case 5: return fill("{} {} {}", {text(depth), in_or_not_in(), string_list()});
      case 6:
        return fill("e1 {} [\"{}\", \"{}\"]",
                    {in_or_not_in(), random_.pick(kEnumValues), random_.pick(kEnumValues)});
      case 7:
        return fill("{} is {}", {random_.pick(std::vector<std::string>{"n1", "d1", "f1", "b1", "s1",
                                                                       "e1", "t1", "pets"}),
                                 random_.chance(50) ? "missing" : "present"});
      case 8: return fill("{} contains {}", {text(depth), quoted(random_.pick(kStrings))});
      case 9:
        return fill("{}({}, {})", {random_.chance(50) ? "starts_with" : "ends_with", text(depth),
                                   quoted(random_.pick(kStrings))});
      case 10: return fill("matches({}, {})", {text(depth), quoted(random_.pick(kPatterns))});
      case 11:
        switch (random_.below(3)) {
          case 0: return fill("pets contains {}", {quoted(random_.pick(kElements))});
          case 1: return fill("pets contains any {}", {element_list()});
          default: return fill("pets contains all {}", {element_list()});
        }
      case 12: return fill("{} within {}", {date(depth), period()});
      case 13:
        if (segments_so_far_ > 0) {
          return fill("seg{}", {random_.below(static_cast<uint64_t>(segments_so_far_))});
        }
        return "b1";
      case 14: return random_.chance(50) ? "b1" : "coalesce(b1, false)";
      default:
        return fill("bucket({}, \"k\") < {}", {random_.between(1, 5), random_.between(0, 4)});
    }
  }

  std::string condition(int depth) {
    if (depth <= 0) return predicate(0);
    switch (random_.below(8)) {
      case 0: return fill("not ({})", {condition(depth - 1)});
      case 1:
      case 2:
      case 3: {
        const char* op = random_.chance(50) ? " and " : " or ";
        std::string result = "(" + condition(depth - 1);
        const uint64_t extra = 1 + random_.below(2);
        for (uint64_t i = 0; i < extra; ++i) result += op + condition(depth - 1);
        return result + ")";
      }
      default: return predicate(depth - 1);
    }
  }

  // A conjunct that block statistics can decide (codegen/block_skipping.h):
  // an int or date field against a constant, or a condition on one string
  // or enum field; near the values of random_table's narrow blocks.
  std::string range_conjunct() {
    const std::string number_field = random_.chance(50) ? "n1" : "n2";
    const std::string date_field = random_.chance(50) ? "t1" : "t2";
    const std::string text_field = random_.chance(50) ? "s1" : "s2";
    switch (random_.below(9)) {
      case 0:
      case 1:
        return fill("{} {} {}",
                    {number_field, random_.pick(kCompareOps), random_.between(-6, 42)});
      case 2: {
        const int64_t low = random_.between(-6, 40);
        return fill("{} between {} and {}",
                    {number_field, low, low + random_.between(-1, 12)});
      }
      case 3:
        return fill("{} {} {}", {date_field, random_.pick(kCompareOps),
                                 days_from_today(random_.between(-400, 800))});
      case 4: {
        const int64_t days = random_.between(-400, 800);
        return fill("{} between {} and {}", {date_field,
                                             days_from_today(days + random_.between(0, 200)),
                                             days_from_today(days)});
      }
      case 5:
        return fill("{} {} {}", {date_field, random_.pick(kCompareOps), random_.pick(kDates)});
      case 6:
        return random_.chance(50) ? fill("{} in {}", {text_field, string_list()})
                                  : fill("{} {} {}", {text_field, random_.pick(kCompareOps),
                                                      quoted(random_.pick(kStrings))});
      case 7:
        return random_.chance(50)
                   ? fill("e1 {} {}",
                          {random_.pick(kCompareOps), quoted(random_.pick(kEnumValues))})
                   : fill("e1 in [\"{}\", \"{}\"]",
                          {random_.pick(kEnumValues), random_.pick(kEnumValues)});
      default:
        return fill("{}({}) = {}", {random_.chance(50) ? "lower" : "upper", text_field,
                                    quoted(random_.pick(kStrings))});
    }
  }

  // The date `days` before today (after, when negative).
  static std::string days_from_today(int64_t days) {
    return days >= 0 ? fmt::format("today - {} days", days) : fmt::format("today + {} days", -days);
  }

  // A top-level `and` of range conjuncts, sometimes with a random condition
  // the statistics cannot decide.
  std::string ranged_condition() {
    std::string result = range_conjunct();
    const uint64_t extra = random_.below(3);
    for (uint64_t i = 0; i < extra; ++i) result += " and " + range_conjunct();
    if (random_.chance(30)) result += " and (" + condition(2) + ")";
    return result;
  }

  RandomSource random_;
  int segments_so_far_ = 0;
};

}  // namespace

std::string random_rules(uint64_t seed, int segments, RuleMix mix) {
  return RuleGenerator(seed).file(segments, mix);
}

}  // namespace segc::testing
