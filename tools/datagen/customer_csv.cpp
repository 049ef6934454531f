// Writes customers in the column order of examples/retail/schema.seg.
#include "customer.h"
#include "vocabulary.h"

namespace segc::datagen {

namespace {

constexpr std::string_view kColumns[] = {
    "customer_id", "age", "gender", "birth_date", "city", "country_code", "email", "phone",
    "opted_in", "email_opt_in", "sms_opt_in", "channel", "registered_via", "app_installed",
    "last_app_open", "signup_date", "last_purchase", "orders_count", "total_spent", "clv_trend",
    "tier", "points_balance", "points_spent_30d", "points_expiry", "referrals", "interests",
    "pet_types"};

template <typename T>
void integer_or_missing(CsvWriter& csv, const std::optional<T>& value) {
  if (value) csv.integer(*value);
  else csv.missing();
}

void date_or_missing(CsvWriter& csv, const std::optional<Day>& value) {
  if (value) csv.date(*value);
  else csv.missing();
}

void bool_or_missing(CsvWriter& csv, const std::optional<bool>& value) {
  if (value) csv.boolean(*value);
  else csv.missing();
}

// Set elements joined with '|'; none of the vocabulary needs quoting.
template <typename Tags>
void set_field(CsvWriter& csv, std::uint32_t bits, const Tags& tags) {
  csv.begin_field();
  bool first = true;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    if (!(bits & (1u << i))) continue;
    if (!first) csv.append_unquoted("|");
    csv.append_unquoted(tags[i].name);
    first = false;
  }
}

}  // namespace

void write_header(CsvWriter& csv) {
  for (std::string_view column : kColumns) csv.text(column);
  csv.end_row();
}

void write_row(const Customer& c, CsvWriter& csv) {
  csv.integer(c.customer_id);
  integer_or_missing(csv, c.age);
  csv.text(c.gender);
  date_or_missing(csv, c.birth_date);
  csv.text(c.city);
  csv.text(c.country_code);
  csv.text(c.email);
  csv.text(c.phone);
  bool_or_missing(csv, c.opted_in);
  bool_or_missing(csv, c.email_opt_in);
  bool_or_missing(csv, c.sms_opt_in);
  csv.text(c.channel);
  csv.text(c.registered_via);
  bool_or_missing(csv, c.app_installed);
  date_or_missing(csv, c.last_app_open);
  date_or_missing(csv, c.signup_date);
  date_or_missing(csv, c.last_purchase);
  integer_or_missing(csv, c.orders_count);
  if (c.total_spent_kopecks) csv.decimal(*c.total_spent_kopecks, 2);
  else csv.missing();
  if (c.clv_trend_millionths) csv.decimal(*c.clv_trend_millionths, 6);
  else csv.missing();
  csv.text(c.tier);
  integer_or_missing(csv, c.points_balance);
  integer_or_missing(csv, c.points_spent_30d);
  date_or_missing(csv, c.points_expiry);
  integer_or_missing(csv, c.referrals);
  set_field(csv, c.interests, kInterests);
  set_field(csv, c.pet_types, kPetTypes);
  csv.end_row();
}

}  // namespace segc::datagen
