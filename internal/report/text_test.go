package report

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/rules"
)

func TestText(t *testing.T) {
	want := "" +
		"bad/maría 1.json:7:12: error: email \"José@Example.com\" has upper-case letters; the API accepts only lowercase (email-lowercase)\n" +
		"\t\t\"email\": \"José@Example.com\",\n" +
		"\t\t         ^\n" +
		"    suggestion: josé@example.com\n" +
		"bad/maría 1.json:9:5: warning: unknown key \"first_nmae\" (unknown-field)\n" +
		"    \"first_nmae\": \"Zoë\",\n" +
		"    ^\n" +
		"    suggestion: first_name\n" +
		"bad/maría 1.json:12:16: info: document type PASSPORT, unusual for: USA (tax-document-type)\n" +
		"\"city\": \"東京都\", \"x\": 1\n" +
		"                  ^\n" +
		"batch.ndjson:3:22: error: expected a value, found \"}\" (<bad> & worse) (json-syntax)\n" +
		"{\"verification_type\":}\n" +
		"                     ^\n" +
		"batch.ndjson:4: submission created: HTTP 200, customer cus_123, terms of service https://sandbox.fin.com/tos/abc\n" +
		"batch.ndjson:5: submission failed: HTTP 500, internal server error\n" +
		"missing.json: error: cannot read input: open missing.json: no such file or directory\n" +
		"6 payloads: 3 valid, 2 invalid; 2 errors, 1 warning, 1 info; 2 submitted (1 created, 1 failed); 1 unreadable\n"
	assert.Equal(t, want, run(t, "text", Options{}, fixtures()))
}

func TestTextQuiet(t *testing.T) {
	out := run(t, "text", Options{Quiet: true}, fixtures())
	assert.NotContains(t, out, "payloads")
	assert.Contains(t, out, "(email-lowercase)\n")

	assert.Empty(t, run(t, "text", Options{Quiet: true}, []*Result{{Result: finlint.Result{Source: "ok.json", Valid: true}}}),
		"a valid payload prints nothing")
}

func TestTextColor(t *testing.T) {
	r := &Result{Result: finlint.Result{Source: "a.json", Findings: []rules.Finding{
		{Rule: "r1", Severity: rules.Error, Message: "m1", Line: 1, Column: 2, Context: "{x}", ContextColumn: 2},
		{Rule: "r2", Severity: rules.Warning, Message: "m2", Line: 1, Column: 3},
		{Rule: "r3", Severity: rules.Info, Message: "m3", Line: 1, Column: 1},
	}}}
	want := "" +
		"a.json:1:2: \x1b[1;31merror\x1b[0m: m1 (\x1b[2mr1\x1b[0m)\n" +
		"{x}\n" +
		" \x1b[1;32m^\x1b[0m\n" +
		"a.json:1:3: \x1b[1;33mwarning\x1b[0m: m2 (\x1b[2mr2\x1b[0m)\n" +
		"a.json:1:1: \x1b[1;36minfo\x1b[0m: m3 (\x1b[2mr3\x1b[0m)\n"
	assert.Equal(t, want, run(t, "text", Options{Color: true, Quiet: true}, []*Result{r}))
	assert.NotContains(t, run(t, "text", Options{}, fixtures()), "\x1b")
}

// Payload text must not reach the terminal as escape sequences.
func TestTextCleansControlCharacters(t *testing.T) {
	r := &Result{Result: finlint.Result{Source: "a.json", Findings: []rules.Finding{{
		Rule: "r", Severity: rules.Error, Message: "bad \x1b]0;title\x07", Line: 2, Column: 4,
		Context: "\x1b[2J\"x\"", ContextColumn: 5, Suggestion: "s\x1b",
	}}}}
	want := "" +
		"a.json:2:4: error: bad \uFFFD]0;title\uFFFD (r)\n" +
		"\uFFFD[2J\"x\"\n" +
		"    ^\n" +
		"    suggestion: s\uFFFD\n"
	assert.Equal(t, want, run(t, "text", Options{Quiet: true}, []*Result{r}))
}

func TestCaretPrefix(t *testing.T) {
	assert.Equal(t, "", caretPrefix("abc", 1))
	assert.Equal(t, "  ", caretPrefix("abc", 3))
	assert.Equal(t, "\t ", caretPrefix("\tab", 3))
	assert.Equal(t, "   ", caretPrefix("日x", 3), "a wide character takes two cells")
	assert.Equal(t, " ", caretPrefix("e\u0301x", 3), "a combining accent takes none")
	assert.Equal(t, "     ", caretPrefix("ab", 6), "past the end of the line")
	assert.Equal(t, "", caretPrefix("ab", 0))
}

func TestSummaryLine(t *testing.T) {
	for _, c := range []struct {
		s    Summary
		want string
	}{
		{Summary{}, "0 payloads: 0 valid, 0 invalid; 0 errors, 0 warnings, 0 infos"},
		{Summary{Payloads: 1, Valid: 1, Errors: 1, Warnings: 1, Infos: 1}, "1 payload: 1 valid, 0 invalid; 1 error, 1 warning, 1 info"},
		{Summary{Payloads: 3, Valid: 1, Invalid: 2, Errors: 4, Warnings: 1}, "3 payloads: 1 valid, 2 invalid; 4 errors, 1 warning, 0 infos"},
		{Summary{Payloads: 2, Valid: 2, Skipped: 2}, "2 payloads: 2 valid, 0 invalid; 0 errors, 0 warnings, 0 infos; 0 submitted, 2 skipped"},
		{
			Summary{Payloads: 4, Valid: 4, Submitted: 2, Created: 1, Unknown: 1, Skipped: 1, NotSent: 1},
			"4 payloads: 4 valid, 0 invalid; 0 errors, 0 warnings, 0 infos; 2 submitted (1 created, 1 unknown), 1 skipped, 1 not sent",
		},
		{
			Summary{Payloads: 2, Valid: 2, Skipped: 1, Unsettled: 1},
			"2 payloads: 2 valid, 0 invalid; 0 errors, 0 warnings, 0 infos; 0 submitted, 1 skipped, 1 unsettled (run finlint journal reconcile)",
		},
		{Summary{Payloads: 2, Unreadable: 2}, "2 payloads: 0 valid, 0 invalid; 0 errors, 0 warnings, 0 infos; 2 unreadable"},
	} {
		assert.Equal(t, c.want, summaryLine(c.s))
	}
}
