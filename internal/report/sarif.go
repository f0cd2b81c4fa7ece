package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/finlint/finlint/rules"
)

const (
	sarifVersion   = "2.1.0"
	sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	informationURI = "https://github.com/finlint/finlint"

	// StdinName and StdinNDJSONName are the artifact URIs of standard
	// input when no --stdin-filename names it: code scanning refuses a
	// location without a URI, and "-" is not a useful one.
	StdinName       = "stdin.json"
	StdinNDJSONName = "stdin.ndjson"

	// fingerprintKey names finlint's partial fingerprint. The "/v1"
	// suffix is the SARIF convention for changing how a fingerprint is
	// computed without it matching the old values.
	fingerprintKey = "finlint/v1"
)

type sarifLog struct {
	Version string     `json:"version"`
	Schema  string     `json:"$schema"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []json.RawMessage `json:"results"`
	// ColumnKind says columns count characters, as finlint's do.
	ColumnKind string `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      *sarifText     `json:"fullDescription,omitempty"`
	Help                 *sarifText     `json:"help,omitempty"`
	DefaultConfiguration sarifConfig    `json:"defaultConfiguration"`
	Properties           sarifRuleProps `json:"properties"`
}

type sarifConfig struct {
	Enabled *bool  `json:"enabled,omitempty"`
	Level   string `json:"level"`
}

