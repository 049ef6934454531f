// The table layout a checked schema asks of the data: one column per field,
// in schema order, so that column i is always field i.
#pragma once

#include "runtime/table.h"
#include "semantic/checked_program.h"

namespace segc::evaluate {

runtime::TableSchema table_schema_for(const Schema& schema);

}  // namespace segc::evaluate
