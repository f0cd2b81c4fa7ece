package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTwoFormatsCannotShareStandardOutput(t *testing.T) {
	dir := t.TempDir()
	r := runCLI(t, nil, nil, "lint", "--format", "text", "--format", "json", fixture("valid"))
	assert.Equal(t, 2, r.code)
	assert.Empty(t, r.stdout)
	assert.Contains(t, r.stderr, "text, json would all write to standard output")
	assert.Contains(t, r.stderr, "--format json=FILE")

	// Explicit and default text count alike; one of them given a path is fine.
	r = runCLI(t, nil, nil, "lint", "--format", "sarif", "--format", "text", fixture("valid"))
	assert.Equal(t, 2, r.code)
	out := filepath.Join(dir, "out.json")
	r = runCLI(t, nil, nil, "lint", "--format", "text", "--format", "json="+out, fixture("valid"))
	assert.Equal(t, 0, r.code, r.stderr)
	assert.FileExists(t, out)

	// An empty path after = is a usage error, not standard output.
	r = runCLI(t, nil, nil, "lint", "--format", "sarif=", fixture("valid"))
	assert.Equal(t, 2, r.code)
	assert.Empty(t, r.stdout)
	assert.Contains(t, r.stderr, "--format sarif=: no path after =")

	r = runCLI(t, nil, nil, "lint", "--format", "jsn", fixture("valid"))
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, `did you mean "json"?`)
}

func TestConfigYmlAndNoConfig(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, ".finlint.yml", "fail-on: none\n")
	writeFile(t, dir, "bad.json", string(readFixture(t, "invalid/email-uppercase.json")))
	t.Chdir(dir)

	r := runCLI(t, nil, nil, "lint", "--quiet", "bad.json")
	assert.Equal(t, 0, r.code, ".finlint.yml is read: fail-on none")
	r = runCLI(t, nil, nil, "lint", "--quiet", "--no-config", "bad.json")
	assert.Equal(t, 1, r.code, "--no-config reads no file")
	r = runCLI(t, nil, nil, "lint", "--no-config", "--config", ".finlint.yml", "bad.json")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "--config and --no-config do not go together")

	writeFile(t, dir, ".finlint.yaml", "fail-on: error\n")
	r = runCLI(t, nil, nil, "lint", "bad.json")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "are both config files")
	assert.Empty(t, r.stdout)
	// --config chooses between them.
	r = runCLI(t, nil, nil, "lint", "--quiet", "--config", ".finlint.yml", "bad.json")
	assert.Equal(t, 0, r.code, r.stderr)
}

// withDOB returns a valid individual payload born on dob.
func withDOB(t *testing.T, dob string) string {
	t.Helper()
	p := string(readFixture(t, "valid/ca-liam-tremblay.json"))
	require.Contains(t, p, `"dob": "1969-12-31"`)
	return strings.Replace(p, `"dob": "1969-12-31"`, `"dob": "`+dob+`"`, 1)
}

// --today pins the date ages are judged on: a fixture of someone who turns
// 18 on 2026-06-15 is under age the day before and of age that day, whatever
// today is.
func TestTodayPinsTheDate(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "p.json", withDOB(t, "2008-06-15"))
	r := runCLI(t, nil, nil, "lint", "--format", "json", "--today", "2026-06-14", p)
	assert.Equal(t, 1, r.code, r.stdout)
	assert.Contains(t, r.stdout, `"rule": "age-range"`)
	r = runCLI(t, nil, nil, "lint", "--format", "json", "--today", "2026-06-15", p)
	assert.Equal(t, 0, r.code, r.stdout)
	assert.NotContains(t, r.stdout, `"rule": "age-range"`)

	// today: in the config does the same; the flag wins over it.
	cfg := writeFile(t, dir, "c.yaml", "today: 2026-06-14\n")
	r = runCLI(t, nil, nil, "lint", "--quiet", "--config", cfg, p)
	assert.Equal(t, 1, r.code)
	r = runCLI(t, nil, nil, "lint", "--quiet", "--config", cfg, "--today", "2026-06-15", p)
	assert.Equal(t, 0, r.code)

	r = runCLI(t, nil, nil, "lint", "--today", "15/06/2026", p)
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "--today: want a date such as 2026-01-31")
	cfg = writeFile(t, dir, "bad.yaml", "fail-on: error\ntoday: tomorrow\n")
	r = runCLI(t, nil, nil, "lint", "--config", cfg, p)
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, cfg+":2: today: want a date")
}

