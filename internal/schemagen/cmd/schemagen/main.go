// Command schemagen writes the Go validator of a payload kind's JSON
// Schema; see package internal/schemagen. Each kind's package runs it
// from a //go:generate line:
//
//	schemagen -in individual-v2.schema.json -out validate_gen.go -pkg individual
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/finlint/finlint/internal/schemagen"
)

func main() {
	c, err := schemagen.ParseCommand(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "schemagen:", err)
		os.Exit(2)
	}
	code, err := c.Generate(".")
	if err != nil {
		fmt.Fprintln(os.Stderr, "schemagen:", err)
		os.Exit(1)
	}
	// An unchanged file is left alone, so that its time stamp says when
	// the validator last changed.
	if old, err := os.ReadFile(c.Out); err == nil && bytes.Equal(old, code) {
		return
	}
	if err := os.WriteFile(c.Out, code, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "schemagen:", err)
		os.Exit(1)
	}
}
