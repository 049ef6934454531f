# Imports stay inside the rules' root (docs/imports.md): `..` escapes,
# absolute paths, `std/..`, symbolic links out, FIFOs and folders are refused
# with a diagnostic at the import, and nothing of the target reaches stdout or
# stderr in any --format. --root and the git work tree set the root.
# Sourced by run_cli_tests.sh, which defines $segc, $work, fail and expect_exit.
# shellcheck disable=SC2154

imp_dir="$work/imports"
imp_secret="SEGC-CI-SECRET-7f3a9c"
mkdir -p "$imp_dir/rules/sub" "$imp_dir/outside" "$imp_dir/stdlib" "$imp_dir/repo/.git" \
  "$imp_dir/repo/rules" "$imp_dir/repo/common"
cp tests/golden/check/common/schema.seg "$imp_dir/rules/schema.seg"
cp tests/golden/check/common/schema.seg "$imp_dir/repo/common/schema.seg"
cp tests/golden/check/common/schema.seg "$imp_dir/stdlib/schema.seg"
# A file a pull request must not be able to print: not Seg, so a parser that
# read it would quote its lines in syntax errors.
printf 'TOKEN=%s\n' "$imp_secret" >"$imp_dir/outside/secret.seg"
printf 'TOKEN=%s\n' "$imp_secret" >"$imp_dir/repo/secret.seg"

imp_case() {  # imp_case NAME IMPORT_PATH: rules/NAME.seg imports IMPORT_PATH
  printf 'import "%s"\nimport "schema.seg"\n\nsegment adults = age >= 18\n' "$2" \
    >"$imp_dir/rules/$1.seg"
}
imp_case relative "../outside/secret.seg"
imp_case absolute "$imp_dir/outside/secret.seg"
imp_case std_escape "std/../outside/secret.seg"
imp_case std_environ "std/../../../../../../../../../../../../proc/self/environ"
ln -s ../outside/secret.seg "$imp_dir/rules/link_out.seg"
imp_case symlink "link_out.seg"
# Whether a file exists outside the root must not show either: a link to a
# missing file out there is refused like one to a file that exists, and a
# link that leads out and back in is refused without looking out there.
ln -s ../outside/no_such_file.seg "$imp_dir/rules/dangling_out.seg"
imp_case dangling_symlink "dangling_out.seg"
ln -s ../outside/no_such_folder/x.seg "$imp_dir/rules/dangling_folder_out.seg"
imp_case dangling_folder_symlink "dangling_folder_out.seg"
ln -s ../rules/schema.seg "$imp_dir/outside/back_in.seg"
ln -s ../outside/back_in.seg "$imp_dir/rules/back_link.seg"
imp_case out_and_back "back_link.seg"
mkfifo "$imp_dir/rules/pipe.seg"
imp_case fifo "pipe.seg"
mkdir "$imp_dir/rules/folder.seg"
imp_case directory "folder.seg"
imp_case device "/dev/zero"
# Inside the root but not a rule file: git's own files (actions/checkout puts
# a token in .git/config; the folder here is .ci, since a .git folder would
# make rules/ a work tree), hidden folders, files that are not *.seg.
mkdir -p "$imp_dir/rules/.ci" "$imp_dir/rules/.hidden"
printf '[http]\n  extraheader = AUTHORIZATION: basic %s\n' "$imp_secret" >"$imp_dir/rules/.ci/config"
printf 'TOKEN=%s\n' "$imp_secret" >"$imp_dir/rules/.hidden/x.seg"
printf 'TOKEN=%s\n' "$imp_secret" >"$imp_dir/rules/notes.txt"
ln -s .ci/config "$imp_dir/rules/git_config.seg"
imp_case git_config ".ci/config"
imp_case hidden_folder ".hidden/x.seg"
imp_case not_seg "notes.txt"
imp_case link_to_git "git_config.seg"

