// Everything generated code points at on the host side: strings, lookup
// tables, code lists, compiled regular expressions, interpreter fallback
// sites. Generated code names each by a symbol (symbol_for), never by its
// address, so the same rules compile to the same object code in every
// process and objects can be reused from the compile cache; the engine
// defines the symbols as absolute addresses when it links the code. A
// HostData lives exactly as long as the compiled code (CompiledRuleSet owns
// both).
#pragma once

#include <re2/re2.h>

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "codegen/interpreter_fallback.h"
#include "codegen/runtime_helpers.h"
#include "runtime/dictionary.h"

namespace segc::codegen {

class HostData {
 public:
  // One string, kept alive.
  const SegcString* string(std::string text);
  // `texts` plus one empty string at index texts.size(), contiguous: what a
  // missing row's index (the dictionary size) points at.
  const SegcString* string_array(const std::vector<std::string>& texts);
  const SegcString* string_array(const runtime::Dictionary& texts);
  template <class T>
  const T* array(std::vector<T> values) {
    auto& stored = arrays_.emplace_back(std::make_shared<std::vector<T>>(std::move(values)));
    return static_cast<const std::vector<T>*>(stored.get())->data();
  }
  // A dictionary's (or an enum's) strings as string_array() lays them out,
  // made once per owner (the column or the EnumType).
  const SegcString* strings_for(const void* owner, const runtime::Dictionary& dictionary);
  // Compiled once; RE2 objects are safe to share between threads.
  const RE2* pattern(const std::string& text);
  const FallbackSite* fallback(FallbackSite site);

  // The symbol generated code uses for `pointer`: segc_host_<i>, numbered in
  // order of first use, so emitting the same rules again gives the same
  // names (and the same IR) in any process.
  const std::string& symbol_for(const void* pointer);
  // Every (symbol, address) handed out by symbol_for.
  const std::vector<std::pair<std::string, const void*>>& symbols() const { return symbols_; }

 private:
  template <class Strings>
  const SegcString* copy_strings(const Strings& texts);

  std::deque<std::string> strings_;
  std::deque<SegcString> handles_;
  std::vector<std::unique_ptr<std::vector<SegcString>>> handle_arrays_;
  std::vector<std::shared_ptr<void>> arrays_;
  std::vector<std::unique_ptr<RE2>> patterns_;
  std::deque<FallbackSite> sites_;
  std::map<const void*, const SegcString*> strings_for_;
  std::map<const void*, size_t> symbol_index_;
  std::vector<std::pair<std::string, const void*>> symbols_;
};

}  // namespace segc::codegen
