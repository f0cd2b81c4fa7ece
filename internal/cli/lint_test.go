package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func fixture(name string) string { return filepath.Join(repo, "testdata", name) }

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

func TestExitCodes(t *testing.T) {
	assert.Equal(t, 0, runCLI(t, nil, nil, "lint", fixture("valid/us-maria-garcia.json")).code)
	assert.Equal(t, 1, runCLI(t, nil, nil, "lint", fixture("invalid/email-uppercase.json")).code)
	// A warning only fails with --fail-on warning.
	assert.Equal(t, 0, runCLI(t, nil, nil, "lint", fixture("invalid/reliance.json")).code)
	assert.Equal(t, 1, runCLI(t, nil, nil, "lint", "--fail-on", "warning", fixture("invalid/reliance.json")).code)
	assert.Equal(t, 0, runCLI(t, nil, nil, "lint", "--fail-on", "none", fixture("invalid/email-uppercase.json")).code)
	// Infos (no catalogue cached, told on each payload) fail only with
	// --fail-on info; the run-level notice never does.
	assert.Equal(t, 0, runCLI(t, nil, nil, "lint", "--fail-on", "info", fixture("valid/us-maria-garcia.json")).code)
	assert.Equal(t, 1, runCLI(t, nil, nil, "lint", "--fail-on", "info", "--rule", "reference-catalogue=info", fixture("valid/us-maria-garcia.json")).code)
	// Broken JSON is a finding, not a tool failure.
	assert.Equal(t, 1, runCLI(t, nil, nil, "lint", fixture("invalid/broken-json.json")).code)
	// Usage errors are 2.
	for _, args := range [][]string{
		{"lint", "--fail-on", "fatal", fixture("valid")},
		{"lint", "--rule", "no-such-rule=off", fixture("valid")},
		{"lint", "--rule", "email-lowercase", fixture("valid")},
		{"lint", "--format", "yaml", fixture("valid")},
		{"lint", "--no-such-flag"},
		{"explain", "no-such-rule"},
		{"nonsense"},
	} {
		r := runCLI(t, nil, nil, args...)
		assert.Equal(t, 2, r.code, "%v: %s", args, r.stderr)
		assert.NotEmpty(t, r.stderr, "%v", args)
	}
}

func TestUnreadablePathIsExit2AndOthersStillReported(t *testing.T) {
	r := runCLI(t, nil, nil, "lint", "--format", "json", fixture("invalid/email-uppercase.json"), "does/not/exist.json", fixture("valid/us-maria-garcia.json"))
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "1 input could not be read")
	o := decodeJSON(t, r.stdout)
	require.Len(t, o.Results, 3)
	assert.Equal(t, "does/not/exist.json", o.Results[1].Source)
	assert.Contains(t, o.Results[1].Error, "no such file")
	assert.False(t, o.Results[0].Valid)
	assert.True(t, o.Results[2].Valid)
}

