package finlintbeam_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	beamlog "github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	//lint:ignore SA1019 the direct runner is one of the two the transform is tested on
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/direct"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/beam/finlintbeam"
	"github.com/finlint/finlint/beam/internal/beamtest"
	"github.com/finlint/finlint/kinds/individual"
	"github.com/finlint/finlint/rules"
)

func TestMain(m *testing.M) {
	beamlog.LogLevel = "warn" // prism logs every job at info
	ptest.MainWithDefault(m, "direct")
}

func run(t *testing.T, runner string, p *beam.Pipeline) beam.PipelineResult {
	t.Helper()
	pr, err := beam.Run(context.Background(), runner, p)
	require.NoError(t, err, "the pipeline (or an assertion in it) failed on %s", runner)
	return pr
}

func counters(pr beam.PipelineResult) map[string]int64 {
	m := map[string]int64{}
	for _, c := range pr.Metrics().Query(func(r metrics.SingleResult) bool { return r.Namespace() == finlintbeam.Namespace }).Counters() {
		m[c.Name()] += c.Result()
	}
	return m
}

// The transform's results are the command's, record for record; valid
// and invalid are the records themselves, byte for byte; the counters
// count them.
func TestLintEqualsTheCommand(t *testing.T) {
	in := beamtest.Stream(t, 3000)
	want := beamtest.CommandResults(t, in, "-", false)
	valid, invalid := beamtest.Records(t, in, want)
	require.Greater(t, len(valid), 1000)
	require.Greater(t, len(invalid), 300)
	var findings, errs int64
	perRule := map[string]int64{}
	for _, r := range want {
		var v struct {
			Findings []struct{ Rule, Severity string }
		}
		require.NoError(t, json.Unmarshal([]byte(r), &v))
		for _, f := range v.Findings {
			findings++
			perRule["rule/"+f.Rule]++
			if f.Severity == "error" {
				errs++
			}
		}
	}
	require.Contains(t, perRule, "rule/json-syntax")

	for _, runner := range beamtest.Runners {
		t.Run(runner, func(t *testing.T) {
			p, s := beam.NewPipelineWithRoot()
			payloads := beam.CreateList(s, beamtest.Lines(in))
			results, okRecs, badRecs := finlintbeam.Lint(s, payloads, finlintbeam.Options{Today: beamtest.Today})
			passert.Equals(s, beam.ParDo(s, beamtest.Canonical, results), beamtest.Any(want)...)
			passert.Equals(s, okRecs, beamtest.Any(valid)...)
			passert.Equals(s, badRecs, beamtest.Any(invalid)...)
			got := counters(run(t, runner, p))
			assert.Equal(t, int64(len(want)), got["payloads"])
			assert.Equal(t, int64(len(valid)), got["valid"])
			assert.Equal(t, int64(len(invalid)), got["invalid"])
			assert.Equal(t, errs, got["errors"])
			for k, n := range perRule {
				assert.Equal(t, n, got[k], k)
			}
		})
	}
}

// The options reach the workers: a rule turned off, a stricter FailOn,
// hints and a fixed kind give the command's answers with the same flags.
func TestOptionsTravelToTheWorkers(t *testing.T) {
	in := beamtest.Stream(t, 300)
	opts := finlintbeam.Options{Today: beamtest.Today, FailOn: "warning", Rules: map[string]string{"email-lowercase": "off"}, Hints: true, Kind: "individual-v2"}
	want := beamtest.CommandResults(t, in, "-", true, "--fail-on", "warning", "--rule", "email-lowercase=off", "--kind", "individual-v2")
	for _, runner := range beamtest.Runners {
		t.Run(runner, func(t *testing.T) {
			p, s := beam.NewPipelineWithRoot()
			payloads := beam.CreateList(s, beamtest.Lines(in))
			results, _, _ := finlintbeam.Lint(s, payloads, opts)
			passert.Equals(s, beam.ParDo(s, beamtest.Canonical, results), beamtest.Any(want)...)
			run(t, runner, p)
		})
	}
}

// A catalogue snapshot reaches the workers: reference ids are checked
// against it there, as the library checks them here.
func TestCataloguesTravelToTheWorkers(t *testing.T) {
	in := beamtest.Stream(t, 300)
	for _, patch := range []string{`{"financial_profile": {"occupation_id": 9999}}`, `{"financial_profile": {"purpose_id": 2}}`} {
		doc, err := rules.MergePatch(individual.Kind.Reference, patch)
		require.NoError(t, err)
		var b bytes.Buffer
		require.NoError(t, json.Compact(&b, []byte(doc)))
		in = append(append(in, b.Bytes()...), '\n')
	}
	cats := finlintbeam.Snapshot(rules.ExampleCatalogues())
	require.NotEmpty(t, cats)
	l, err := finlint.New(finlint.Options{Catalogues: rules.ExampleCatalogues()})
	require.NoError(t, err)
	var want int64
	for _, rec := range beamtest.Lines(in) {
		rec = bytes.TrimSuffix(rec, []byte("\r"))
		if len(bytes.TrimSpace(rec)) == 0 {
			continue
		}
		for _, f := range l.Lint(context.Background(), "-", rec).Findings {
			if f.Rule == "reference-id" {
				want++
			}
		}
	}
	require.Positive(t, want, "the corpus has ids the example catalogues do not")
	for _, runner := range beamtest.Runners {
		t.Run(runner, func(t *testing.T) {
			p, s := beam.NewPipelineWithRoot()
			payloads := beam.CreateList(s, beamtest.Lines(in))
			finlintbeam.Lint(s, payloads, finlintbeam.Options{Today: beamtest.Today, Catalogues: cats})
			assert.Equal(t, want, counters(run(t, runner, p))["rule/reference-id"])
		})
	}
}

// LintNamed gives each result its record's own name as its source, and
// otherwise what Lint gives.
func TestLintNamedNamesEachResult(t *testing.T) {
	in := beamtest.Stream(t, 200)
	want, _ := beamtest.Records(t, in, beamtest.CommandResults(t, in, "-", false))
	n := len(beamtest.CommandResults(t, in, "-", false))
	for _, runner := range beamtest.Runners {
		t.Run(runner, func(t *testing.T) {
			p, s := beam.NewPipelineWithRoot()
			named := beam.ParDo(s, beamtest.Named, beam.CreateList(s, beamtest.Lines(in)))
			results, valid, _ := finlintbeam.LintNamed(s, named, finlintbeam.Options{Today: beamtest.Today})
			sources := make([]string, n)
			for i := range sources {
				sources[i] = beamtest.NamedSource
			}
			passert.Equals(s, beam.ParDo(s, beamtest.SourceOf, results), beamtest.Any(sources)...)
			passert.Equals(s, valid, beamtest.Any(want)...)
			run(t, runner, p)
		})
	}
}

func TestBadOptionsFailWhenThePipelineIsBuilt(t *testing.T) {
	for _, o := range []finlintbeam.Options{
		{FailOn: "fatal"}, {Rules: map[string]string{"no-such-rule": "off"}}, {Rules: map[string]string{"email-lowercase": "loud"}},
		{Today: "26/11/2026"}, {Kind: "corporate-v9"},
	} {
		assert.Error(t, o.Check(), "%+v", o)
		assert.Panics(t, func() {
			_, s := beam.NewPipelineWithRoot()
			finlintbeam.Lint(s, beam.Create(s, []byte("{}")), o)
		}, fmt.Sprintf("%+v", o))
	}
	assert.NoError(t, finlintbeam.Options{}.Check())
}
