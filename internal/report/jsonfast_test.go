package report

import (
	"testing"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkClean compares the fast path with encoding/json, indented as the
// json format indents and compact as ndjson writes.
func checkClean(t *testing.T, r *Result) {
	t.Helper()
	for _, f := range [][2]string{{"    ", "  "}, {"", ""}} {
		want, err := marshal(toJSONResult(r), f[0], f[1])
		require.NoError(t, err)
		got, ok := appendResult(nil, r, f[0], f[1])
		require.True(t, ok)
		assert.Equal(t, string(want), string(got), "%+v %q", r.Result, f)
	}
}

func TestResultMatchesEncodingJSON(t *testing.T) {
	for _, src := range []string{
		"a.json", "-", "", `dir "quoted"\back\slash.json`, "tab\there\nnew\rline", "\x00\x01\x1f\x7f\b\f",
		"<html> & co.json", "Zoë 東京.json", "bad\xffutf8\xc3", "line\u2028sep\u2029para", "\xed\xa0\x80 surrogate",
	} {
		for _, r := range []Result{
			{Result: finlint.Result{Source: src, Kind: "individual-v2", Valid: true}},
			{Result: finlint.Result{Source: src, Record: 42, Valid: false}},
			{Result: finlint.Result{Source: src, Record: 43, Reference: "ref-\u2028\"1", Valid: true}},
			{Result: finlint.Result{Source: src, Record: 1, Kind: "business-v2", Valid: true, Findings: []rules.Finding{}}},
		} {
			checkClean(t, &r)
		}
	}
	// Findings of every shape.
	for _, fs := range [][]rules.Finding{
		{{Rule: "email-lowercase", Severity: rules.Error, Path: "/basic_info/email", Message: `email "A@B" has <upper> & case`, Line: 8, Column: 14, Suggestion: "a@b"}},
		{{Rule: "x", Severity: rules.Warning, Path: "", Message: "m\n\x00\u2028\xff", Line: 0, Column: 0}, {Rule: "y", Severity: rules.Info, Path: "/a~1b/0", Message: "", Line: -1, Column: 1 << 40, Suggestion: "\"q\""}},
		{{Rule: "z", Severity: rules.Off}},
	} {
		checkClean(t, &Result{Result: finlint.Result{Source: "f.json", Record: 3, Kind: "business-v2", Findings: fs}})
	}
	// Results with a submission or an error take the encoder.
	for _, r := range []*Result{
		{Result: finlint.Result{Source: "a", Error: "unreadable"}},
		{Result: finlint.Result{Source: "a"}, Submission: &Submission{Status: "created"}},
	} {
		_, ok := appendResult(nil, r, "", "")
		assert.False(t, ok)
	}
}

func FuzzResultMatchesEncodingJSON(f *testing.F) {
	f.Add("a.json", "individual-v2", 0, true)
	f.Add("x\u2028\xff\"\\\x01", "", 7, false)
	f.Fuzz(func(t *testing.T, source, kind string, record int, valid bool) {
		checkClean(t, &Result{Result: finlint.Result{Source: source, Kind: kind, Record: record, Valid: valid}})
		checkClean(t, &Result{Result: finlint.Result{Source: source, Reference: kind + source, Kind: kind, Record: record}})
		checkClean(t, &Result{Result: finlint.Result{Source: kind, Findings: []rules.Finding{
			{Rule: source, Severity: rules.Severity(record & 3), Path: kind, Message: source + kind, Line: record, Column: -record, Suggestion: kind},
			{Rule: kind, Message: source},
		}}})
	})
}