# imp_refused CODE FILE [FLAGS...]: `segc check` of FILE exits 1 in every
# format, reports CODE at the first import (1:8) and prints nothing of the
# secret. SEGC_STDLIB points at a stdlib beside the outside folder, and the
# secret is also in the environment (for /proc/self/environ).
imp_refused() {
  local code=$1 file=$2
  shift 2
  local format
  for format in text json sarif github junit; do
    expect_exit 1 env SEGC_STDLIB="$imp_dir/stdlib" SEGC_TEST_SECRET="$imp_secret" \
      timeout 20 "$segc" check --format "$format" "$@" "$imp_dir/rules/$file"
    grep -q "$code" "$work/out" "$work/err" ||
      fail "check --format $format $file: no $code: $(head -c 300 "$work/out" "$work/err")"
    grep -qF "$imp_secret" "$work/out" "$work/err" &&
      fail "check --format $format $file printed the secret"
  done
  expect_exit 1 env SEGC_STDLIB="$imp_dir/stdlib" timeout 20 "$segc" check "$@" "$imp_dir/rules/$file"
  grep -q "$file:1:8: error\[$code\]" "$work/err" ||
    fail "check $file: $code is not at the import string: $(head -3 "$work/err")"
}

imp_refused E0313 relative.seg
grep -q 'import of "../outside/secret.seg" leaves the rules' "$work/err" ||
  fail "E0313 does not name the path as written: $(head -3 "$work/err")"
for imp_hidden in git_config hidden_folder not_seg link_to_git; do
  imp_refused E0313 "$imp_hidden.seg"
  grep -q 'is not a rule file' "$work/err" || fail "$imp_hidden: no clear message: $(head -3 "$work/err")"
done
imp_refused E0313 absolute.seg
imp_refused E0313 std_escape.seg
imp_refused E0313 std_environ.seg
imp_refused E0313 symlink.seg
imp_refused E0313 dangling_symlink.seg
imp_refused E0313 dangling_folder_symlink.seg
imp_refused E0313 out_and_back.seg
imp_refused E0314 fifo.seg
imp_refused E0314 directory.seg
imp_refused E0313 device.seg
# Under --root too; a root above the outside folder lets the relative import in.
imp_refused E0313 relative.seg --root "$imp_dir/rules"
expect_exit 1 "$segc" check --root "$imp_dir" "$imp_dir/rules/relative.seg"
grep -q 'E0313' "$work/err" && fail "check --root: an import inside the root is refused"
# ...where the secret's own syntax errors show that the file was read.
grep -qF "$imp_secret" "$work/err" || fail "check --root DIR: the import inside DIR was not read"

imp_walk_root="$imp_dir/linkroot"
mkdir -p "$imp_walk_root"
ln -s ../outside/secret.seg "$imp_walk_root/leak.seg"
# A file named on the command line outside --root: the command cannot run.
expect_exit 2 "$segc" check --root "$imp_dir/rules/sub" "$imp_dir/rules/relative.seg"
grep -q "outside the rules' root" "$work/err" || fail "check: a file outside --root is not refused"
grep -qF "$imp_secret" "$work/err" "$work/out" && fail "check: a file outside --root was read"
expect_exit 2 "$segc" check --root "$imp_dir/no_such_folder" "$imp_dir/rules/relative.seg"
# A link named on the command line that lies inside the root but leads out of it.
expect_exit 2 "$segc" check --root "$imp_walk_root" "$imp_walk_root/leak.seg"
grep -qF "$imp_walk_root/leak.seg leads outside the rules' root $imp_walk_root through a symbolic link" "$work/err" ||
  fail "check: a link out named on the command line is not described as one: $(cat "$work/err")"
grep -qF "$imp_secret" "$work/err" "$work/out" && fail "check: a link out named on the command line was read"

# The other commands that load rules refuse the same imports.
printf 'id,age\n1,30\n' >"$imp_dir/data.csv"
for imp_command in "test" "run --data $imp_dir/data.csv --as-of 2026-11-01" \
  "import $imp_dir/data.csv -o $imp_dir/data.segcol --schema"; do
  # shellcheck disable=SC2086
  expect_exit 1 "$segc" $imp_command "$imp_dir/rules/relative.seg"
  grep -q "relative.seg:1:8: error\[E0313\]" "$work/err" || fail "$imp_command: no E0313"
  grep -qF "$imp_secret" "$work/out" "$work/err" && fail "$imp_command printed the secret"
  # shellcheck disable=SC2086
  expect_exit 1 "$segc" $imp_command "$imp_dir/rules/relative.seg" --root "$imp_dir/rules"
  grep -q "relative.seg:1:8: error\[E0313\]" "$work/err" || fail "$imp_command --root: no E0313"
