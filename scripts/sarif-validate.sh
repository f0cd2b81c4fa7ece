#!/bin/sh
# Validates finlint's SARIF with Microsoft's SARIF Multitool, the reference
# checker of SARIF logs and of what GitHub code scanning ingests (its GHxxxx
# rules).
#
#   scripts/sarif-validate.sh              run the Go tests that lint the
#                                          fixtures, files and standard
#                                          input, and validate their SARIF
#   scripts/sarif-validate.sh LOG.sarif... validate these logs; exit 1 on an
#                                          error-level result
#
# The tool comes from npm (@microsoft/sarif-multitool, a native binary in a
# package per platform) and is kept in a cache folder, so only the first
# run downloads it. SARIF_MULTITOOL_VERSION and SARIF_MULTITOOL_CACHE change
# the version and the folder. Without npm the Go tests skip themselves.
set -eu

version=${SARIF_MULTITOOL_VERSION:-5.7.0}
cache=${SARIF_MULTITOOL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/finlint/sarif-multitool-$version}

if [ -z "${FINLINT_SARIF_MULTITOOL:-}" ]; then
	if [ ! -d "$cache/node_modules/@microsoft/sarif-multitool" ]; then
		command -v npm >/dev/null 2>&1 || { echo "sarif-validate: npm is needed to install the SARIF Multitool" >&2; exit 2; }
		mkdir -p "$cache"
		npm install --prefix "$cache" --no-audit --no-fund --no-save --loglevel=error \
			"@microsoft/sarif-multitool@$version" >&2
	fi
	# The package's own wrapper passes arguments through a shell, which
	# splits paths with spaces: the native binary is called directly.
	FINLINT_SARIF_MULTITOOL=$(cd "$cache" && node -p "require('@microsoft/sarif-multitool')")
	# npm may not run the package's install script, which marks it
	# executable.
	chmod u+x "$FINLINT_SARIF_MULTITOOL"
	export FINLINT_SARIF_MULTITOOL
fi

if [ $# -eq 0 ]; then
	cd "$(dirname "$0")/.."
	exec go test -count=1 -run 'SARIFMultitool' ./internal/cli/
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$FINLINT_SARIF_MULTITOOL" validate --rule-kind 'Sarif;Gh' --level 'Error;Warning' \
	--output "$out/report.sarif" "$@"
# The tool exits 0 whatever it finds: count the errors in its report.
errors=$(node -e '
const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
let n = 0;
for (const run of log.runs) for (const r of run.results || []) if (r.level === "error") n++;
console.log(n);
' "$out/report.sarif")
if [ "$errors" -ne 0 ]; then
	echo "sarif-validate: $errors error(s)" >&2
	exit 1
fi