func TestDirectoryWalkFindsJSONAndNDJSONInOrder(t *testing.T) {
	dir := t.TempDir()
	ref, err := os.ReadFile(fixture("valid/us-maria-garcia.json"))
	require.NoError(t, err)
	writeFile(t, dir, "b.json", string(ref))
	writeFile(t, dir, "a/z.json", "{")
	writeFile(t, dir, "c.jsonl", "{}\n\n{}\n")
	writeFile(t, dir, "notes.txt", "not a payload")
	r := runCLI(t, nil, nil, "lint", "--format", "ndjson", dir)
	assert.Equal(t, 1, r.code)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	require.Len(t, lines, 5)
	var got []string
	for _, l := range lines[:4] {
		var res struct {
			Source string `json:"source"`
			Record int    `json:"record"`
		}
		require.NoError(t, json.Unmarshal([]byte(l), &res))
		got = append(got, strings.TrimPrefix(res.Source, dir+"/")+":"+itoa(res.Record))
	}
	assert.Equal(t, []string{"a/z.json:0", "b.json:0", "c.jsonl:1", "c.jsonl:3"}, got)
	assert.Contains(t, lines[4], `"summary"`)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestStdinWholeAndNDJSON(t *testing.T) {
	ref, err := os.ReadFile(fixture("valid/us-maria-garcia.json"))
	require.NoError(t, err)
	// Pretty-printed JSON on stdin is one payload.
	r := runCLI(t, strings.NewReader(string(ref)), nil, "lint", "--format", "json", "-")
	o := decodeJSON(t, r.stdout)
	require.Len(t, o.Results, 1)
	assert.Equal(t, "-", o.Results[0].Source)
	assert.Zero(t, o.Results[0].Record)
	// Compact objects, one a line, are NDJSON without --ndjson.
	var v any
	require.NoError(t, json.Unmarshal(ref, &v))
	line, _ := json.Marshal(v)
	in := string(line) + "\n" + strings.Replace(string(line), "maria.garcia@", "MARIA@", 1) + "\n"
	r = runCLI(t, strings.NewReader(in), nil, "lint", "--format", "json")
	assert.Equal(t, 1, r.code, r.stderr)
	o = decodeJSON(t, r.stdout)
	require.Len(t, o.Results, 2)
	assert.Equal(t, 2, o.Results[1].Record)
	assert.Equal(t, 2, o.Results[1].Findings[0].Line)
	// One compact object alone is a whole payload.
	r = runCLI(t, strings.NewReader(string(line)+"\n"), nil, "lint", "--format", "json", "-")
	o = decodeJSON(t, r.stdout)
	require.Len(t, o.Results, 1)
	assert.Zero(t, o.Results[0].Record)
}

func TestJobsDoNotChangeOutput(t *testing.T) {
	a := runCLI(t, nil, nil, "lint", "--format", "json", "--jobs", "1", fixture("invalid"), fixture("valid"))
	b := runCLI(t, nil, nil, "lint", "--format", "json", "--jobs", "7", fixture("invalid"), fixture("valid"))
	assert.Equal(t, a.code, b.code)
	assert.Equal(t, a.stdout, b.stdout)
}

func TestSeveralFormatsAtOnce(t *testing.T) {
	dir := t.TempDir()
	sarif := filepath.Join(dir, "out.sarif")
	junit := filepath.Join(dir, "out.xml")
	r := runCLI(t, nil, nil, "lint", "--format", "github", "--format", "sarif="+sarif, "--format", "junit="+junit, fixture("invalid/email-uppercase.json"))
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stdout, "::error file=")
	assert.Contains(t, r.stdout, "title=email-lowercase")
	data, err := os.ReadFile(sarif)
	require.NoError(t, err)
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				RuleID string `json:"ruleId"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal(data, &log))
	assert.Equal(t, "2.1.0", log.Version)
	require.Len(t, log.Runs, 1)
	var ids []string
	for _, res := range log.Runs[0].Results {
		ids = append(ids, res.RuleID)
	}
	assert.Contains(t, ids, "email-lowercase")
	x, err := os.ReadFile(junit)
	require.NoError(t, err)
	assert.Contains(t, string(x), "<testsuites")
}

func TestRuleOverridesFromFlag(t *testing.T) {
	r := runCLI(t, nil, nil, "lint", "--format", "json", "--rule", "email-lowercase=warning", fixture("invalid/email-uppercase.json"))
	assert.Equal(t, 0, r.code)
	o := decodeJSON(t, r.stdout)
	require.NotEmpty(t, o.Results[0].Findings)
	assert.Equal(t, "warning", o.Results[0].Findings[0].Severity)
	r = runCLI(t, nil, nil, "lint", "--rule", "email-lowercase=off", "--rule", "reference-catalogue=off", fixture("invalid/email-uppercase.json"))
	assert.Equal(t, 0, r.code)
	assert.Contains(t, r.stdout, "1 payload: 1 valid, 0 invalid; 0 errors, 0 warnings, 0 infos")
}

func TestConfigFile(t *testing.T) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, ".finlint.yaml", `fail-on: warning
rules:
  email-lowercase: warning
  reference-catalogue: off
ignore:
  - rule: unknown-field
    files: "**/unknown-field.json"
    paths: ["/basic_info/*"]
    reason: legacy fixtures carry V1 keys
  - rule: same-nationality
    files: "**/email-uppercase.json"
    reason: stale entry
  - rule: same-nationality
    files: "nowhere/**"
    reason: files not in this run
`)
	r := runCLI(t, nil, nil, "lint", "--config", cfg, "--format", "json", fixture("invalid/email-uppercase.json"), fixture("invalid/unknown-field.json"))
	assert.Equal(t, 1, r.code, "fail-on warning from the file")
	o := decodeJSON(t, r.stdout)
	require.Len(t, o.Results, 2)
	assert.Equal(t, "warning", o.Results[0].Findings[0].Severity)
	assert.Empty(t, o.Results[1].Findings, "the ignore entry hides both unknown fields")
	assert.Contains(t, r.stderr, "ignore entry for same-nationality in **/email-uppercase.json hid nothing in the files it names; remove it")
	assert.NotContains(t, r.stderr, "nowhere/**", "an entry whose files were not linted is not stale")
	// Flags override the file.
	r = runCLI(t, nil, nil, "lint", "--config", cfg, "--fail-on", "error", fixture("invalid/email-uppercase.json"))
	assert.Equal(t, 0, r.code)
}

func TestConfigErrorsNameFileLineAndKey(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]string{
		"fail_on: error\n":                          `.finlint.yaml:1: fail_on: unknown key (did you mean "fail-on"?)`,
		"jobs: many\n":                              `.finlint.yaml:1: jobs: want a whole number`,
		"rules:\n  email-lowercas: off\n":           `.finlint.yaml:2: rules: unknown rule "email-lowercas" (did you mean "email-lowercase"?)`,
		"rules:\n  email-lowercase: loud\n":         `.finlint.yaml:2: rules.email-lowercase: want error, warning, info or off`,
		"ignore:\n  - rule: unknown-field\n":        `.finlint.yaml:2: ignore: entry for unknown-field needs a reason`,
		"cache-ttl: soon\n":                         `.finlint.yaml:1: cache-ttl: want a duration`,
		"reliance-enabled: yes please\n":            `.finlint.yaml:1: reliance-enabled: want true or false`,
		"ignore:\n  - rule: x\n    reason: r\n":     `.finlint.yaml:2: ignore.rule: unknown rule "x"`,
		"ignore:\n  - rule: '*'\n    reson: typo\n": `.finlint.yaml:3: ignore.reson: unknown key (did you mean "reason"?)`,
	}
	for content, want := range cases {
		p := writeFile(t, dir, ".finlint.yaml", content)
		r := runCLI(t, nil, nil, "lint", "--config", p, fixture("valid/us-maria-garcia.json"))
		assert.Equal(t, 2, r.code, content)
		assert.Contains(t, r.stderr, want, content)
	}
}

func TestConfigFoundFromWorkingDirectoryUpward(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, ".finlint.yaml", "fail-on: none\n")
	sub := filepath.Join(dir, "a", "b")
	require.NoError(t, os.MkdirAll(sub, 0o755))
	p, err := findConfig("", sub)
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, ".finlint.yaml"), p)
}

func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	bl := filepath.Join(dir, "baseline.json")
	r := runCLI(t, nil, nil, "lint", "--write-baseline", bl, fixture("invalid/email-uppercase.json"))
	assert.Equal(t, 1, r.code)
	data, err := os.ReadFile(bl)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"rule": "email-lowercase"`)
	// With the baseline, the recorded findings are hidden; new ones are not.
	r = runCLI(t, nil, nil, "lint", "--baseline", bl, fixture("invalid/email-uppercase.json"))
	assert.Equal(t, 0, r.code, r.stdout)
	r = runCLI(t, nil, nil, "lint", "--baseline", bl, fixture("invalid/email-uppercase.json"), fixture("invalid/enums.json"))
	assert.Equal(t, 1, r.code)
	assert.NotContains(t, r.stdout, "email-lowercase")
	assert.Contains(t, r.stdout, "enum-value")
}

