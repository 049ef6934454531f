// One generated loyalty-card holder of examples/retail/schema.seg, and the
// generator that fills it. A missing field is an empty optional (or string).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "csv_writer.h"
#include "dates.h"

namespace segc::datagen {

struct Customer {
  std::int64_t customer_id = 0;
  std::optional<int> age;
  std::string_view gender;  // "" when missing, likewise below
  std::optional<Day> birth_date;
  std::string_view city;
  std::string_view country_code;
  std::string email;
  std::string phone;
  std::optional<bool> opted_in, email_opt_in, sms_opt_in;
  std::string_view channel;
  std::string_view registered_via;
  std::optional<bool> app_installed;
  std::optional<Day> last_app_open;
  std::optional<Day> signup_date;
  std::optional<Day> last_purchase;
  std::optional<int> orders_count;
  std::optional<std::int64_t> total_spent_kopecks;
  std::optional<std::int64_t> clv_trend_millionths;
  std::string_view tier;
  std::optional<std::int64_t> points_balance;
  std::optional<std::int64_t> points_spent_30d;
  std::optional<Day> points_expiry;
  std::optional<int> referrals;
  std::uint32_t interests = 0;  // bit i: kInterests[i]; sets are never missing in CSV
  std::uint32_t pet_types = 0;  // bit i: kPetTypes[i]
};

class CustomerGenerator {
public:
  CustomerGenerator(std::uint64_t seed, Day as_of);

  // Fills `customer` (reused between rows, so its strings keep their memory).
  void generate(std::int64_t customer_id, Customer& customer) const;

private:
  struct CityNames {
    std::string_view name, country_code;
    std::string upper, lower;
  };

  std::uint64_t seed_;
  Day as_of_;
  std::vector<CityNames> cities_;
  std::vector<unsigned> city_weights_;
};

// The schema's field names, in schema order, and one customer as a CSV row.
void write_header(CsvWriter& csv);
void write_row(const Customer& customer, CsvWriter& csv);

}  // namespace segc::datagen
