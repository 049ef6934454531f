#include "codegen/table_check.h"

#include <fmt/format.h>

#include <functional>
#include <string>

#include "evaluate/table_schema.h"
#include "runtime/set_masks.h"

namespace segc::codegen {

llvm::Error check_table(const CheckedProgram& program, const runtime::Table& table) {
  const runtime::TableSchema expected = evaluate::table_schema_for(program.schema);
  if (table.columns.size() != expected.columns.size()) {
    return llvm::createStringError(fmt::format("the table has {} columns, the schema {} fields",
                                               table.columns.size(), expected.columns.size()));
  }
  const size_t rows = table.row_count;
  for (size_t i = 0; i < table.columns.size(); ++i) {
    const runtime::Column& column = table.columns[i];
    const runtime::ColumnSpec& spec = expected.columns[i];
    auto bad = [&](const char* what) {
      return llvm::createStringError(
          fmt::format("column {} ('{}') does not fit the schema: {}", i, spec.name, what));
    };
    if (column.spec.kind != spec.kind) return bad("wrong kind");
    if (column.present.size() != rows) return bad("presence bitmap of the wrong length");
    const auto width = static_cast<size_t>(column.width);
    switch (spec.kind) {
      case runtime::ColumnKind::Float:
        if (column.floats.size() != rows) return bad("wrong number of floats");
        break;
      case runtime::ColumnKind::Bool:
        if (column.bools.size() != rows) return bad("value bitmap of the wrong length");
        break;
      case runtime::ColumnKind::StringSet:
        if (column.set_offsets.size() != rows + 1 ||
            (rows > 0 && column.set_offsets.back() > column.set_codes.size())) {
          return bad("set offsets do not match the rows");
        }
        // Masks are read by the generated code when width is not 0.
        if (width != 0 && (static_cast<int>(width) != runtime::set_mask_width(column.dictionary.size()) ||
                           column.storage.size() * 8 < rows * width)) {
          return bad("set masks do not match the dictionary or the rows");
        }
        break;
      case runtime::ColumnKind::String:
      case runtime::ColumnKind::Enum:
        if (width != 1 && width != 2 && width != 4) return bad("unsupported code width");
        if (spec.kind == runtime::ColumnKind::Enum && column.dictionary != spec.enum_values) {
          return bad("the dictionary is not the enum's values");
        }
        if (column.storage.size() * 8 < rows * width) return bad("too few codes");
        // `max` is 0 when no row is present; counting the presence bits (a
        // pass over the bitmap) is only needed to tell that case apart when
        // the dictionary is empty.
        if (rows > 0 && static_cast<size_t>(column.max) >= column.dictionary.size() &&
            (!column.dictionary.empty() || column.present.count() > 0)) {
          return bad("codes beyond the dictionary");
        }
        break;
      default:
        if (width != 1 && width != 2 && width != 4 && width != 8) return bad("unsupported width");
        if (column.storage.size() * 8 < rows * width) return bad("too few values");
        break;
    }
  }
  return llvm::Error::success();
}

TableShape shape_of(const runtime::Table& table, const std::vector<size_t>& fields) {
  TableShape shape;
  shape.fields = fields;
  for (size_t field : fields) {
    const runtime::Column& column = table.columns[field];
    shape.widths.push_back(column.width);
    // Computed when the dictionary was built (or read from the file): no
    // pass over the strings on every evaluate.
    shape.dictionary_hashes.push_back(column.dictionary.fingerprint());
  }
  return shape;
}

}  // namespace segc::codegen
