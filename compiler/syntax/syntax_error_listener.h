// Collects every syntax error ANTLR reports, in words a marketer can follow.
#pragma once

#include <BaseErrorListener.h>
#include <Vocabulary.h>

#include <cstdint>
#include <set>
#include <utility>

#include "diagnostics/diagnostic.h"

namespace segc {

class SyntaxErrorListener : public antlr4::BaseErrorListener {
 public:
  SyntaxErrorListener(FileId file, DiagnosticList& diagnostics) : file_(file), diagnostics_(diagnostics) {}

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line,
                   size_t column, const std::string& message, std::exception_ptr error) override;

  // Tokens already reported by the lexical checks; errors at them are not
  // reported a second time.
  void ignore_token(size_t token_index) { ignored_tokens_.insert(token_index); }

  // The declarations (by their first token index) in which an error occurred.
  const std::set<size_t>& broken_declarations() const { return broken_declarations_; }
  bool saw_errors() const { return saw_errors_; }

 private:
  FileId file_;
  DiagnosticList& diagnostics_;
  std::set<size_t> ignored_tokens_;
  std::set<size_t> broken_declarations_;
  bool saw_errors_ = false;
  std::pair<size_t, size_t> last_reported_{SIZE_MAX, 0};  // (declaration, line)
};

// Human words for a token type: "'and'", "a string", "a name", "the end of the file".
std::string describe_token_type(size_t type, const antlr4::dfa::Vocabulary& vocabulary);

SourceRange token_range(FileId file, const antlr4::Token& token);

}  // namespace segc
