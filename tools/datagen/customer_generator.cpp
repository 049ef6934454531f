// The distributions behind segc-datagen. They are chosen so that the segments
// of examples/retail select meaningful shares of customers: recency windows
// around --as-of are populated, a few percent of most fields are missing, and
// the awkward cases the rules handle (typed-in city case, 29 February, age
// missing but birth date present, broken e-mail addresses) all occur.
#include <algorithm>
#include <array>

#include "contact_details.h"
#include "customer.h"
#include "random.h"
#include "vocabulary.h"

namespace segc::datagen {

namespace {

// A weighted range of whole numbers: `weight` of the draws fall in [lo, hi].
struct Bin {
  unsigned weight;
  std::int64_t lo, hi;
};

template <std::size_t N>
std::int64_t draw(Random& random, const std::array<Bin, N>& bins) {
  std::array<unsigned, N> weights{};
  for (std::size_t i = 0; i < N; ++i) weights[i] = bins[i].weight;
  const Bin& bin = bins[random.pick(weights)];
  return random.between(bin.lo, bin.hi);
}

constexpr Quantile kAge[] = {{0, 14},         {20'000, 18},  {120'000, 25},  {450'000, 40},
                             {700'000, 50},   {870'000, 60}, {1'000'000, 86}};
// Average order value in kopecks.
constexpr Quantile kBasket[] = {{0, 300'00},       {250'000, 900'00},  {500'000, 1500'00}, {750'000, 2400'00},
                                {900'000, 3600'00}, {970'000, 6000'00}, {1'000'000, 25000'00}};
// Relative change of predicted lifetime value, in millionths.
constexpr Quantile kClvTrend[] = {{0, -600'000},     {50'000, -300'000},  {250'000, -100'000},
                                  {450'000, -20'000}, {500'000, 0},        {550'000, 20'000},
                                  {750'000, 100'000}, {950'000, 300'000},  {1'000'000, 800'000}};
constexpr Quantile kPointsSpent[] = {{0, 50}, {400'000, 500}, {900'000, 1500}, {1'000'000, 5000}};

constexpr std::array kOrders = {Bin{70, 0, 0},   Bin{200, 1, 1},   Bin{300, 2, 4},   Bin{230, 5, 9},
                                Bin{130, 10, 19}, Bin{60, 20, 59}, Bin{10, 60, 199}};
constexpr std::array kNewCustomerOrders = {Bin{400, 0, 0}, Bin{450, 1, 1}, Bin{150, 2, 2}};
constexpr std::array kReferrals = {Bin{680, 0, 0}, Bin{150, 1, 1}, Bin{80, 2, 2}, Bin{60, 3, 5}, Bin{30, 6, 15}};
// Days since the last purchase by how often the customer orders: the
// last 30 days, 31-60, 61-180 (lapsing), and longer ago (lapsed).
constexpr std::array kRecencyFrequent = {Bin{550, 0, 30}, Bin{200, 31, 60}, Bin{150, 61, 180}, Bin{100, 181, 900}};
constexpr std::array kRecencyRegular = {Bin{400, 0, 30}, Bin{200, 31, 60}, Bin{200, 61, 180}, Bin{200, 181, 1200}};
constexpr std::array kRecencyOccasional = {Bin{250, 0, 30}, Bin{150, 31, 60}, Bin{200, 61, 180}, Bin{400, 181, 2000}};
// Days since the app was last opened, for customers who installed it.
constexpr std::array kAppOpen = {Bin{380, 0, 14}, Bin{220, 15, 59}, Bin{80, 60, 89}, Bin{320, 90, 720}};

constexpr std::array<std::string_view, 4> kTiers = {"bronze", "silver", "gold", "platinum"};

// true / false / missing.
std::optional<bool> tristate(Random& random, unsigned yes, unsigned no, unsigned missing) {
  const std::array<unsigned, 3> weights = {yes, no, missing};
  switch (random.pick(weights)) {
    case 0: return true;
    case 1: return false;
    default: return std::nullopt;
  }
}

template <typename Tags>
std::uint32_t draw_tags(Random& random, const Tags& tags, std::uint32_t boosted = 0, unsigned boost = 0) {
  std::uint32_t bits = 0;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    const unsigned chance = (boosted & (1u << i)) ? std::max(boost, tags[i].per_mille) : tags[i].per_mille;
    if (random.chance(chance)) bits |= 1u << i;
  }
  if (bits == 0) bits = 1u << random.below(2);  // someone who declares anything declares at least one
  return bits;
}

}  // namespace

CustomerGenerator::CustomerGenerator(std::uint64_t seed, Day as_of) : seed_(seed), as_of_(as_of) {
  for (const City& city : kCities) {
    cities_.push_back({city.name, city.country_code, to_upper(city.name), to_lower(city.name)});
    city_weights_.push_back(city.weight);
  }
}

void CustomerGenerator::generate(std::int64_t customer_id, Customer& c) const {
  Random random(seed_, static_cast<std::uint64_t>(customer_id));
  c.customer_id = customer_id;

  // Age and birth date: the till records `age`, often not at all; the birth
  // date comes from the profile. Both missing for a few percent.
  const bool birth_known = !random.chance(60);
  const int drawn_age = static_cast<int>(draw(random, kAge));
  c.birth_date.reset();
  c.age.reset();
  if (birth_known) {
    const Day latest = add_years(as_of_, -drawn_age);
    const Day earliest = add_years(as_of_, -(drawn_age + 1)) + 1;
    Day born = static_cast<Day>(random.between(earliest, latest));
    if (random.chance(7)) {  // born on 29 February of a nearby leap year
      int year = static_cast<int>(to_date(born).year());
      year -= year % 4;
      if (year % 100 == 0 && year % 400 != 0) year -= 4;
      born = to_day(std::chrono::year{year} / std::chrono::February / 29);
    }
    c.birth_date = born;
    const int age = years_since(born, as_of_);
    if (!random.chance(150)) c.age = random.chance(30) ? age + (random.chance(500) ? 1 : -1) : age;
  } else if (!random.chance(400)) {
    c.age = drawn_age;
  }
  static constexpr std::array<unsigned, 3> kGender = {570, 390, 40};
  static constexpr std::array<std::string_view, 3> kGenderValues = {"F", "M", ""};
  c.gender = kGenderValues[random.pick(kGender)];

  // City as typed into a form, and the country code.
  c.city = {};
  c.country_code = {};
  if (!random.chance(40)) {
    const CityNames& city = cities_[random.pick(city_weights_)];
    const auto variant = random.below(1000);
    if (variant < 50) c.city = city.upper;
    else if (variant < 80) c.city = city.lower;
    else if (variant < 85 && city.name == "Москва") c.city = "Москва, Зеленоград";
    else c.city = city.name;
    if (city.country_code == "RU") {
      const auto roll = random.below(1000);
      c.country_code = roll < 40 ? "ru" : roll < 70 ? "" : "RU";
    } else if (!random.chance(20)) {
      c.country_code = city.country_code;
    }
  } else if (random.chance(800)) {
    c.country_code = "RU";
  }

  // Contact details and consent.
  make_email(random, c, c.email);
  make_phone(random, c.country_code, c.phone);
  c.opted_in = tristate(random, 780, 170, 50);
  c.email_opt_in = c.email.empty() ? tristate(random, 0, 400, 600) : tristate(random, 720, 230, 50);
  c.sms_opt_in = c.phone.empty() ? tristate(random, 0, 400, 600) : tristate(random, 520, 430, 50);
  static constexpr std::array<unsigned, 3> kRegistered = {420, 530, 50};
  static constexpr std::array<std::string_view, 3> kRegisteredValues = {"app", "web", ""};
  c.registered_via = kRegisteredValues[random.pick(kRegistered)];
  if (c.registered_via == "app") c.app_installed = tristate(random, 970, 0, 30);
  else if (c.registered_via == "web") c.app_installed = tristate(random, 300, 640, 60);
  else c.app_installed = tristate(random, 400, 400, 200);
  static constexpr std::array<unsigned, 5> kChannel = {380, 140, 240, 140, 100};
  static constexpr std::array<std::string_view, 5> kChannelValues = {"email", "sms", "push", "none", ""};
  c.channel = kChannelValues[random.pick(kChannel)];
  if (c.channel == "push" && c.app_installed != true) c.channel = random.chance(500) ? "email" : "none";

  // Membership: more recent cohorts are larger (the days since joining have a
  // linearly falling density over ten years), plus a stream of new members.
  std::optional<int> signup_ago;
  if (!random.chance(10)) {
    signup_ago = random.chance(30) ? static_cast<int>(random.below(30))
                                   : static_cast<int>(std::min(random.below(3650), random.below(3650)));
  }
  c.signup_date.reset();
  if (signup_ago) c.signup_date = as_of_ - *signup_ago;

  // Orders, the last purchase and the money spent.
  c.orders_count.reset();
  if (!random.chance(20)) {
    c.orders_count = static_cast<int>(signup_ago && *signup_ago < 30 ? draw(random, kNewCustomerOrders)
                                                                     : draw(random, kOrders));
    // Nobody orders more than about twice a week since joining.
    if (signup_ago) c.orders_count = std::min(*c.orders_count, 1 + *signup_ago / 3);
  }
  const int orders = c.orders_count.value_or(3);
  std::optional<int> purchase_ago;
  if (orders >= 1 && !random.chance(10)) {
    if (orders == 1) {  // the only order, shortly after joining
      purchase_ago = signup_ago ? *signup_ago - static_cast<int>(random.between(0, std::min(*signup_ago, 20)))
                                : static_cast<int>(random.between(0, 1000));
    } else {
      purchase_ago = static_cast<int>(orders >= 10  ? draw(random, kRecencyFrequent)
                                      : orders >= 5 ? draw(random, kRecencyRegular)
                                                    : draw(random, kRecencyOccasional));
      if (signup_ago && *purchase_ago > *signup_ago) purchase_ago = static_cast<int>(random.between(0, *signup_ago));
    }
  }
  c.last_purchase.reset();
  if (purchase_ago) c.last_purchase = as_of_ - *purchase_ago;

  c.total_spent_kopecks.reset();
  if (!random.chance(20)) {
    const std::int64_t basket = draw(random, kBasket);
    c.total_spent_kopecks = orders * basket * random.between(85, 115) / 100;
  }
  c.clv_trend_millionths.reset();
  if (!random.chance(orders >= 2 ? 50 : 500)) c.clv_trend_millionths = draw(random, kClvTrend);

  // Tier from the money spent, with some manual upgrades and downgrades.
  c.tier = {};
  if (!random.chance(30)) {
    int tier = 0;
    if (c.total_spent_kopecks) {
      const std::int64_t rubles = *c.total_spent_kopecks / 100;
      tier = rubles < 10'000 ? 0 : rubles < 40'000 ? 1 : rubles < 150'000 ? 2 : 3;
      if (random.chance(80)) tier = std::clamp(tier + (random.chance(500) ? 1 : -1), 0, 3);
    } else {
      static constexpr std::array<unsigned, 4> kTierWeights = {600, 280, 90, 30};
      tier = static_cast<int>(random.pick(kTierWeights));
    }
    c.tier = kTiers[static_cast<std::size_t>(tier)];
  }

  // Loyalty points: earned on spending, redeemed mostly by active customers.
  c.points_balance.reset();
  if (!random.chance(30)) {
    std::int64_t balance = c.total_spent_kopecks ? *c.total_spent_kopecks / 100 * random.between(1, 10) / 100
                                                 : random.between(0, 3000);
    if (random.chance(40)) balance += random.between(2000, 8000);  // a promotion bonus
    c.points_balance = balance;
  }
  c.points_spent_30d.reset();
  const bool active_30d = purchase_ago && *purchase_ago <= 30;
  if (active_30d ? !random.chance(150) : !random.chance(450)) {
    if (active_30d) c.points_spent_30d = random.chance(400) ? 0 : draw(random, kPointsSpent);
    else c.points_spent_30d = random.chance(950) ? 0 : random.between(50, 800);
  }
  c.points_expiry.reset();
  if (c.points_balance.value_or(0) > 0) {
    if (!random.chance(80)) {
      c.points_expiry = random.chance(50) ? as_of_ - static_cast<Day>(random.between(1, 60))
                                          : as_of_ + static_cast<Day>(random.between(0, 365));
    }
  } else if (random.chance(200)) {
    c.points_expiry = as_of_ - static_cast<Day>(random.between(1, 365));
  }
  c.referrals.reset();
  if (!random.chance(40)) c.referrals = static_cast<int>(draw(random, kReferrals));

  // App use, never before joining.
  c.last_app_open.reset();
  if (c.app_installed == true ? !random.chance(60) : random.chance(30)) {
    int open_ago = static_cast<int>(draw(random, kAppOpen));
    if (signup_ago && open_ago > *signup_ago) open_ago = static_cast<int>(random.between(0, *signup_ago));
    c.last_app_open = as_of_ - open_ago;
  }

  // Pets and interests. In CSV a set is never missing: an empty field is
  // "no pets" / "no interests" (or never asked).
  c.pet_types = random.chance(370) ? 0 : draw_tags(random, kPetTypes);
  std::uint32_t boosted = 0;
  if (c.pet_types & 1u) boosted |= 1u << 0;  // cat owners say they like cats
  if (c.pet_types & 2u) boosted |= 1u << 1;  // dog owners, dogs
  if (c.pet_types & 4u) boosted |= 1u << 2;  // fish owners, aquaristics
  c.interests = random.chance(220) ? 0 : draw_tags(random, kInterests, boosted, 650);
}

}  // namespace segc::datagen
