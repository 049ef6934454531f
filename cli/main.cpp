#include <cstdio>
#include <fstream>
#include <sstream>
#include "syntax/parser.h"
int main(int argc, char** argv) {
  segc::SourceManager sources;
  std::ifstream in(argv[1]); std::stringstream ss; ss << in.rdbuf();
  const auto& f = sources.add(argv[1], argv[1], ss.str());
  auto r = segc::parse_module(f);
  if (!r) { llvm::errs() << llvm::toString(r.takeError()) << "\n"; return 3; }
  for (auto& d : r->diagnostics) std::printf("%u:%u: %s %s | %s\n", d.range.begin.line, d.range.begin.column, d.code.c_str(), d.message.c_str(), d.help.c_str());
  std::printf("decls=%zu comments=%zu\n", r->module.declarations.size(), r->module.comments.size());
  (void)argc;
}
