// Finding one customer by key (`segc explain --key ID`): the key as the user
// typed it, read as the key field's type, and when no row has it the keys
// nearest to it, so that a typo or an off-by-one id is one step from fixed.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/table.h"

namespace segc {

struct CustomerLookup {
  std::optional<size_t> row;         // the customer's row, when found
  std::string problem;               // why the text is no key of this type, else empty
  std::vector<std::string> nearest;  // when not found: up to 3 keys that exist, nearest first
};

// An int key: nearest by value. A string key: the closest by edit distance,
// then its neighbours in sorted order.
CustomerLookup find_customer(const runtime::Table& table, std::string_view key);

}  // namespace segc
