#include "codegen/host_data.h"

namespace segc::codegen {

const SegcString* HostData::string(std::string text) {
  const std::string& stored = strings_.emplace_back(std::move(text));
  return &handles_.emplace_back(SegcString{stored.data(), stored.size()});
}

template <class Strings>
const SegcString* HostData::copy_strings(const Strings& texts) {
  auto handles = std::make_unique<std::vector<SegcString>>();
  handles->reserve(texts.size() + 1);
  for (const auto& text : texts) {
    const std::string& stored = strings_.emplace_back(text);
    handles->push_back(SegcString{stored.data(), stored.size()});
  }
  const std::string& empty = strings_.emplace_back();
  handles->push_back(SegcString{empty.data(), 0});
  return handle_arrays_.emplace_back(std::move(handles))->data();
}

const SegcString* HostData::string_array(const std::vector<std::string>& texts) {
  return copy_strings(texts);
}

const SegcString* HostData::string_array(const runtime::Dictionary& texts) {
  return copy_strings(texts);
}

const SegcString* HostData::strings_for(const void* owner,
                                        const runtime::Dictionary& dictionary) {
  auto [entry, inserted] = strings_for_.try_emplace(owner, nullptr);
  if (inserted) entry->second = string_array(dictionary);
  return entry->second;
}

const RE2* HostData::pattern(const std::string& text) {
  RE2::Options options;
  options.set_log_errors(false);
  return patterns_.emplace_back(std::make_unique<RE2>(text, options)).get();
}

const FallbackSite* HostData::fallback(FallbackSite site) { return &sites_.emplace_back(site); }

const std::string& HostData::symbol_for(const void* pointer) {
  auto [entry, inserted] = symbol_index_.try_emplace(pointer, symbols_.size());
  if (inserted) symbols_.emplace_back("segc_host_" + std::to_string(entry->second), pointer);
  return symbols_[entry->second].first;
}

}  // namespace segc::codegen
