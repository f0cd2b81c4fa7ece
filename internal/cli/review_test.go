package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFormatsCannotShareAFile(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.json", string(readFixture(t, "invalid/email-uppercase.json")))
	t.Chdir(dir)
	for _, pair := range [][2]string{{"json=same.out", "sarif=same.out"}, {"json=./x.out", "sarif=x.out"}, {"json=x.out", "sarif=" + filepath.Join(dir, "x.out")}} {
		r := runCLI(t, nil, nil, "lint", "--format", pair[0], "--format", pair[1], bad)
		assert.Equal(t, 2, r.code, pair)
		assert.Contains(t, r.stderr, "write the same file", pair)
	}
	// =- is standard output, and counts as such.
	r := runCLI(t, nil, nil, "lint", "--format", "json=-", bad)
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stdout, `"results"`)
	_, err := os.Stat(filepath.Join(dir, "-"))
	assert.True(t, os.IsNotExist(err), "no file named -")
	r = runCLI(t, nil, nil, "lint", "--format", "json=-", "--format", "text", bad)
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "would all write to standard output")
}

func TestExcludedOrLinkedFolders(t *testing.T) {
	root := walkTree(t)
	t.Chdir(root)
	// A named folder excluded whole is said, not passed over in silence.
	for _, ex := range []string{"fixtures/**", "fixtures", filepath.Join(root, "fixtures")} {
		r := runCLI(t, nil, nil, "lint", "--format", "json", "--exclude", ex, "fixtures")
		assert.Equal(t, 0, r.code, ex)
		assert.Empty(t, sources(t, r.stdout), ex)
		assert.Contains(t, r.stderr, "finlint: warning: fixtures is excluded", ex)
	}
	// An absolute --exclude matches.
	r := runCLI(t, nil, nil, "lint", "--format", "json", "--exclude", filepath.Join(root, "fixtures", "drafts"), "fixtures")
	assert.Equal(t, []string{"fixtures/a.json"}, sources(t, r.stdout))

	// A folder named through a symbolic link is walked.
	require.NoError(t, os.Symlink(filepath.Join(root, "fixtures", "drafts"), filepath.Join(root, "link")))
	r = runCLI(t, nil, nil, "lint", "--format", "json", "link")
	assert.Equal(t, []string{"link/a.json"}, sources(t, r.stdout))
	assert.NotContains(t, r.stderr, "holds no payload files")
}

// Config globs match whether the config and the payloads are reached
// through a symbolic link or by their real path (as /tmp is a link on
// some systems).
func TestConfigGlobsThroughSymlinks(t *testing.T) {
	real := ignoreProject(t)
	writeFile(t, real, ".finlint.yaml", "exclude: [\"fixtures/drafts/**\"]\nignore:\n  - rule: unknown-field\n    files: \"fixtures/legacy/**\"\n    reason: legacy fixtures carry keys the API ignores\n")
	require.NoError(t, os.MkdirAll(filepath.Join(real, "fixtures", "drafts"), 0o755))
	writeFile(t, filepath.Join(real, "fixtures", "drafts"), "d.json", "{")
	link := filepath.Join(t.TempDir(), "link")
	require.NoError(t, os.Symlink(real, link))
	t.Chdir(t.TempDir())
	for _, c := range [][2]string{{real, link}, {link, real}} {
		r := runCLI(t, nil, nil, "lint", "--format", "json", "--config", filepath.Join(c[0], ".finlint.yaml"), filepath.Join(c[1], "fixtures"))
		assert.Equal(t, []string{filepath.ToSlash(filepath.Join(c[1], "fixtures", "current", "a.json"))}, unknownFieldIn(t, r.stdout), c)
		assert.Len(t, sources(t, r.stdout), 2, "the drafts are excluded: %v", c)
		assert.NotContains(t, r.stderr, "hid nothing", c)
	}
}

type epipeWriter struct{}

func (epipeWriter) Write([]byte) (int, error) {
	return 0, &os.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.EPIPE}
}

// finlint rules | head -1 is not a failure; lint's results cut short are.
func TestClosedPipeAfterInformation(t *testing.T) {
	run1 := func(args ...string) (int, string) {
		var errb strings.Builder
		e := &env{stdin: strings.NewReader(""), stdout: epipeWriter{}, stderr: &errb,
			getenv: func(k string) string { return map[string]string{"FINLINT_CACHE_DIR": t.TempDir()}[k] },
			now:    func() time.Time { return fixedNow }, wd: t.TempDir(), isTTY: func(any) bool { return false }}
		return run(context.Background(), e, args), errb.String()
	}
	for _, args := range [][]string{{"rules"}, {"rules", "--format", "json"}, {"schema"}, {"explain", "email-lowercase"}, {"config"}} {
		code, stderr := run1(args...)
		assert.Equal(t, 0, code, args)
		assert.Empty(t, stderr, args)
	}
	code, stderr := run1("lint", "--format", "json", fixture("valid"))
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "broken pipe")
}
