// Joins the columns of ranges loaded apart (csv_chunks.h) into one column:
// rows one after the other, the ranges' sorted string dictionaries merged into
// one sorted dictionary and codes renumbered to it, widths chosen anew.
#pragma once

#include <vector>

#include "runtime/table.h"

namespace segc::runtime::csv {

// `parts` (taken apart) are the same schema field's columns, in row order.
Column join_columns(std::vector<Column>& parts);

}  // namespace segc::runtime::csv
