#include "dates.h"

namespace segc::datagen {

namespace {

std::chrono::year_month_day in_year(std::chrono::year_month_day date, std::chrono::year year) {
  std::chrono::year_month_day moved{year, date.month(), date.day()};
  if (!moved.ok()) moved = std::chrono::year_month_day_last{year, std::chrono::month_day_last{date.month()}};
  return moved;
}

}  // namespace

std::optional<Day> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (text[i] - '0');
    }
  }
  const std::chrono::year_month_day date{std::chrono::year{parts[0]},
                                         std::chrono::month{static_cast<unsigned>(parts[1])},
                                         std::chrono::day{static_cast<unsigned>(parts[2])}};
  if (!date.ok()) return std::nullopt;
  return to_day(date);
}

int years_since(Day born, Day today) {
  const auto from = to_date(born);
  const auto to = to_date(today);
  int years = static_cast<int>(to.year()) - static_cast<int>(from.year());
  if (to_day(in_year(from, to.year())) > today) --years;
  return years;
}

Day add_years(Day day, int years) {
  const auto date = to_date(day);
  return to_day(in_year(date, date.year() + std::chrono::years{years}));
}

}  // namespace segc::datagen