func TestQuietAndColour(t *testing.T) {
	r := runCLI(t, nil, nil, "lint", "-q", fixture("invalid/email-uppercase.json"))
	assert.NotContains(t, r.stdout, "1 payload")
	assert.NotContains(t, r.stdout, "\x1b[")
	// Colour only on a terminal, and never with NO_COLOR.
	tty := func(vars map[string]string) string {
		var out strings.Builder
		e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &out,
			getenv: func(k string) string { return vars[k] }, now: func() time.Time { return fixedNow },
			isTTY: func(any) bool { return true }}
		run(t.Context(), e, []string{"lint", "--offline", fixture("invalid/email-uppercase.json")})
		return out.String()
	}
	assert.Contains(t, tty(map[string]string{"FINLINT_CACHE_DIR": t.TempDir()}), "\x1b[")
	assert.NotContains(t, tty(map[string]string{"FINLINT_CACHE_DIR": t.TempDir(), "NO_COLOR": "1"}), "\x1b[")
}

func TestRulesExplainSchemaVersion(t *testing.T) {
	r := runCLI(t, nil, nil, "rules")
	assert.Equal(t, 0, r.code)
	assert.Contains(t, r.stdout, "email-lowercase")
	assert.Contains(t, r.stdout, "phone-country")
	r = runCLI(t, nil, nil, "explain", "email-lowercase")
	assert.Equal(t, 0, r.code)
	assert.Contains(t, r.stdout, "Failing example")
	assert.Contains(t, r.stdout, "finlint reports:")
	assert.Contains(t, r.stdout, "suggestion: maria.garcia@example.com")
	assert.Contains(t, r.stdout, "finlint reports nothing for email-lowercase")
	r = runCLI(t, nil, nil, "schema")
	var s map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &s))
	assert.Equal(t, "https://json-schema.org/draft/2020-12/schema", s["$schema"])
	r = runCLI(t, nil, nil, "version")
	assert.Regexp(t, `^finlint \S+ \(go`, r.stdout)
}

