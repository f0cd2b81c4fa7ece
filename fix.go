package finlint

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"slices"
	"strings"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/rules"
)

// maxFixRounds bounds how often Fix lints its own output again: a fix can
// enable another (once a country code is right, the phone number can be
// read in its region), but three rounds are plenty for every rule there is.
const maxFixRounds = 3

// FixResult is the outcome of Fix for one payload.
type FixResult struct {
	// Fixed is the payload with every safe fix applied. It is the input
	// itself when nothing was fixed.
	Fixed []byte
	// Applied are the findings whose fix went into Fixed, each placed (line,
	// column, masked source line) in the text it was found in: the input for
	// the first round, an intermediate text for later ones.
	Applied []rules.Finding
	// Remaining is the lint result of Fixed: what a person still has to do.
	Remaining Result
}

// Fix lints a payload and applies the suggestions that are safe to apply
// without a person (those whose finding has a rules.FixKind) as byte edits
// on the original text: indentation, key order, number spelling and every
// other byte outside the edited values stay as they were. A missing key is
// added after the last member of its object, on its own line with its
// sibling's indentation when the object spans lines, inline otherwise. When
// two fixes touch the same bytes the one earlier in the text wins; the
// other is retried in the next round, as are findings that only appear once
// a first fix is in. Fix lints the result again up to three times, then
// reports what remains.
//
// A payload with a syntax fault or a repeated key is never edited: which
// value a fix would land on is not certain. Its findings are all in
// Remaining. Rules turned off and findings hidden by an ignore entry are not
// fixed either.
//
// Under Options.Redact the rules leave out every suggestion drawn from
// personal data (names, addresses, phone numbers), so those findings are not
// fixed: build the Linter without Redact to fix them. Coded values (enum
// words, integer spelling) are still fixed.
func (l *Linter) Fix(ctx context.Context, name string, data []byte) FixResult {
	return l.FixPayload(ctx, Payload{Source: name, Data: data})
}

// FixPayload is Fix for a payload that may name its kind (Payload.Kind);
// its Data is fixed, and Read, Size and Err are not used.
func (l *Linter) FixPayload(ctx context.Context, pl Payload) FixResult {
	cur := pl.Data
	var applied []rules.Finding
	for range maxFixRounds {
		if ctx.Err() != nil {
			break
		}
		next, done := l.fixRound(pl.Source, pl.Kind, cur)
		if len(done) == 0 {
			break
		}
		cur, applied = next, append(applied, done...)
	}
	pl.Data = cur
	return FixResult{Fixed: cur, Applied: applied, Remaining: l.lint(ctx, Payload{Source: pl.Source, Record: pl.Record, Kind: pl.Kind, Data: cur})}
}

// fixRound lints src and applies what fixes it can in one go. It returns
// the new text and the findings it fixed, or no findings when it changed
// nothing.
func (l *Linter) fixRound(name, kindName string, src []byte) ([]byte, []rules.Finding) {
	if len(src) > l.opts.MaxPayloadSize {
		return src, nil
	}
	lim := jsondoc.Limits{MaxDepth: l.opts.MaxDepth}
	doc := jsondoc.Parse(src, lim)
	if !editable(doc) {
		return src, nil
	}
	// The rules run here rather than through Lint because the fixes need
	// the suggestions as the rules made them: Lint masks tax ids wherever
	// they appear in a suggestion, and a masked value must never be
	// written back into the payload.
	k := l.kindOf(doc, kindName)
	out := l.check(doc, k, name, int64(len(src)), l.list)

	var edits []edit
	for i := range out {
		if e, ok := editFor(doc, &out[i]); ok {
			e.finding = i
			edits = append(edits, e)
		}
	}
	edits = dropOverlaps(edits)
	if len(edits) == 0 {
		return src, nil
	}
	fixed := apply(src, edits)
	// Every edit writes well-formed JSON in a well-formed place, so this
	// holds; should a rule ever suggest something that breaks the payload,
	// the round is dropped rather than the payload damaged.
	if after := jsondoc.Parse(fixed, lim); !editable(after) {
		return src, nil
	}
	done := make([]rules.Finding, len(edits))
	for i, e := range edits {
		done[i] = out[e.finding]
	}
	l.place(doc, k, 0, done)
	rules.Sort(done)
	return fixed, done
}

// editable reports whether a document is sound enough to edit: it parsed
// whole, with no stray bytes around it and no key given twice.
func editable(doc *jsondoc.Doc) bool {
	return doc.Root != nil && doc.Root.Kind == jsondoc.Object && len(doc.Problems) == 0 && len(doc.Duplicates) == 0
}

// edit replaces src[start:end] with text; start == end inserts.
type edit struct {
	start, end int
	text       []byte
	finding    int
}

// editFor turns a finding's fix into an edit of doc's source, or reports
// false when it has none or it cannot be applied where the finding points.
func editFor(doc *jsondoc.Doc, f *rules.Finding) (edit, bool) {
	if f.Fix == rules.FixNone || f.Suggestion == "" {
		return edit{}, false
	}
	switch f.Fix {
	case rules.FixString, rules.FixLiteral:
		v := doc.Lookup(f.Path)
		if v == nil || v == doc.Root {
			return edit{}, false
		}
		text := jsonString(f.Suggestion)
		if f.Fix == rules.FixLiteral {
			if !isScalarLiteral(f.Suggestion) {
				return edit{}, false
			}
			text = []byte(f.Suggestion)
		}
		if bytes.Equal(doc.Src[v.Start:v.End], text) {
			return edit{}, false
		}
		return edit{start: v.Start, end: v.End, text: text}, true
	case rules.FixInsert:
		return insertion(doc, f.Path, f.Suggestion)
	}
	return edit{}, false
}

