package finlint

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/internal/source"
	"github.com/finlint/finlint/kind"
	"github.com/finlint/finlint/kinds"
	"github.com/finlint/finlint/rules"
)

// DefaultMaxPayloadSize is the largest payload linted when
// Options.MaxPayloadSize is zero: 1 MiB, far above any real customer.
const DefaultMaxPayloadSize = 1 << 20

// Options configure a Linter. The zero value lints payloads of any kind,
// told apart by their shape, with every rule at its default severity, no
// reference catalogues and the real clock.
type Options struct {
	// Kind is the kind of every payload ("individual-v2", "business-v2"),
	// or "" or "auto" to tell each payload's kind from its shape (see
	// kind.Detect). A Payload's own Kind comes first.
	Kind string
	// Now returns the current time; dates of birth are judged on its UTC date.
	Now func() time.Time
	// Severity overrides rules by id; rules.Off turns a rule off.
	Severity map[string]rules.Severity
	// Catalogues are the reference catalogues, or nil when none are cached.
	Catalogues rules.Catalogues
	// RelianceEnabled says RELIANCE verification is enabled for the client.
	RelianceEnabled bool
	// Redact masks every payload value in messages, suggestions and source
	// lines. Tax document ids are always masked.
	Redact bool
	// Ignore hides findings, as the config file's ignore entries do.
	Ignore []Ignore
	// Dir is the folder relative sources are taken from when an ignore
	// entry has a Base; empty means the process's working directory.
	Dir string
	// Jobs is the number of workers Run and LintStream use; 0 means one per CPU.
	Jobs int
	// MaxPayloadSize is the largest payload in bytes; 0 means
	// DefaultMaxPayloadSize. A larger one gets a payload-limit finding.
	MaxPayloadSize int
	// MaxDepth bounds nesting; 0 means jsondoc.DefaultMaxDepth.
	MaxDepth int
}

// Linter lints payloads. It is safe for concurrent use.
type Linter struct {
	opts     Options
	kind     *kind.Kind // nil: auto
	kinds    []*kind.Kind
	list     []*rules.Rule
	severity map[string]rules.Severity
	ignores  []*ignoreMatcher
	// unchecked are the kinds whose reference catalogues are missing.
	unchecked []*uncheckedRefs
}

// Result is the outcome for one payload.
type Result struct {
	// Source is the input's name as given: a path, or "-" for stdin.
	Source string `json:"source"`
	// Record is the 1-based line of the payload in an NDJSON input, or 0.
	Record int `json:"record,omitempty"`
	// Reference is the payload's own name for itself, its
	// meta_data.reference when that is a string, or "". It names the
	// record where the source and record number do not: in a stream an
	// engine cut into pieces.
	Reference string `json:"reference,omitempty"`
	// Kind is the payload's kind, or "" when it is of no known kind (then
	// a payload-kind finding says why).
	Kind string `json:"kind"`
	// Valid is true when no finding has severity error.
	Valid    bool            `json:"valid"`
	Findings []rules.Finding `json:"findings"`
	// Error is set when the input could not be read; then there are no
	// findings and the tool's exit code is 2.
	Error string `json:"error,omitempty"`
	// Data is the payload's bytes as read, for a program that shows its
	// source or submits it. It is never serialised.
	Data []byte `json:"-"`
}

// Passes reports whether the payload may go on to the API: it was read,
// parsed within the limits (so its bytes are kept), has no error whatever
// failOn says (the API would refuse it, or take it in a form nobody
// meant), and no finding at or above failOn (rules.Off: none counts). It
// is what --submit sends and what --emit valid and the Beam transform's
// valid output keep.
func (r *Result) Passes(failOn rules.Severity) bool {
	if r.Error != "" || r.Data == nil || !r.Valid {
		return false
	}
	for _, f := range r.Findings {
		if failOn != rules.Off && f.Severity >= failOn {
			return false
		}
	}
	return true
}