// TestExplainEveryRule runs explain on every rule: its examples must run.
func TestExplainEveryRule(t *testing.T) {
	r := runCLI(t, nil, nil, "rules")
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n")[1:] {
		id := strings.Fields(line)[0]
		x := runCLI(t, nil, nil, "explain", id)
		assert.Equal(t, 0, x.code, id)
		assert.Contains(t, x.stdout, id)
	}
}

func TestProgressOnlyOnATerminalStderrAndErased(t *testing.T) {
	run := func(stderrTTY, stdoutTTY bool, args ...string) string {
		var out, errb strings.Builder
		e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
			getenv: func(k string) string { return map[string]string{"FINLINT_CACHE_DIR": t.TempDir()}[k] },
			now:    func() time.Time { return fixedNow },
			isTTY:  func(w any) bool { return w == any(&errb) && stderrTTY || w == any(&out) && stdoutTTY }}
		run(t.Context(), e, append([]string{"lint", "--format", "json"}, args...))
		return errb.String()
	}
	// Only the run's notice (no catalogue cached) is left on standard
	// error, after the progress line is erased.
	notice := "finlint: notice: individual-v2 reference ids were not checked: the occupations, purposes and source-of-funds catalogues are not cached; run `finlint refcache refresh` with FIN_CLIENT_ID and FIN_CLIENT_SECRET set\n"
	shown := run(true, false, fixture("valid"))
	assert.Contains(t, shown, "payloads linted")
	assert.True(t, strings.HasSuffix(shown, "\r\x1b[K"+notice), "the line is erased at the end")
	assert.Equal(t, notice, run(true, false, "-q", fixture("valid")))
	assert.Equal(t, notice, run(true, true, fixture("valid")), "not on the terminal the findings go to")
	assert.Equal(t, notice, run(false, false, fixture("valid")))
}

