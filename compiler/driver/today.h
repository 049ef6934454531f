// `today` when no --as-of is given: the current date in an IANA time zone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace segc {

// Days since 1970-01-01 of the current date in `time_zone` ("UTC",
// "Europe/Moscow"); nullopt with `error` set for a zone ICU does not know.
std::optional<int32_t> today_in_time_zone(const std::string& time_zone, std::string& error);

}  // namespace segc
