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
		got, ok := appendCleanResult(nil, r, f[0], f[1])
		require.True(t, ok)
		assert.Equal(t, string(want), string(got), "%+v %q", r.Result, f)
	}
}

func TestCleanResultMatchesEncodingJSON(t *testing.T) {
	for _, src := range []string{
		"a.json", "-", "", `dir "quoted"\back\slash.json`, "tab\there\nnew\rline", "\x00\x01\x1f\x7f\b\f",
		"<html> & co.json", "Zoë 東京.json", "bad\xffutf8\xc3", "line\u2028sep\u2029para", "\xed\xa0\x80 surrogate",
	} {
		for _, r := range []Result{
			{Result: finlint.Result{Source: src, Kind: "individual-v2", Valid: true}},
			{Result: finlint.Result{Source: src, Record: 42, Valid: false}},
			{Result: finlint.Result{Source: src, Record: 1, Kind: "business-v2", Valid: true, Findings: []rules.Finding{}}},
		} {
			checkClean(t, &r)
		}
	}
	// Results with findings, a submission or an error take the encoder.
	for _, r := range []*Result{
		{Result: finlint.Result{Source: "a", Findings: []rules.Finding{{Rule: "x"}}}},
		{Result: finlint.Result{Source: "a", Error: "unreadable"}},
		{Result: finlint.Result{Source: "a"}, Submission: &Submission{Status: "created"}},
	} {
		_, ok := appendCleanResult(nil, r, "", "")
		assert.False(t, ok)
	}
}

func FuzzCleanResultMatchesEncodingJSON(f *testing.F) {
	f.Add("a.json", "individual-v2", 0, true)
	f.Add("x\u2028\xff\"\\\x01", "", 7, false)
	f.Fuzz(func(t *testing.T, source, kind string, record int, valid bool) {
		checkClean(t, &Result{Result: finlint.Result{Source: source, Kind: kind, Record: record, Valid: valid}})
	})
}
