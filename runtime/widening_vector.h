// The values of a column while it is loaded, each in the narrowest of a few
// integer types that holds every value so far: a value that needs more
// widens the vector, copying what came before once.
//
// Ages fit 8 bits, dates (days from 1970, 1880 to 2059) and most counts 16,
// ids and amounts 32; the codes of an enum or of a column of a few hundred
// cities fit 8 or 16. Every byte of a loading array is memory the kernel
// must fault in and zero, which at 10M rows is most of what loading a
// column costs: 10 MB for ages instead of 40 in 32 bits. Finishing the
// column reads it again, and packs it to the width its range needs anyway.
#pragma once

#include <cstddef>
#include <cstdint>
#include <tuple>
#include <vector>

#include "runtime/huge_pages.h"

namespace segc::runtime {

// Types: from narrowest to widest, all signed or all unsigned.
template <class... Types>
class WideningVector {
  static constexpr size_t kLevels = sizeof...(Types);
  template <size_t L>
  using TypeAt = std::tuple_element_t<L, std::tuple<Types...>>;

 public:
  using Widest = TypeAt<kLevels - 1>;

  void reserve(size_t count) {
    reserved_ = count;
    edit([&](auto& values) { reserve_huge(values, count); });
  }

  // Inlined whole: the loaders push a value per row.
  [[gnu::always_inline]] void push_back(Widest value) { push_at<0>(value); }

  size_t size() const {
    size_t count = 0;
    visit([&](const auto& values) { count = values.size(); });
    return count;
  }
  Widest operator[](size_t row) const {
    Widest value = 0;
    visit([&](const auto& values) { value = values[row]; });
    return value;
  }
  Widest back() const { return (*this)[size() - 1]; }

  // Keeps the first `count` values (count <= size()).
  void truncate(size_t count) {
    edit([&](auto& values) { values.resize(count); });
  }

  void append(const WideningVector& other) {
    if (other.level_ > level_) widen_from<0>(other.level_);
    edit([&](auto& values) {
      other.visit([&](const auto& more) { values.insert(values.end(), more.begin(), more.end()); });
    });
  }

  // Calls `use` with the vector that holds the values.
  template <class Use>
  void visit(Use&& use) const {
    visit_at<0>(*this, use);
  }
  // Likewise, to change values in place (each must stay within its type).
  template <class Use>
  void edit(Use&& use) {
    visit_at<0>(*this, use);
  }

 private:
  template <class T>
  static bool fits(Widest value) {
    return static_cast<Widest>(static_cast<T>(value)) == value;
  }
  template <size_t L = 0>
  static size_t level_for(Widest value) {
    if constexpr (L + 1 == kLevels) {
      return L;
    } else {
      return fits<TypeAt<L>>(value) ? L : level_for<L + 1>(value);
    }
  }

  template <size_t L, class Self, class Use>
  static void visit_at(Self& self, Use& use) {
    if constexpr (L + 1 == kLevels) {
      use(std::get<L>(self.values_));
    } else if (self.level_ == L) {
      use(std::get<L>(self.values_));
    } else {
      visit_at<L + 1>(self, use);
    }
  }

  template <size_t L>
  [[gnu::always_inline]] void push_at(Widest value) {
    if constexpr (L + 1 == kLevels) {
      std::get<L>(values_).push_back(value);
    } else if (level_ != L) {
      push_at<L + 1>(value);
    } else if (fits<TypeAt<L>>(value)) {
      std::get<L>(values_).push_back(static_cast<TypeAt<L>>(value));
    } else {
      widen_and_push(value);
    }
  }

  // Out of line, so that push_back stays small enough to be inlined.
  [[gnu::noinline]] void widen_and_push(Widest value) {
    widen_from<0>(level_for(value));
    push_back(value);
  }

  // Copies the values, held at level From (the current one), into the
  // vector of `level` (above it) and frees the narrower one.
  template <size_t From>
  void widen_from(size_t level) {
    if constexpr (From + 1 < kLevels) {
      if (level_ != From) return widen_from<From + 1>(level);
      auto& narrower = std::get<From>(values_);
      level_ = level;
      edit([&](auto& wider) {
        reserve_huge(wider, reserved_ > narrower.size() ? reserved_ : narrower.size());
        wider.assign(narrower.begin(), narrower.end());
      });
      narrower = {};
    }
  }

  size_t level_ = 0;  // which of values_ holds the values
  size_t reserved_ = 0;
  std::tuple<std::vector<Types>...> values_;
};

// Int, decimal and date values.
using LoadingInts = WideningVector<int8_t, int16_t, int32_t, int64_t>;
// Enum values and loading codes of strings.
using LoadingCodes = WideningVector<uint8_t, uint16_t, uint32_t>;

}  // namespace segc::runtime
