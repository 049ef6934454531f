// The page of `segc report`: one self-contained HTML file (docs/report.md).
// Styles and the one small script (sorting tables) are inline and allowed by
// the page's Content-Security-Policy by their SHA-256 alone, so nothing else
// runs or loads, not even from text a rule file or the data put on the page
// (all of which is escaped). The same data gives the same bytes: no clock,
// no random ids.
#pragma once

#include <cstddef>
#include <string>

#include "report/report_data.h"

namespace segc::report {

struct PageOptions {
  size_t heat_map_limit = 40;  // segments in the heat map; the largest when there are more
  size_t top_pairs = 20;       // rows of the table of most overlapping pairs
};

std::string render_html_report(const ReportData& data, const PageOptions& options);

}  // namespace segc::report
