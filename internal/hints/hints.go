// Package hints holds what the finlint command adds to a finding's or a
// notice's message where it prints one: what to run or set, in the
// command and its config file, to deal with it. The library's own
// messages name nothing of the command.
package hints

import (
	"strings"

	"github.com/finlint/finlint"
)

// A hint is added to the messages of one rule or notice id, to those
// that when accepts (every one when it is nil).
type hint struct {
	suffix string
	when   func(msg string) bool
}

var hints = map[string]hint{
	"payload-limit":         {suffix: " (raise the limit with --max-size)"},
	"reference-catalogue":   {suffix: "; run `finlint refcache refresh` with FIN_CLIENT_ID and FIN_CLIENT_SECRET set"},
	"reference-id":          {suffix: "; run `finlint refcache refresh`", when: func(msg string) bool { return strings.HasSuffix(msg, ", which is empty") }},
	"reliance-verification": {suffix: "; if it is, set reliance-enabled: true in .finlint.yaml"},
	"payload-kind":          {suffix: " with --kind, or a kinds entry of .finlint.yaml"},
}

// For returns the hint the command adds to msg, a message of the rule or
// notice id, or "".
func For(id, msg string) string {
	h, ok := hints[id]
	if !ok || h.when != nil && !h.when(msg) {
		return ""
	}
	return h.suffix
}

// Add appends the command's hints to the messages of r's findings.
func Add(r *finlint.Result) {
	for i := range r.Findings {
		f := &r.Findings[i]
		f.Message += For(f.Rule, f.Message)
	}
}

// Strip is the inverse of For: msg as the command prints it, without the
// hint the command added.
func Strip(id, msg string) string {
	h, ok := hints[id]
	if !ok {
		return msg
	}
	if base, cut := strings.CutSuffix(msg, h.suffix); cut && (h.when == nil || h.when(base)) {
		return base
	}
	return msg
}
