// Reading one customer's values out of the columnar table (runtime/table.h).
#include "evaluate/reference_interpreter.h"

namespace segc::evaluate {

TableRowView::TableRowView(const CheckedProgram& program, const runtime::Table& table,
                           const SegmentMembership& membership, size_t row)
    : program_(program), table_(table), membership_(membership), row_(row) {}

Value TableRowView::field(size_t field_index) const {
  const runtime::Column& column = table_.columns[field_index];
  if (!column.present.test(row_)) return Missing{};
  switch (column.spec.kind) {
    case runtime::ColumnKind::Int: return column.int_at(row_);
    case runtime::ColumnKind::Decimal: return DecimalValue{column.int_at(row_), column.spec.scale};
    case runtime::ColumnKind::Float: return column.floats[row_];
    case runtime::ColumnKind::Bool: return column.bools.test(row_);
    case runtime::ColumnKind::String: return std::string(column.dictionary[column.code_at(row_)]);
    case runtime::ColumnKind::Enum:
      return EnumValue{static_cast<int>(column.code_at(row_)),
                       program_.schema.fields[field_index].type.enumeration};
    case runtime::ColumnKind::Date: return DateValue{static_cast<int32_t>(column.int_at(row_))};
    case runtime::ColumnKind::StringSet: {
      // Codes are ascending into a sorted dictionary, so the elements are sorted.
      SetValue set;
      for (uint32_t i = column.set_offsets[row_]; i < column.set_offsets[row_ + 1]; ++i) {
        set.elements.emplace_back(column.dictionary[column.set_codes[i]]);
      }
      return set;
    }
  }
  return Missing{};
}

bool TableRowView::member(size_t segment_index) const {
  return membership_.members[segment_index].test(row_);
}

}  // namespace segc::evaluate
