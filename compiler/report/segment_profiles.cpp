#include "report/segment_profiles.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <utility>


namespace segc::report {
namespace {

using runtime::Column;
using runtime::ColumnKind;

constexpr size_t kStringBuckets = 8;  // the commonest values; the rest is "(other values)"
constexpr int kMaxBands = 10;

// Buckets of one column: `bucket_of(row)` for present rows, labels in order.
struct Bucketing {
  std::vector<std::string> labels;
  std::vector<uint32_t> code_bucket;  // String, Enum: bucket per dictionary code
  // Int, Decimal: bands [first + k*step, first + (k+1)*step) for k below
  // `bands`, after an open band "< first" when `below` and before an open band
  // ">= first + bands*step" when `above`.
  __int128 first = 0, step = 1;
  int bands = 0;
  bool below = false, above = false;
};

__int128 floor_div(__int128 a, __int128 b) {
  __int128 q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// An unscaled decimal as text: 12345 with scale 2 is "123.45".
std::string fixed_point(__int128 value, int scale) {
  const bool negative = value < 0;
  unsigned __int128 magnitude = negative ? static_cast<unsigned __int128>(-value) : static_cast<unsigned __int128>(value);
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude != 0);
  if (scale > 0) {
    if (digits.size() <= static_cast<size_t>(scale)) digits.insert(0, static_cast<size_t>(scale) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<size_t>(scale), ".");
  }
  return negative ? "-" + digits : digits;
}

// "12.50–19.99", or "-20 – -1" with spaces where a minus sign would run into the dash.
std::string band_label(__int128 from, __int128 to, int scale) {
  if (from == to) return fixed_point(from, scale);
  const char* dash = from < 0 || to < 0 ? " – " : "–";
  return fixed_point(from, scale) + dash + fixed_point(to, scale);
}

// The values between the 1st and the 99th percentile, of an even sample of
// at most kSampleSize present rows: one typo (an age of 999) must not squeeze
// every real customer into one band.
constexpr size_t kSampleSize = 65536;
std::pair<__int128, __int128> bulk_of_values(const Column& column, size_t row_count) {
  const size_t present = column.present.count();
  const size_t stride = std::max<size_t>(1, present / kSampleSize);
  std::vector<int64_t> sample;
  sample.reserve(std::min(present, kSampleSize + 1));
  size_t seen = 0;
  for (size_t row = 0; row < row_count; ++row) {
    if (column.present.test(row) && seen++ % stride == 0) sample.push_back(column.int_at(row));
  }
  std::sort(sample.begin(), sample.end());
  const size_t last = sample.size() - 1;
  return {sample[last / 100], sample[last - last / 100]};
}

Bucketing bands(const Column& column, size_t row_count) {
  Bucketing bucketing;
  const auto [low, high] = bulk_of_values(column, row_count);
  // The smallest round width (1, 2, 5 times a power of ten) that covers the
  // bulk of the values in at most kMaxBands bands.
  for (__int128 power = 1;; power *= 10) {
    for (int multiple : {1, 2, 5}) {
      const __int128 step = power * multiple;
      const __int128 first = floor_div(low, step) * step;
      if (floor_div(high - first, step) + 1 > kMaxBands) continue;
      bucketing.first = first;
      bucketing.step = step;
      bucketing.bands = static_cast<int>(floor_div(high - first, step) + 1);
      const __int128 end = first + bucketing.bands * step;
      bucketing.below = column.min < first;
      bucketing.above = column.max >= end;
      const int scale = column.spec.kind == ColumnKind::Decimal ? column.spec.scale : 0;
      if (bucketing.below) bucketing.labels.push_back("< " + fixed_point(first, scale));
      for (int band = 0; band < bucketing.bands; ++band) {
        const __int128 from = first + band * step;
        bucketing.labels.push_back(band_label(from, from + step - 1, scale));
      }
      if (bucketing.above) bucketing.labels.push_back("≥ " + fixed_point(end, scale));
      return bucketing;
    }
  }
}

// The customers with each dictionary code of a string column.
std::vector<uint64_t> code_counts(const Column& column, size_t row_count) {
  std::vector<uint64_t> counts(column.dictionary.size(), 0);
  for (size_t row = 0; row < row_count; ++row) {
    if (column.present.test(row)) ++counts[column.code_at(row)];
  }
  return counts;
}

// The kStringBuckets codes most customers have, most first (ties: code
// order), then the others in no order: a partial sort, as a free-text field
// has as many codes as customers.
std::vector<uint32_t> commonest_codes(const std::vector<uint64_t>& counts) {
  std::vector<uint32_t> codes(counts.size());
  std::iota(codes.begin(), codes.end(), 0);
  const auto top = codes.begin() + static_cast<ptrdiff_t>(std::min(kStringBuckets, codes.size()));
  std::partial_sort(codes.begin(), top, codes.end(),
                    [&](uint32_t a, uint32_t b) { return counts[a] != counts[b] ? counts[a] > counts[b] : a < b; });
  return codes;
}

Bucketing commonest_strings(const Column& column, size_t row_count) {
  const std::vector<uint64_t> counts = code_counts(column, row_count);
  const std::vector<uint32_t> codes = commonest_codes(counts);
  Bucketing bucketing;
  const size_t shown = std::min(kStringBuckets, codes.size());
  const bool other = codes.size() > shown;
  bucketing.code_bucket.assign(counts.size(), static_cast<uint32_t>(shown));  // "(other values)"
  for (size_t i = 0; i < shown; ++i) {
    bucketing.code_bucket[codes[i]] = static_cast<uint32_t>(i);
    bucketing.labels.push_back(std::string(column.dictionary[codes[i]]));
  }
  if (other) bucketing.labels.push_back("(other values)");
  return bucketing;
}

Bucketing bucketing_for(const Column& column, size_t row_count) {
  Bucketing bucketing;
  switch (column.spec.kind) {
    case ColumnKind::Enum:
      bucketing.labels = column.spec.enum_values;
      bucketing.code_bucket.resize(column.spec.enum_values.size());
      std::iota(bucketing.code_bucket.begin(), bucketing.code_bucket.end(), 0);
      return bucketing;
    case ColumnKind::Bool: bucketing.labels = {"true", "false"}; return bucketing;
    case ColumnKind::String: return commonest_strings(column, row_count);
    case ColumnKind::Int:
    case ColumnKind::Decimal:
      if (column.present.count() == 0) return bucketing;
      return bands(column, row_count);
    default: throw std::logic_error("profile of a column kind that has none");
  }
}

uint32_t bucket_of(const Column& column, const Bucketing& bucketing, size_t row) {
  switch (column.spec.kind) {
    case ColumnKind::Bool: return column.bools.test(row) ? 0 : 1;
    case ColumnKind::Enum:
    case ColumnKind::String: return bucketing.code_bucket[column.code_at(row)];
    default: {
      const __int128 value = column.int_at(row);
      const uint32_t offset = bucketing.below ? 1 : 0;
      if (value < bucketing.first) return 0;
      const __int128 band = floor_div(value - bucketing.first, bucketing.step);
      return band >= bucketing.bands ? offset + static_cast<uint32_t>(bucketing.bands)
                                     : offset + static_cast<uint32_t>(band);
    }
  }
}

}  // namespace

std::string unprofilable_column(const runtime::ColumnSpec& spec) {
  if (spec.is_key) return fmt::format("'{}' is the key: every customer has a value of their own", spec.name);
  switch (spec.kind) {
    case ColumnKind::Enum:
    case ColumnKind::Bool:
    case ColumnKind::String:
    case ColumnKind::Int:
    case ColumnKind::Decimal: return "";
    case ColumnKind::Float: return fmt::format("'{}' is a float field", spec.name);
    case ColumnKind::Date: return fmt::format("'{}' is a date field", spec.name);
    case ColumnKind::StringSet: return fmt::format("'{}' is a set field", spec.name);
  }
  return "";
}

std::vector<size_t> default_profile_columns(const runtime::Table& table) {
  std::vector<size_t> columns;
  for (size_t i = 0; i < table.columns.size() && columns.size() < kDefaultProfileFields; ++i) {
    const Column& column = table.columns[i];
    if (column.spec.is_key) continue;
    const ColumnKind kind = column.spec.kind;
    if (kind == ColumnKind::Enum || kind == ColumnKind::Int) {
      columns.push_back(i);
    } else if (kind == ColumnKind::String) {
      // Worth a chart when its commonest values hold most customers (a
      // city), not when nearly every customer has a value of their own (an
      // e-mail address).
      const std::vector<uint64_t> counts = code_counts(column, table.row_count);
      const std::vector<uint32_t> codes = commonest_codes(counts);
      uint64_t shown = 0, present = 0;
      for (size_t k = 0; k < codes.size(); ++k) (k < kStringBuckets ? shown : present) += counts[codes[k]];
      present += shown;
      if (present != 0 && 2 * shown >= present) columns.push_back(i);
    }
  }
  return columns;
}

FieldProfile profile_field(const runtime::Table& table, size_t column_index, const std::vector<const RowSet*>& segments,
                           unsigned threads) {
  const Column& column = table.columns[column_index];
  const Bucketing bucketing = bucketing_for(column, table.row_count);
  FieldProfile profile;
  profile.field = column.spec.name;
  profile.labels = bucketing.labels;
  const size_t missing = profile.labels.size();
  std::vector<runtime::Bitmap> rows(missing + 1, runtime::Bitmap(table.row_count));
  std::vector<uint64_t*> words;
  for (runtime::Bitmap& bitmap : rows) words.push_back(bitmap.words());
  for (size_t row = 0; row < table.row_count; ++row) {
    const size_t bucket = column.present.test(row) ? bucket_of(column, bucketing, row) : missing;
    words[bucket][row / 64] |= uint64_t{1} << (row % 64);
  }
  if (rows[missing].count() != 0) profile.labels.push_back("(missing)");
  std::vector<RowSet> buckets;
  for (size_t bucket = 0; bucket < profile.labels.size(); ++bucket) {
    buckets.emplace_back(rows[bucket]);
    profile.base.push_back(buckets.back().size());
  }
  std::vector<const RowSet*> bucket_sets;
  for (const RowSet& bucket : buckets) bucket_sets.push_back(&bucket);
  const std::vector<uint64_t> counts = intersection_sizes(segments, bucket_sets, /*upper_triangle=*/false, threads);
  for (size_t s = 0; s < segments.size(); ++s) {
    profile.per_segment.emplace_back(counts.begin() + static_cast<ptrdiff_t>(s * buckets.size()),
                                     counts.begin() + static_cast<ptrdiff_t>((s + 1) * buckets.size()));
  }
  return profile;
}

}  // namespace segc::report
