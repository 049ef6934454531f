// The strings of a String, Enum or StringSet column, indexed by code
// (runtime/table.h says how they are ordered). Stored as one byte array and
// an offset per entry (entry i is bytes[offsets[i] .. offsets[i+1])), owned or
// borrowed from a memory-mapped file: opening a file with ten million
// distinct e-mail addresses makes no string at all.
//
// The fingerprint (XXH3 of offsets and bytes) is computed once when the
// dictionary is built, or read from the file, so that compiled code can check
// cheaply that a table has the dictionaries it was specialised to.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/column_array.h"

namespace segc::runtime {

class Dictionary {
 public:
  Dictionary();
  Dictionary(const std::vector<std::string>& values);  // NOLINT: implicit on purpose
  Dictionary(std::initializer_list<std::string> values) : Dictionary(std::vector<std::string>(values)) {}
  static Dictionary from_views(const std::vector<std::string_view>& values);
  // Owned parts built by a loader; `offsets` has size() + 1 entries, the
  // first 0 and the last bytes.size().
  static Dictionary from_parts(std::vector<uint64_t> offsets, std::vector<char> bytes);
  // Borrowed parts, as a file holds them; `offsets` has size() + 1 entries.
  // The caller has checked the offsets (see columnar_verify.cpp) or will
  // before reading an entry.
  static Dictionary borrow(ColumnArray<uint64_t> offsets, ColumnArray<char> bytes,
                           uint64_t fingerprint);

  size_t size() const { return offsets_.size() - 1; }
  bool empty() const { return size() == 0; }
  std::string_view operator[](size_t code) const {
    return {bytes_.data() + offsets_[code], static_cast<size_t>(offsets_[code + 1] - offsets_[code])};
  }
  uint64_t fingerprint() const { return fingerprint_; }
  const ColumnArray<uint64_t>& offsets() const { return offsets_; }
  const ColumnArray<char>& bytes() const { return bytes_; }

  // The code of `text` in a dictionary sorted by code point (String and
  // StringSet columns), by binary search.
  std::optional<uint32_t> find_sorted(std::string_view text) const;
  std::vector<std::string> to_vector() const;

  // XXH3 of the parts, as fingerprint() holds it for a consistent dictionary.
  static uint64_t compute_fingerprint(const ColumnArray<uint64_t>& offsets,
                                      const ColumnArray<char>& bytes);

  class iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using reference = std::string_view;
    using pointer = void;

    iterator() = default;
    iterator(const Dictionary* dictionary, size_t index) : dictionary_(dictionary), index_(index) {}
    std::string_view operator*() const { return (*dictionary_)[index_]; }
    std::string_view operator[](difference_type n) const { return *(*this + n); }
    iterator& operator++() { return ++index_, *this; }
    iterator operator++(int) { return iterator(dictionary_, index_++); }
    iterator& operator--() { return --index_, *this; }
    iterator operator--(int) { return iterator(dictionary_, index_--); }
    iterator& operator+=(difference_type n) { return index_ += static_cast<size_t>(n), *this; }
    iterator& operator-=(difference_type n) { return index_ -= static_cast<size_t>(n), *this; }
    friend iterator operator+(iterator it, difference_type n) { return it += n; }
    friend iterator operator+(difference_type n, iterator it) { return it += n; }
    friend iterator operator-(iterator it, difference_type n) { return it -= n; }
    friend difference_type operator-(const iterator& a, const iterator& b) {
      return static_cast<difference_type>(a.index_) - static_cast<difference_type>(b.index_);
    }
    friend bool operator==(const iterator& a, const iterator& b) { return a.index_ == b.index_; }
    friend auto operator<=>(const iterator& a, const iterator& b) { return a.index_ <=> b.index_; }

   private:
    const Dictionary* dictionary_ = nullptr;
    size_t index_ = 0;
  };
  iterator begin() const { return iterator(this, 0); }
  iterator end() const { return iterator(this, size()); }

  friend bool operator==(const Dictionary& a, const Dictionary& b);
  friend bool operator==(const Dictionary& a, const std::vector<std::string>& b);

 private:
  ColumnArray<uint64_t> offsets_;
  ColumnArray<char> bytes_;
  uint64_t fingerprint_ = 0;
};

}  // namespace segc::runtime
