#include "report/manifest_history.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "runtime/calendar.h"

namespace segc::report {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// A manifest of 100,000 segments is a few MB; anything far larger is not one.
constexpr uintmax_t kMaxManifestBytes = uintmax_t{256} << 20;

const Json* member(const Json& object, const char* name, Json::value_t type) {
  if (!object.is_object()) return nullptr;
  auto found = object.find(name);
  if (found == object.end()) return nullptr;
  if (found->type() == type) return &*found;
  // Counts are unsigned in our manifests; accept any non-negative integer.
  if (type == Json::value_t::number_unsigned && found->is_number_integer() && found->get<int64_t>() >= 0) {
    return &*found;
  }
  return nullptr;
}

bool read_counts(const Json& items, const std::string& prefix, const char* what, HistoryPoint& point,
                 std::string& problem) {
  for (const Json& item : items) {
    const Json* name = member(item, "name", Json::value_t::string);
    const Json* members = member(item, "members", Json::value_t::number_unsigned);
    if (name == nullptr || members == nullptr) {
      problem = fmt::format("a {} without a \"name\" string and a \"members\" count", what);
      return false;
    }
    point.members[prefix + name->get<std::string>()] = members->get<uint64_t>();
  }
  return true;
}

}  // namespace

std::optional<HistoryPoint> read_history_point(const std::string& path, std::string& error) {
  std::error_code code;
  const fs::path file = fs::is_directory(path, code) ? fs::path(path) / "manifest.json" : fs::path(path);
  const std::string shown = file.string();
  if (!fs::is_regular_file(file, code)) {
    error = fs::exists(path, code) ? fmt::format("{}: no manifest.json here; give a folder that `segc run --out` wrote", shown)
                                   : fmt::format("{}: no such folder or file", path);
    return std::nullopt;
  }
  if (fs::file_size(file, code) > kMaxManifestBytes) {
    error = fmt::format("{}: larger than any segc manifest (256 MiB)", shown);
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) {
    error = fmt::format("{}: cannot be read", shown);
    return std::nullopt;
  }
  const Json root = Json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) {
    error = fmt::format("{}: not valid JSON", shown);
    return std::nullopt;
  }
  const Json* version = member(root, "format_version", Json::value_t::number_unsigned);
  if (version == nullptr || version->get<uint64_t>() != 1) {
    error = fmt::format("{}: not a segc manifest of format_version 1", shown);
    return std::nullopt;
  }
  HistoryPoint point;
  point.source = path;
  const Json* as_of = member(root, "as_of", Json::value_t::string);
  const std::optional<int32_t> day = as_of ? calendar::parse_iso_date(as_of->get<std::string>()) : std::nullopt;
  if (!day) {
    error = fmt::format("{}: no \"as_of\" date (YYYY-MM-DD)", shown);
    return std::nullopt;
  }
  point.as_of = *day;
  const Json* data = member(root, "data", Json::value_t::object);
  const Json* rows = data ? member(*data, "rows", Json::value_t::number_unsigned) : nullptr;
  if (rows == nullptr) {
    error = fmt::format("{}: no \"data\" with a \"rows\" count", shown);
    return std::nullopt;
  }
  point.rows = rows->get<uint64_t>();
  if (const Json* files = member(root, "rule_files", Json::value_t::array)) {
    for (const Json& file : *files) {
      if (const Json* hash = member(file, "sha256", Json::value_t::string)) point.rule_hashes.push_back(hash->get<std::string>());
    }
    std::sort(point.rule_hashes.begin(), point.rule_hashes.end());
  }
  std::string problem;
  const Json* segments = member(root, "segments", Json::value_t::array);
  if (segments == nullptr || !read_counts(*segments, "", "segment", point, problem)) {
    error = fmt::format("{}: {}", shown, problem.empty() ? "no \"segments\" list" : problem);
    return std::nullopt;
  }
  if (const Json* partitions = member(root, "partitions", Json::value_t::array)) {
    for (const Json& partition : *partitions) {
      const Json* name = member(partition, "name", Json::value_t::string);
      const Json* groups = member(partition, "groups", Json::value_t::array);
      if (name == nullptr || groups == nullptr) {
        error = fmt::format("{}: a partition without a \"name\" and \"groups\"", shown);
        return std::nullopt;
      }
      if (!read_counts(*groups, name->get<std::string>() + ".", "partition group", point, problem)) {
        error = fmt::format("{}: {}", shown, problem);
        return std::nullopt;
      }
    }
  }
  return point;
}

void sort_history(std::vector<HistoryPoint>& points) {
  std::stable_sort(points.begin(), points.end(),
                   [](const HistoryPoint& a, const HistoryPoint& b) { return a.as_of < b.as_of; });
}

}  // namespace segc::report
