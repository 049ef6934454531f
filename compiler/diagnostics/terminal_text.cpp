#include "diagnostics/terminal_text.h"

#include <fmt/format.h>
#include <llvm/Support/ConvertUTF.h>

namespace segc {
namespace {

bool is_unsafe(llvm::UTF32 c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F ||
         (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

std::string terminal_safe(std::string_view text, LineBreaks line_breaks) {
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const llvm::UTF8*>(text.data());
  const auto* end = bytes + text.size();
  for (const llvm::UTF8* at = bytes; at < end;) {
    const llvm::UTF8 first = *at;
    if (first >= 0x20 && first < 0x7F) {  // the common case first
      out.push_back(static_cast<char>(first));
      ++at;
      continue;
    }
    if (first == '\t' || (first == '\n' && line_breaks == LineBreaks::Keep)) {
      out.push_back(static_cast<char>(first));
      ++at;
      continue;
    }
    if (first == '\n') {
      out += "\\n";
      ++at;
      continue;
    }
    const llvm::UTF8* start = at;
    llvm::UTF32 code_point = 0;
    if (llvm::convertUTF8Sequence(&at, end, &code_point, llvm::strictConversion) !=
        llvm::conversionOK) {
      out += fmt::format("\\x{{{:X}}}", static_cast<unsigned>(first));
      at = start + 1;
      continue;
    }
    if (is_unsafe(code_point)) {
      out += fmt::format("\\u{{{:X}}}", static_cast<unsigned>(code_point));
    } else {
      out.append(reinterpret_cast<const char*>(start), static_cast<size_t>(at - start));
    }
  }
  return out;
}

}  // namespace segc
