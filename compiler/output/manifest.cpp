#include "output/manifest.h"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <array>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "runtime/calendar.h"
#include "semantic/segment_properties.h"

namespace segc::output {
namespace {

using Json = nlohmann::ordered_json;

Json properties_json(const ast::SegmentDecl& declaration) {
  const SegmentProperties properties = segment_properties(declaration);
  Json json = Json::object();
  if (!properties.description.empty()) json["description"] = properties.description;
  if (!properties.owner.empty()) json["owner"] = properties.owner;
  if (!properties.tags.empty()) json["tags"] = properties.tags;
  if (!properties.meta.empty()) {
    Json meta = Json::object();
    for (const auto& [key, value] : properties.meta) meta[key] = value;
    json["meta"] = std::move(meta);
  }
  return json;
}

const std::string& module_path(const CheckedProgram& program, const SourceManager& sources,
                               size_t module) {
  return sources.file(program.parsed.modules[module].file).display_path();
}

}  // namespace

std::string_view member_format_name(MemberFormat format) {
  switch (format) {
    case MemberFormat::Keys: return "keys";
    case MemberFormat::Roaring: return "roaring";
    case MemberFormat::Roaring64: return "roaring64";
  }
  return "keys";
}

std::string member_file_name(MemberFormat format, const std::string& segment) {
  return segment + "." + std::string(member_format_name(format));
}

std::string member_file_name(MemberFormat format, const std::string& partition,
                             const std::string& group) {
  return member_file_name(format, partition + "." + group);
}

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("OpenSSL could not compute SHA-256");
  }
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

std::string render_manifest(const ManifestContents& contents, const CheckedProgram& program,
                            const evaluate::SegmentMembership& membership,
                            const SourceManager& sources) {
  Json root;
  root["format_version"] = 1;
  root["segc_version"] = SEGC_VERSION;
  root["as_of"] = calendar::format_iso_date(contents.as_of);
  root["data"] = {{"path", contents.data_path},
                  {"rows", contents.rows},
                  {"rejected_rows", contents.rejected_rows}};
  // Which reader the member files need; the per-entry field is named after it.
  const std::string format(member_format_name(contents.member_format));
  root["member_format"] = format;

  Json files = Json::array();
  std::set<size_t> seen;
  for (const ast::Module& module : program.parsed.modules) {
    if (!seen.insert(module.file).second) continue;
    const SourceFile& file = sources.file(module.file);
    files.push_back({{"path", file.display_path()}, {"sha256", sha256_hex(file.text())}});
  }
  root["rule_files"] = std::move(files);

  Json segments = Json::array();
  for (size_t index : contents.segments) {
    const CheckedSegment& segment = program.segments[index];
    Json item;
    item["name"] = segment.name;
    item["file"] = module_path(program, sources, segment.module);
    item["line"] = segment.declaration->range.begin.line;
    item.update(properties_json(*segment.declaration));
    item["members"] = membership.members[index].count();
    item[format] = member_file_name(contents.member_format, segment.name);
    segments.push_back(std::move(item));
  }
  root["segments"] = std::move(segments);

  Json partitions = Json::array();
  for (const PartitionResult& result : contents.partitions) {
    const CheckedPartition& partition = program.partitions[result.partition];
    Json groups = Json::array();
    for (const evaluate::PartitionGroup& group : result.groups) {
      Json item;
      item["name"] = group.name;
      if (group.is_else) item["else"] = true;
      item["members"] = group.members.count();
      item[format] = member_file_name(contents.member_format, partition.name, group.name);
      groups.push_back(std::move(item));
    }
    partitions.push_back({{"name", partition.name},
                          {"file", module_path(program, sources, partition.module)},
                          {"groups", std::move(groups)}});
  }
  root["partitions"] = std::move(partitions);
  // The input path is whatever the user typed, perhaps not UTF-8 (a Latin-1
  // file name): replaced with U+FFFD rather than thrown as an internal error.
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace segc::output
