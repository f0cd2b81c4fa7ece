// Package beamtest holds what the Beam module's tests share: the runners
// they run on, the input they lint, and the real finlint command they
// compare the pipeline's answers with.
package beamtest

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint/internal/corpus"
	"github.com/finlint/finlint/internal/hints"
)

// Runners are the two runners every pipeline test runs on: the direct
// runner, and prism, Beam's portable runner, which serialises the
// pipeline and its DoFns as a cluster does.
var Runners = []string{"direct", "prism"}

// Today is the date the tests judge ages on, here and in the command.
const Today = "2026-11-26"

// Stream is an NDJSON input of n records of both kinds, most valid, some
// not, with broken lines, blank lines and CRLF line endings among them.
func Stream(t testing.TB, n int) []byte {
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

// Lines are the lines of an NDJSON input, as an engine's text reader
// gives them: without their line feeds.
func Lines(in []byte) [][]byte {
	return bytes.Split(bytes.TrimSuffix(in, []byte("\n")), []byte("\n"))
}

var (
	buildOnce  sync.Once
	binary     string
	buildError error
)

// Command runs the real finlint command, built once from this checkout,
// with stdin as its standard input and an empty cache, and returns its
// standard output. Exit code 1 (findings) is not a failure.
func Command(t testing.TB, stdin []byte, args ...string) []byte {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "finlint-beam-test")
		if err != nil {
			buildError = err
			return
		}
		binary = filepath.Join(dir, "finlint")
		_, here, _, _ := runtime.Caller(0)
		cmd := exec.Command("go", "build", "-o", binary, "./cmd/finlint")
		cmd.Dir = filepath.Join(filepath.Dir(here), "../../..") // the finlint module
		if out, err := cmd.CombinedOutput(); err != nil {
			buildError = &buildErr{err, out}
		}
	})
	require.NoError(t, buildError)
	cmd := exec.Command(binary, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	cmd.Env = []string{"FINLINT_CACHE_DIR=" + t.TempDir(), "NO_COLOR=1"}
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		require.NoError(t, err)
	}
	return out
}

type buildErr struct {
	err error
	out []byte
}

func (e *buildErr) Error() string { return "building finlint: " + e.err.Error() + "\n" + string(e.out) }

// CommandResults are the command's --format ndjson results for in, at
// Today, in the form a pipeline's results are compared in (Canonical):
// with source as given, without their record number, which the engine
// does not know (so their findings are on line 1 of the record), and
// without the command's hints unless hinted.
func CommandResults(t testing.TB, in []byte, source string, hinted bool, args ...string) []string {
	t.Helper()
	out := Command(t, in, append([]string{"lint", "--offline", "--today", Today, "--format", "ndjson"}, append(args, "-")...)...)
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	require.Contains(t, lines[len(lines)-1], `"summary"`)
	var res []string
	for _, l := range lines[:len(lines)-1] {
		var r map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &r))
		// A finding's line in an NDJSON input is its record's.
		record := r["record"]
		delete(r, "record")
		r["source"] = source
		for _, f := range r["findings"].([]any) {
			f := f.(map[string]any)
			require.Equal(t, record, f["line"], l)
			f["line"] = 1
			if !hinted {
				f["message"] = hints.Strip(f["rule"].(string), f["message"].(string))
			}
		}
		b, err := json.Marshal(r)
		require.NoError(t, err)
		res = append(res, string(b))
	}
	return res
}

// Records splits in as the command reads it (lines without their line
// endings, blank ones left out) into the valid records and the others, by
// the verdicts of results, the command's results for in.
func Records(t testing.TB, in []byte, results []string) (valid, invalid [][]byte) {
	t.Helper()
	var lines [][]byte
	for _, l := range Lines(in) {
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

// Canonical is a result line with its keys in encoding/json's order, for
// comparing; a pipeline's results go through it as a ParDo.
func Canonical(line string) (string, error) {
	var r map[string]any
	if err := json.Unmarshal([]byte(line), &r); err != nil {
		return "", err
	}
	b, err := json.Marshal(r)
	return string(b), err
}

// Any is xs as the []any passert takes.
func Any[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// NamedSource is the name Named gives every record.
const NamedSource = "batches/named.ndjson"

// Named pairs a record with the name NamedSource, as a reader that knows
// each record's file does.
func Named(b []byte) (string, []byte) { return NamedSource, b }

// SourceOf is the source a result line gives.
func SourceOf(line string) (string, error) {
	var r struct{ Source string }
	err := json.Unmarshal([]byte(line), &r)
	return r.Source, err
}

func init() {
	register.Function1x2(Canonical)
	register.Function1x2(Named)
	register.Function1x2(SourceOf)
}