// Count returns how many findings have each severity.
func (r *Result) Count() (errors, warnings, infos int) {
	for _, f := range r.Findings {
		switch f.Severity {
		case rules.Error:
			errors++
		case rules.Warning:
			warnings++
		case rules.Info:
			infos++
		}
	}
	return
}

// New builds a Linter. It fails when an option names an unknown kind or
// rule or an ignore entry is malformed, or when a kind has no validator
// for its schema.
func New(opts Options) (*Linter, error) {
	l := &Linter{opts: opts, kinds: kinds.All(), list: kinds.Rules(), severity: map[string]rules.Severity{}}
	for _, k := range l.kinds {
		if k.Validate == nil {
			return nil, fmt.Errorf("payload kind %s has no schema validator", k.Name)
		}
	}
	if opts.Kind != "" && opts.Kind != "auto" {
		if l.kind = kinds.Lookup(opts.Kind); l.kind == nil {
			return nil, fmt.Errorf("unknown payload kind %q: want auto or one of %s", opts.Kind, strings.Join(kinds.Names(), ", "))
		}
	}
	for id, s := range opts.Severity {
		if rules.Lookup(l.list, id) == nil {
			return nil, fmt.Errorf("unknown rule %q", id)
		}
		l.severity[id] = s
	}
	for _, ig := range opts.Ignore {
		m, err := newIgnoreMatcher(ig, l.list)
		if err != nil {
			return nil, err
		}
		if m.Base != "" {
			if m.base, err = absDir(m.Base, opts.Dir); err != nil {
				return nil, fmt.Errorf("ignore entry: base folder: %w", err)
			}
			if m.dir, err = absDir(".", opts.Dir); err != nil {
				return nil, fmt.Errorf("ignore entry: working folder: %w", err)
			}
		}
		l.ignores = append(l.ignores, m)
	}
	if l.opts.Now == nil {
		l.opts.Now = time.Now
	}
	if l.opts.MaxPayloadSize <= 0 {
		l.opts.MaxPayloadSize = DefaultMaxPayloadSize
	}
	if l.opts.Jobs <= 0 {
		l.opts.Jobs = runtime.GOMAXPROCS(0)
	}
	l.planNotices()
	return l, nil
}

// Rules returns the rules the linter runs, with their effective severity.
func (l *Linter) Rules() []*rules.Rule { return l.list }

// SeverityOf returns the effective severity of a rule.
func (l *Linter) SeverityOf(r *rules.Rule) rules.Severity {
	if s, ok := l.severity[r.ID]; ok {
		return s
	}
	return r.Severity
}

// Lint checks one payload. name is reported as the result's Source.
func (l *Linter) Lint(ctx context.Context, name string, data []byte) Result {
	return l.lint(ctx, Payload{Source: name, Data: data})
}

// LintPayload checks one payload that may name its kind (Payload.Kind);
// Read, when set, fills it first.
func (l *Linter) LintPayload(ctx context.Context, pl Payload) Result {
	return l.lint(ctx, pl)
}

// Payload is one unit of input for Run.
type Payload struct {
	Source string
	Record int
	Data   []byte
	// Kind, when set, is the payload's kind, whatever Options.Kind says:
	// "auto" or a kind's name.
	Kind string
	// Size, when larger than len(Data), is the payload's real size: the
	// reader stopped at the limit and Data holds only its start.
	Size int64
	// Err is a failure to read the input; the result carries it.
	Err error
	// Read, when set, is called by the worker that lints the payload to
	// fill Data, Size and Err: reading files then happens in parallel too.
	Read func(*Payload)
}

