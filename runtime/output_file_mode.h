// The permissions of every file segc writes: results, member lists,
// columnar files, rejects files, rule files rewritten by `segc fmt --write`.
// Member lists and imported tables are campaign audiences, so whatever the
// umask (even 000) no file segc writes is writable by others.
//
// A new file gets 0666 minus the umask; a file that replaces one of the same
// name keeps that file's permissions (a user who made it private keeps it
// private), but not its set-user-ID, set-group-ID or sticky bit. Either way
// others' write is dropped.
//
// Writers create their temporary file 0600 (as mkstemp does) and fchmod it to
// this mode, which the umask does not change again, before renaming it into
// place.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>

namespace segc::runtime {

// For a file replacing one with the permissions `replaced`, or a new file.
mode_t output_file_mode(std::optional<mode_t> replaced = std::nullopt);

// For a file about to be written at `path`: what is there now (symbolic links
// followed, as the rename replaces the file they lead to), if anything.
mode_t output_file_mode_at(const std::string& path);

}  // namespace segc::runtime
