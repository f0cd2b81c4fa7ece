// Package rules holds finlint's checks. A check is a plain Rule value, one a
// file, handed one narrow Pass over a decoded payload; findings leave through
// Pass.Report. The documentation lives in the value, so `finlint explain`,
// `finlint rules` and SARIF rule metadata all read the same text.
package rules

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/finlint/finlint/kind"
)

// OnSeverity is the severity r reports at when it runs at its default: its
// default severity, or Info for a rule that is off by default (as examples
// and rule tests run it).
func (r *Rule) OnSeverity() Severity {
	if r.Severity == Off {
		return Info
	}
	return r.Severity
}

// Severity says how bad a finding is.
type Severity int8

// The severities, lowest first. Off disables a rule.
const (
	Off Severity = iota
	Info
	Warning
	Error
)

var severityNames = [...]string{"off", "info", "warning", "error"}

func (s Severity) String() string {
	if s >= Off && int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("severity(%d)", int8(s))
}

// ParseSeverity reads "off", "info", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(s, n) {
			return Severity(i), nil
		}
	}
	return Off, fmt.Errorf("unknown severity %q: want off, info, warning or error", s)
}

// ParseFailOn reads a --fail-on value: error, warning or info, or none,
// which is Off (no finding fails).
func ParseFailOn(s string) (Severity, error) {
	if s == "none" {
		return Off, nil
	}
	sev, err := ParseSeverity(s)
	if err != nil || sev == Off {
		return Off, fmt.Errorf("want error, warning, info or none, not %q", s)
	}
	return sev, nil
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity's name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// Finding is one problem in one payload.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	// Path is an RFC 6901 JSON Pointer into the payload; "" is the whole
	// document. A missing key is reported at its own path.
	Path       string `json:"path"`
	Message    string `json:"message"`
	Line       int    `json:"line"`
	Column     int    `json:"column"`
	Suggestion string `json:"suggestion,omitempty"`
	// Fix says whether and how `finlint fix` applies Suggestion; only
	// safe suggestions have one (see FixKind).
	Fix FixKind `json:"-"`
	// Offset is the byte offset in the payload the finding points at. A
	// rule may leave it -1, the offset of the value at Path (or of the
	// nearest existing parent); in a linter's result it is resolved.
	Offset int `json:"-"`
	// Context is the source line at Line, masked and cut to a window
	// around the column, and ContextColumn the caret's 1-based column in
	// it: what text output shows under a finding. The library leaves them
	// empty; a program that prints findings fills them.
	Context       string `json:"-"`
	ContextColumn int    `json:"-"`
}

// Example is a payload in a rule's documentation. Patch is a JSON merge
// patch (RFC 7396) applied to the reference payload of the kind the
// example is run as; Raw, when set, is the whole input instead.
type Example struct {
	Patch string
	Raw   string
	// NoCatalogues runs the example with no reference catalogues at all.
	NoCatalogues bool
	// NoKind runs the example as a payload whose kind is not known.
	NoKind bool
	// Settings are the caller's settings the example runs with.
	Settings Settings
	// MaxSize is the payload size limit the example runs with; 0 is none.
	MaxSize int64
}

// KindExample is a failing and a fixed example as payloads of one kind.
type KindExample struct {
	Kind      string
	Bad, Good Example
}

// ExamplesFor returns the rule's failing and fixed examples as payloads of
// the kind called name: Bad and Good for the first kind the rule checks
// (first says whether name is it), KindExamples for the others; ok is
// false when the rule has none for that kind.
func (r *Rule) ExamplesFor(name string, first bool) (bad, good Example, ok bool) {
	if first {
		return r.Bad, r.Good, true
	}
	for _, e := range r.KindExamples {
		if e.Kind == name {
			return e.Bad, e.Good, true
		}
	}
	return Example{}, Example{}, false
}

// Rule is one check.
type Rule struct {
	// ID is kebab-case, stable, and never reused for another check.
	ID string
	// Title is one line, lowercase, without a full stop.
	Title string
	// Severity is the default severity.
	Severity Severity
	// Doc explains what is checked, why, and how to fix it.
	Doc string
	// Bad produces at least one finding of this rule; Good produces none.
	// They are payloads of the first kind the rule checks.
	Bad, Good Example
	// KindExamples are a failing and a fixed example for each other kind
	// the rule checks, where a merge patch over one kind's reference
	// payload means nothing for another's.
	KindExamples []KindExample
	// Source says where the requirement comes from.
	Source string
	// Kinds names the payload kinds the rule checks; none means every
	// kind, through the kind's roles.
	Kinds []string
	// Run reports the rule's findings. It must tolerate any document shape.
	Run func(*Pass)
	// External rules have no Run: their findings come from outside the
	// engine (the API's answer to a submission). They are documented and
	// configurable like every other rule.
	External bool
}

// MergePatch applies an RFC 7396 JSON merge patch to a JSON document and
// returns the indented result. Documentation examples are written this way.
func MergePatch(doc, patch string) (string, error) {
	d, err := decodeNumbers(doc)
	if err != nil {
		return "", fmt.Errorf("document: %w", err)
	}
	p, err := decodeNumbers(patch)
	if err != nil {
		return "", fmt.Errorf("patch: %w", err)
	}
	out, err := json.MarshalIndent(mergePatch(d, p), "", "  ")
	return string(out), err
}

// decodeNumbers decodes JSON keeping number literals as written (42.0
// stays 42.0), so examples about number spelling survive the patch.
func decodeNumbers(s string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

func mergePatch(target, patch any) any {
	pm, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	tm, ok := target.(map[string]any)
	if !ok {
		tm = map[string]any{}
	}
	for k, v := range pm {
		if v == nil {
			delete(tm, k)
			continue
		}
		tm[k] = mergePatch(tm[k], v)
	}
	return tm
}

// Input returns the bytes of an example: Raw as is, or Patch applied to the
// reference payload of k.
func (e Example) Input(k *kind.Kind) (string, error) {
	if e.Raw != "" || e.Patch == "" {
		return e.Raw, nil
	}
	return MergePatch(k.Reference, e.Patch)
}

// AppliesTo reports whether the rule checks payloads of kind k; every rule
// applies to a payload of no known kind, and those that need a kind find
// nothing there.
func (r *Rule) AppliesTo(k *kind.Kind) bool {
	return k == nil || len(r.Kinds) == 0 || slices.Contains(r.Kinds, k.Name)
}
