#include "runtime/dictionary.h"

#include <xxhash.h>

#include <algorithm>

namespace segc::runtime {
namespace {

template <class Strings>
void build(const Strings& values, std::vector<uint64_t>& offsets,
                           std::vector<char>& bytes) {
  size_t total = 0;
  for (const auto& value : values) total += value.size();
  offsets.reserve(values.size() + 1);
  bytes.reserve(total);
  offsets.push_back(0);
  for (const auto& value : values) {
    bytes.insert(bytes.end(), value.begin(), value.end());
    offsets.push_back(bytes.size());
  }
}

}  // namespace

Dictionary::Dictionary() : offsets_{0}, fingerprint_(compute_fingerprint(offsets_, bytes_)) {}

Dictionary::Dictionary(const std::vector<std::string>& values) {
  std::vector<uint64_t> offsets;
  std::vector<char> bytes;
  build(values, offsets, bytes);
  offsets_ = std::move(offsets);
  bytes_ = std::move(bytes);
  fingerprint_ = compute_fingerprint(offsets_, bytes_);
}

Dictionary Dictionary::from_views(const std::vector<std::string_view>& values) {
  std::vector<uint64_t> offsets;
  std::vector<char> bytes;
  build(values, offsets, bytes);
  Dictionary dictionary;
  dictionary.offsets_ = std::move(offsets);
  dictionary.bytes_ = std::move(bytes);
  dictionary.fingerprint_ = compute_fingerprint(dictionary.offsets_, dictionary.bytes_);
  return dictionary;
}

Dictionary Dictionary::from_parts(std::vector<uint64_t> offsets, std::vector<char> bytes) {
  Dictionary dictionary;
  dictionary.offsets_ = std::move(offsets);
  dictionary.bytes_ = std::move(bytes);
  dictionary.fingerprint_ = compute_fingerprint(dictionary.offsets_, dictionary.bytes_);
  return dictionary;
}

Dictionary Dictionary::borrow(ColumnArray<uint64_t> offsets, ColumnArray<char> bytes,
                              uint64_t fingerprint) {
  Dictionary dictionary;
  dictionary.offsets_ = std::move(offsets);
  dictionary.bytes_ = std::move(bytes);
  dictionary.fingerprint_ = fingerprint;
  return dictionary;
}

uint64_t Dictionary::compute_fingerprint(const ColumnArray<uint64_t>& offsets,
                                         const ColumnArray<char>& bytes) {
  const uint64_t shape = XXH3_64bits(offsets.data(), offsets.size() * sizeof(uint64_t));
  return XXH3_64bits_withSeed(bytes.data(), bytes.size(), shape);
}

std::optional<uint32_t> Dictionary::find_sorted(std::string_view text) const {
  const iterator found = std::lower_bound(begin(), end(), text);
  if (found == end() || *found != text) return std::nullopt;
  return static_cast<uint32_t>(found - begin());
}

std::vector<std::string> Dictionary::to_vector() const {
  std::vector<std::string> values;
  values.reserve(size());
  for (std::string_view value : *this) values.emplace_back(value);
  return values;
}

bool operator==(const Dictionary& a, const Dictionary& b) {
  return a.fingerprint_ == b.fingerprint_ && a.offsets_ == b.offsets_ && a.bytes_ == b.bytes_;
}

bool operator==(const Dictionary& a, const std::vector<std::string>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

}  // namespace segc::runtime
