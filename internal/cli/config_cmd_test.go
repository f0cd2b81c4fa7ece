package cli

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func configRows(t *testing.T, r runResult) map[string]setting {
	t.Helper()
	require.Equal(t, 0, r.code, r.stderr)
	var rows []setting
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rows), r.stdout)
	out := map[string]setting{}
	for _, s := range rows {
		if _, dup := out[s.Key]; !dup {
			out[s.Key] = s
		}
	}
	return out
}

// finlint config names every effective value and where it came from: a
// flag, a line of the file, the environment or the default.
func TestConfigCommand(t *testing.T) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, ".finlint.yml", `fail-on: warning
rules:
  unknown-field: off
today: 2026-06-14
exclude: ["drafts/**"]
ignore:
  - rule: email-lowercase
    files: "legacy/**"
    reason: legacy fixtures
`)
	t.Chdir(dir)
	rows := configRows(t, runCLI(t, nil, map[string]string{"FIN_CLIENT_ID": "id-123", "FIN_CLIENT_SECRET": "s3cret-value"},
		"config", "--format", "json", "--rule", "age-range=warning", "--jobs", "3"))
	assert.Equal(t, setting{"config", cfg, "found from " + dir + " upward"}, rows["config"])
	assert.Equal(t, setting{"fail-on", "warning", cfg + ":1"}, rows["fail-on"])
	assert.Equal(t, setting{"jobs", "3", "--jobs"}, rows["jobs"])
	assert.Equal(t, setting{"today", "2026-06-14", cfg + ":4"}, rows["today"])
	assert.Equal(t, setting{"rules.unknown-field", "off (default warning)", cfg + ":3"}, rows["rules.unknown-field"])
	assert.Equal(t, setting{"rules.age-range", "warning (default error)", "--rule"}, rows["rules.age-range"])
	assert.Equal(t, setting{"exclude", "drafts/**", cfg + ":5"}, rows["exclude"])
	assert.Equal(t, setting{"ignore", "email-lowercase in legacy/**: legacy fixtures", cfg + ":7"}, rows["ignore"])
	assert.Equal(t, setting{"reliance-enabled", "false", "default"}, rows["reliance-enabled"])
	assert.Equal(t, "environment FIN_CLIENT_ID, FIN_CLIENT_SECRET", rows["credentials"].Source)

	// Flags win over the file, and say so.
	rows = configRows(t, runCLI(t, nil, nil, "config", "--format", "json", "--fail-on", "none", "--today", "2030-01-01"))
	assert.Equal(t, setting{"fail-on", "none", "--fail-on"}, rows["fail-on"])
	assert.Equal(t, setting{"today", "2030-01-01", "--today"}, rows["today"])

	rows = configRows(t, runCLI(t, nil, nil, "config", "--format", "json", "--no-config"))
	assert.Equal(t, setting{"config", "(none)", "--no-config"}, rows["config"])
	assert.Equal(t, setting{"fail-on", "error", "default"}, rows["fail-on"])

	// The text form, and secrets never printed.
	r := runCLI(t, nil, map[string]string{"FIN_CLIENT_ID": "id-123", "FIN_CLIENT_SECRET": "s3cret-value", "FIN_ACCESS_TOKEN": "tok-987"}, "config")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "SETTING")
	assert.Contains(t, r.stdout, cfg+":1")
	for _, secret := range []string{"id-123", "s3cret-value", "tok-987"} {
		assert.NotContains(t, r.stdout, secret)
	}
	// A bad config is the same usage error lint gives.
	writeFile(t, dir, ".finlint.yml", "fail-on: sometimes\n")
	r = runCLI(t, nil, nil, "config")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, cfg+":1: fail-on: want error, warning, info or none")
}
