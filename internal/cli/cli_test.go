package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files from the current output")

// fixedNow is the date the CLI tests run at, so that ages do not drift.
var fixedNow = time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)

// repo is the repository root, relative to this package.
const repo = "../.."

// nowKey in runCLI's variables moves the clock by a duration from fixedNow.
const nowKey = "test: clock offset"

type runResult struct {
	stdout, stderr string
	code           int
}

// runCLI runs finlint in-process with a clean environment: no credentials,
// an empty reference cache, no colour, the fixed date.
func runCLI(t *testing.T, stdin io.Reader, envVars map[string]string, args ...string) runResult {
	t.Helper()
	vars := map[string]string{"FINLINT_CACHE_DIR": t.TempDir()}
	for k, v := range envVars {
		vars[k] = v
	}
	now := fixedNow
	if at, ok := vars[nowKey]; ok { // a test's own clock, not a variable finlint reads
		d, err := time.ParseDuration(at)
		require.NoError(t, err)
		now = now.Add(d)
		delete(vars, nowKey)
	}
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	var out, errb bytes.Buffer
	wd, _ := os.Getwd()
	e := &env{
		stdin: stdin, stdout: &out, stderr: &errb,
		getenv: func(k string) string { return vars[k] },
		now:    func() time.Time { return now },
		wd:     wd,
		isTTY:  func(any) bool { return false },
	}
	code := run(context.Background(), e, args)
	return runResult{out.String(), errb.String(), code}
}

type jsonOut struct {
	Results []struct {
		Source   string `json:"source"`
		Record   int    `json:"record"`
		Kind     string `json:"kind"`
		Valid    bool   `json:"valid"`
		Error    string `json:"error"`
		Findings []struct {
			Rule       string `json:"rule"`
			Severity   string `json:"severity"`
			Path       string `json:"path"`
			Message    string `json:"message"`
			Line       int    `json:"line"`
			Column     int    `json:"column"`
			Suggestion string `json:"suggestion"`
		} `json:"findings"`
	} `json:"results"`
	Summary counts `json:"summary"`
	Kinds   map[string]int
}

// counts are the summary's numbers; its kinds are read into jsonOut.Kinds.
type counts map[string]int

func (c *counts) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*c = counts{}
	for k, v := range raw {
		var n int
		if json.Unmarshal(v, &n) == nil {
			(*c)[k] = n
		}
	}
	return nil
}

func decodeJSON(t *testing.T, s string) jsonOut {
	t.Helper()
	var o jsonOut
	require.NoError(t, json.Unmarshal([]byte(s), &o), s)
	var kinds struct {
		Summary struct {
			Kinds map[string]int `json:"kinds"`
		} `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(s), &kinds))
	o.Kinds = kinds.Summary.Kinds
	return o
}

func TestValidPayloadsPass(t *testing.T) {
	r := runCLI(t, nil, nil, "lint", "--format", "json", filepath.Join(repo, "testdata/valid"))
	require.Equal(t, 0, r.code, r.stdout+r.stderr)
	o := decodeJSON(t, r.stdout)
	require.GreaterOrEqual(t, len(o.Results), 8)
	for _, res := range o.Results {
		assert.True(t, res.Valid, "%s record %d", res.Source, res.Record)
		for _, f := range res.Findings {
			assert.NotEqual(t, "error", f.Severity, "%s:%d %s %s", res.Source, f.Line, f.Rule, f.Message)
			assert.NotEqual(t, "warning", f.Severity, "%s:%d %s %s", res.Source, f.Line, f.Rule, f.Message)
		}
	}
	assert.Equal(t, 0, o.Summary["invalid"])
}

// TestInvalidGolden runs every payload in testdata/invalid through the real
// command and compares the text output with its .golden file. Run
// `go test ./internal/cli -run Golden -update` after a deliberate change.
func TestInvalidGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(repo, "testdata/invalid/*"))
	require.NoError(t, err)
	business, err := filepath.Glob(filepath.Join(repo, "testdata/business/invalid/*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, business)
	files = append(files, business...)
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".golden") {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			r := runCLI(t, nil, nil, "lint", "--jobs", "2", f)
			assert.NotEqual(t, 2, r.code, r.stderr)
			got := strings.ReplaceAll(r.stdout, repo+"/", "")
			got += "exit code: " + strconv.Itoa(r.code) + "\n"
			golden := f + ".golden"
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "missing golden file; run with -update")
			assert.Equal(t, string(want), got)
		})
	}
	assert.GreaterOrEqual(t, n, 20+50)
}