type sarifRuleProps struct {
	Tags []string `json:"tags"`
	// ProblemSeverity is how GitHub code scanning ranks non-security
	// alerts.
	ProblemSeverity string `json:"problem.severity"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          sarifResultProps  `json:"properties"`
}

type sarifResultProps struct {
	// JSONPointer is the finding's RFC 6901 path in the payload.
	JSONPointer string `json:"jsonPointer"`
	Record      int    `json:"record,omitempty"`
	// Reference is the payload's meta_data.reference.
	Reference string `json:"reference,omitempty"`
	// Kind is the payload's kind, such as individual-v2.
	Kind       string `json:"kind,omitempty"`
	Suggestion string `json:"suggestion,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI         string     `json:"uri"`
	Description *sarifText `json:"description,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
	// stdin marks a note about standard input, whose name is settled
	// only when the run is over (see Finish).
	stdin bool
}

// sarifFormat writes one SARIF 2.1.0 log with one run. The driver's rule
// list comes first in the document but may still grow while results arrive
// (a finding of a rule that Options.Rules does not describe, such as one
// from the API), so results are kept, encoded, until Finish.
type sarifFormat struct {
	w       io.Writer
	o       Options
	rules   []sarifRule
	index   map[string]int
	results []json.RawMessage
	notes   []sarifNotification
	failed  bool
	// seen counts the results of each fingerprint so far.
	seen map[string]int
	// stdinNDJSON is set once standard input turned out to be NDJSON.
	stdinNDJSON bool
}

func newSARIF(w io.Writer, o Options) Format {
	s := &sarifFormat{w: w, o: o, index: map[string]int{}, results: []json.RawMessage{}, seen: map[string]int{}}
	for _, r := range o.Rules {
		if _, dup := s.index[r.ID]; dup {
			continue
		}
		s.index[r.ID] = len(s.rules)
		s.rules = append(s.rules, describeRule(r, o.severityOf(r)))
	}
	return s
}

func (s *sarifFormat) Start() error { return nil }

func (s *sarifFormat) Result(r *Result) error {
	stdin, ndjson := r.Source == "-", r.Record > 0
	s.stdinNDJSON = s.stdinNDJSON || stdin && ndjson
	if r.Error != "" {
		s.failed = true
		s.notes = append(s.notes, sarifNotification{
			Level:     "error",
			Message:   sarifText{Text: r.Error},
			Locations: []sarifLocation{sarifLocationOf(r.Source, ndjson, r.Record, 0)},
			stdin:     stdin,
		})
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		text := f.Message
		if f.Suggestion != "" {
			text += "\nSuggestion: " + f.Suggestion
		}
		loc := sarifLocationOf(r.Source, ndjson, f.Line, f.Column)
		b, err := marshal(sarifResult{
			RuleID:              f.Rule,
			RuleIndex:           s.ruleIndex(f.Rule, f.Severity),
			Level:               sarifLevel(f.Severity),
			Message:             sarifText{Text: text},
			Locations:           []sarifLocation{loc},
			PartialFingerprints: map[string]string{fingerprintKey: s.fingerprint(f.Rule, loc.PhysicalLocation.ArtifactLocation.URI, f.Path)},
			Properties:          sarifResultProps{JSONPointer: f.Path, Record: r.Record, Reference: r.Reference, Kind: r.Kind, Suggestion: f.Suggestion},
		}, "", "")
		if err != nil {
			return fmt.Errorf("encoding result for %s: %w", r.Source, err)
		}
		s.results = append(s.results, b)
	}
	// A submission that failed or was lost is worth a note beside the
	// findings: it may carry no finding at all (a server error, a timeout).
	if sub := r.Submission; sub != nil && (sub.Status == statusFailed || sub.Status == statusUnknown) {
		level := "error"
		if sub.Status == statusUnknown {
			level = "warning"
		}
		s.notes = append(s.notes, sarifNotification{
			Level:     level,
			Message:   sarifText{Text: submissionLine(sub)},
			Locations: []sarifLocation{sarifLocationOf(r.Source, ndjson, r.Record, 0)},
			stdin:     stdin,
		})
	}
	return nil
}

// fingerprint identifies a result across runs, so that code scanning keeps
// one alert (and its dismissal) while the payload is edited around it. It
// hashes what a finding is about, the rule, the artifact and the JSON
// Pointer, and no line or column: reformatting a payload or adding a key
// above the finding does not move it. The record number of an NDJSON line
// is left out for the same reason (inserting a line renumbers every record
// below); findings that share rule, artifact and pointer, as in several
// records of one NDJSON file, are told apart by their order in the run,
// ":1", ":2" and so on, the way the code-scanning upload numbers its own
// primaryLocationLineHash. The upload still adds that line-based hash
// where it can read the file; this one also works for standard input.
func (s *sarifFormat) fingerprint(rule, uri, pointer string) string {
	h := sha256.New()
	for _, part := range []string{rule, uri, pointer} {
		// Each part is length-prefixed so that no two triples hash the
		// same bytes.
		fmt.Fprintf(h, "%d:%s", len(part), part)
	}
	key := hex.EncodeToString(h.Sum(nil)[:16])
	s.seen[key]++
	return fmt.Sprintf("%s:%d", key, s.seen[key])
}

// ruleIndex returns the index of rule id in the driver's rules, describing
// it briefly first when Options.Rules did not.
func (s *sarifFormat) ruleIndex(id string, sev rules.Severity) int {
	if i, ok := s.index[id]; ok {
		return i
	}
	i := len(s.rules)
	s.index[id] = i
	s.rules = append(s.rules, sarifRule{
		ID:                   id,
		Name:                 ruleName(id),
		ShortDescription:     sarifText{Text: id},
		DefaultConfiguration: sarifConfig{Level: sarifLevel(sev)},
		Properties:           sarifRuleProps{Tags: ruleTags, ProblemSeverity: problemSeverity(sev)},
	})
	return i
}

func (s *sarifFormat) Finish(sum Summary) error {
	for _, n := range sum.Notices {
		s.notes = append(s.notes, sarifNotification{Level: "note", Message: sarifText{Text: n.Message}})
	}
	// A note about standard input may come before its first record told
	// whether it is NDJSON (an error on the first line); name it as its
	// results are named.
	if s.stdinNDJSON {
		for i := range s.notes {
			if !s.notes[i].stdin {
				continue
			}
			for j := range s.notes[i].Locations {
				s.notes[i].Locations[j].PhysicalLocation.ArtifactLocation = artifactOf("-", true)
			}
		}
	}
	rs := s.rules
	if rs == nil {
		rs = []sarifRule{}
	}
	log := sarifLog{
		Version: sarifVersion,
		Schema:  sarifSchemaURI,
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name:           "finlint",
				Version:        toolVersion(s.o.Version),
				InformationURI: informationURI,
				Rules:          rs,
			}},
			Invocations: []sarifInvocation{{ExecutionSuccessful: !s.failed, Notifications: s.notes}},
			Results:     s.results,
			ColumnKind:  "unicodeCodePoints",
		}},
	}
	b, err := marshal(log, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding SARIF log: %w", err)
	}
	_, err = s.w.Write(append(b, '\n'))
	return err
}

var ruleTags = []string{"fin-api", "correctness"}

func describeRule(r *rules.Rule, sev rules.Severity) sarifRule {
	d := sarifRule{
		ID:                   r.ID,
		Name:                 ruleName(r.ID),
		ShortDescription:     sarifText{Text: r.Title},
		DefaultConfiguration: sarifConfig{Level: sarifLevel(sev)},
		Properties:           sarifRuleProps{Tags: ruleTags, ProblemSeverity: problemSeverity(sev)},
	}
	if d.ShortDescription.Text == "" {
		d.ShortDescription.Text = r.ID
	}
	if sev == rules.Off {
		off := false
		d.DefaultConfiguration.Enabled = &off
	}
	if r.Doc != "" {
		d.FullDescription = &sarifText{Text: r.Doc}
	}
	text, md := ruleHelp(r)
	d.Help = &sarifText{Text: text, Markdown: md}
	return d
}

// ruleHelp renders a rule's documentation, its examples and how to silence
// it, as plain text and as Markdown. An example written as a change to the
// reference payload is shown as that change: it is what matters, and the
// whole payload would repeat itself in every rule (finlint explain prints
// it in full).
func ruleHelp(r *rules.Rule) (text, markdown string) {
	var t, m strings.Builder
	if r.Doc != "" {
		t.WriteString(r.Doc + "\n\n")
		m.WriteString(r.Doc + "\n\n")
	}
	patched := false
	for _, ex := range []struct {
		title string
		ex    rules.Example
	}{{"Failing example", r.Bad}, {"Fixed example", r.Good}} {
		in := ex.ex.Raw
		if in == "" && ex.ex.Patch != "" {
			in, patched = ex.ex.Patch, true
		}
		in = strings.TrimSpace(in)
		if in == "" {
			continue
		}
		t.WriteString(ex.title + ":\n\n" + in + "\n\n")
		fence := codeFence(in)
		m.WriteString("**" + ex.title + "**\n\n" + fence + "json\n" + in + "\n" + fence + "\n\n")
	}
	if patched {
		const note = "The examples are changes to the reference payload, as JSON merge patches: " +
			"a key set here replaces the reference's value, null removes the key."
		t.WriteString(note + "\n\n")
		m.WriteString(note + "\n\n")
	}
	t.WriteString(fmt.Sprintf("To change this rule's severity or turn it off, set %[1]s: off under rules "+
		"in .finlint.yaml or pass --rule %[1]s=off; to tolerate it only in some files or at some JSON "+
		"paths, add an ignore entry with a reason. finlint explain %[1]s prints this documentation "+
		"with the examples in full.", r.ID))
	m.WriteString(fmt.Sprintf("To change this rule's severity or turn it off, set `%[1]s: off` under `rules` "+
		"in `.finlint.yaml` or pass `--rule %[1]s=off`; to tolerate it only in some files or at some JSON "+
		"paths, add an `ignore` entry with a `reason`. `finlint explain %[1]s` prints this documentation "+
		"with the examples in full.", r.ID))
	return t.String(), m.String()
}

// codeFence returns a backtick fence longer than any run of backticks in s,
// so that s cannot close its own code block.
func codeFence(s string) string {
	longest, run := 0, 0
	for _, c := range s {
		if c == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

// toolVersion writes a version the way SARIF consumers compare them, from
// its first digit: v1.2.3 becomes 1.2.3. A build with no release version
// (devel) is written as a SemVer pre-release of 0.0.0, which sorts before
// every release.
func toolVersion(v string) string {
	if v == "" {
		return ""
	}
	if t := strings.TrimPrefix(v, "v"); t != "" && t[0] >= '0' && t[0] <= '9' {
		return t
	}
	pre := strings.Map(func(c rune) rune {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' {
			return c
		}
		return -1
	}, v)
	if pre = strings.Trim(pre, ".-"); pre == "" {
		pre = "devel"
	}
	return "0.0.0-" + pre
}

// ruleName turns a kebab-case id into the PascalCase identifier SARIF's
// reportingDescriptor.name expects: email-lowercase becomes EmailLowercase.
// The name must differ from the id other than in case (SARIF validators
// compare them so), so a one-word id gets a suffix: api becomes ApiCheck.
func ruleName(id string) string {
	var b strings.Builder
	up := true
	for _, c := range id {
		if c == '-' || c == '_' || c == ' ' {
			up = true
			continue
		}
		if up && c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		up = false
		b.WriteRune(c)
	}
	if strings.EqualFold(b.String(), id) {
		b.WriteString("Check")
	}
	return b.String()
}

func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	case rules.Info:
		return "note"
	}
	return "none"
}

func problemSeverity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "recommendation"
}

// sarifLocationOf points at line:col of a source; line 0 means the whole
// source.
func sarifLocationOf(source string, ndjson bool, line, col int) sarifLocation {
	loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: artifactOf(source, ndjson)}}
	if line > 0 {
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: line, StartColumn: max(col, 0)}
	}
	return loc
}

// artifactOf names a source. Standard input that no --stdin-filename named
// gets a default name, by how it was read, and a description saying what
// the name stands for.
func artifactOf(source string, ndjson bool) sarifArtifact {
	if source != "-" {
		return sarifArtifact{URI: sourceURI(source)}
	}
	name := StdinName
	if ndjson {
		name = StdinNDJSONName
	}
	return sarifArtifact{URI: name, Description: &sarifText{Text: "standard input"}}
}

// sourceURI turns a source path into a URI reference: relative paths stay
// relative and slash-separated (code-scanning tools resolve them against
// the repository root), absolute ones become file URIs, and every segment
// is percent-encoded.
func sourceURI(source string) string {
	p := filepath.ToSlash(source)
	abs := filepath.IsAbs(source) || strings.HasPrefix(p, "/")
	for strings.HasPrefix(p, "./") {
		p = p[2:]
	}
	segs := strings.Split(p, "/")
	for i, s := range segs {
		// A colon is escaped too: in a relative reference's first
		// segment it would read as a URI scheme.
		segs[i] = strings.ReplaceAll(url.PathEscape(s), ":", "%3A")
	}
	p = strings.Join(segs, "/")
	if !abs {
		return p
	}
	if vol := filepath.VolumeName(source); vol != "" && len(vol) == 2 && vol[1] == ':' {
		// Keep the drive letter readable, as file URIs write it: C:/x.
		p = strings.Replace(p, vol[:1]+"%3A", vol, 1)
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return "file://" + p
}
