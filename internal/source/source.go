// Package source masks and shows the source of a payload: the tax ids
// that are never printed in full, the values redaction hides, and the
// window of a source line that text output shows under a finding.
package source

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/kind"
	"github.com/finlint/finlint/kinds"
	"github.com/finlint/finlint/rules"
)

// Scrubber returns a replacer that masks every tax id, or nil when there
// are none. Longer ids come first so that an id which begins with another
// one is masked whole.
func Scrubber(secrets []string) *strings.Replacer {
	if len(secrets) == 0 {
		return nil
	}
	slices.SortFunc(secrets, func(a, b string) int {
		if c := cmp.Compare(len(b), len(a)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	secrets = slices.Compact(secrets)
	pairs := make([]string, 0, 2*len(secrets))
	for _, s := range secrets {
		pairs = append(pairs, s, rules.MaskTaxID(s))
	}
	return strings.NewReplacer(pairs...)
}

// Span is a run of source bytes to mask, [Start, End).
type Span struct{ Start, End int }

// Sensitive collects the tax document ids of a payload (to scrub from any
// text) and the byte spans of values to mask in source lines: tax ids
// always, every scalar when redacting.
func Sensitive(root *jsondoc.Value, k *kind.Kind, redact bool) (ids []string, spans []Span) {
	if root == nil {
		return nil, nil
	}
	ids, spans = TaxIDs(root, k)
	if redact {
		var walk func(v *jsondoc.Value)
		walk = func(v *jsondoc.Value) {
			switch v.Kind {
			case jsondoc.String:
				spans = append(spans, Span{v.Start + 1, v.End - 1})
			case jsondoc.Number:
				spans = append(spans, Span{v.Start, v.End})
			case jsondoc.Array:
				for _, it := range v.Items {
					walk(it)
				}
			case jsondoc.Object:
				for _, m := range v.Members {
					walk(m.Value)
				}
			}
		}
		walk(root)
	}
	// contextLine needs the spans in source order; tax ids came first.
	slices.SortFunc(spans, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	return ids, spans
}

// TaxIDs finds every tax document id of a payload: the value of each
// document_id key of each entry of the kind's tax_info arrays (every
// document_id anywhere, for a payload of no known kind), repeated keys
// included and whatever its JSON type (a number is as secret as a
// string). It returns their text, to scrub from messages, and the spans of
// source to mask.
func TaxIDs(root *jsondoc.Value, k *kind.Kind) (ids []string, spans []Span) {
	add := func(v *jsondoc.Value) {
		switch v.Kind {
		case jsondoc.String:
			if utf8.RuneCountInString(v.Str) > 4 {
				ids = append(ids, v.Str)
			}
			spans = append(spans, Span{v.Start + 1, v.End - 1})
		case jsondoc.Number:
			if len(v.Str) > 4 {
				ids = append(ids, v.Str)
			}
			spans = append(spans, Span{v.Start, v.End})
		default:
			spans = append(spans, Span{v.Start, v.End})
		}
	}
	entry := func(it *jsondoc.Value) {
		if it.Kind != jsondoc.Object {
			return
		}
		for _, m := range it.Members {
			if m.Key == "document_id" {
				add(m.Value)
			}
		}
	}
	if k == nil {
		var walk func(v *jsondoc.Value)
		walk = func(v *jsondoc.Value) {
			switch v.Kind {
			case jsondoc.Array:
				for _, it := range v.Items {
					walk(it)
				}
			case jsondoc.Object:
				entry(v)
				for _, m := range v.Members {
					walk(m.Value)
				}
			}
		}
		if root != nil {
			walk(root)
		}
		return ids, spans
	}
	for _, pattern := range k.Roles.TaxInfo {
		kind.Each(root, pattern+"/*", func(_ string, it *jsondoc.Value) { entry(it) })
	}
	return ids, spans
}

// MaskTaxIDs returns a payload's text with every tax document id masked
// but for its last four characters, where it is a document_id's value and
// wherever else the same text appears, for showing source to people (a
// diff, a context line). Text that does not parse is returned as is.
func MaskTaxIDs(payload []byte) string {
	doc := jsondoc.Parse(payload, jsondoc.Limits{})
	if doc.Root == nil {
		return string(payload)
	}
	ids, spans := TaxIDs(doc.Root, kind.Detect(doc.Root, kinds.All()))
	slices.SortFunc(spans, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	var out []byte
	pos := 0
	for _, sp := range spans {
		if sp.Start < pos {
			continue
		}
		out = append(out, payload[pos:sp.Start]...)
		out = append(out, rules.MaskTaxID(string(payload[sp.Start:sp.End]))...)
		pos = sp.End
	}
	out = append(out, payload[pos:]...)
	if r := Scrubber(ids); r != nil {
		return r.Replace(string(out))
	}
	return string(out)
}

// ContextWidth is the most characters of a source line that text output
// shows; longer lines (minified JSON) are cut to a window around the column.
const ContextWidth = 120

// ContextLine returns the source line that holds byte offset off, with
// sensitive spans masked (one '*' a character) and cut to a window around
// off, and the caret's column within what it returns. Its cost is the
// window's, not the line's: a minified payload is one long line.
func ContextLine(doc *jsondoc.Doc, line, off int, spans []Span) (string, int) {
	src := doc.Src
	start, end := doc.LineStart(line), doc.LineStart(line+1)
	if end > start && src[end-1] == '\n' {
		end--
	}
	if end > start && src[end-1] == '\r' {
		end--
	}
	at := max(start, min(off, end))
	from, _ := runesBack(src, start, at, ContextWidth/2)
	to, n := runesForward(src, from, end, ContextWidth)
	if n < ContextWidth {
		from, _ = runesBack(src, start, from, ContextWidth-n)
	}
	// Spans never overlap and come in source order, so their ends are
	// sorted too.
	k, _ := slices.BinarySearchFunc(spans, from, func(s Span, off int) int { return cmp.Compare(s.End, off+1) })
	var b strings.Builder
	caret := 1
	if from > start {
		b.WriteString("…")
		caret++
	}
	for i := from; i < to; {
		_, size := utf8.DecodeRune(src[i:to])
		for k < len(spans) && spans[k].End <= i {
			k++
		}
		if k < len(spans) && spans[k].Start <= i {
			b.WriteByte('*')
		} else {
			b.Write(src[i : i+size])
		}
		if i < at {
			caret++
		}
		i += size
	}
	if to < end {
		b.WriteString("…")
	}
	return b.String(), caret
}

// runesBack steps back up to n characters from byte offset i, not past
// start, and returns where it stopped and how many it stepped over.
func runesBack(src []byte, start, i, n int) (int, int) {
	k := 0
	for ; k < n && i > start; k++ {
		_, size := utf8.DecodeLastRune(src[start:i])
		i -= size
	}
	return i, k
}

// runesForward steps forward up to n characters from byte offset i, not
// past end, and returns where it stopped and how many it stepped over.
func runesForward(src []byte, i, end, n int) (int, int) {
	k := 0
	for ; k < n && i < end; k++ {
		_, size := utf8.DecodeRune(src[i:end])
		i += size
	}
	return i, k
}
