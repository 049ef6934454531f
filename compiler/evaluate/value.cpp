#include "evaluate/value.h"

#include <fmt/format.h>

#include "runtime/calendar.h"
#include "syntax/literal_decoding.h"

namespace segc::evaluate {
namespace {

std::string show_decimal(const DecimalValue& decimal) {
  // Unsigned magnitude, so that the smallest int64 has a positive counterpart.
  const bool negative = decimal.unscaled < 0;
  const uint64_t magnitude = negative ? uint64_t{0} - static_cast<uint64_t>(decimal.unscaled)
                                      : static_cast<uint64_t>(decimal.unscaled);
  std::string digits = std::to_string(magnitude);
  const auto scale = static_cast<size_t>(decimal.scale);
  if (digits.size() <= scale) digits.insert(0, scale + 1 - digits.size(), '0');
  if (scale > 0) digits.insert(digits.size() - scale, ".");
  return negative ? "-" + digits : digits;
}

struct Shower {
  std::string operator()(Missing) const { return "missing"; }
  std::string operator()(bool value) const { return value ? "true" : "false"; }
  std::string operator()(int64_t value) const { return std::to_string(value); }
  std::string operator()(const DecimalValue& value) const { return show_decimal(value); }
  std::string operator()(double value) const { return fmt::format("{}", value); }
  std::string operator()(const std::string& value) const { return quote_string(value); }
  std::string operator()(const DateValue& value) const {
    return calendar::format_iso_date(value.days);
  }
  std::string operator()(const EnumValue& value) const { return quote_string(value.text()); }
  std::string operator()(const SetValue& value) const {
    std::string out = "[";
    for (size_t i = 0; i < value.elements.size(); ++i) {
      out += (i == 0 ? "" : ", ") + quote_string(value.elements[i]);
    }
    return out + "]";
  }
};

}  // namespace

std::string show_value(const Value& value) { return std::visit(Shower{}, value); }

}  // namespace segc::evaluate
