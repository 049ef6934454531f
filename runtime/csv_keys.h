// Remembers the line of every key loaded so far, to report duplicates with
// both lines. Files are usually sorted by key, so while keys ascend they are
// only appended to a list (no hashing, no cache misses); the first key out of
// order moves them into an open-addressing table. String keys arrive as dense
// dictionary codes and use a plain vector.
//
// The list holds key i and its line as differences from i, each in the
// fewest bytes that hold them (WideningVector): ids 1, 2, 3, ... one per line
// are a byte and a byte per key, not 16 bytes (160 MB at 10M rows).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "runtime/widening_vector.h"

namespace segc::runtime::csv {

class KeyLines {
 public:
  void reserve(size_t keys) {
    ascending_keys_.reserve(keys);
    ascending_lines_.reserve(keys);
  }

  // 0 when `key` is new (it is then recorded on `line`), else its first line.
  size_t insert_int(int64_t key, size_t line) {
    if (hashed_) return insert_hashed(key, line);
    const size_t count = ascending_keys_.size();
    if (count == 0 || key > last_key_) {
      ascending_keys_.push_back(difference(static_cast<uint64_t>(key), count));
      ascending_lines_.push_back(difference(line, count));
      last_key_ = key;
      return 0;
    }
    hashed_ = true;
    size_t capacity = 16;
    while (capacity < count * 4) capacity *= 2;
    rehash(capacity);
    for_each_ascending([&](int64_t old_key, size_t old_line) { insert_hashed(old_key, old_line); });
    ascending_keys_ = {};
    ascending_lines_ = {};
    return insert_hashed(key, line);
  }

  size_t insert_code(uint32_t code, size_t line) {
    if (code >= code_lines_.size()) code_lines_.resize(code + size_t{1}, 0);
    if (code_lines_[code] != 0) return code_lines_[code];
    code_lines_[code] = line;
    return 0;
  }

  // For joining ranges loaded apart (csv_chunks.cpp): whether the int keys
  // came in ascending order, then the first and last of them.
  bool ascending() const { return !hashed_; }
  bool empty() const { return hashed_ ? count_ == 0 : ascending_keys_.size() == 0; }
  int64_t first_key() const { return ascending_keys_[0]; }  // key 0 - 0
  int64_t last_key() const { return last_key_; }

  // Calls visit(key, line) for every int key recorded (in no set order).
  template <class Visit>
  void for_each_int(Visit&& visit) const {
    if (!hashed_) return for_each_ascending(visit);
    for (const Slot& slot : slots_) {
      if (slot.line != 0) visit(slot.key, slot.line);
    }
  }
  // Calls visit(code, line) for every string key code recorded.
  template <class Visit>
  void for_each_code(Visit&& visit) const {
    for (uint32_t code = 0; code < code_lines_.size(); ++code) {
      if (code_lines_[code] != 0) visit(code, code_lines_[code]);
    }
  }

 private:
  // value - index, wrapping: undone by adding the index back.
  static int64_t difference(uint64_t value, size_t index) { return static_cast<int64_t>(value - index); }
  static uint64_t undo(int64_t difference, size_t index) { return static_cast<uint64_t>(difference) + index; }

  template <class Visit>
  void for_each_ascending(Visit&& visit) const {
    ascending_keys_.visit([&](const auto& keys) {
      ascending_lines_.visit([&](const auto& lines) {
        for (size_t i = 0; i < keys.size(); ++i) {
          visit(static_cast<int64_t>(undo(keys[i], i)), static_cast<size_t>(undo(lines[i], i)));
        }
      });
    });
  }

  struct Slot {
    int64_t key = 0;
    size_t line = 0;  // 0: empty (lines count from 1)
  };

  size_t insert_hashed(int64_t key, size_t line) {
    if ((count_ + 1) * 2 > slots_.size()) rehash(slots_.size() * 2);
    Slot& slot = find(key);
    if (slot.line != 0) return slot.line;
    slot = Slot{key, line};
    ++count_;
    return 0;
  }

  Slot& find(int64_t key) {
    const size_t mask = slots_.size() - 1;
    const uint64_t hash = static_cast<uint64_t>(key) * 0x9E3779B97F4A7C15ULL;
    size_t at = static_cast<size_t>(hash ^ (hash >> 32)) & mask;
    while (slots_[at].line != 0 && slots_[at].key != key) at = (at + 1) & mask;
    return slots_[at];
  }

  void rehash(size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity < 16 ? 16 : capacity, Slot{});
    for (const Slot& slot : old) {
      if (slot.line != 0) find(slot.key) = slot;
    }
  }

  // While every key so far was larger than the one before: key i - i and
  // line i - i (see difference), and the last key.
  LoadingInts ascending_keys_;
  LoadingInts ascending_lines_;
  int64_t last_key_ = 0;
  bool hashed_ = false;
  std::vector<Slot> slots_;
  size_t count_ = 0;
  std::vector<size_t> code_lines_;
};

}  // namespace segc::runtime::csv
