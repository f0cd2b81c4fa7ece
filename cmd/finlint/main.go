// Command finlint checks Fin.com API payloads before they are sent.
package main

import (
	"os"
	"runtime/debug"

	"github.com/finlint/finlint/internal/cli"
)

// gcPercent is the collector's setting when GOGC does not give one. A lint
// run makes a little garbage per payload and keeps almost none, so the
// default of 100 spends about a fifth of the run collecting a small heap;
// at 200 that share falls by a third for a few more MiB of peak memory,
// which still does not grow with the input.
const gcPercent = 200

func main() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
