// The loops follow Seg's rules for missing values (docs/evaluation.md): a
// comparison on a missing value is unknown, and a customer is a member only
// when the whole rule is true. Word by word that is: each condition's bits
// ANDed with its column's presence word; `not c` is presence AND NOT c.
#include "hand_loops.h"

#include "column_access.h"

namespace segc::bench {
namespace {

using runtime::Bitmap;
using runtime::Column;
using runtime::Table;

// age between 25 and 40
Bitmap int_range(const Table& table, size_t rows, int32_t) {
  const Column& age = column(table, "age");
  const uint64_t* present = age.present.words();
  Bitmap out;
  with_ints(age, [&](auto a) {
    out = build_bitmap(rows, [&](size_t w, auto n) {
      return pack_bits(w * 64, n, [&](size_t r) { return (a[r] >= 25) & (a[r] <= 40); }) &
             present[w];
    });
  });
  return out;
}

// city in ["Москва", "Санкт-Петербург", "Казань"] and channel = "email"
Bitmap city_channel(const Table& table, size_t rows, int32_t) {
  const Column& city = column(table, "city");
  const Column& channel = column(table, "channel");
  const uint32_t k0 = code_of(city, "Москва"), k1 = code_of(city, "Санкт-Петербург"),
                 k2 = code_of(city, "Казань"), email = code_of(channel, "email");
  const uint64_t* city_present = city.present.words();
  const uint64_t* channel_present = channel.present.words();
  Bitmap out;
  with_codes(city, [&](auto c) {
    with_codes(channel, [&](auto ch) {
      out = build_bitmap(rows, [&](size_t w, auto n) {
        const uint64_t bits = pack_bits(w * 64, n, [&](size_t r) {
          const uint32_t v = c[r];
          return ((v == k0) | (v == k1) | (v == k2)) & (uint32_t{ch[r]} == email);
        });
        return bits & city_present[w] & channel_present[w];
      });
    });
  });
  return out;
}

// last_purchase between today - 90 days and today - 30 days and points_balance >= 1000
Bitmap date_window(const Table& table, size_t rows, int32_t today) {
  const Column& last = column(table, "last_purchase");
  const Column& points = column(table, "points_balance");
  const int64_t from = today - 90, to = today - 30;
  const uint64_t* last_present = last.present.words();
  const uint64_t* points_present = points.present.words();
  Bitmap out;
  with_ints(last, [&](auto d) {
    with_ints(points, [&](auto p) {
      out = build_bitmap(rows, [&](size_t w, auto n) {
        const uint64_t bits = pack_bits(
            w * 64, n, [&](size_t r) { return (d[r] >= from) & (d[r] <= to) & (p[r] >= 1000); });
        return bits & last_present[w] & points_present[w];
      });
    });
  });
  return out;
}

// (age < 25 or age >= 60 or referrals >= 3) and (channel = "sms" or channel = "push")
//   and tier is present and not tier = "bronze"
Bitmap or_groups(const Table& table, size_t rows, int32_t) {
  const Column& age = column(table, "age");
  const Column& referrals = column(table, "referrals");
  const Column& channel = column(table, "channel");
  const Column& tier = column(table, "tier");
  const uint32_t sms = code_of(channel, "sms"), push = code_of(channel, "push"),
                 bronze = code_of(tier, "bronze");
  const uint64_t* age_present = age.present.words();
  const uint64_t* referrals_present = referrals.present.words();
  const uint64_t* channel_present = channel.present.words();
  const uint64_t* tier_present = tier.present.words();
  Bitmap out;
  with_ints(age, [&](auto a) {
    with_ints(referrals, [&](auto r) {
      with_codes(channel, [&](auto ch) {
        with_codes(tier, [&](auto t) {
          out = build_bitmap(rows, [&](size_t w, auto n) {
            const size_t first = w * 64;
            // The first group's conditions have different presence words.
            const uint64_t by_age =
                pack_bits(first, n, [&](size_t i) { return (a[i] < 25) | (a[i] >= 60); });
            const uint64_t by_referrals = pack_bits(first, n, [&](size_t i) { return r[i] >= 3; });
            const uint64_t rest = pack_bits(first, n, [&](size_t i) {
              const uint32_t c = ch[i];
              return ((c == sms) | (c == push)) & (uint32_t{t[i]} != bronze);
            });
            return ((by_age & age_present[w]) | (by_referrals & referrals_present[w])) & rest &
                   channel_present[w] & tier_present[w];
          });
        });
      });
    });
  });
  return out;
}

// interests contains "cats": bit `cats` of row r's mask when the column has
// masks (runtime/set_masks.h, as the JIT reads it), else a search of
// codes[offsets[r] .. offsets[r+1]).
template <typename Mask>
Bitmap mask_has_bit(const Column& set, size_t rows, uint32_t code) {
  const auto* masks = static_cast<const Mask*>(set.data());
  const Mask bit = code < sizeof(Mask) * 8 ? Mask(Mask{1} << code) : Mask{0};
  return build_bitmap(rows, [&](size_t w, auto n) {
    return pack_bits(w * 64, n, [&](size_t r) { return (masks[r] & bit) != 0; });
  });
}

Bitmap set_contains(const Table& table, size_t rows, int32_t) {
  const Column& interests = column(table, "interests");
  const uint32_t cats = code_of(interests, "cats");
  switch (interests.width) {  // missing sets have mask 0
    case 1: return mask_has_bit<uint8_t>(interests, rows, cats);
    case 2: return mask_has_bit<uint16_t>(interests, rows, cats);
    case 4: return mask_has_bit<uint32_t>(interests, rows, cats);
    case 8: return mask_has_bit<uint64_t>(interests, rows, cats);
    default: break;
  }
  const uint32_t* offsets = interests.set_offsets.data();
  const uint32_t* codes = interests.set_codes.data();
  return build_bitmap(rows, [&](size_t w, auto n) {
    return pack_bits(w * 64, n, [&](size_t row) {
      bool found = false;  // a missing set has no elements
      for (uint32_t j = offsets[row]; j < offsets[row + 1]; ++j) found |= codes[j] == cats;
      return found;
    });
  });
}

// last_purchase >= today - 60 days and orders_count >= 10 and total_spent >= 20000.00
Bitmap rfm(const Table& table, size_t rows, int32_t today) {
  const Column& last = column(table, "last_purchase");
  const Column& orders = column(table, "orders_count");
  const Column& spent = column(table, "total_spent");
  int64_t min_spent = 20000;
  for (int i = 0; i < spent.spec.scale; ++i) min_spent *= 10;  // unscaled, as stored
  const int64_t since = today - 60;
  const uint64_t* last_present = last.present.words();
  const uint64_t* orders_present = orders.present.words();
  const uint64_t* spent_present = spent.present.words();
  Bitmap out;
  with_ints(last, [&](auto d) {
    with_ints(orders, [&](auto o) {
      with_ints(spent, [&](auto s) {
        out = build_bitmap(rows, [&](size_t w, auto n) {
          const uint64_t bits = pack_bits(w * 64, n, [&](size_t r) {
            return (d[r] >= since) & (o[r] >= 10) & (s[r] >= min_spent);
          });
          return bits & last_present[w] & orders_present[w] & spent_present[w];
        });
      });
    });
  });
  return out;
}

}  // namespace

const std::vector<HandLoop>& hand_loops() {
  static const std::vector<HandLoop> loops = {
      {"int_range", int_range}, {"city_channel", city_channel}, {"date_window", date_window},
      {"or_groups", or_groups}, {"set_contains", set_contains}, {"rfm", rfm},
  };
  return loops;
}

}  // namespace segc::bench
