// Warnings about rules on the data they run on, found by trying segc as a
// marketer would (docs/warnings.md, W0701..W0705): a string value no customer
// has (`city = "Масква"` selects nobody, silently), a segment with no members
// or with every customer, a field missing on every row (a dropped CSV column),
// and string values with stray spaces that `=` will never match. They follow
// `# segc: allow CODE` and --werror like the checker's warnings.
#pragma once

#include <string>
#include <vector>

#include "diagnostics/diagnostic.h"
#include "evaluate/segment_membership.h"
#include "runtime/table.h"
#include "semantic/checked_program.h"
#include "source/source_file.h"

namespace segc::evaluate {

// The warnings for `segments` (and what they reference) over `table`, whose
// columns follow the program's schema; `data` names the table in messages.
// W0702 and W0703 need every one of `segments` computed in `membership`; with
// no membership they are left out. Allow comments are applied.
DiagnosticList data_lints(const CheckedProgram& program, const SourceManager& sources, const runtime::Table& table,
                          const std::string& data, const std::vector<size_t>& segments,
                          const SegmentMembership* membership);

}  // namespace segc::evaluate
