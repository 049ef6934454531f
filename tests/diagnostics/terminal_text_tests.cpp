// terminal_safe: what every human-readable output passes user text through.
#include <catch2/catch.hpp>

#include <string>

#include "diagnostics/terminal_text.h"

using segc::LineBreaks;
using segc::terminal_safe;

TEST_CASE("terminal text: control characters are written as Seg escapes", "[terminal]") {
  using namespace std::string_literals;
  CHECK(terminal_safe("\x1b]0;title\x07") == "\\u{1B}]0;title\\u{7}");
  CHECK(terminal_safe("a\0b"s) == "a\\u{0}b");
  CHECK(terminal_safe("line\rover") == "line\\u{D}over");
  CHECK(terminal_safe("del\x7f") == "del\\u{7F}");
  CHECK(terminal_safe("c1 \xC2\x9B" "31m") == "c1 \\u{9B}31m");  // CSI as one code point
  CHECK(terminal_safe("\xE2\x80\xAE" "evil\xE2\x81\xA6" "x\xE2\x80\x8F") ==
        "\\u{202E}evil\\u{2066}x\\u{200F}");
  CHECK(terminal_safe("sep\xE2\x80\xA8") == "sep\\u{2028}");
}

TEST_CASE("terminal text: tabs, text and Cyrillic are kept; newlines as asked", "[terminal]") {
  CHECK(terminal_safe("\tгород = \"Москва\" ✓ 😀") == "\tгород = \"Москва\" ✓ 😀");
  CHECK(terminal_safe("one\ntwo") == "one\\ntwo");
  CHECK(terminal_safe("one\ntwo\x1b", LineBreaks::Keep) == "one\ntwo\\u{1B}");
}

TEST_CASE("terminal text: bytes that are not UTF-8 are written as \\x{HEX}", "[terminal]") {
  CHECK(terminal_safe("\xCC\xEE\xF1") == "\\x{CC}\\x{EE}\\x{F1}");
  CHECK(terminal_safe("ok\xD0") == "ok\\x{D0}");                  // cut short
  CHECK(terminal_safe("\xC0\xAF") == "\\x{C0}\\x{AF}");            // overlong '/'
  CHECK(terminal_safe("\xED\xA0\x80") == "\\x{ED}\\x{A0}\\x{80}");  // a surrogate
}
