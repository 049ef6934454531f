// The character stream the lexer reads: the file's code points, except that
// each non-ASCII one is shown to the lexer as an ASCII stand-in that every
// lexer rule treats the same way. ANTLR's lexer caches its decisions only for
// characters up to 127 and simulates its ATN afresh for every other one, so
// Cyrillic rules took several times longer to check than Latin ones (issue
// 16). Token text, positions and columns still come from the real code
// points: only LA(), which the lexer's decisions read, sees the stand-ins.
#pragma once

#include <ANTLRInputStream.h>

#include <string>

namespace segc {

class LexerInput : public antlr4::ANTLRInputStream {
 public:
  explicit LexerInput(const std::string& utf8);
  size_t LA(ssize_t i) override;

 private:
  // _data with stand-ins; the same length, so indices agree.
  std::u32string decided_;
};

}  // namespace segc
