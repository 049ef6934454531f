// Hints for data errors that come from how a file was exported rather than
// from bad values: a Russian (or German) Excel export writes dates as
// DD.MM.YYYY and decimals with a comma, and may save as Windows-1251. Each
// such file gives an error per value, and none of them says which flag or
// command fixes them all; the hints say it once per file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "runtime/csv_loader.h"

namespace segc::runtime::csv {

// The hints for `errors` (reported or rejected rows' reasons) of a load with
// `options`; `file_start` is the beginning of the file (a few hundred KB is
// plenty), read for the encoding; `path` names it in commands. Each hint is one sentence, without the file
// name.
std::vector<std::string> export_hints(const std::vector<const DataError*>& errors, const CsvOptions& options,
                                      const std::string& path, std::string_view file_start);

// Whether `bytes` are not UTF-8 but read as Windows-1251 text: invalid UTF-8,
// with nearly every byte above 0x7F a Cyrillic letter in that code page.
bool looks_like_windows_1251(std::string_view bytes);

}  // namespace segc::runtime::csv
