// Package finlintbeam runs finlint inside an Apache Beam pipeline: Lint is
// a transform from raw NDJSON records to their results, the records that
// passed and the ones that did not, on any runner Beam's Go SDK has
// (Dataflow, Flink, Spark's portable runner, prism, the direct runner).
//
// One finlint.Linter is built per worker, in the DoFn's setup, and reused
// for every record the worker is given. Options travel with the pipeline,
// so they hold only what serialises: rule severities by name, the date
// ages are judged on, and the reference catalogues as a snapshot taken
// when the pipeline is built (never fetched per record).
package finlintbeam

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/internal/hints"
	"github.com/finlint/finlint/internal/report"
	"github.com/finlint/finlint/refcache"
	"github.com/finlint/finlint/rules"
)

// Namespace is the namespace of the transform's Beam metrics: counters
// payloads, valid, invalid, errors, warnings, infos, and one
// "rule/RULE-ID" a rule, counting its findings.
const Namespace = "finlint"

// Options configure the transform. The zero value lints as `finlint lint`
// does with no flags, except that no catalogue is known.
type Options struct {
	// Kind is the kind of every record: individual-v2, business-v2, or
	// "" or auto to tell each record's kind from its shape.
	Kind string
	// FailOn is the lowest severity that makes a record invalid: error
	// (the default, when ""), warning, info, or none (only errors do, as
	// Result.Passes says).
	FailOn string
	// Rules overrides rules' severities by rule id: off, info, warning or
	// error, as --rule does.
	Rules map[string]string
	// Today, YYYY-MM-DD, is the date ages are judged on; "" is each
	// worker's own UTC date.
	Today string
	// Redact masks every payload value in messages and suggestions.
	Redact bool
	// RelianceEnabled says the client may send RELIANCE verification.
	RelianceEnabled bool
	// MaxPayloadSize and MaxDepth bound a record, as --max-size and
	// --max-depth do; 0 takes finlint's defaults.
	MaxPayloadSize int
	MaxDepth       int
	// Source is the name results give as their source; "" gives "-", as
	// for standard input. A record's own name is its reference.
	Source string
	// Hints adds the finlint command's hints (what flag or setting deals
	// with a finding) to the messages, as `finlint lint` prints them; for
	// a pipeline whose flags are the command's.
	Hints bool
	// Catalogues are the reference catalogues, by name; nil means none
	// is known and reference ids are not checked. Snapshot takes them
	// from a cache.
	Catalogues Catalogues
}

// Catalogues is a serialisable snapshot of the reference catalogues: each
// catalogue's entries, sorted by id, by catalogue name.
type Catalogues map[string][]rules.RefItem

// Items implements rules.Catalogues.
func (c Catalogues) Items(name string) ([]rules.RefItem, bool) {
	items, ok := c[name]
	return items, ok
}

