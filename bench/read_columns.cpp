#include "read_columns.h"

namespace segc::bench {
namespace {

// One array as 64-bit words (arrays are 8-byte aligned and padded to whole
// words by the loader), plus its tail bytes when its size is not a multiple of 8.
struct Span {
  const void* data;
  size_t bytes;
};

std::vector<Span> arrays_of(const runtime::Table& table, size_t field) {
  const runtime::Column& column = table.columns[field];
  const size_t rows = table.row_count;
  std::vector<Span> spans{{column.present.words(), (rows + 63) / 64 * 8}};
  switch (column.spec.kind) {
    case runtime::ColumnKind::Float:
      spans.push_back({column.floats.data(), rows * 8});
      break;
    case runtime::ColumnKind::Bool:
      spans.push_back({column.bools.words(), (rows + 63) / 64 * 8});
      break;
    case runtime::ColumnKind::StringSet: {
      if (column.width != 0) {  // the generated code reads only the masks (runtime/set_masks.h)
        spans.push_back({column.data(), rows * static_cast<size_t>(column.width)});
        break;
      }
      spans.push_back({column.set_offsets.data(), (rows + 1) * 4});
      const size_t elements = rows == 0 ? 0 : column.set_offsets.data()[rows];
      spans.push_back({column.set_codes.data(), elements * 4});
      break;
    }
    default:
      spans.push_back({column.data(), rows * static_cast<size_t>(column.width)});
      break;
  }
  return spans;
}

uint64_t xor_words(const Span& span) {
  const auto* words = static_cast<const uint64_t*>(span.data);
  const size_t count = span.bytes / 8;
  uint64_t a = 0, b = 0, c = 0, d = 0;  // independent chains: the loop vectorises
  size_t i = 0;
  for (; i + 4 <= count; i += 4) {
    a ^= words[i];
    b ^= words[i + 1];
    c ^= words[i + 2];
    d ^= words[i + 3];
  }
  for (; i < count; ++i) a ^= words[i];
  const auto* bytes = static_cast<const unsigned char*>(span.data);
  for (size_t j = count * 8; j < span.bytes; ++j) a ^= bytes[j];
  return a ^ b ^ c ^ d;
}

}  // namespace

uint64_t read_columns_once(const runtime::Table& table, const std::vector<size_t>& fields) {
  uint64_t result = 0;
  for (size_t field : fields) {
    for (const Span& span : arrays_of(table, field)) result ^= xor_words(span);
  }
  return result;
}

size_t column_bytes(const runtime::Table& table, const std::vector<size_t>& fields) {
  size_t bytes = 0;
  for (size_t field : fields) {
    for (const Span& span : arrays_of(table, field)) bytes += span.bytes;
  }
  return bytes;
}

}  // namespace segc::bench
