// Checks that an output never overwrites an input (issue 16: --rejects equal
// to --data overwrote the customer file; a rejects file inside --out was
// replaced by the results), nor replaces the folder segc runs in (--out .
// left the user's shell in a deleted folder). Both paths need not exist yet.
#pragma once

#include <string>

#include "commands.h"
#include "source/source_file.h"

namespace segc::cli {

// Whether `a` and `b` name one file: the same file on disk, or the same path
// once made absolute with symbolic links and dots resolved.
bool same_file(const std::string& a, const std::string& b);

// Whether `path` lies inside `folder` (at any depth), after the same resolution.
bool inside_folder(const std::string& path, const std::string& folder);

// Whether an output file (the rejects file, import's -o) is an existing
// folder: it is renamed into place at the end, which would fail only after
// all the work. A message naming the flag, or "".
std::string rejects_file_is_folder(const CsvFlags& flags, const std::string& rejects_path);
std::string import_output_is_folder(const ImportOptions& options, const std::string& rejects_path);

// Why `segc run`'s outputs would overwrite one of its inputs or the folder
// it runs in, or "", checked before the rules are read: --out holding the
// current folder; the rejects file (--rejects, or rejects.csv in the current
// folder with --on-error skip and no --out) being the data or a folder; a
// --rejects file or the data inside --out, which the results replace.
std::string run_output_clash(const RunOptions& options);

// Whether `path` is one of the rule files read, imports included.
bool is_rule_file(const std::string& path, const SourceManager& rule_files);

// Why the rejects file would overwrite a rule file, imports included, or "";
// known once the rules are read.
std::string rejects_rule_file_clash(const RunOptions& options, const SourceManager& rule_files);

}  // namespace segc::cli
