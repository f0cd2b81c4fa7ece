#!/usr/bin/env bash
# Tests the pre-commit hook in .pre-commit-hooks.yaml end to end: pre-commit
# installs the hook from this checkout (language: golang, so `go install ./...`
# in the hook repository) and runs it in a throwaway git repository holding one
# valid and one invalid payload from testdata/.
#
#   scripts/test-pre-commit.sh
#
# Needs pre-commit, git and go on the PATH; without pre-commit it skips
# (exit 0). The network is used only for Go modules (GOPROXY as set in the
# environment); the Go module and build caches are the usual ones, so a warm
# machine installs the hook without downloading anything. pre-commit's own
# state (PRE_COMMIT_HOME) lives in a temporary folder that is removed at exit.
#
# pre-commit try-repo takes a repository's committed files plus its modified
# tracked ones, not untracked files. So that the test covers the working tree
# as it is (a new or changed .pre-commit-hooks.yaml included), the hook
# repository given to try-repo is a one-commit snapshot of the checkout's
# tracked and untracked, not ignored, files.
set -euo pipefail

if ! command -v pre-commit >/dev/null 2>&1; then
	echo "pre-commit not installed; skipping"
	exit 0
fi
for tool in git go; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "test-pre-commit: $tool is needed on the PATH" >&2
		exit 2
	fi
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

export PRE_COMMIT_HOME="$tmp/pre-commit-home"
# pre-commit points GOPATH at its environment folder; keep the usual module
# cache so that modules already downloaded are not fetched again.
GOMODCACHE=${GOMODCACHE:-$(go env GOMODCACHE)}
export GOMODCACHE

git_commit() {
	git -C "$1" -c user.name=finlint-test -c user.email=finlint-test@example.invalid \
		-c commit.gpgsign=false commit -q -m "$2"
}

# The hook repository: a snapshot of the working tree.
hookrepo="$tmp/hook-repo"
mkdir -p "$hookrepo"
if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	git -C "$root" ls-files -z --cached --others --exclude-standard |
		while IFS= read -r -d '' f; do
			# Skip tracked files deleted in the working tree.
			if [ -e "$root/$f" ] || [ -L "$root/$f" ]; then
				printf '%s\0' "$f"
			fi
		done |
		tar -C "$root" --null -T - -cf - | tar -C "$hookrepo" -xf -
else
	tar -C "$root" --exclude=.git -cf - . | tar -C "$hookrepo" -xf -
fi
if [ ! -f "$hookrepo/.pre-commit-hooks.yaml" ]; then
	echo "FAIL: no .pre-commit-hooks.yaml in $root" >&2
	exit 1
fi
git -c init.defaultBranch=main init -q "$hookrepo"
git -C "$hookrepo" add -A
git_commit "$hookrepo" "snapshot for test-pre-commit"

# The sample repository the hook runs in.
good_src=$(find "$root/testdata/valid" -maxdepth 1 -name '*.json' | LC_ALL=C sort | head -n 1)
bad_src=$(find "$root/testdata/invalid" -maxdepth 1 -name '*.json' | LC_ALL=C sort | head -n 1)
if [ -z "$good_src" ] || [ -z "$bad_src" ]; then
	echo "FAIL: no payloads in testdata/valid or testdata/invalid" >&2
	exit 1
fi
sample="$tmp/sample"
git -c init.defaultBranch=main init -q "$sample"
cp "$good_src" "$sample/good.json"
cp "$bad_src" "$sample/bad.json"
git -C "$sample" add good.json bad.json
git_commit "$sample" "sample payloads"

failures=0
n=0

# check NAME WANT_RC PATTERN... -- PRE-COMMIT-ARGS...
# runs `pre-commit try-repo HOOKREPO finlint PRE-COMMIT-ARGS` in the sample
# repository. WANT_RC is 0 or "fail" (any other code). Each PATTERN is an
# extended regular expression the output must match, or, after a "!", must
# not match.
check() {
	local name=$1 want=$2
	shift 2
	local patterns=()
	while [ "$#" -gt 0 ] && [ "$1" != -- ]; do
		patterns+=("$1")
		shift
	done
	shift
	n=$((n + 1))
	local log="$tmp/run-$n.log" rc=0 why="" p
	(cd "$sample" && pre-commit try-repo --color never "$hookrepo" finlint "$@") >"$log" 2>&1 || rc=$?
	if [ "$want" = 0 ] && [ "$rc" -ne 0 ]; then
		why="exit code $rc, want 0"
	elif [ "$want" = fail ] && [ "$rc" -eq 0 ]; then
		why="exit code 0, want a failure"
	fi
	for p in "${patterns[@]}"; do
		[ -z "$why" ] || break
		if [ "${p#!}" != "$p" ]; then
			if grep -Eq -- "${p#!}" "$log"; then why="output matches /${p#!}/"; fi
		elif ! grep -Eq -- "$p" "$log"; then
			why="output has no match for /$p/"
		fi
	done
	if [ -n "$why" ]; then
		failures=$((failures + 1))
		echo "FAIL: $name: $why; pre-commit printed:"
		sed 's/^/    /' "$log"
	else
		echo "ok: $name (pre-commit exit $rc)"
	fi
}

echo "test-pre-commit: $(pre-commit --version), $(go version | cut -d' ' -f3)"
echo "  good.json = ${good_src#"$root"/}, bad.json = ${bad_src#"$root"/}"
check "--files good.json passes" 0 '^finlint\.+Passed' -- --files good.json
check "--files bad.json fails, with file:line:col" fail \
	'^finlint\.+Failed' 'bad\.json:[0-9]+:[0-9]+: error' -- --files bad.json
check "--all-files fails, on bad.json only" fail \
	'^finlint\.+Failed' 'bad\.json:[0-9]+:[0-9]+: error' '!good\.json:[0-9]+:[0-9]+: error' -- --all-files

echo "test-pre-commit: $((n - failures)) passed, $failures failed"
if [ "$failures" -ne 0 ]; then
	exit 1
fi