func (l *Linter) lint(ctx context.Context, pl Payload) Result {
	if pl.Read != nil {
		pl.Read(&pl)
	}
	res := Result{Source: pl.Source, Record: pl.Record, Data: pl.Data, Findings: []rules.Finding{}}
	if pl.Err != nil {
		res.Error = pl.Err.Error()
		return res
	}
	if err := ctx.Err(); err != nil {
		res.Error = err.Error()
		return res
	}
	size := max(pl.Size, int64(len(pl.Data)))
	list := l.list
	if size > int64(l.opts.MaxPayloadSize) {
		// Too large to parse: only the size is judged, and the bytes (if
		// any were read) are dropped so they cannot be submitted.
		pl.Data, res.Data = nil, nil
		list = []*rules.Rule{rules.PayloadLimit}
	}
	doc := jsondoc.Parse(pl.Data, jsondoc.Limits{MaxDepth: l.opts.MaxDepth})
	res.Reference, _ = doc.Root.Get("meta_data").Get("reference").Text()
	k := l.kindOf(doc, pl.Kind)
	if k != nil {
		res.Kind = k.Name
	}
	out := l.check(doc, k, pl.Source, size, list)
	if len(out) > 0 {
		l.place(doc, k, pl.Record, out)
		rules.Sort(out)
		res.Findings = out
	}
	// Nothing of the document outlives the findings: its values go back
	// to the parser for the next payload.
	doc.Release()
	res.Valid = true
	for _, f := range res.Findings {
		if f.Severity == rules.Error {
			res.Valid = false
			break
		}
	}
	return res
}

// kindOf returns the kind of a payload: the one named (by the payload or,
// failing that, the options), or the one its shape says; nil when it has
// none. A name New did not check is looked up here and, unknown, gives nil.
func (l *Linter) kindOf(doc *jsondoc.Doc, name string) *kind.Kind {
	switch {
	case name != "" && name != "auto":
		return kinds.Lookup(name)
	case name == "" && l.kind != nil:
		return l.kind
	}
	return kind.Detect(doc.Root, l.kinds)
}

// place gives each finding its line, column and byte offset, and masks the
// payload's tax ids wherever its message or suggestion quotes them.
func (l *Linter) place(doc *jsondoc.Doc, k *kind.Kind, record int, out []rules.Finding) {
	secrets, _ := source.TaxIDs(doc.Root, k)
	scrub := source.Scrubber(secrets)
	offs := make([]int, len(out))
	order := make([]int, len(out))
	for i := range out {
		order[i], offs[i] = i, out[i].Offset
		if offs[i] < 0 {
			offs[i] = doc.Offset(out[i].Path)
		}
	}
	// Asked in offset order, Position counts each line's characters once:
	// a minified payload with thousands of findings stays linear.
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(offs[a], offs[b]) })
	for _, i := range order {
		f := &out[i]
		line, col := doc.Position(offs[i])
		f.Offset = offs[i]
		f.Line = line
		if record > 0 {
			f.Line = record + line - 1
		}
		f.Column = col
		if scrub != nil {
			f.Message = scrub.Replace(f.Message)
			f.Suggestion = scrub.Replace(f.Suggestion)
		}
	}
}

// check runs list over doc with the linter's settings and returns the
// findings that no ignore entry hides, unplaced: the one place where
// options become a rules.Pass, for Lint and Fix alike.
func (l *Linter) check(doc *jsondoc.Doc, k *kind.Kind, source string, size int64, list []*rules.Rule) []rules.Finding {
	var out []rules.Finding
	p := rules.NewPass(doc, l.opts.Now().UTC(), l.opts.Catalogues, rules.Settings{
		RelianceEnabled: l.opts.RelianceEnabled,
		Redact:          l.opts.Redact,
	}, &out)
	p.Size, p.MaxSize = size, int64(l.opts.MaxPayloadSize)
	p.Kind, p.Kinds = k, l.kinds
	if k != nil && len(l.unchecked) > 0 {
		l.noteKind(k)
	}
	rules.Run(p, list, l.SeverityOf)
	if len(out) > 0 {
		out = l.filterIgnored(source, out)
	}
	return out
}
