// Package report writes lint results in finlint's output formats: text for
// people, json and ndjson for scripts, sarif for code-scanning dashboards,
// junit for CI test reporters and github for workflow annotations. Every
// format sits behind the same small Format interface, so the command line
// can feed several of them from one run.
package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/rules"
)

// Result is what a format prints of one payload: its lint result and,
// when it was due for submission, what became of it.
type Result struct {
	finlint.Result
	// Submission is set only when the payload was due for submission.
	Submission *Submission `json:"submission,omitempty"`
}

// Submission is what happened when a payload was sent to the API.
type Submission struct {
	// Status is created, skipped, failed, unknown or not-sent.
	Status         string `json:"status"`
	HTTPStatus     int    `json:"http_status,omitempty"`
	CustomerID     string `json:"customer_id,omitempty"`
	TOSPoliciesURL string `json:"tos_policies_url,omitempty"`
	Error          string `json:"error,omitempty"`
	// Sent is true when this run sent the request (whatever came of it);
	// the summary's "submitted" counts these.
	Sent bool `json:"-"`
	// Due is true when the payload passed and was meant to be sent: one
	// that then ends anything but created or skipped fails the run.
	Due bool `json:"-"`
}

// Submission statuses, as Submission.Status spells them.
const (
	statusCreated = "created"
	statusSkipped = "skipped"
	statusFailed  = "failed"
	statusUnknown = "unknown"
	statusNotSent = "not-sent"
)