done

# A symbolic link out in a rules folder is not read by check or fmt.
imp_walk="$imp_dir/walk"
mkdir -p "$imp_walk"
cp tests/golden/check/common/schema.seg "$imp_walk/schema.seg"
ln -s ../outside/secret.seg "$imp_walk/leak.seg"
ln -s ../outside/no_such_file.seg "$imp_walk/dangling.seg"
for imp_command in "check" "fmt --check" "fmt"; do
  # shellcheck disable=SC2086
  expect_exit 1 "$segc" $imp_command "$imp_walk"
  grep -q "walk/leak.seg: error\[E0313\]" "$work/err" ||
    fail "$imp_command of a folder: the link out is not reported: $(head -3 "$work/err")"
  grep -q "walk/dangling.seg: error\[E0313\]" "$work/err" ||
    fail "$imp_command of a folder: a link out to no file is not E0313: $(head -3 "$work/err")"
  grep -qF "$imp_secret" "$work/out" "$work/err" && fail "$imp_command of a folder printed the secret"
done

# The default root is the top of the git work tree (a .git entry), so
# imports between its folders work, and still nothing outside it.
printf 'import "../common/schema.seg"\nsegment adults = age >= 18\n' >"$imp_dir/repo/rules/ok.seg"
expect_exit 0 "$segc" check "$imp_dir/repo/rules/ok.seg"
printf 'import "../../outside/secret.seg"\n' >"$imp_dir/repo/rules/escape.seg"
expect_exit 1 "$segc" check "$imp_dir/repo/rules/escape.seg"
grep -q "escape.seg:1:8: error\[E0313\]" "$work/err" || fail "check: an escape from the git tree"
grep -qF "$imp_secret" "$work/out" "$work/err" && fail "check: an escape from the git tree printed the secret"
# Outside git, the root is the folder the files are in: ../ leaves it.
cp "$imp_dir/repo/rules/ok.seg" "$imp_dir/rules/sub/up.seg"
sed -i 's|../common/schema.seg|../schema.seg|' "$imp_dir/rules/sub/up.seg"
expect_exit 1 "$segc" check "$imp_dir/rules/sub/up.seg"
grep -q "up.seg:1:8: error\[E0313\]" "$work/err" || fail "check: ../ out of the common folder"
expect_exit 0 "$segc" check "$imp_dir/rules/sub/up.seg" "$imp_dir/rules/schema.seg"
expect_exit 0 "$segc" check --root "$imp_dir/rules" "$imp_dir/rules/sub/up.seg"

# Standard input stands for the current folder: the root is the folder (here
# not in git) segc runs in.
expect_exit 1 sh -c 'cd "$2" && printf "import \"../outside/secret.seg\"\n" | "$1" check -' \
  sh "$(realpath "$segc")" "$imp_dir/rules"
grep -q "^<stdin>:1:8: error\[E0313\]" "$work/err" || fail "check -: an escape from the current folder"
grep -qF "$imp_secret" "$work/out" "$work/err" && fail "check - printed the secret"
# fmt refuses a file named outside --root, as the other commands do.
expect_exit 2 "$segc" fmt --root "$imp_dir/rules/sub" "$imp_dir/rules/relative.seg"
grep -q "outside the rules' root" "$work/err" || fail "fmt: a file outside --root is not refused"
# The location of a link out is the link, in every format, not where it leads
# (SARIF and GitHub paths are made relative to the current folder's repository).
for imp_format in github sarif; do
  expect_exit 1 sh -c 'cd "$2" && "$1" check --format "$3" walk' sh "$(realpath "$segc")" "$imp_dir" "$imp_format"
  grep -q "walk/leak.seg" "$work/out" || fail "check --format $imp_format: the link out is not named"
  grep -q "outside/secret.seg" "$work/out" && fail "check --format $imp_format names the target of a link out"
done
