#!/usr/bin/env bash
# Tests the GitHub Action: checks that action.yml's lint step runs
# scripts/action/run.sh and hands it every input, then runs run.sh the way the
# runner does (GITHUB_ACTION_PATH = this checkout, a temporary workspace with
# copies of testdata/, RUNNER_TEMP and GITHUB_OUTPUT) and checks exit codes,
# annotations, the SARIF log and the step outputs.
#
#   scripts/test-action.sh
#
# Needs bash and go; python3, if present, checks the SARIF log as JSON (else
# grep does). The network is used only for Go modules, if not yet cached.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

failures=0
n=0
fail() {
	failures=$((failures + 1))
	echo "FAIL: $*"
}

# --- action.yml: the run step calls run.sh and passes every input ---------
n=$((n + 1))
yml="$root/action.yml"
bad=0
yfail() {
	echo "FAIL: $*"
	bad=1
}
if ! grep -Eq '^[[:space:]]+run:.*scripts/action/run\.sh' "$yml"; then
	yfail "action.yml: no run step calling scripts/action/run.sh"
fi
# The names under "inputs:", up to the next top-level key.
inputs=$(awk '/^[^[:space:]#]/ { on = ($0 ~ /^inputs:/) } on && /^  [A-Za-z0-9_-]+:/ { sub(/^  /, ""); sub(/:.*/, ""); print }' "$yml")
if [ -z "$inputs" ]; then
	yfail "action.yml: no inputs found"
fi
for name in $inputs; do
	if [ "$name" = setup-go ]; then
		# Used by the setup-go step's if:, not by run.sh.
		grep -Fq 'inputs.setup-go' "$yml" || yfail "action.yml: input setup-go is not used"
		continue
	fi
	var="INPUT_$(printf '%s' "$name" | tr 'a-z-' 'A-Z_')"
	if ! grep -Eq "^[[:space:]]+$var: \\$\\{\\{ inputs\\.$name \\}\\}" "$yml"; then
		yfail "action.yml: input $name is not passed to run.sh as $var"
	elif ! grep -Fq "$var" "$root/scripts/action/run.sh"; then
		yfail "run.sh does not read $var (input $name)"
	fi
done
for out in sarif-file exit-code; do
	if ! grep -Fq "steps.lint.outputs.$out" "$yml" || ! grep -Fq "output $out" "$root/scripts/action/run.sh"; then
		yfail "output $out is not wired from run.sh through action.yml"
	fi
done
if [ "$bad" -ne 0 ]; then
	failures=$((failures + 1))
else
	echo "ok: action.yml runs scripts/action/run.sh with every input ($(echo "$inputs" | tr '\n' ' ' | sed 's/ $//'))"
fi

# --- run.sh, as the runner runs it ----------------------------------------
ws="$tmp/workspace"
mkdir -p "$ws/with space" "$tmp/runner-temp"
cp -R "$root/testdata/valid" "$ws/valid"
cp -R "$root/testdata/invalid" "$ws/invalid"
find "$ws/invalid" -name '*.golden' -exec rm -f {} +
bad_one=$(find "$ws/invalid" -maxdepth 1 -name '*.json' | LC_ALL=C sort | head -n 1)
cp "$bad_one" "$ws/with space/bad payload.json"
# A payload whose only finding is a warning: it fails only with --fail-on warning.
cp "$root/testdata/invalid/unknown-field.json" "$ws/warn.json"

# sarif_ok FILE: FILE is JSON, a SARIF 2.1.0 log with one run.
sarif_ok() {
	if command -v python3 >/dev/null 2>&1; then
		python3 - "$1" <<-'EOF'
			import json, sys
			log = json.load(open(sys.argv[1], encoding="utf-8"))
			assert log.get("version") == "2.1.0", "version is not 2.1.0"
			assert isinstance(log.get("runs"), list) and len(log["runs"]) == 1, "not one run"
			assert log["runs"][0]["tool"]["driver"]["name"] == "finlint", "driver is not finlint"
		EOF
	else
		grep -Eq '"version": *"2\.1\.0"' "$1"
	fi
}

