package rules

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/finlint/finlint/internal/jsondoc"
)

// ControlCharacter reports control characters in any string value.
var ControlCharacter = &Rule{
	ID:       "control-character",
	Title:    "text must not contain control characters",
	Severity: Error,
	Source:   "vendor endpoint guide (only English (Latin) characters are allowed); SPEC semantic rule 6",
	Doc: `No field may contain a control character: the C0 range (U+0000 to U+001F,
which includes tab, line feed and carriage return), DEL (U+007F) or the C1
range (U+0080 to U+009F). JSON can carry them as escapes ("\t", "\n",
"\u0000"), so they slip in from multi-line form fields, spreadsheets and
text decoded with the wrong character set, and they are invisible in most
tools that display the payload. The API accepts printable text only.

The suggestion is the value with them removed; a tab or a line break
between two words becomes one space ("Apt 4B\nFloor 2" gives
"Apt 4B Floor 2"). Tax document ids get no suggestion, so that the id is
never printed in full.`,
	Bad:  Example{Patch: `{"address": {"street_line_2": "Apt 4B\nFloor 2"}}`},
	Good: Example{Patch: `{"address": {"street_line_2": "Apt 4B Floor 2"}}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{"addresses": {"incorporated_address": {"street_line_2": "Suite 4120\nFloor 41"}}}`},
		Good: Example{Patch: `{"addresses": {"incorporated_address": {"street_line_2": "Suite 4120, Floor 41"}}}`},
	}},
	Run: func(p *Pass) {
		if p.Doc.PlainText() {
			return // the reader saw nothing but printable ASCII
		}
		eachStringValue(p.Root(), "", func(ptr string, v *jsondoc.Value) {
			found := controlsIn(v.Str)
			if len(found) == 0 {
				return
			}
			f := Finding{Path: ptr, Offset: v.Start}
			if len(found) == 1 {
				f.Message = label(ptr) + " has a control character, " + found[0]
			} else {
				f.Message = label(ptr) + " has control characters: " + strings.Join(found, ", ")
			}
			if !p.isTaxDocumentID(ptr) {
				f.suggest(p.Suggest(withoutControls(v.Str)), FixString)
			}
			p.Report(f)
		})
	},
}

// isControl reports whether r is a C0 or C1 control character or DEL.
func isControl(r rune) bool { return r < 0x20 || r >= 0x7f && r <= 0x9f }

// controlNames names the control characters people meet in practice.
var controlNames = map[rune]string{
	0x00: "NUL", 0x08: "backspace", 0x09: "tab", 0x0a: "line feed", 0x0b: "vertical tab",
	0x0c: "form feed", 0x0d: "carriage return", 0x1b: "escape", 0x7f: "DEL", 0x85: "next line",
}

// controlsIn describes the distinct control characters of s, in order of
// first appearance, at most three of them.
func controlsIn(s string) []string {
	var out []string
	var seen []rune
	for _, r := range s {
		if !isControl(r) || slices.Contains(seen, r) {
			continue
		}
		seen = append(seen, r)
		if len(out) == 3 {
			out = append(out, "and more")
			break
		}
		d := fmt.Sprintf("%U", r)
		if n, ok := controlNames[r]; ok {
			d += " (" + n + ")"
		}
		out = append(out, d)
	}
	return out
}

// withoutControls removes the control characters of s. A run of them that
// includes a line break or tab and stands between two words becomes a
// single space, so that words do not run together.
func withoutControls(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	gap := false
	for _, r := range s {
		if isControl(r) {
			gap = gap || unicode.IsSpace(r)
			continue
		}
		if gap && b.Len() > 0 && !unicode.IsSpace(r) && !strings.HasSuffix(b.String(), " ") {
			b.WriteByte(' ')
		}
		gap = false
		b.WriteRune(r)
	}
	return b.String()
}
