#!/usr/bin/env bash
# The finlint GitHub Action's step (action.yml runs it). It builds finlint from
# the action's own source, lints the paths in the workspace with findings as
# workflow-command annotations on standard output and as a SARIF log in a file,
# sets the step outputs and exits with finlint's exit code: 0 clean, 1
# findings at or above fail-on, 2 usage or tool error. The SARIF log is
# written whatever the findings, so a later step can upload it.
#
# Environment, as GitHub sets it for a composite action's step:
#   GITHUB_ACTION_PATH  the action's folder, holding go.mod and cmd/finlint
#   GITHUB_WORKSPACE    the folder paths are relative to (default: the
#                       current folder)
#   RUNNER_TEMP         where finlint is built (default: a temporary folder)
#   GITHUB_OUTPUT       the step-outputs file; sarif-file= and exit-code= are
#                       appended (default: no outputs)
#   INPUT_PATHS         files or folders; several lines: one path a line (so
#                       paths may hold spaces), blank lines skipped; one line:
#                       split on whitespace; no glob expansion (default: .)
#   INPUT_ARGS          extra `finlint lint` flags, split on whitespace
#                       (newlines too); quotes are refused
#   INPUT_FAIL_ON       if set, passed as --fail-on
#   INPUT_SARIF_FILE    the SARIF log, relative to the workspace or absolute
#                       (default: finlint.sarif)
set -euo pipefail

output() {
	if [ -n "${GITHUB_OUTPUT:-}" ]; then
		printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
	fi
}

die() {
	echo "::error title=finlint::$1"
	output exit-code 2
	exit 2
}

action_path=${GITHUB_ACTION_PATH:-}
[ -n "$action_path" ] || die "GITHUB_ACTION_PATH is not set"
workspace=${GITHUB_WORKSPACE:-$PWD}
if [ -n "${RUNNER_TEMP:-}" ]; then
	builddir="$RUNNER_TEMP/finlint-action"
else
	builddir=$(mktemp -d)
	trap 'rm -rf "$builddir"' EXIT
fi

# Paths: one a line when there are several lines, else split on whitespace.
paths=()
raw=${INPUT_PATHS:-.}
if [[ $raw == *$'\n'* ]]; then
	while IFS= read -r line || [ -n "$line" ]; do
		line=${line%$'\r'}
		line=${line#"${line%%[![:space:]]*}"}
		line=${line%"${line##*[![:space:]]}"}
		if [ -n "$line" ]; then
			paths+=("$line")
		fi
	done <<<"$raw"
else
	read -r -a paths <<<"$raw"
fi
if [ "${#paths[@]}" -eq 0 ]; then
	paths=(.)
fi

# Flags: split on any whitespace, newlines included (an args: | block),
# with no shell quoting: a quote would reach finlint as part of a flag and,
# in a glob, match nothing in silence, so it is refused.
args=()
case ${INPUT_ARGS:-} in
*[\'\"]*) die "args are split on whitespace and quotes are not read: write --exclude fixtures/drafts/** without quotes" ;;
esac
read -r -d '' -a args <<<"${INPUT_ARGS:-}" || true
if [ -n "${INPUT_FAIL_ON:-}" ]; then
	args+=(--fail-on "$INPUT_FAIL_ON")
fi

sarif=${INPUT_SARIF_FILE:-finlint.sarif}
case $sarif in
/* | [A-Za-z]:[\\/]*) ;;
*) sarif="$workspace/$sarif" ;;
esac
mkdir -p "$(dirname "$sarif")" "$builddir"
# A log left by an earlier run must not pass for this run's.
rm -f "$sarif"

echo "::group::Build finlint"
if ! exe=$(cd "$action_path" && go env GOEXE); then
	echo "::endgroup::"
	die "go is needed on the PATH (the action's setup-go input installs it)"
fi
bin="$builddir/finlint$exe"
if ! (cd "$action_path" && go version && go build -trimpath -buildvcs=false -o "$bin" ./cmd/finlint); then
	echo "::endgroup::"
	die "could not build finlint from $action_path"
fi
echo "::endgroup::"

cd "$workspace"
rc=0
"$bin" lint --format github --format "sarif=$sarif" ${args[@]+"${args[@]}"} -- "${paths[@]}" || rc=$?

if [ -s "$sarif" ]; then
	output sarif-file "$sarif"
else
	echo "::warning title=finlint::no SARIF log was written"
fi
output exit-code "$rc"
exit "$rc"