# run NAME WANT_RC WANT_SARIF CHECK... -- VAR=VALUE...
# runs run.sh in the workspace with the given INPUT_* variables (the others
# unset). WANT_SARIF is the sarif-file output wanted ("" for none). Each
# CHECK is an extended regular expression standard output must match, or,
# after a "!", must not match.
run() {
	local name=$1 want=$2 want_sarif=$3
	shift 3
	local checks=()
	while [ "$#" -gt 0 ] && [ "$1" != -- ]; do
		checks+=("$1")
		shift
	done
	shift
	n=$((n + 1))
	local dir="$tmp/run-$n"
	mkdir -p "$dir"
	: >"$dir/github-output"
	local rc=0 why="" c
	(
		cd "$ws"
		unset INPUT_PATHS INPUT_ARGS INPUT_FAIL_ON INPUT_SARIF_FILE
		for kv in "$@"; do
			export "${kv?}"
		done
		GITHUB_ACTION_PATH="$root" GITHUB_WORKSPACE="$ws" RUNNER_TEMP="$tmp/runner-temp" \
			GITHUB_OUTPUT="$dir/github-output" bash "$root/scripts/action/run.sh"
	) >"$dir/stdout" 2>"$dir/stderr" || rc=$?
	local got_rc got_sarif
	got_rc=$(sed -n 's/^exit-code=//p' "$dir/github-output")
	got_sarif=$(sed -n 's/^sarif-file=//p' "$dir/github-output")
	if [ "$rc" -ne "$want" ]; then
		why="exit code $rc, want $want"
	elif [ "$got_rc" != "$want" ]; then
		why="output exit-code is '$got_rc', want $want"
	elif [ "$got_sarif" != "$want_sarif" ]; then
		why="output sarif-file is '$got_sarif', want '$want_sarif'"
	elif [ -n "$want_sarif" ] && ! sarif_ok "$want_sarif" 2>"$dir/sarif-check"; then
		why="$want_sarif is not a SARIF 2.1.0 log: $(tail -n 1 "$dir/sarif-check")"
	fi
	for c in ${checks[@]+"${checks[@]}"}; do
		[ -z "$why" ] || break
		if [ "${c#!}" != "$c" ]; then
			if grep -Eq -- "${c#!}" "$dir/stdout"; then why="standard output matches /${c#!}/"; fi
		elif ! grep -Eq -- "$c" "$dir/stdout"; then
			why="standard output has no match for /$c/"
		fi
	done
	if [ -n "$why" ]; then
		fail "$name: $why"
		for f in stdout stderr github-output; do
			echo "  --- $f (first 20 lines)"
			head -n 20 "$dir/$f" | sed 's/^/    /'
		done
	else
		echo "ok: $name (exit $rc)"
	fi
}

run "valid payloads: exit 0, SARIF at the default path" 0 "$ws/finlint.sarif" \
	'!^::error ' -- INPUT_PATHS=valid
run "invalid payloads: exit 1, annotations, SARIF still written" 1 "$ws/reports/invalid.sarif" \
	'^::error file=invalid/[^,]+\.json,line=[0-9]+,col=[0-9]+,title=' -- \
	INPUT_PATHS=invalid INPUT_SARIF_FILE=reports/invalid.sarif
run "paths one a line, with spaces" 1 "$ws/finlint.sarif" \
	'^::error file=with space/bad payload\.json,line=' '!file=invalid/' -- \
	"INPUT_PATHS=$(printf 'valid\n  with space/bad payload.json  \n\n')"
run "one-line paths split on whitespace; fail-on none" 0 "$ws/finlint.sarif" \
	'^::error file=invalid/' -- \
	"INPUT_PATHS=valid ${bad_one#"$ws"/}" INPUT_FAIL_ON=none
run "args passed through (an unknown flag is exit 2, no SARIF)" 2 "" \
	'^::warning title=finlint::no SARIF' -- \
	INPUT_PATHS=valid "INPUT_ARGS=--quiet --no-such-flag"

run "args on several lines all reach finlint" 1 "$ws/finlint.sarif" \
	'^::warning file=' -- \
	INPUT_PATHS=warn.json "INPUT_ARGS=$(printf -- '--offline\n--fail-on warning\n')"
run "args with quotes are refused, not passed on literally" 2 "" \
	'^::error title=finlint::args are split on whitespace' -- \
	INPUT_PATHS=valid "INPUT_ARGS=--exclude 'valid/*.json'"

echo "test-action: $((n - failures)) passed, $failures failed"
if [ "$failures" -ne 0 ]; then
	exit 1
fi
