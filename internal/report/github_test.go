package report

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/rules"
)

func TestGitHub(t *testing.T) {
	want := "" +
		"::error file=bad/maría 1.json,line=7,col=12,title=email-lowercase::email \"José@Example.com\" has upper-case letters; the API accepts only lowercase%0Asuggestion: josé@example.com\n" +
		"::warning file=bad/maría 1.json,line=9,col=5,title=unknown-field::unknown key \"first_nmae\"%0Asuggestion: first_name\n" +
		"::notice file=bad/maría 1.json,line=12,col=16,title=tax-document-type::document type PASSPORT, unusual for: USA\n" +
		"::error file=batch.ndjson,line=3,col=22,title=json-syntax::expected a value, found \"}\" (<bad> & worse)\n" +
		"::error file=batch.ndjson,line=5,title=submission::submission failed: HTTP 500, internal server error\n" +
		"::error file=missing.json,title=finlint::cannot read input: open missing.json: no such file or directory\n"
	assert.Equal(t, want, run(t, "github", Options{Version: "v1"}, fixtures()))
}

func TestGitHubEscaping(t *testing.T) {
	rs := []*Result{
		{Result: finlint.Result{Source: "dir,x/a:b%.json", Findings: []rules.Finding{{
			Rule: "r", Severity: rules.Error, Message: "100% wrong\r\nsecond: line, \x1b[1m", Line: 1, Column: 2,
		}}}},
		{Result: finlint.Result{Source: "-", Findings: []rules.Finding{{Rule: "r", Severity: rules.Info, Message: "m", Line: 1, Column: 1}}}},
		{Result: finlint.Result{Source: "lost.ndjson", Record: 9, Valid: true}, Submission: &Submission{Status: "unknown", Error: "timeout"}},
		{Result: finlint.Result{Source: "ok.json", Valid: true}, Submission: &Submission{Status: "skipped"}},
	}
	want := "" +
		"::error file=dir%2Cx/a%3Ab%25.json,line=1,col=2,title=r::100%25 wrong%0D%0Asecond: line, \uFFFD[1m\n" +
		"::notice line=1,col=1,title=r::m\n" +
		"::warning file=lost.ndjson,line=9,title=submission::submission unknown: timeout\n"
	assert.Equal(t, want, run(t, "github", Options{}, rs))
}
