package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	beamlog "github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/vet"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint/beam/finlintbeam"
	"github.com/finlint/finlint/beam/internal/beamtest"
)

func TestMain(m *testing.M) {
	beamlog.LogLevel = "warn"
	ptest.MainWithDefault(m, "direct")
}

// input writes in as two NDJSON files of a folder and returns their glob.
func input(t *testing.T, in []byte) string {
	dir := t.TempDir()
	lines := beamtest.Lines(in)
	half := len(lines) / 2
	for i, part := range [][][]byte{lines[:half], lines[half:]} {
		data := append(bytes.Join(part, []byte("\n")), '\n')
		require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("part-%d.ndjson", i)), data, 0o644))
	}
	return filepath.Join(dir, "part-*.ndjson")
}

// sortedLines are the lines of the shards of base, sorted: the pipeline
// writes them in no particular order.
func sortedLines(t *testing.T, base string) []string {
	shards, err := filepath.Glob(base + "-*" + shardExt)
	require.NoError(t, err)
	require.NotEmpty(t, shards, base)
	var lines []string
	for i, name := range shards {
		require.Equal(t, shardName(base, shardExt, i, len(shards)), name, "shards are numbered, and nothing else is left")
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		if len(b) > 0 {
			lines = append(lines, strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")...)
		}
	}
	slices.Sort(lines)
	return lines
}

// rank orders the severities as --fail-on compares them, for the tests'
// own reading of the command's verdicts.
var rank = map[string]int{"info": 1, "warning": 2, "error": 3, "none": 4}

// summary is the summary file the command's verdicts call for.
func summary(t *testing.T, in []byte, failOn string) string {
	var doc struct {
		Results []struct {
			Kind     string
			Findings []struct{ Rule, Severity string }
		}
	}
	require.NoError(t, json.Unmarshal(beamtest.Command(t, in, "lint", "--offline", "--today", beamtest.Today, "--format", "json", "-"), &doc))
	counts := map[string]int{}
	for _, r := range doc.Results {
		counts["payloads"]++
		if r.Kind != "" {
			counts["kind\t"+r.Kind]++
		}
		pass := true
		for _, f := range r.Findings {
			counts[f.Severity+"s"]++
			counts["rule\t"+f.Rule]++
			pass = pass && rank[f.Severity] < min(rank["error"], rank[failOn])
		}
		if pass {
			counts["valid"]++
		} else {
			counts["invalid"]++
		}
	}
	var lines []string
	for k, n := range counts {
		lines = append(lines, fmt.Sprintf("%s\t%d", k, n))
	}
	return orderSummary(strings.Join(lines, "\n")) + "\n"
}

// The three files hold what the command finds in the same records: the
// valid records byte for byte, the results of the others, and the counts.
func TestPipelineWritesWhatTheCommandFinds(t *testing.T) {
	in := beamtest.Stream(t, 2000)
	glob := input(t, in)
	results := beamtest.CommandResults(t, in, "-", false)
	files, err := filepath.Glob(glob)
	require.NoError(t, err)
	for _, c := range []struct {
		runner, failOn string
	}{{"direct", "error"}, {"prism", "error"}, {"prism", "warning"}} {
		t.Run(c.runner+"/"+c.failOn, func(t *testing.T) {
			prefix := filepath.Join(t.TempDir(), "run")
			p, s := beam.NewPipelineWithRoot()
			build(s, glob, prefix, finlintbeam.Options{Today: beamtest.Today, FailOn: c.failOn})
			_, err := beam.Run(context.Background(), c.runner, p)
			require.NoError(t, err)

			wantValid := strings.Split(strings.TrimSuffix(string(beamtest.Command(t, in, "lint", "--offline", "--today", beamtest.Today, "--fail-on", c.failOn, "--emit", "valid", "-")), "\n"), "\n")
			slices.Sort(wantValid)
			assert.Equal(t, wantValid, sortedLines(t, prefix+validBase))

			invalidRefs := strings.Split(strings.TrimSuffix(string(beamtest.Command(t, in, "lint", "--offline", "--today", beamtest.Today, "--fail-on", c.failOn, "--emit", "invalid", "-")), "\n"), "\n")
			var wantInvalid []string
			for i, r := range results {
				var v struct{ Findings []struct{ Severity string } }
				require.NoError(t, json.Unmarshal([]byte(r), &v))
				if slices.ContainsFunc(v.Findings, func(f struct{ Severity string }) bool {
					return rank[f.Severity] >= rank[c.failOn]
				}) {
					wantInvalid = append(wantInvalid, results[i])
				}
			}
			require.Len(t, wantInvalid, len(invalidRefs), "as many results as the command's invalid records")
			slices.Sort(wantInvalid)
			var gotInvalid []string
			for _, l := range sortedLines(t, prefix+invalidBase) {
				// Each result names its record's file; the command's, the
				// standard input it read the files from.
				var r map[string]any
				require.NoError(t, json.Unmarshal([]byte(l), &r))
				assert.Contains(t, files, r["source"])
				r["source"] = "-"
				b, err := json.Marshal(r)
				require.NoError(t, err)
				c := string(b)
				gotInvalid = append(gotInvalid, c)
			}
			slices.Sort(gotInvalid)
			assert.Equal(t, wantInvalid, gotInvalid)

			got, err := os.ReadFile(prefix + summarySuffix)
			require.NoError(t, err)
			assert.Equal(t, summary(t, in, c.failOn), string(got))
		})
	}
}

// Every DoFn and function of the job is registered, so that a runner
// calls it directly rather than by reflection, and a stripped binary
// still finds it: Beam's vet runner fails the job otherwise.
func TestEveryFunctionIsRegistered(t *testing.T) {
	p, s := beam.NewPipelineWithRoot()
	build(s, filepath.Join(t.TempDir(), "*.ndjson"), filepath.Join(t.TempDir(), "run"), finlintbeam.Options{})
	_, err := beam.Run(context.Background(), "vet", p)
	require.NoError(t, err)
}

// An input with no record still gets its files: a summary of zeros and
// an empty shard of each kind.
func TestEmptyInputHasASummary(t *testing.T) {
	glob := input(t, []byte("\n"))
	prefix := filepath.Join(t.TempDir(), "run")
	p, s := beam.NewPipelineWithRoot()
	build(s, glob, prefix, finlintbeam.Options{})
	_, err := beam.Run(context.Background(), "prism", p)
	require.NoError(t, err)
	got, err := os.ReadFile(prefix + summarySuffix)
	require.NoError(t, err)
	assert.Equal(t, "payloads\t0\nvalid\t0\ninvalid\t0\nerrors\t0\nwarnings\t0\ninfos\t0\n", string(got))
	assert.Empty(t, sortedLines(t, prefix+validBase), "one empty shard")
	assert.Empty(t, sortedLines(t, prefix+invalidBase), "one empty shard")
}

// The real command, as a user starts it: the job on prism, its counts on
// standard error, and usage errors as exit code 2.
func TestCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the command")
	}
	bin := filepath.Join(t.TempDir(), "finlint-beam")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, string(out))
	in := beamtest.Stream(t, 500)
	glob := input(t, in)
	prefix := filepath.Join(t.TempDir(), "out", "run")
	require.NoError(t, os.MkdirAll(filepath.Dir(prefix), 0o755))
	runCmd := func(args ...string) (string, int) {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "FINLINT_CACHE_DIR="+t.TempDir())
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		if ee, ok := err.(*exec.ExitError); ok {
			return stderr.String(), ee.ExitCode()
		}
		require.NoError(t, err)
		return stderr.String(), 0
	}
	stderr, code := runCmd("--input", glob, "--output", prefix, "--today", beamtest.Today, "--runner", "prism")
	require.Equal(t, 0, code, stderr)
	var doc struct{ Summary map[string]any }
	require.NoError(t, json.Unmarshal(beamtest.Command(t, in, "lint", "--offline", "--today", beamtest.Today, "--format", "json", "-"), &doc))
	assert.Contains(t, stderr, fmt.Sprintf("finlint-beam: %v payloads: %v valid, %v invalid;", doc.Summary["payloads"], doc.Summary["valid"], doc.Summary["invalid"]))
	assert.Contains(t, stderr, "no reference catalogue is cached")
	assert.FileExists(t, prefix+summarySuffix)
	assert.NotEmpty(t, sortedLines(t, prefix+validBase))
	assert.NotEmpty(t, sortedLines(t, prefix+invalidBase))
	// A second run replaces the first one's shards, and leaves no others.
	require.NoError(t, os.WriteFile(prefix+validBase+"-tmp-0123"+shardExt, []byte("left by a failed attempt\n"), 0o644))
	require.NoError(t, os.WriteFile(shardName(prefix+validBase, shardExt, 7, 9), []byte("from an older run\n"), 0o644))
	stderr, code = runCmd("--input", glob, "--output", prefix, "--today", beamtest.Today, "--runner", "prism")
	require.Equal(t, 0, code, stderr)
	assert.NotContains(t, sortedLines(t, prefix+validBase), "left by a failed attempt")

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--output", prefix}, "--input is required"},
		{[]string{"--input", glob}, "--output is required"},
		{[]string{"--input", glob, "--output", prefix, "--fail-on", "fatal"}, `FailOn: want error, warning, info or none, not "fatal"`},
		{[]string{"--input", glob, "--output", prefix, "--rule", "no-such-rule=off"}, "no-such-rule"},
		{[]string{"--input", glob, "--output", prefix, "extra"}, `unexpected argument "extra"`},
		{[]string{"--input", glob, "--output", prefix, "--rule", "foo"}, "want ID=off|info|warning|error"},
		{[]string{"--input", glob, "--output", prefix, "--runner", "no-such-runner"}, "--runner no-such-runner: want one of prism, PrismRunner, direct"},
		{[]string{"--input", filepath.Join(t.TempDir(), "none-*.ndjson"), "--output", prefix}, "none-*.ndjson matches no file"},
		{[]string{"--input", glob, "--output", filepath.Join(glob[:strings.LastIndexByte(glob, '/')], "part-0.ndjson", "run"), "--runner", "direct"}, "the pipeline failed on direct"},
	} {
		stderr, code := runCmd(c.args...)
		assert.Equal(t, 2, code, "%v: %s", c.args, stderr)
		assert.Contains(t, stderr, c.want, "%v", c.args)
		assert.NotContains(t, stderr, "-staging_location", "%v: Beam's own flags are not listed", c.args)
	}
	stderr, code = runCmd("-help")
	assert.Equal(t, 0, code, "-help is no usage error")
	assert.Contains(t, stderr, "finlint-beam's flags:\n  -cache-dir")
	assert.Contains(t, stderr, "Beam's own flags (--runner")
}