// isScalarLiteral reports whether s is one JSON number, true, false or null
// and nothing else.
func isScalarLiteral(s string) bool {
	d := jsondoc.Parse([]byte(s), jsondoc.Limits{})
	if d.Root == nil || len(d.Problems) > 0 {
		return false
	}
	switch d.Root.Kind {
	case jsondoc.Number, jsondoc.Bool, jsondoc.Null:
		return d.Root.Start == 0 && d.Root.End == len(s)
	}
	return false
}

// jsonString writes s as a JSON string, leaving non-ASCII text as it is
// (the payload is UTF-8) and HTML characters unescaped.
func jsonString(s string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// insertion adds the missing member at ptr to its parent object, in the
// object's own layout: a transliteration twin ("first_name_en") right
// after the field it transliterates, as a person would write it, any
// other key after the last member.
func insertion(doc *jsondoc.Doc, ptr, value string) (edit, bool) {
	toks := jsondoc.SplitPointer(ptr)
	if len(toks) == 0 {
		return edit{}, false
	}
	key := toks[len(toks)-1]
	parent := doc.Lookup(jsondoc.Pointer(toks[:len(toks)-1]...))
	// The rules that insert a key do so beside a sibling it derives from,
	// so an empty object is never a place to insert into.
	if parent == nil || parent.Kind != jsondoc.Object || len(parent.Members) == 0 || parent.Get(key) != nil {
		return edit{}, false
	}
	src := doc.Src
	n := len(parent.Members) - 1 // the member the new one follows
	if base, ok := strings.CutSuffix(key, "_en"); ok {
		for i, m := range parent.Members {
			if m.Key == base {
				n = i
				break
			}
		}
	}
	last := parent.Members[n]
	at := last.Value.End
	colon := colonOf(src, last)
	member := append(append(jsonString(key), colon...), jsonString(value)...)
	// On its own line when the last key starts one: copy that line's
	// indentation and line ending.
	ls := bytes.LastIndexByte(src[:last.KeyStart], '\n') + 1
	if ls > parent.Start {
		if indent := src[ls:last.KeyStart]; len(bytes.Trim(indent, " \t")) == 0 {
			nl := "\n"
			if ls >= 2 && src[ls-2] == '\r' {
				nl = "\r\n"
			}
			text := append([]byte(","+nl), indent...)
			return edit{start: at, end: at, text: append(text, member...)}, true
		}
	}
	// Inline, follow the object's own spacing: ", " or "," as between the
	// member and its neighbour, else as after its key.
	comma := ", "
	if colon == ":" {
		comma = ","
	}
	var between []byte
	switch {
	case n+1 < len(parent.Members):
		between = src[last.Value.End:parent.Members[n+1].KeyStart]
	case n >= 1:
		between = src[parent.Members[n-1].Value.End:last.KeyStart]
	}
	if len(between) > 0 && !bytes.ContainsAny(between, "\r\n") {
		comma = string(between)
	}
	return edit{start: at, end: at, text: append([]byte(comma), member...)}, true
}

// colonOf returns the bytes between a member's key and its value, such as
// ": " or ":", or ": " when they span lines or cannot be found.
func colonOf(src []byte, m jsondoc.Member) string {
	keyEnd := stringEnd(src, m.KeyStart)
	if keyEnd < 0 || keyEnd > m.Value.Start {
		return ": "
	}
	sep := src[keyEnd:m.Value.Start]
	if bytes.ContainsAny(sep, "\r\n") || bytes.Count(sep, []byte(":")) != 1 {
		return ": "
	}
	return string(sep)
}

// stringEnd returns the offset just past the JSON string that starts at
// src[i], or -1.
func stringEnd(src []byte, i int) int {
	if i >= len(src) || src[i] != '"' {
		return -1
	}
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

// dropOverlaps orders edits by position and keeps, of any that touch the
// same bytes, the first. Insertions at one point all stay, in the order
// their findings came.
func dropOverlaps(edits []edit) []edit {
	slices.SortStableFunc(edits, func(a, b edit) int {
		if c := cmp.Compare(a.start, b.start); c != 0 {
			return c
		}
		return cmp.Compare(a.end, b.end)
	})
	kept := edits[:0]
	end := -1
	for _, e := range edits {
		if e.start < end {
			continue
		}
		kept = append(kept, e)
		end = max(end, e.end)
	}
	return kept
}

// apply writes src with the edits, which are in order and do not overlap.
func apply(src []byte, edits []edit) []byte {
	n := len(src)
	for _, e := range edits {
		n += len(e.text) - (e.end - e.start)
	}
	out := make([]byte, 0, n)
	pos := 0
	for _, e := range edits {
		out = append(out, src[pos:e.start]...)
		out = append(out, e.text...)
		pos = e.end
	}
	return append(out, src[pos:]...)
}
