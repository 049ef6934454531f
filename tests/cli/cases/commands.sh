# The command word: a misspelt or unknown command is named, with the nearest
# command and the list of commands, exit 2; no command at all says so too.
# Sourced by run_cli_tests.sh, which defines $segc, $work, fail and expect_exit.
# shellcheck disable=SC2154

expect_exit 2 "$segc" chek rules.seg
grep -qx "segc: unknown command 'chek'; did you mean 'check'?" "$work/err" ||
  fail "a misspelt command is not named with a suggestion: $(cat "$work/err")"
grep -q "^segc: the commands are: check, fmt, test, run, import, explain, graph, diff, report (" "$work/err" ||
  fail "a misspelt command does not list the commands: $(cat "$work/err")"
[ -s "$work/out" ] && fail "a misspelt command writes to stdout"

expect_exit 2 "$segc" frobnicate
grep -qx "segc: unknown command 'frobnicate'" "$work/err" ||
  fail "an unknown command with nothing near is not named plainly: $(cat "$work/err")"

# Escaped like every quoted value.
expect_exit 2 "$segc" "$(printf 'x\033[2Jy')"
grep -qF "unknown command 'x\\u{1B}[2Jy'" "$work/err" || fail "an unknown command is echoed raw: $(cat -v "$work/err")"

expect_exit 2 "$segc"
grep -q "segc: no command given; the commands are: check, fmt, test, run, import, explain, graph, diff, report (" "$work/err" ||
  fail "no command: $(cat "$work/err")"

# Flags before the command are still flags, and a file name is not a command.
expect_exit 0 "$segc" --version
expect_exit 2 "$segc" --no-such-flag check
grep -q "unknown command" "$work/err" && fail "a flag was taken for a command"