// Standard input is NDJSON when its first line is one whole object and
// another line follows, even when that first record is itself broken.
func TestStdinNDJSONWithABrokenFirstRecord(t *testing.T) {
	ref, err := os.ReadFile(fixture("valid/us-maria-garcia.json"))
	require.NoError(t, err)
	var v any
	require.NoError(t, json.Unmarshal(ref, &v))
	good, _ := json.Marshal(v)
	for name, first := range map[string]string{
		"invalid UTF-8":    "{\"basic_info\": {\"first_name\": \"Mar\xffa\"}}",
		"lone surrogate":   `{"basic_info": {"first_name": "\ud800"}}`,
		"missing value":    `{"verification_type": , "x": "}"}`,
		"braces in string": `{"a": "{[", "b": "\"}"}`,
	} {
		r := runCLI(t, strings.NewReader(first+"\n"+string(good)+"\n"), nil, "lint", "--format", "json")
		o := decodeJSON(t, r.stdout)
		require.Len(t, o.Results, 2, name)
		assert.Equal(t, 1, o.Results[0].Record, name)
		assert.False(t, o.Results[0].Valid, name)
		assert.Equal(t, 2, o.Results[1].Record, name)
		assert.True(t, o.Results[1].Valid, name)
	}
	assert.False(t, looksLikeRecord([]byte(`{"a": 1} {"b": 2}`)))
	assert.False(t, looksLikeRecord([]byte(`{`)))
}

// A project: a config at its root that ignores unknown-field in
// fixtures/legacy, one legacy and one current fixture with the same
// finding, and a folder to run from below the root.
func ignoreProject(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	writeFile(t, root, ".finlint.yaml", "ignore:\n  - rule: unknown-field\n    files: \"fixtures/legacy/**\"\n    reason: legacy fixtures carry keys the API ignores\n")
	payload := string(readFixture(t, "invalid/unknown-field.json"))
	require.NoError(t, os.MkdirAll(filepath.Join(root, "fixtures", "legacy"), 0o755))
	require.NoError(t, os.MkdirAll(filepath.Join(root, "fixtures", "current"), 0o755))
	writeFile(t, filepath.Join(root, "fixtures", "legacy"), "a.json", payload)
	writeFile(t, filepath.Join(root, "fixtures", "current"), "a.json", payload)
	return root
}

// unknownFieldIn returns the sources of the results with an unknown-field
// finding.
func unknownFieldIn(t *testing.T, stdout string) []string {
	t.Helper()
	var out []string
	for _, r := range decodeJSON(t, stdout).Results {
		for _, f := range r.Findings {
			if f.Rule == "unknown-field" {
				out = append(out, filepath.ToSlash(r.Source))
				break
			}
		}
	}
	return out
}

