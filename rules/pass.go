package rules

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/kind"
	"github.com/finlint/finlint/schema"
)

// Settings are the facts about the caller that some rules need.
type Settings struct {
	// RelianceEnabled says RELIANCE verification is enabled for the client.
	RelianceEnabled bool
	// Redact masks every payload value that a message would quote.
	Redact bool
}

// Pass is what a rule sees of one payload.
type Pass struct {
	// Doc is the parsed payload; Doc.Root is nil when the bytes were not JSON.
	Doc *jsondoc.Doc
	// Now is the current time (UTC), injected so tests control the date.
	Now time.Time
	// Catalogues may be nil: no reference data is available.
	Catalogues Catalogues
	Settings   Settings
	// Size is the payload's size in bytes and MaxSize the limit it is held
	// to; a payload over the limit is not parsed (Doc is then empty).
	Size, MaxSize int64
	// Kind is the payload's kind, or nil when it is of no known kind; then
	// only the rules that need no kind find anything. Kinds are the kinds
	// it was told apart from.
	Kind  *kind.Kind
	Kinds []*kind.Kind

	rule     *Rule
	severity Severity
	out      *[]Finding
	budget   *budget
	schema   *schemaState
}

// schemaState is what the rules of one payload share: the schema errors
// and values that more than one rule derives (a parsed phone number).
type schemaState struct {
	done bool
	errs []schema.Error
	memo map[string]any
}

// NewPass prepares a pass over doc. Findings are appended to out.
func NewPass(doc *jsondoc.Doc, now time.Time, cat Catalogues, s Settings, out *[]Finding) *Pass {
	return &Pass{Doc: doc, Now: now, Catalogues: cat, Settings: s, out: out, schema: &schemaState{}}
}

// For returns the pass as rule r sees it, reporting at severity sev.
func (p *Pass) For(r *Rule, sev Severity) *Pass {
	q := *p
	q.rule, q.severity = r, sev
	return &q
}

// Root returns the top-level value, or nil.
func (p *Pass) Root() *jsondoc.Value { return p.Doc.Root }

// Lookup returns the value at a JSON Pointer, or nil.
func (p *Pass) Lookup(ptr string) *jsondoc.Value { return p.Doc.Lookup(ptr) }

// Text returns the string at ptr and true, or "" and false when the value is
// missing or not a string (the schema layer reports that).
func (p *Pass) Text(ptr string) (string, bool) { return p.Doc.Lookup(ptr).Text() }

// Report records a finding of the running rule. Rule, Severity, Line and
// Column are filled in by the engine; set Offset only to point somewhere
// other than the value at Path (leave it 0, or -1, for the default; at the
// root "" a 0 means the first byte of the input).
func (p *Pass) Report(f Finding) {
	if b := p.budget; b != nil {
		if b.used == MaxFindingsPerRule {
			b.dropped++
			return
		}
		b.used++
	}
	f.Rule = p.rule.ID
	f.Severity = p.severity
	// A zero Offset means "the value at Path", except at the root, where
	// it is the very first byte (a byte order mark, an empty file).
	if f.Offset == 0 && f.Path != "" {
		f.Offset = -1
	}
	*p.out = append(*p.out, f)
}

// MaxFindingsPerRule is how many findings one rule reports for one payload;
// past it the rest are counted in one last finding. A hostile payload (an
// array of 200,000 repeated ids) must not cost memory in proportion to its
// mistakes.
const MaxFindingsPerRule = 100

type budget struct{ used, dropped int }

// Reportf records a finding at path with a message.
func (p *Pass) Reportf(path, msg string) {
	p.Report(Finding{Path: path, Message: msg})
}

// Quote renders a payload value for a message: quoted, or masked when the
// caller asked for redaction. Use it for every value that may be personal.
func (p *Pass) Quote(s string) string {
	if p.Settings.Redact {
		return `"` + Mask(s, 0) + `"`
	}
	return quote(s)
}

// Suggest returns a suggested replacement derived from personal data, or ""
// when redaction is on (a masked suggestion would be no help).
func (p *Pass) Suggest(s string) string {
	if p.Settings.Redact {
		return ""
	}
	return s
}

// SchemaErrors returns the JSON Schema errors of the payload against its
// kind's schema, computed once per payload whichever rule asks first; a
// payload of no known kind has none.
func (p *Pass) SchemaErrors() []schema.Error {
	if !p.schema.done {
		p.schema.done = true
		if p.Doc.Root != nil && p.Kind != nil {
			p.schema.errs = p.Kind.Validate(p.Doc.Root)
		}
	}
	return p.schema.errs
}

// Memo returns the value compute gives for key, computing it once per
// payload however many rules ask: for work several rules share, such as
// parsing the phone number.
func (p *Pass) Memo(key string, compute func() any) any {
	if v, ok := p.schema.memo[key]; ok {
		return v
	}
	if p.schema.memo == nil {
		p.schema.memo = map[string]any{}
	}
	v := compute()
	p.schema.memo[key] = v
	return v
}

// Mask hides all but the last keep characters of s.
func Mask(s string, keep int) string {
	n := utf8.RuneCountInString(s)
	if n <= keep {
		return strings.Repeat("*", n)
	}
	r := []rune(s)
	return strings.Repeat("*", n-keep) + string(r[n-keep:])
}

// MaskTaxID hides all but the last 4 characters of a tax document id.
func MaskTaxID(s string) string { return Mask(s, 4) }

func quote(s string) string {
	const max = 80
	if utf8.RuneCountInString(s) > max {
		s = string([]rune(s)[:max]) + "…"
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r >= 0x7f && r < 0xa0:
			b.WriteString(`\u00`)
			b.WriteByte("0123456789abcdef"[r>>4])
			b.WriteByte("0123456789abcdef"[r&15])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
