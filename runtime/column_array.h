// One array of a column: either owned (a std::vector, as the CSV loader and
// tests build it) or borrowed from read-only memory that someone else keeps
// alive (a memory-mapped columnar file, runtime/columnar_file.h). Readers see
// one interface, const pointers and sizes, whichever it is.
//
// Writing goes through edit(), which first copies a borrowed array into an
// owned one (copy on write): a table opened from a file is never written
// through, and code that builds tables keeps using vector operations.
#pragma once

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <vector>

namespace segc::runtime {

template <class T>
class ColumnArray {
 public:
  ColumnArray() = default;
  ColumnArray(std::vector<T> values) : owned_(std::move(values)) {}  // NOLINT: implicit on purpose
  ColumnArray(std::initializer_list<T> values) : owned_(values) {}

  // `size` elements at `data`, valid as long as `keeper` is held.
  static ColumnArray borrow(const T* data, size_t size, std::shared_ptr<const void> keeper) {
    ColumnArray array;
    array.borrowed_ = data;
    array.borrowed_size_ = size;
    array.keeper_ = std::move(keeper);
    return array;
  }

  bool is_borrowed() const { return borrowed_ != nullptr; }
  size_t size() const { return borrowed_ != nullptr ? borrowed_size_ : owned_.size(); }
  bool empty() const { return size() == 0; }
  const T* data() const { return borrowed_ != nullptr ? borrowed_ : owned_.data(); }
  const T& operator[](size_t index) const { return data()[index]; }
  const T* begin() const { return data(); }
  const T* end() const { return data() + size(); }
  const T& back() const { return data()[size() - 1]; }

  // The owned vector, after copying a borrowed array into it.
  std::vector<T>& edit() {
    if (borrowed_ != nullptr) {
      owned_.assign(borrowed_, borrowed_ + borrowed_size_);
      borrowed_ = nullptr;
      borrowed_size_ = 0;
      keeper_.reset();
    }
    return owned_;
  }
  void push_back(const T& value) { edit().push_back(value); }
  void reserve(size_t count) { edit().reserve(count); }
  void resize(size_t count, const T& value = T{}) { edit().resize(count, value); }
  void assign(size_t count, const T& value) {
    release();
    owned_.assign(count, value);
  }
  void clear() {
    release();
    owned_.clear();
  }

  friend bool operator==(const ColumnArray& a, const ColumnArray& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }
  friend bool operator==(const ColumnArray& a, const std::vector<T>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  void release() {
    borrowed_ = nullptr;
    borrowed_size_ = 0;
    keeper_.reset();
  }

  std::vector<T> owned_;
  const T* borrowed_ = nullptr;
  size_t borrowed_size_ = 0;
  std::shared_ptr<const void> keeper_;
};

}  // namespace segc::runtime