// walkTree makes a folder with payloads at the top, in a hidden folder, in
// node_modules and in a drafts folder.
func walkTree(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	good := string(readFixture(t, "valid/ca-liam-tremblay.json"))
	for _, d := range []string{"fixtures", "fixtures/.cache", "fixtures/node_modules/x", "fixtures/drafts"} {
		require.NoError(t, os.MkdirAll(filepath.Join(root, d), 0o755))
		writeFile(t, filepath.Join(root, d), "a.json", good)
	}
	writeFile(t, filepath.Join(root, "fixtures"), ".hidden.json", good)
	return root
}

func sources(t *testing.T, stdout string) []string {
	t.Helper()
	var out []string
	for _, r := range decodeJSON(t, stdout).Results {
		out = append(out, filepath.ToSlash(r.Source))
	}
	return out
}

func TestWalkSkipsHiddenNodeModulesAndExcluded(t *testing.T) {
	root := walkTree(t)
	t.Chdir(root)
	r := runCLI(t, nil, nil, "lint", "--format", "json", "fixtures")
	assert.Equal(t, []string{"fixtures/a.json", "fixtures/drafts/a.json"}, sources(t, r.stdout))

	// Named on the command line, a hidden folder or node_modules is walked.
	r = runCLI(t, nil, nil, "lint", "--format", "json", "fixtures/.cache", "fixtures/node_modules", "fixtures/.hidden.json")
	assert.Equal(t, []string{"fixtures/.cache/a.json", "fixtures/node_modules/x/a.json", "fixtures/.hidden.json"}, sources(t, r.stdout))

	for _, ex := range []string{"fixtures/drafts/**", "fixtures/drafts", "./fixtures/drafts", "**/drafts/*.json"} {
		r = runCLI(t, nil, nil, "lint", "--format", "json", "--exclude", ex, "fixtures")
		assert.Equal(t, []string{"fixtures/a.json"}, sources(t, r.stdout), ex)
	}
	// A named file that an exclude matches is skipped too (pre-commit
	// passes every changed file by name).
	r = runCLI(t, nil, nil, "lint", "--format", "json", "--exclude", "fixtures/drafts/**", "fixtures/a.json", "fixtures/drafts/a.json")
	assert.Equal(t, []string{"fixtures/a.json"}, sources(t, r.stdout))

	// exclude: in the config is relative to the config's folder, from
	// wherever finlint runs.
	writeFile(t, root, ".finlint.yaml", "exclude: [\"fixtures/drafts/**\"]\n")
	r = runCLI(t, nil, nil, "lint", "--format", "json", "fixtures")
	assert.Equal(t, []string{"fixtures/a.json"}, sources(t, r.stdout))
	t.Chdir(filepath.Join(root, "fixtures"))
	r = runCLI(t, nil, nil, "lint", "--format", "json", ".")
	assert.Equal(t, []string{"a.json"}, sources(t, r.stdout))
	r = runCLI(t, nil, nil, "lint", "--format", "json", filepath.Join(root, "fixtures"))
	assert.Equal(t, []string{filepath.ToSlash(filepath.Join(root, "fixtures", "a.json"))}, sources(t, r.stdout))

	r = runCLI(t, nil, nil, "lint", "--exclude", "[", ".")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, `--exclude "["`)
}

func TestEmptyFolderWarns(t *testing.T) {
	root := walkTree(t)
	empty := filepath.Join(root, "empty")
	require.NoError(t, os.MkdirAll(filepath.Join(empty, ".git"), 0o755))
	writeFile(t, filepath.Join(empty, ".git"), "x.json", "{}")
	writeFile(t, empty, "notes.txt", "not a payload")
	r := runCLI(t, nil, nil, "lint", empty)
	assert.Equal(t, 0, r.code, "the exit code is unchanged")
	assert.Contains(t, r.stderr, "finlint: warning: "+empty+" holds no payload files")

	// Only the empty one of two folders is named.
	r = runCLI(t, nil, nil, "lint", "--quiet", empty, filepath.Join(root, "fixtures"))
	assert.Equal(t, 0, r.code)
	assert.Contains(t, r.stderr, empty+" holds no payload files")
	assert.Equal(t, 1, strings.Count(r.stderr, "holds no payload files"))
}

