// The report of `segc diff` (driver/segment_diff.h) as text for a terminal,
// JSON for tools and Markdown for a pull-request comment (docs/diff.md).
#pragma once

#include <string>

#include "driver/segment_diff.h"

namespace segc::output {

// What the report compares: shown in its headline.
struct DiffHeading {
  std::string base;    // the revision as given
  std::string commit;  // its hash
  std::string data;
  std::string as_of;   // YYYY-MM-DD
};

// Text and Markdown list what changed (every entry with `all`) and count the
// rest; JSON lists everything.
std::string render_diff_text(const DiffReport& report, const DiffHeading& heading, bool all);
std::string render_diff_json(const DiffReport& report, const DiffHeading& heading);
std::string render_diff_markdown(const DiffReport& report, const DiffHeading& heading, bool all);

}  // namespace segc::output