// The last step of a shard write, run again after a worker died part-way
// through it, keeps what the first attempt renamed and finishes the rest.
func TestFinalizeIsSafeToRetry(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "run-valid")
	var tmp []string
	for i, body := range []string{"a\n", "b\n", "c\n"} {
		name := fmt.Sprintf("%s-tmp-%02d%s", base, i, shardExt)
		require.NoError(t, os.WriteFile(name, []byte(body), 0o644))
		tmp = append(tmp, name)
	}
	stale := shardName(base, shardExt, 3, 4)
	require.NoError(t, os.WriteFile(stale, []byte("an older run\n"), 0o644))
	// The first attempt renamed one shard before it died.
	require.NoError(t, os.Rename(tmp[0], shardName(base, shardExt, 0, 3)))
	names := func() func(*string) bool {
		i := 0
		list := append(slices.Clone(tmp), tmp[1]) // one delivered twice
		return func(s *string) bool {
			if i == len(list) {
				return false
			}
			*s = list[i]
			i++
			return true
		}
	}
	fn := &finalizeFn{Base: base, Ext: shardExt}
	for range 2 { // the retry, and a retry of that
		require.NoError(t, fn.ProcessElement(context.Background(), 0, names()))
		assert.Equal(t, []string{"a", "b", "c"}, sortedLines(t, base))
	}
	assert.NoFileExists(t, stale)
}
