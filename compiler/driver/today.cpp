#include "driver/today.h"

#include <fmt/format.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>
#include <unicode/ucal.h>

#include <memory>

#include "runtime/calendar.h"

namespace segc {

std::optional<int32_t> today_in_time_zone(const std::string& time_zone, std::string& error) {
  std::unique_ptr<icu::TimeZone> zone(
      icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(time_zone)));
  icu::UnicodeString id;
  if (!zone || zone->getID(id) == icu::UnicodeString(UCAL_UNKNOWN_ZONE_ID)) {
    error = fmt::format("--timezone: unknown time zone '{}' (use an IANA name such as "
                        "\"Europe/Moscow\" or \"UTC\")",
                        time_zone);
    return std::nullopt;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar calendar(zone.release(), status);  // adopts the zone
  calendar.setTime(icu::Calendar::getNow(), status);
  const int32_t year = calendar.get(UCAL_YEAR, status);
  const int32_t era = calendar.get(UCAL_ERA, status);
  const int32_t month = calendar.get(UCAL_MONTH, status) + 1;
  const int32_t day = calendar.get(UCAL_DATE, status);
  if (U_FAILURE(status) || era != icu::GregorianCalendar::AD) {
    error = fmt::format("cannot read the current date in {}: {}", time_zone, u_errorName(status));
    return std::nullopt;
  }
  return calendar::days_from_civil(
      {year, static_cast<uint32_t>(month), static_cast<uint32_t>(day)});
}

}  // namespace segc
