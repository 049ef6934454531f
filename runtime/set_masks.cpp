#include "runtime/set_masks.h"

namespace segc::runtime {
namespace {

template <class Mask>
void fill_masks(Column& column, size_t rows) {
  auto* masks = reinterpret_cast<Mask*>(column.storage.edit().data());
  const uint32_t* offsets = column.set_offsets.data();
  const uint32_t* codes = column.set_codes.data();
  for (size_t row = 0; row < rows; ++row) {
    Mask mask = 0;
    for (uint32_t k = offsets[row]; k < offsets[row + 1]; ++k) mask |= Mask{1} << codes[k];
    masks[row] = mask;
  }
}

}  // namespace

int set_mask_width(size_t values) {
  if (values <= 8) return 1;
  if (values <= 16) return 2;
  if (values <= 32) return 4;
  if (values <= kMaxSetMaskValues) return 8;
  return 0;
}

void store_set_masks(Column& column) {
  const size_t rows = column.set_offsets.empty() ? 0 : column.set_offsets.size() - 1;
  column.width = set_mask_width(column.dictionary.size());
  if (column.width == 0) {
    column.storage = std::vector<uint64_t>{};
    return;
  }
  column.storage.assign((rows * static_cast<size_t>(column.width) + 7) / 8, 0);
  switch (column.width) {
    case 1: fill_masks<uint8_t>(column, rows); break;
    case 2: fill_masks<uint16_t>(column, rows); break;
    case 4: fill_masks<uint32_t>(column, rows); break;
    default: fill_masks<uint64_t>(column, rows); break;
  }
}

}  // namespace segc::runtime