// Summary counts a run; the command line and every format use the same
// numbers. Payloads is Valid + Invalid + Unreadable: an input that could
// not be read is neither valid nor invalid.
type Summary struct {
	Payloads int `json:"payloads"`
	Valid    int `json:"valid"`
	Invalid  int `json:"invalid"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	// Submitted counts the payloads actually sent this run: created,
	// failed and unknown.
	Submitted int `json:"submitted"`
	Created   int `json:"created,omitempty"`
	Skipped   int `json:"skipped,omitempty"`
	Failed    int `json:"failed,omitempty"`
	Unknown   int `json:"unknown,omitempty"`
	NotSent   int `json:"not_sent,omitempty"`
	// Unsettled counts payloads an earlier run left unknown and this run
	// did not send again: only finlint journal reconcile settles them.
	Unsettled int `json:"unsettled,omitempty"`
	// Unreadable counts results whose input could not be read.
	Unreadable int `json:"unreadable,omitempty"`
	// Kinds counts the payloads of each kind; those of no known kind
	// (unreadable, not JSON, or of no shape finlint knows) are not counted.
	Kinds map[string]int `json:"kinds,omitempty"`
	// Notices are the run's run-level notices; the json and ndjson formats
	// print them beside the summary, not inside it.
	Notices []finlint.Notice `json:"-"`
}

// Add counts one result.
func (s *Summary) Add(r *Result) {
	s.Payloads++
	if r.Kind != "" {
		if s.Kinds == nil {
			s.Kinds = map[string]int{}
		}
		s.Kinds[r.Kind]++
	}
	switch {
	case r.Error != "":
		s.Unreadable++
	case r.Valid:
		s.Valid++
	default:
		s.Invalid++
	}
	e, w, i := r.Count()
	s.Errors += e
	s.Warnings += w
	s.Infos += i
	if r.Submission == nil {
		return
	}
	if r.Submission.Sent {
		s.Submitted++
	}
	switch r.Submission.Status {
	case statusCreated:
		s.Created++
	case statusFailed:
		s.Failed++
	case statusUnknown:
		if r.Submission.Sent {
			s.Unknown++
		} else {
			s.Unsettled++
		}
	case statusSkipped:
		s.Skipped++
	case statusNotSent:
		s.NotSent++
	}
}

// anySubmission reports whether any payload of the run had a submission.
func (s *Summary) anySubmission() bool {
	return s.Created+s.Skipped+s.Failed+s.Unknown+s.NotSent+s.Unsettled > 0
}

// Options shape a format's output.
type Options struct {
	// Color turns on ANSI colour in text output; the caller decides
	// (a terminal, and NO_COLOR unset).
	Color bool
	// Quiet drops the summary line of text output.
	Quiet bool
	// Rules are described in SARIF output, in this order.
	Rules []*rules.Rule
	// Severity returns a rule's effective severity for SARIF's default
	// configuration; nil means the rule's own default.
	Severity func(*rules.Rule) rules.Severity
	// Version is the tool's version, for SARIF and JUnit.
	Version string
	// FailOn is the lowest severity that fails the run, so that a JUnit
	// test case fails exactly when its payload fails the run; Off means
	// Error. FailNever (--fail-on none) fails none for findings.
	FailOn    rules.Severity
	FailNever bool
}

// fails reports whether a finding of severity s fails the run.
func (o *Options) fails(s rules.Severity) bool {
	if o.FailNever {
		return false
	}
	if o.FailOn == rules.Off {
		return s >= rules.Error
	}
	return s >= o.FailOn
}

func (o *Options) severityOf(r *rules.Rule) rules.Severity {
	if o.Severity != nil {
		return o.Severity(r)
	}
	return r.Severity
}

// Format writes one output format. Start is called once before any result,
// Result once per payload in input order as each finishes, and Finish once
// at the end with the run's summary. A Format is not safe for concurrent
// use.
type Format interface {
	Start() error
	Result(r *Result) error
	Finish(s Summary) error
}

var formats = []struct {
	name string
	make func(w io.Writer, o Options) Format
}{
	{"text", newText},
	{"json", newJSON},
	{"ndjson", newNDJSON},
	{"sarif", newSARIF},
	{"junit", newJUnit},
	{"junit-extended", newJUnitExtended},
	{"github", newGitHub},
}

// New returns the format called name, writing to w. It fails for a name
// that Names does not list.
func New(name string, w io.Writer, o Options) (Format, error) {
	for _, f := range formats {
		if f.name == name {
			return f.make(w, o), nil
		}
	}
	return nil, fmt.Errorf("unknown format %q", name)
}

// Names lists the formats New knows, the default (text) first.
func Names() []string {
	out := make([]string, len(formats))
	for i, f := range formats {
		out[i] = f.name
	}
	return out
}

// where names a finding's position as editors and CI systems parse it:
// source:line:col. An NDJSON record's line is already its line in the file,
// so the source alone is the right prefix.
func where(source string, f *rules.Finding) string {
	switch {
	case f.Line <= 0:
		return source
	case f.Column <= 0:
		return source + ":" + strconv.Itoa(f.Line)
	}
	return source + ":" + strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column)
}

// resultWhere names a whole payload: its source, and its line when it is an
// NDJSON record.
func resultWhere(r *Result) string {
	if r.Record > 0 {
		return r.Source + ":" + strconv.Itoa(r.Record)
	}
	return r.Source
}

// findingLine is the plain one-line form of a finding, as text output
// prints it without colour: where: severity: message (rule).
func findingLine(source string, f *rules.Finding) string {
	return where(source, f) + ": " + f.Severity.String() + ": " + f.Message + " (" + f.Rule + ")"
}

// submissionLine says what happened to a payload that was due for
// submission, for the human-readable formats.
func submissionLine(s *Submission) string {
	var parts []string
	if s.HTTPStatus != 0 {
		parts = append(parts, "HTTP "+strconv.Itoa(s.HTTPStatus))
	}
	if s.CustomerID != "" {
		parts = append(parts, "customer "+s.CustomerID)
	}
	if s.TOSPoliciesURL != "" {
		parts = append(parts, "terms of service "+s.TOSPoliciesURL)
	}
	if s.Error != "" {
		parts = append(parts, s.Error)
	}
	line := "submission " + s.Status
	if len(parts) > 0 {
		line += ": " + strings.Join(parts, ", ")
	}
	return line
}

// clean keeps text from the payload from steering a terminal or a log
// viewer: control characters other than tab and bidirectional overrides
// become U+FFFD, one for one, so that columns still line up.
func clean(s string) string {
	bad := func(r rune) bool {
		return (unicode.IsControl(r) && r != '\t') || unicode.Is(unicode.Bidi_Control, r)
	}
	if strings.IndexFunc(s, bad) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if bad(r) {
			return unicode.ReplacementChar
		}
		return r
	}, s)
}

// count writes n and the noun, plural when n is not 1.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
