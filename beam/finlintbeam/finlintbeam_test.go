package finlintbeam_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	beamlog "github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	//lint:ignore SA1019 the direct runner is one of the two the transform is tested on
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/direct"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/beam/finlintbeam"
	"github.com/finlint/finlint/internal/corpus"
	"github.com/finlint/finlint/internal/hints"
	"github.com/finlint/finlint/kinds/individual"
	"github.com/finlint/finlint/rules"
)

func TestMain(m *testing.M) {
	beamlog.LogLevel = "warn" // prism logs every job at info
	ptest.MainWithDefault(m, "direct")
}

// runners are the two runners every pipeline test runs on: the direct
// runner, and prism, Beam's portable runner, which serialises the
// pipeline and the DoFns as a cluster does.
var runners = []string{"direct", "prism"}

const today = "2026-11-26"

// stream is an NDJSON input of both kinds, most records valid, some not,
// with broken lines, blank lines and CRLF line endings among them.
func stream(t testing.TB, n int) []byte {
	t.Helper()
	var b bytes.Buffer
	for i := range n {
		gen, err := corpus.ForKind([]string{"individual-v2", "business-v2"}[i%3/2])
		require.NoError(t, err)
		line, err := json.Marshal(gen(7, i))
		require.NoError(t, err)
		b.Write(line)
		switch {
		case i%97 == 5:
			b.WriteString("\n{\"basic_info\": {\"email\": ")
		case i%89 == 3:
			b.WriteString("\n   ")
		case i%83 == 1:
			b.WriteString("\r")
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

var buildOnce sync.Once
var finlintBin string

// command runs the real finlint command, built from this checkout.
func command(t *testing.T, stdin []byte, args ...string) []byte {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "finlint-beam-test")
		require.NoError(t, err)
		finlintBin = filepath.Join(dir, "finlint")
		cmd := exec.Command("go", "build", "-o", finlintBin, "./cmd/finlint")
		cmd.Dir = "../.."
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, string(out))
	})
	cmd := exec.Command(finlintBin, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	cmd.Env = []string{"FINLINT_CACHE_DIR=" + t.TempDir(), "NO_COLOR=1"}
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		require.NoError(t, err)
	}
	return out
}

// commandResults are the command's --format ndjson results for in, each
// with the transform's source and without its record number, which the
// engine does not know (so its findings are on line 1 of the record), and
// without the command's hints unless hinted.
func commandResults(t *testing.T, in []byte, hinted bool, args ...string) []string {
	out := command(t, in, append([]string{"lint", "--offline", "--today", today, "--format", "ndjson"}, append(args, "-")...)...)
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	require.Contains(t, lines[len(lines)-1], `"summary"`)
	var res []string
	for _, l := range lines[:len(lines)-1] {
		var r map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &r))
		// A finding's line in an NDJSON input is its record's; a record
		// alone is line 1.
		record := r["record"]
		delete(r, "record")
		for _, f := range r["findings"].([]any) {
			f := f.(map[string]any)
			require.Equal(t, record, f["line"], l)
			f["line"] = 1
			if !hinted {
				f["message"] = hints.Strip(f["rule"].(string), f["message"].(string))
			}
		}
		res = append(res, canonical(t, r))
	}
	return res
}

// canonical is a result object as encoding/json writes it: keys sorted.
func canonical(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

func canonicalLine(t *testing.T, line string) string {
	var r map[string]any
	require.NoError(t, json.Unmarshal([]byte(line), &r), line)
	return canonical(t, r)
}

// records splits in as the command reads it: lines without their line
// endings, blank ones left out, valid by the command's verdict.
func records(t *testing.T, in []byte, results []string) (valid, invalid [][]byte) {
	var lines [][]byte
	for _, l := range bytes.Split(bytes.TrimSuffix(in, []byte("\n")), []byte("\n")) {
		l = bytes.TrimSuffix(l, []byte("\r"))
		if len(bytes.TrimSpace(l)) > 0 {
			lines = append(lines, l)
		}
	}
	require.Len(t, results, len(lines))
	for i, r := range results {
		var v struct{ Valid bool }
		require.NoError(t, json.Unmarshal([]byte(r), &v))
		if v.Valid {
			valid = append(valid, lines[i])
		} else {
			invalid = append(invalid, lines[i])
		}
	}
	return valid, invalid
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
	in := stream(t, 3000)
	want := commandResults(t, in, false)
	valid, invalid := records(t, in, want)
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

	for _, runner := range runners {
		t.Run(runner, func(t *testing.T) {
			p, s := beam.NewPipelineWithRoot()
			payloads := beam.CreateList(s, bytes.Split(bytes.TrimSuffix(in, []byte("\n")), []byte("\n")))
			results, okRecs, badRecs := finlintbeam.Lint(s, payloads, finlintbeam.Options{Today: today})
			passert.Equals(s, beam.ParDo(s, canonicalResult, results), toAny(want)...)
			passert.Equals(s, okRecs, toAny(valid)...)
			passert.Equals(s, badRecs, toAny(invalid)...)
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

// canonicalResult is canonicalLine in the pipeline.
func canonicalResult(line string) (string, error) {
	var r map[string]any
	if err := json.Unmarshal([]byte(line), &r); err != nil {
		return "", err
	}
	b, err := json.Marshal(r)
	return string(b), err
}

func init() { register.Function1x2(canonicalResult) }

func toAny[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// The options reach the workers: a rule turned off, a stricter FailOn,
// hints and a fixed kind give the command's answers with the same flags.
func TestOptionsTravelToTheWorkers(t *testing.T) {
	in := stream(t, 300)
	opts := finlintbeam.Options{Today: today, FailOn: "warning", Rules: map[string]string{"email-lowercase": "off"}, Hints: true, Kind: "individual-v2"}
	want := commandResults(t, in, true, "--fail-on", "warning", "--rule", "email-lowercase=off", "--kind", "individual-v2")
	for _, runner := range runners {
		t.Run(runner, func(t *testing.T) {
			p, s := beam.NewPipelineWithRoot()
			payloads := beam.CreateList(s, bytes.Split(bytes.TrimSuffix(in, []byte("\n")), []byte("\n")))
			results, _, _ := finlintbeam.Lint(s, payloads, opts)
			passert.Equals(s, beam.ParDo(s, canonicalResult, results), toAny(want)...)
			run(t, runner, p)
		})
	}
}

// A catalogue snapshot reaches the workers: reference ids are checked
// against it there, as the library checks them here.
func TestCataloguesTravelToTheWorkers(t *testing.T) {
	in := stream(t, 300)
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
	for _, rec := range bytes.Split(bytes.TrimSuffix(in, []byte("\n")), []byte("\n")) {
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
	for _, runner := range runners {
		t.Run(runner, func(t *testing.T) {
			p, s := beam.NewPipelineWithRoot()
			payloads := beam.CreateList(s, bytes.Split(bytes.TrimSuffix(in, []byte("\n")), []byte("\n")))
			finlintbeam.Lint(s, payloads, finlintbeam.Options{Today: today, Catalogues: cats})
			assert.Equal(t, want, counters(run(t, runner, p))["rule/reference-id"])
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
