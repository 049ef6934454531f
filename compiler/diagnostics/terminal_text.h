// Text from rule files, data files and file names, made safe to print where
// people read it: a terminal or a CI log. Rule files in a pull request are
// untrusted, and an escape sequence echoed from them could recolour, clear or
// retitle the reader's terminal, hide a line behind a carriage return, turn
// text into a link (OSC 8) or reorder it (bidi overrides, "Trojan Source");
// a NUL would cut a C string short.
#pragma once

#include <string>
#include <string_view>

namespace segc {

enum class LineBreaks {
  Escape,  // the text is one line of a message: '\n' is written as \n
  Keep,    // the text is a block of lines segc laid out itself
};

// Writes control characters the way a Seg string literal writes them, so the
// reader can still tell what is there: C0 controls but tab (and '\n' when
// kept), DEL, C1 controls, the bidi controls (U+061C, U+200E, U+200F,
// U+202A-U+202E, U+2066-U+2069) and U+2028/U+2029 become \u{HEX} (NUL is
// \u{0}, ESC \u{1B}); a byte that is not UTF-8 becomes \x{HEX}. Everything
// else, Cyrillic included, is kept. Used by every human-readable output.
std::string terminal_safe(std::string_view text, LineBreaks line_breaks = LineBreaks::Escape);

}  // namespace segc
