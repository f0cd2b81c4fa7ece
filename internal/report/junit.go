package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/finlint/finlint/rules"
)

type junitSuites struct {
	XMLName  xml.Name      `xml:"testsuites"`
	Name     string        `xml:"name,attr"`
	Tests    int           `xml:"tests,attr"`
	Failures int           `xml:"failures,attr"`
	Errors   int           `xml:"errors,attr"`
	Suites   []*junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string           `xml:"name,attr"`
	Tests      int              `xml:"tests,attr"`
	Failures   int              `xml:"failures,attr"`
	Errors     int              `xml:"errors,attr"`
	Properties *junitProperties `xml:"properties,omitempty"`
	Cases      []junitCase      `xml:"testcase"`
}

type junitProperties struct {
	Property []junitProperty `xml:"property"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

// junitCase is one payload. File and Line are written only by
// junit-extended: the plain schema has no such attributes on a test case,
// and a reporter that validates against it skips the whole report.
type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// junitFormat writes JUnit XML, a suite per source and a test case per
// payload, in one of two flavours. junit keeps to the common JUnit schema
// that strict reporters validate against: the test case's name is the
// payload's source (with its line when it is an NDJSON record), and every
// line of the failure text starts with source:line:col. junit-extended is
// the same document plus file and line attributes on each test case, which
// some reporters use to link a test to its file. The counts in the opening
// tags are only known at the end, so test cases are kept (as text, never
// the payloads) until Finish.
type junitFormat struct {
	w        io.Writer
	o        Options
	extended bool
	suites   []*junitSuite
	bySrc    map[string]*junitSuite
}

func newJUnit(w io.Writer, o Options) Format {
	return &junitFormat{w: w, o: o, bySrc: map[string]*junitSuite{}}
}

func newJUnitExtended(w io.Writer, o Options) Format {
	return &junitFormat{w: w, o: o, extended: true, bySrc: map[string]*junitSuite{}}
}

func (j *junitFormat) Start() error { return nil }

func (j *junitFormat) Result(r *Result) error {
	s := j.bySrc[r.Source]
	if s == nil {
		s = &junitSuite{Name: r.Source}
		if j.o.Version != "" {
			s.Properties = &junitProperties{Property: []junitProperty{{Name: "finlint.version", Value: j.o.Version}}}
		}
		j.bySrc[r.Source] = s
		j.suites = append(j.suites, s)
	}
	c := junitCase{Name: resultWhere(r), Classname: "finlint"}
	if j.extended {
		c.File = r.Source
		c.Line = j.junitLine(r)
	}
	if r.Error != "" {
		c.Error = &junitProblem{Message: r.Error, Type: "unreadable", Text: resultWhere(r) + ": error: " + r.Error}
	}
	var fails, out []string
	if r.Kind != "" {
		// The schema has no properties on a test case, so the kind is
		// the first line of its output.
		out = append(out, resultWhere(r)+": kind "+r.Kind)
	}
	var failRules []string
	seen := map[string]bool{}
	for i := range r.Findings {
		f := &r.Findings[i]
		line := findingLine(r.Source, f)
		if f.Suggestion != "" {
			line += "\n    suggestion: " + f.Suggestion
		}
		if !j.o.fails(f.Severity) {
			out = append(out, line)
			continue
		}
		fails = append(fails, line)
		if !seen[f.Rule] {
			seen[f.Rule] = true
			failRules = append(failRules, f.Rule)
		}
	}
	failMsg := ""
	if f := j.firstFailing(r); f != nil {
		// Reporters show the message as the headline: the count and the
		// first failing finding, where it is, say most of what the text
		// below repeats.
		noun, nouns := "error", "errors"
		if j.o.FailOn != rules.Off && j.o.FailOn < rules.Error {
			noun, nouns = "finding", "findings"
		}
		failMsg = count(len(fails), noun, nouns) + ": " + where(r.Source, f) + ": " + f.Message + " (" + f.Rule + ")"
	}
	if sub := r.Submission; sub != nil {
		line := resultWhere(r) + ": " + submissionLine(sub)
		if sub.Status == statusFailed || sub.Status == statusUnknown {
			// Both end the run with exit code 1, so a test reporter
			// should show them as failing too.
			fails = append(fails, line)
			failRules = append(failRules, "submission")
			if failMsg != "" {
				failMsg += ", "
			}
			failMsg += "submission " + sub.Status
		} else {
			out = append(out, line)
		}
	}
	if len(fails) > 0 {
		c.Failure = &junitProblem{Message: failMsg, Type: strings.Join(failRules, ", "), Text: strings.Join(fails, "\n")}
		s.Failures++
	}
	if c.Error != nil {
		s.Errors++
	}
	if len(out) > 0 {
		c.SystemOut = strings.Join(out, "\n")
	}
	s.Tests++
	s.Cases = append(s.Cases, c)
	return nil
}

// firstFailing is r's first finding that fails the run.
func (j *junitFormat) firstFailing(r *Result) *rules.Finding {
	for i := range r.Findings {
		if f := &r.Findings[i]; j.o.fails(f.Severity) {
			return f
		}
	}
	return nil
}

// junitLine is the line junit-extended gives a test case: that of its
// first failing finding, else of its first finding, else the NDJSON record's line;
// 0 (no attribute) for a whole file with nothing to point at.
func (j *junitFormat) junitLine(r *Result) int {
	if f := j.firstFailing(r); f != nil && f.Line > 0 {
		return f.Line
	}
	if len(r.Findings) > 0 && r.Findings[0].Line > 0 {
		return r.Findings[0].Line
	}
	return r.Record
}

func (j *junitFormat) Finish(Summary) error {
	root := junitSuites{Name: "finlint", Suites: j.suites}
	for _, s := range j.suites {
		root.Tests += s.Tests
		root.Failures += s.Failures
		root.Errors += s.Errors
	}
	b, err := xml.MarshalIndent(root, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding JUnit XML: %w", err)
	}
	_, err = io.WriteString(j.w, xml.Header+string(b)+"\n")
	return err
}
