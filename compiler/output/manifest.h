// DIR/manifest.json of `segc run --out DIR`: what was computed, from what,
// and where the member lists are. It holds nothing that changes between two
// runs over the same rules and data (no timestamps, no timings), so results
// can be compared byte for byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "evaluate/partition_groups.h"
#include "evaluate/segment_membership.h"
#include "semantic/checked_program.h"
#include "source/source_file.h"

namespace segc::output {

struct PartitionResult {
  size_t partition = 0;  // index into CheckedProgram::partitions
  std::vector<evaluate::PartitionGroup> groups;
};

// How member lists are written (`--out-format`).
enum class MemberFormat {
  Keys,       // NAME.keys: one key a line, ascending
  Roaring,    // NAME.roaring: 32-bit portable Roaring bitmap of the keys
  Roaring64,  // NAME.roaring64: the format's 64-bit extension
};

// The name `--out-format` and the manifest use: keys, roaring or roaring64.
std::string_view member_format_name(MemberFormat format);

struct ManifestContents {
  int32_t as_of = 0;
  std::string data_path;
  size_t rows = 0;
  size_t rejected_rows = 0;
  std::vector<size_t> segments;  // the requested segments, declaration order
  std::vector<PartitionResult> partitions;
  MemberFormat member_format = MemberFormat::Keys;
};

// The file name of a segment's or group's member list inside DIR.
std::string member_file_name(MemberFormat format, const std::string& segment);
std::string member_file_name(MemberFormat format, const std::string& partition,
                             const std::string& group);

std::string render_manifest(const ManifestContents& contents, const CheckedProgram& program,
                            const evaluate::SegmentMembership& membership,
                            const SourceManager& sources);

// Lower-case hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace segc::output