// An ignore entry's files glob is relative to the config's folder: it hides
// the same findings from the root, from a subfolder, with ./ paths and
// with absolute ones. It used to stop applying, in silence, from a
// subfolder.
func TestIgnoreFilesRelativeToConfig(t *testing.T) {
	root := ignoreProject(t)
	legacy, current := filepath.Join(root, "fixtures", "legacy", "a.json"), filepath.Join(root, "fixtures", "current", "a.json")
	for _, c := range []struct {
		wd   string
		args []string
		want []string // sources still showing unknown-field
	}{
		{".", []string{"fixtures"}, []string{"fixtures/current/a.json"}},
		{".", []string{"./fixtures/legacy/a.json", "./fixtures/current/a.json"}, []string{"./fixtures/current/a.json"}},
		{"fixtures", []string{"."}, []string{"current/a.json"}},
		{"fixtures", []string{"legacy/a.json", "current/a.json"}, []string{"current/a.json"}},
		{"fixtures/legacy", []string{"a.json", "../current/a.json"}, []string{"../current/a.json"}},
		{"fixtures/legacy", []string{legacy, current}, []string{filepath.ToSlash(current)}},
	} {
		t.Run(c.wd+" "+strings.Join(c.args, " "), func(t *testing.T) {
			t.Chdir(filepath.Join(root, c.wd))
			r := runCLI(t, nil, nil, append([]string{"lint", "--format", "json"}, c.args...)...)
			assert.Equal(t, c.want, unknownFieldIn(t, r.stdout))
			assert.NotContains(t, r.stderr, "hid nothing")
		})
	}
	// --config from outside the project: the globs stay the config's.
	t.Chdir(t.TempDir())
	r := runCLI(t, nil, nil, "lint", "--format", "json", "--config", filepath.Join(root, ".finlint.yaml"), legacy, current)
	assert.Equal(t, []string{filepath.ToSlash(current)}, unknownFieldIn(t, r.stdout))
}

// A baseline written from one folder hides the same findings when read
// from another, with paths given either way.
func TestBaselineFromAnyFolder(t *testing.T) {
	root := ignoreProject(t)
	require.NoError(t, os.Remove(filepath.Join(root, ".finlint.yaml")))
	bl := filepath.Join(root, "finlint-baseline.json")
	t.Chdir(root)
	r := runCLI(t, nil, nil, "lint", "--quiet", "--write-baseline", "finlint-baseline.json", "fixtures/legacy")
	require.Equal(t, 0, r.code, r.stderr) // unknown-field is a warning
	data, err := os.ReadFile(bl)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"source": "fixtures/legacy/a.json"`)
	assert.Contains(t, string(data), `"version": 2`)
	for _, c := range []struct {
		wd   string
		args []string
		want []string
	}{
		{".", []string{"fixtures"}, []string{"fixtures/current/a.json"}},
		{"fixtures", []string{"."}, []string{"current/a.json"}},
		{"fixtures/legacy", []string{"./a.json", filepath.Join(root, "fixtures", "current", "a.json")}, []string{filepath.ToSlash(filepath.Join(root, "fixtures", "current", "a.json"))}},
	} {
		t.Run(c.wd, func(t *testing.T) {
			t.Chdir(filepath.Join(root, c.wd))
			r := runCLI(t, nil, nil, append([]string{"lint", "--format", "json", "--baseline", bl}, c.args...)...)
			assert.Equal(t, c.want, unknownFieldIn(t, r.stdout))
		})
	}
	// A version 1 baseline (sources as given) still reads as it did.
	writeFile(t, root, "v1.json", `{"version": 1, "findings": [{"source": "fixtures/legacy/a.json", "rule": "unknown-field", "path": "/basic_info/first_nmae"}, {"source": "fixtures/legacy/a.json", "rule": "unknown-field", "path": "/basic_info/nationality"}]}`)
	t.Chdir(root)
	r = runCLI(t, nil, nil, "lint", "--format", "json", "--baseline", "v1.json", "fixtures")
	assert.Equal(t, []string{"fixtures/current/a.json"}, unknownFieldIn(t, r.stdout))
	writeFile(t, root, "v9.json", `{"version": 9, "findings": []}`)
	r = runCLI(t, nil, nil, "lint", "--baseline", "v9.json", "fixtures")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "version 9")
}

func TestBadFormatLeavesNoFileBehind(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "x.json")
	r := runCLI(t, nil, nil, "lint", "--format", "json="+out, "--format", "xml", fixture("valid"))
	assert.Equal(t, 2, r.code)
	_, err := os.Stat(out)
	assert.True(t, os.IsNotExist(err), "no output file is created before every format is known")
}
