package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/rules"
)

// leak stands for a payload's bytes; no format may print it.
const leak = "PAYLOAD-BYTES-MUST-NOT-LEAK"

// fixtures are a run over two plain files, three NDJSON records and an input
// that could not be read.
func fixtures() []*Result {
	return []*Result{
		{Result: finlint.Result{Source: "valid.json", Valid: true, Findings: []rules.Finding{}, Data: []byte(leak)}},
		{Result: finlint.Result{Source: "bad/maría 1.json", Data: []byte(leak), Findings: []rules.Finding{
			{
				Rule: "email-lowercase", Severity: rules.Error, Path: "/basic_info/email",
				Message: `email "José@Example.com" has upper-case letters; the API accepts only lowercase`,
				Line:    7, Column: 12, Suggestion: "josé@example.com",
				Context: "\t\t\"email\": \"José@Example.com\",", ContextColumn: 12,
			},
			{
				Rule: "unknown-field", Severity: rules.Warning, Path: "/basic_info/first_nmae",
				Message: `unknown key "first_nmae"`, Line: 9, Column: 5, Suggestion: "first_name",
				Context: `    "first_nmae": "Zoë",`, ContextColumn: 5,
			},
			{
				Rule: "tax-document-type", Severity: rules.Info, Path: "/basic_info/tax_info/0/document_type",
				Message: "document type PASSPORT, unusual for: USA", Line: 12, Column: 16,
				Context: `"city": "東京都", "x": 1`, ContextColumn: 16,
			},
		}}},
		{Result: finlint.Result{Source: "batch.ndjson", Record: 3, Data: []byte(leak), Findings: []rules.Finding{{
			Rule: "json-syntax", Severity: rules.Error, Path: "",
			Message: `expected a value, found "}" (<bad> & worse)`, Line: 3, Column: 22,
			Context: `{"verification_type":}`, ContextColumn: 22,
		}}}},
		{Result: finlint.Result{Source: "batch.ndjson", Record: 4, Valid: true, Data: []byte(leak)}, Submission: &Submission{
			Status: "created", HTTPStatus: 200, CustomerID: "cus_123", TOSPoliciesURL: "https://sandbox.fin.com/tos/abc", Sent: true,
		}},
		{Result: finlint.Result{Source: "batch.ndjson", Record: 5, Valid: true, Findings: []rules.Finding{}, Data: []byte(leak)}, Submission: &Submission{Status: "failed", HTTPStatus: 500, Error: "internal server error", Sent: true}},
		{Result: finlint.Result{Source: "missing.json", Error: "cannot read input: open missing.json: no such file or directory"}},
	}
}

func summarize(rs []*Result) Summary {
	var s Summary
	for _, r := range rs {
		s.Add(r)
	}
	return s
}

// run feeds results through the named format as the command line does.
func run(t *testing.T, name string, o Options, rs []*Result) string {
	t.Helper()
	var b bytes.Buffer
	f, err := New(name, &b, o)
	require.NoError(t, err)
	require.NoError(t, f.Start())
	for _, r := range rs {
		require.NoError(t, f.Result(r))
	}
	require.NoError(t, f.Finish(summarize(rs)))
	return b.String()
}

func TestSummaryAdd(t *testing.T) {
	s := summarize(fixtures())
	assert.Equal(t, Summary{
		Payloads: 6, Valid: 3, Invalid: 2, Errors: 2, Warnings: 1, Infos: 1,
		Submitted: 2, Created: 1, Failed: 1, Unreadable: 1,
	}, s)
	assert.Equal(t, s.Payloads, s.Valid+s.Invalid+s.Unreadable)

	var more Summary
	for _, sub := range []Submission{
		{Status: "created", Sent: true}, {Status: "skipped"}, {Status: "failed", Sent: true},
		{Status: "unknown", Sent: true}, {Status: "unknown"}, {Status: "not-sent"}, {Status: "skipped"},
	} {
		more.Add(&Result{Result: finlint.Result{Source: "x", Valid: true}, Submission: &sub})
	}
	assert.Equal(t, Summary{
		Payloads: 7, Valid: 7, Submitted: 3, Created: 1, Skipped: 2, Failed: 1, Unknown: 1, NotSent: 1, Unsettled: 1,
	}, more, "submitted counts what this run sent; an unknown from an earlier run was not sent and is unsettled")
}

func TestSummaryJSONKeys(t *testing.T) {
	b, err := json.Marshal(Summary{Payloads: 1, Invalid: 1, Errors: 1})
	require.NoError(t, err)
	assert.JSONEq(t, `{"payloads":1,"valid":0,"invalid":1,"errors":1,"warnings":0,"infos":0,"submitted":0}`, string(b))

	b, err = json.Marshal(Summary{Created: 1, Skipped: 2, Failed: 3, Unknown: 4, NotSent: 5, Unreadable: 6})
	require.NoError(t, err)
	assert.JSONEq(t, `{"payloads":0,"valid":0,"invalid":0,"errors":0,"warnings":0,"infos":0,"submitted":0,
		"created":1,"skipped":2,"failed":3,"unknown":4,"not_sent":5,"unreadable":6}`, string(b))
}

func TestNewAndNames(t *testing.T) {
	assert.Equal(t, []string{"text", "json", "ndjson", "sarif", "junit", "junit-extended", "github"}, Names())
	for _, n := range Names() {
		f, err := New(n, &bytes.Buffer{}, Options{})
		require.NoError(t, err, n)
		assert.NotNil(t, f, n)
	}
	_, err := New("xml", &bytes.Buffer{}, Options{})
	assert.ErrorContains(t, err, `unknown format "xml"`)
}

// No format may print the payload's bytes.
func TestNoFormatPrintsData(t *testing.T) {
	for _, n := range Names() {
		out := run(t, n, Options{Rules: []*rules.Rule{rules.EmailLowercase}}, fixtures())
		assert.NotEmpty(t, out, n)
		assert.NotContains(t, out, leak, n)
	}
}

// failWriter fails every write, as a closed pipe or a full disk does.
type failWriter struct{}

var errWrite = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestWriteErrorsAreReturned(t *testing.T) {
	for _, n := range Names() {
		f, err := New(n, failWriter{}, Options{})
		require.NoError(t, err)
		err = f.Start()
		for _, r := range fixtures() {
			err = errors.Join(err, f.Result(r))
		}
		err = errors.Join(err, f.Finish(summarize(fixtures())))
		assert.ErrorIs(t, err, errWrite, n)
	}
}

func TestClean(t *testing.T) {
	assert.Equal(t, "a\tb", clean("a\tb"))
	assert.Equal(t, "x\uFFFD[31mred\uFFFDy", clean("x\x1b[31mred\ny"))
	assert.Equal(t, "\uFFFDevil", clean("\u202Eevil"))
}

func TestCount(t *testing.T) {
	assert.Equal(t, "0 infos", count(0, "info", "infos"))
	assert.Equal(t, "1 info", count(1, "info", "infos"))
	assert.Equal(t, "2 infos", count(2, "info", "infos"))
}