func TestColor(t *testing.T) {
	bad := fixture("invalid/email-uppercase.json")
	const esc = "\x1b["
	r := runCLI(t, nil, nil, "lint", "--color", "always", bad)
	assert.Contains(t, r.stdout, esc, "always colours even when not a terminal")
	r = runCLI(t, nil, nil, "lint", "--color", "never", bad)
	assert.NotContains(t, r.stdout, esc)
	r = runCLI(t, nil, nil, "lint", bad)
	assert.NotContains(t, r.stdout, esc, "auto: not a terminal")
	r = runCLI(t, nil, nil, "lint", "--format", "json", "--color", "always", bad)
	assert.NotContains(t, r.stdout, esc, "colour is for text alone")
	r = runCLI(t, nil, nil, "lint", "--color", "alwyas", bad)
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, `--color: want auto, always or never, not "alwyas" (did you mean "always"?)`)
}

// With no catalogue cached, a run says so once, on standard error and in
// every machine format, not once per payload.
func TestNoticeOncePerRun(t *testing.T) {
	dir := t.TempDir()
	good := string(readFixture(t, "valid/ca-liam-tremblay.json"))
	for i := range 20 {
		writeFile(t, dir, "p"+strings.Repeat("x", i)+".json", good)
	}
	const msg = "individual-v2 reference ids were not checked: the occupations, purposes and source-of-funds catalogues are not cached; run `finlint refcache refresh` with FIN_CLIENT_ID and FIN_CLIENT_SECRET set"
	for format, want := range map[string]string{
		"text":   "",
		"json":   `"notices": [` + "\n    {\n      \"id\": \"reference-catalogue\",\n      \"kind\": \"individual-v2\",\n      \"message\": \"" + strings.ReplaceAll(msg, "`", "`") + "\"",
		"ndjson": `"notices":[{"id":"reference-catalogue","kind":"individual-v2","message":"` + msg + `"}]}`,
		"sarif":  `"toolExecutionNotifications": [`,
		"github": "::notice title=finlint::" + msg + "\n",
	} {
		r := runCLI(t, nil, nil, "lint", "--format", format, dir)
		assert.Equal(t, 0, r.code, format)
		assert.Equal(t, 1, strings.Count(r.stderr, "finlint: notice: "+msg+"\n"), format+": one line on standard error")
		assert.NotContains(t, r.stdout, `reference-catalogue)`, format)
		assert.NotContains(t, r.stdout, `"rule": "reference-catalogue"`, format)
		if want != "" {
			assert.Contains(t, r.stdout, want, format)
			assert.Equal(t, 1, strings.Count(r.stdout, "were not checked"), format)
		}
	}
	// The ndjson summary line stays the last line.
	r := runCLI(t, nil, nil, "lint", "--format", "ndjson", dir)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	assert.True(t, strings.HasPrefix(lines[len(lines)-1], `{"summary":`))
}

// --color auto colours only a terminal, and NO_COLOR or TERM=dumb turn it
// off; always and never are what they say, whatever the environment.
func TestColorAuto(t *testing.T) {
	for _, c := range []struct {
		flag string
		vars map[string]string
		tty  bool
		want bool
	}{
		{"auto", nil, true, true},
		{"auto", nil, false, false},
		{"auto", map[string]string{"NO_COLOR": "1"}, true, false},
		{"auto", map[string]string{"TERM": "dumb"}, true, false},
		{"auto", map[string]string{"TERM": "xterm-256color"}, true, true},
		{"always", map[string]string{"NO_COLOR": "1", "TERM": "dumb"}, false, true},
		{"never", nil, true, false},
	} {
		e := &env{getenv: func(k string) string { return c.vars[k] }, isTTY: func(any) bool { return c.tty }, wd: t.TempDir()}
		st, err := loadSettings(e, func(string) bool { return false }, &settingsFlags{color: c.flag, noConfig: true})
		require.NoError(t, err)
		assert.Equal(t, c.want, st.color(nil), "%+v", c)
	}
}
