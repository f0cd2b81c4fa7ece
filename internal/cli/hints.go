package cli

import (
	"strings"

	"github.com/finlint/finlint"
)

// The library's messages say what is wrong and name no command, flag or
// file of this tool; hints add, where the CLI prints a finding, what to
// run or set here to deal with it.
var hints = map[string]func(msg string) string{
	"payload-limit": func(string) string { return " (raise the limit with --max-size)" },
	"reference-catalogue": func(string) string {
		return "; run `finlint refcache refresh` with FIN_CLIENT_ID and FIN_CLIENT_SECRET set"
	},
	"reference-id": func(msg string) string {
		if strings.HasSuffix(msg, ", which is empty") {
			return "; run `finlint refcache refresh`"
		}
		return ""
	},
	"reliance-verification": func(string) string { return "; if it is, set reliance-enabled: true in .finlint.yaml" },
	"payload-kind":          func(string) string { return " with --kind, or a kinds entry of .finlint.yaml" },
}

// addHints appends the CLI's hints to the messages of r's findings.
func addHints(r *finlint.Result) {
	for i := range r.Findings {
		f := &r.Findings[i]
		if h := hints[f.Rule]; h != nil {
			f.Message += h(f.Message)
		}
	}
}