// Snapshot copies every catalogue c holds, as the pipeline's workers
// will see them: from a finlint cache folder, refcache.Open(dir,
// base).Load().
func Snapshot(c rules.Catalogues) Catalogues {
	if c == nil {
		return nil
	}
	out := Catalogues{}
	for _, name := range refcache.Names() {
		if items, ok := c.Items(name); ok {
			out[name] = append([]rules.RefItem(nil), items...)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// linter builds the Linter the options describe, and the severity that
// makes a record invalid (rules.Off: none does).
func (o Options) linter() (*finlint.Linter, rules.Severity, error) {
	failOn := rules.Error
	if o.FailOn != "" {
		var err error
		if failOn, err = rules.ParseFailOn(o.FailOn); err != nil {
			return nil, 0, fmt.Errorf("option FailOn: %w", err)
		}
	}
	sev := map[string]rules.Severity{}
	for id, name := range o.Rules {
		s, err := rules.ParseSeverity(name)
		if err != nil {
			return nil, 0, fmt.Errorf("option Rules[%q]: %w", id, err)
		}
		sev[id] = s
	}
	now := time.Now
	if o.Today != "" {
		d, err := time.Parse(time.DateOnly, o.Today)
		if err != nil {
			return nil, 0, fmt.Errorf("option Today: want a date such as 2026-01-31, not %q", o.Today)
		}
		at := d.Add(12 * time.Hour)
		now = func() time.Time { return at }
	}
	kind := o.Kind
	if kind == "" {
		kind = "auto"
	}
	var cats rules.Catalogues
	if o.Catalogues != nil {
		cats = o.Catalogues
	}
	maxSize := o.MaxPayloadSize
	if maxSize == 0 {
		maxSize = finlint.DefaultMaxPayloadSize
	}
	l, err := finlint.New(finlint.Options{
		Kind: kind, Now: now, Severity: sev, Catalogues: cats, RelianceEnabled: o.RelianceEnabled,
		Redact: o.Redact, MaxPayloadSize: maxSize, MaxDepth: o.MaxDepth, Jobs: 1,
	})
	return l, failOn, err
}

// Check reports whether the options can build a linter: Lint calls it
// when the pipeline is built, so that a typo fails there and not on every
// worker.
func (o Options) Check() error {
	_, _, err := o.linter()
	return err
}

// Lint lints payloads, a PCollection of raw JSON records ([]byte, one
// NDJSON line each, without its line ending). It returns their results
// (string: each the JSON object `finlint lint --format ndjson` prints for
// the record, with its kind, findings, positions and reference), the
// records that pass (valid, []byte: the record's bytes as they came) and
// the others (invalid). A record passes as Result.Passes says, as
// `finlint lint --submit` would send it: no error, and no finding at or
// above FailOn. A blank
// record is no payload and is dropped. Lint panics, when the pipeline is
// built, on options Check refuses.
func Lint(s beam.Scope, payloads beam.PCollection, opts Options) (results, valid, invalid beam.PCollection) {
	s = s.Scope("finlint.Lint")
	if err := opts.Check(); err != nil {
		panic(fmt.Sprintf("finlintbeam.Lint: %v", err))
	}
	return beam.ParDo3(s, &lintFn{Opts: opts}, payloads)
}

// lintFn is Lint's DoFn; Opts is what travels to the workers.
type lintFn struct {
	Opts Options

	linter *finlint.Linter
	failOn rules.Severity
	source string
	enc    report.Format
	line   *bytes.Buffer // where enc writes one result's line
	rules  map[string]beam.Counter
}

var (
	payloadsCount = beam.NewCounter(Namespace, "payloads")
	validCount    = beam.NewCounter(Namespace, "valid")
	invalidCount  = beam.NewCounter(Namespace, "invalid")
	severityCount = map[rules.Severity]beam.Counter{
		rules.Error:   beam.NewCounter(Namespace, "errors"),
		rules.Warning: beam.NewCounter(Namespace, "warnings"),
		rules.Info:    beam.NewCounter(Namespace, "infos"),
	}
)

// Setup builds the worker's linter, once for every bundle it is given.
func (f *lintFn) Setup() error {
	l, failOn, err := f.Opts.linter()
	if err != nil {
		return err
	}
	f.linter, f.failOn = l, failOn
	f.source = f.Opts.Source
	if f.source == "" {
		f.source = "-"
	}
	f.line = &bytes.Buffer{}
	f.enc, err = report.New("ndjson", f.line, report.Options{})
	if err != nil {
		return err
	}
	f.rules = map[string]beam.Counter{}
	return nil
}

// ProcessElement lints one record.
func (f *lintFn) ProcessElement(ctx context.Context, payload []byte, results func(string), valid, invalid func([]byte)) error {
	return f.lint(ctx, f.source, payload, results, valid, invalid)
}

// lint lints one record, under the name source.
func (f *lintFn) lint(ctx context.Context, source string, payload []byte, results func(string), valid, invalid func([]byte)) error {
	data := payload
	if n := len(data); n > 0 && data[n-1] == '\r' {
		data = data[:n-1] // the CR of a CRLF line, as the command reads it
	}
	if len(bytes.Trim(data, " \t\r\n")) == 0 { // JSON white space only: no payload, as the command reads it
		return nil
	}
	r := report.Result{Result: f.linter.LintPayload(ctx, finlint.Payload{Source: source, Data: data})}
	if r.Error != "" {
		// Only a cancelled bundle gets here (the record is in memory): the
		// runner is to retry it, not to take a result with no findings.
		return fmt.Errorf("linting a record: %s", r.Error)
	}
	if f.Opts.Hints {
		hints.Add(&r.Result)
	}
	payloadsCount.Inc(ctx, 1)
	for _, fd := range r.Findings {
		if c, ok := severityCount[fd.Severity]; ok {
			c.Inc(ctx, 1)
		}
		c, ok := f.rules[fd.Rule]
		if !ok {
			c = beam.NewCounter(Namespace, "rule/"+fd.Rule)
			f.rules[fd.Rule] = c
		}
		c.Inc(ctx, 1)
	}
	pass := r.Passes(f.failOn)
	r.Data = nil
	f.line.Reset()
	if err := f.enc.Result(&r); err != nil {
		return err
	}
	results(string(bytes.TrimSuffix(f.line.Bytes(), []byte{'\n'})))
	if pass {
		validCount.Inc(ctx, 1)
		valid(data)
	} else {
		invalidCount.Inc(ctx, 1)
		invalid(data)
	}
	return nil
}

// LintNamed is Lint for records that carry their own name, as
// textio.ReadWithFilename gives them: a PCollection of KV<string, []byte>,
// the key being what the record's result gives as its source (the file it
// came from), so that a result with no reference can still be traced.
func LintNamed(s beam.Scope, named beam.PCollection, opts Options) (results, valid, invalid beam.PCollection) {
	s = s.Scope("finlint.LintNamed")
	if err := opts.Check(); err != nil {
		panic(fmt.Sprintf("finlintbeam.LintNamed: %v", err))
	}
	return beam.ParDo3(s, &lintNamedFn{Opts: opts}, named)
}

// lintNamedFn is LintNamed's DoFn. Opts travels; the lintFn it sets up
// on the worker does not.
type lintNamedFn struct {
	Opts Options

	fn lintFn
}

// Setup builds the worker's linter.
func (f *lintNamedFn) Setup() error {
	f.fn.Opts = f.Opts
	return f.fn.Setup()
}

// ProcessElement lints one record under its own name.
func (f *lintNamedFn) ProcessElement(ctx context.Context, source string, payload []byte, results func(string), valid, invalid func([]byte)) error {
	return f.fn.lint(ctx, source, payload, results, valid, invalid)
}

func init() {
	register.DoFn5x1[context.Context, []byte, func(string), func([]byte), func([]byte), error](&lintFn{})
	register.DoFn6x1[context.Context, string, []byte, func(string), func([]byte), func([]byte), error](&lintNamedFn{})
	register.Emitter1[string]()
	register.Emitter1[[]byte]()
}
