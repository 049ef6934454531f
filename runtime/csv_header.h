// The header row: which schema column each CSV column feeds, and what is
// wrong with the header (unknown or repeated names, no key column).
#pragma once

#include <string>
#include <vector>

#include "runtime/csv_loader.h"
#include "runtime/csv_reader.h"

namespace segc::runtime::csv {

struct HeaderMapping {
  std::vector<int> column_of_field;  // per CSV column: schema column index, -1 when not used
  std::vector<std::string> names;    // per CSV column, as written (blanks trimmed)
};

// Maps `header` onto `schema`, appending every header problem to `errors`.
HeaderMapping map_header(const RecordReader& reader, const Record& header, const TableSchema& schema,
                         std::vector<DataError>& errors);

}  // namespace segc::runtime::csv
