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

type junitCase struct {
	Name       string           `xml:"name,attr"`
	Classname  string           `xml:"classname,attr"`
	File       string           `xml:"file,attr,omitempty"`
	Properties *junitProperties `xml:"properties,omitempty"`
	Failure    *junitProblem    `xml:"failure,omitempty"`
	Error      *junitProblem    `xml:"error,omitempty"`
	SystemOut  string           `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// junitFormat writes JUnit XML as GitLab, Jenkins and GitHub test reporters
// read it: a suite per source, a test case per payload. The counts in the
// opening tags are only known at the end, so test cases are kept (as text,
// never the payloads) until Finish.
type junitFormat struct {
	w      io.Writer
	o      Options
	suites []*junitSuite
	bySrc  map[string]*junitSuite
}

func newJUnit(w io.Writer, o Options) Format {
	return &junitFormat{w: w, o: o, bySrc: map[string]*junitSuite{}}
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
	c := junitCase{Name: resultWhere(r), Classname: "finlint", File: r.Source}
	if r.Kind != "" {
		c.Properties = &junitProperties{Property: []junitProperty{{Name: "finlint.kind", Value: r.Kind}}}
	}
	if r.Error != "" {
		c.Error = &junitProblem{Message: r.Error, Type: "unreadable", Text: resultWhere(r) + ": error: " + r.Error}
	}
	var fails, out []string
	var failRules []string
	seen := map[string]bool{}
	for i := range r.Findings {
		f := &r.Findings[i]
		line := findingLine(r.Source, f)
		if f.Suggestion != "" {
			line += "\n    suggestion: " + f.Suggestion
		}
		if f.Severity != rules.Error {
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
	if len(fails) > 0 {
		// Reporters show the message as the headline: the count and the
		// first error say most of what the text below repeats.
		for i := range r.Findings {
			if f := &r.Findings[i]; f.Severity == rules.Error {
				failMsg = count(len(fails), "error", "errors") + ": " + f.Message + " (" + f.Rule + ")"
				break
			}
		}
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
