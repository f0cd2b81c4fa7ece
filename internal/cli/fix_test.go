package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// copyFixture copies testdata/invalid/NAME into a fresh folder and returns
// the copy's path.
func copyFixture(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(fixture("invalid/" + name))
	require.NoError(t, err)
	return writeFile(t, t.TempDir(), name, string(data))
}

func readString(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(data)
}

// errorRules lists the rules of the error findings lint reports for path.
func errorRules(t *testing.T, path string) []string {
	t.Helper()
	r := runCLI(t, nil, nil, "lint", "--format", "json", path)
	o := decodeJSON(t, r.stdout)
	out := []string{}
	for _, res := range o.Results {
		for _, f := range res.Findings {
			if f.Severity == "error" {
				out = append(out, f.Rule+" "+f.Path)
			}
		}
	}
	return out
}

func TestFixPrintsADiff(t *testing.T) {
	p := copyFixture(t, "email-uppercase.json")
	before := readString(t, p)
	r := runCLI(t, nil, nil, "fix", "--rule", "reference-catalogue=info", p)
	name := strings.TrimPrefix(filepath.ToSlash(p), "/")
	assert.Equal(t, `--- a/`+name+`
+++ b/`+name+`
@@ -5,7 +5,7 @@
     "middle_name": "Elena",
     "last_name": "Garcia",
     "dob": "1990-04-15",
-    "email": "Maria.Garcia@Example.com",
+    "email": "maria.garcia@example.com",
     "phone": "+14155552671",
     "country_of_residence": "USA",
     "primary_nationality": "USA",
`, r.stdout)
	assert.Equal(t, before, readString(t, p), "without --write the file is left alone")
	assert.Contains(t, r.stderr, "finlint: 1 fix to apply in 1 file (run with --write to apply them); remaining: 0 errors, 0 warnings, 1 info\n")
	assert.Contains(t, r.stderr, "(reference-catalogue)", "what remains is listed as lint lists it")
	assert.Equal(t, 1, r.code, "without --write, fixes still to apply fail the run")
	r = runCLI(t, nil, nil, "fix", "--write", p)
	assert.Equal(t, 0, r.code, "nothing at or above error remains once fixed")
}

func TestFixDiffMasksTaxIDs(t *testing.T) {
	p := copyFixture(t, "non-latin.json")
	src := readString(t, p)
	fixable := strings.Replace(src, `"country_code": "USA",`, `"country_code": "US",`, 1)
	require.NotEqual(t, src, fixable)
	require.NoError(t, os.WriteFile(p, []byte(fixable), 0o644))
	r := runCLI(t, nil, nil, "fix", p)
	// The tax country is fixed two lines above the id, which is context.
	assert.Contains(t, r.stdout, "-        \"country_code\": \"US\",\n+        \"country_code\": \"USA\",\n         \"document_type\": \"SSN\",\n         \"document_id\": \"*******6789\"\n")
	// Each name's _en twin lands right after it.
	assert.Contains(t, r.stdout, "     \"first_name\": \"José\",\n+    \"first_name_en\": \"Jose\",\n     \"middle_name\": \"Elena\",\n")
	assert.Contains(t, r.stdout, "     \"last_name\": \"Müller\",\n+    \"last_name_en\": \"Muller\",\n")
	assert.NotContains(t, r.stdout, "123-45-6789")
	assert.NotContains(t, r.stderr, "123-45-6789")

	r = runCLI(t, nil, nil, "fix", "--write", p)
	assert.Empty(t, r.stdout)
	assert.Contains(t, readString(t, p), `"document_id": "123-45-6789"`, "the file keeps the real id")
}

func TestFixWriteLeavesOnlyWhatNeedsAPerson(t *testing.T) {
	tests := []struct {
		file string
		left []string // error findings lint still reports
		code int
	}{
		{"email-uppercase.json", []string{}, 0},
		{"country-codes.json", []string{}, 0},
		{"phone-not-e164.json", []string{}, 0},
		{"enums.json", []string{}, 0},
		{"control-character.json", []string{}, 0},
		{"wrong-types.json", []string{"field-type /financial_profile/monthly_volume_usd"}, 1},
		{"non-latin.json", []string{"non-ascii /address/city"}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			p := copyFixture(t, tc.file)
			require.NotEqual(t, tc.left, errorRules(t, p), "the fixture must have something to fix")
			require.NoError(t, os.Chmod(p, 0o640))
			r := runCLI(t, nil, nil, "fix", "--write", p)
			assert.Equal(t, tc.code, r.code, r.stderr)
			assert.Empty(t, r.stdout)
			assert.Contains(t, r.stderr, "applied in 1 file")
			assert.Equal(t, tc.left, errorRules(t, p))
			st, err := os.Stat(p)
			require.NoError(t, err)
			assert.Equal(t, os.FileMode(0o640), st.Mode().Perm(), "the file keeps its permissions")
			entries, err := os.ReadDir(filepath.Dir(p))
			require.NoError(t, err)
			assert.Len(t, entries, 1, "no temporary file is left behind")

			// A second run has nothing left to do.
			again := runCLI(t, nil, nil, "fix", p)
			assert.Empty(t, again.stdout)
			assert.Contains(t, again.stderr, "finlint: no fixes to apply")
		})
	}
}

func TestFixKeepsEveryOtherByte(t *testing.T) {
	dir := t.TempDir()
	src := "{\r\n\t\"basic_info\":{\"email\":\"Maria@Example.com\",\"gender\":\"female\"},\r\n\t\"financial_profile\": {\"monthly_volume_usd\": 5.0E3}\r\n}"
	p := writeFile(t, dir, "odd.json", src)
	r := runCLI(t, nil, nil, "fix", "--write", "--fail-on", "none", p)
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, "{\r\n\t\"basic_info\":{\"email\":\"maria@example.com\",\"gender\":\"FEMALE\"},\r\n\t\"financial_profile\": {\"monthly_volume_usd\": 5000}\r\n}", readString(t, p))
}

func TestFixNDJSONLineByLine(t *testing.T) {
	p := copyFixture(t, "mixed.ndjson")
	before := strings.SplitAfter(readString(t, p), "\n")
	r := runCLI(t, nil, nil, "fix", "--write", p)
	assert.Equal(t, 1, r.code, "the broken record and the address country remain")
	after := strings.SplitAfter(readString(t, p), "\n")
	require.Len(t, after, len(before), "every record stays one line")
	for i := range before {
		if i == 1 {
			assert.Equal(t, strings.Replace(before[i], `"MARIA@EXAMPLE.COM"`, `"maria@example.com"`, 1), after[i])
			continue
		}
		assert.Equal(t, before[i], after[i], "line %d", i+1)
	}
	assert.Contains(t, r.stderr, "finlint: 1 fix applied in 1 file;")
	// Findings that remain are reported on their record's line.
	assert.Contains(t, r.stderr, filepath.Base(p)+":3:49: error: unexpected end of input")
	assert.Contains(t, r.stderr, filepath.Base(p)+":4:")
	assert.Contains(t, r.stderr, "(address-country)")
}

func TestFixNDJSONDiffIsOneLinePerRecord(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "batch.jsonl", "{\"basic_info\":{\"gender\":\"male\"}}\r\n\r\n{\"basic_info\":{\"gender\":\"MALE\"}}\r\n{\"basic_info\":{\"first_name\":\"José\"}}")
	r := runCLI(t, nil, nil, "fix", p)
	name := strings.TrimPrefix(filepath.ToSlash(p), "/")
	assert.Equal(t, "--- a/"+name+"\n+++ b/"+name+"\n@@ -1,4 +1,4 @@\n"+
		"-{\"basic_info\":{\"gender\":\"male\"}}\r\n"+
		"+{\"basic_info\":{\"gender\":\"MALE\"}}\r\n"+
		" \r\n"+
		" {\"basic_info\":{\"gender\":\"MALE\"}}\r\n"+
		"-{\"basic_info\":{\"first_name\":\"José\"}}\n\\ No newline at end of file\n"+
		"+{\"basic_info\":{\"first_name\":\"José\",\"first_name_en\":\"Jose\"}}\n\\ No newline at end of file\n", r.stdout)
}

func TestFixStdinToStdout(t *testing.T) {
	data, err := os.ReadFile(fixture("invalid/enums.json"))
	require.NoError(t, err)
	want := strings.NewReplacer(`"standard"`, `"STANDARD"`, `"F"`, `"FEMALE"`, `"self-employed"`, `"SELF_EMPLOYED"`).Replace(string(data))
	for _, args := range [][]string{{"fix", "-"}, {"fix", "--write", "-"}} {
		r := runCLI(t, strings.NewReader(string(data)), nil, args...)
		assert.Equal(t, 0, r.code, r.stderr)
		assert.Equal(t, want, r.stdout, "the whole fixed payload, never a diff")
		assert.Contains(t, r.stderr, "finlint: 3 fixes applied; the fixed payload is on standard output")
	}

	// Nothing to fix: the payload comes back as it was.
	valid, err := os.ReadFile(fixture("valid/us-maria-garcia.json"))
	require.NoError(t, err)
	r := runCLI(t, strings.NewReader(string(valid)), nil, "fix", "-")
	assert.Equal(t, string(valid), r.stdout)

	// Several records on standard input are fixed one by one.
	in := "{\"basic_info\":{\"gender\":\"male\"}}\n{\"basic_info\":{\"gender\":\"Female\"}}\n"
	r = runCLI(t, strings.NewReader(in), nil, "fix", "--rule", "required-field=off", "-")
	assert.Equal(t, "{\"basic_info\":{\"gender\":\"MALE\"}}\n{\"basic_info\":{\"gender\":\"FEMALE\"}}\n", r.stdout)
}

func TestFixExitCodes(t *testing.T) {
	wrong := copyFixture(t, "wrong-types.json")
	assert.Equal(t, 1, runCLI(t, nil, nil, "fix", wrong).code, "an error remains")
	assert.Equal(t, 0, runCLI(t, nil, nil, "fix", "--fail-on", "none", wrong).code)
	assert.Equal(t, 1, runCLI(t, nil, nil, "fix", "--fail-on", "info", copyFixture(t, "email-uppercase.json")).code,
		"an info remains")
	assert.Equal(t, 0, runCLI(t, nil, nil, "fix", "--rule", "field-type=off", wrong).code)

	missing := filepath.Join(t.TempDir(), "missing.json")
	r := runCLI(t, nil, nil, "fix", missing, copyFixture(t, "enums.json"))
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "missing.json: cannot read input")
	assert.Contains(t, r.stdout, `+    "gender": "FEMALE",`, "the other paths are still fixed")

	for _, args := range [][]string{
		{"fix"},
		{"fix", "--fail-on", "loud", wrong},
		{"fix", "--rule", "no-such-rule=off", wrong},
		{"fix", "--rule", "field-type", wrong},
		{"fix", "-", wrong},
		{"fix", "--no-such-flag", wrong},
	} {
		r := runCLI(t, nil, nil, args...)
		assert.Equal(t, 2, r.code, "%v: %s", args, r.stderr)
		assert.Empty(t, r.stdout, "%v", args)
	}
}

func TestFixRuleOffIsNotFixed(t *testing.T) {
	p := copyFixture(t, "enums.json")
	r := runCLI(t, nil, nil, "fix", "--write", "--rule", "enum-value=off", p)
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, readString(t, p), `"gender": "F"`)
	assert.Contains(t, r.stderr, "finlint: no fixes to apply")
}

func TestFixHonoursTheConfigFile(t *testing.T) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, "finlint.yaml", `ignore:
  - rule: enum-value
    paths: ["/basic_info/gender"]
    reason: kept as the source system sends it
`)
	p := copyFixture(t, "enums.json")
	r := runCLI(t, nil, nil, "fix", "--write", "--config", cfg, p)
	assert.Equal(t, 0, r.code, r.stderr)
	got := readString(t, p)
	assert.Contains(t, got, `"gender": "F"`)
	assert.Contains(t, got, `"employment_status": "SELF_EMPLOYED"`)
}

func TestFixWalksDirectories(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"enums.json", "mixed.ndjson", "broken-json.json"} {
		data, err := os.ReadFile(fixture("invalid/" + f))
		require.NoError(t, err)
		writeFile(t, dir, filepath.Join("sub", f), string(data))
	}
	writeFile(t, dir, "notes.txt", "not a payload\n")
	broken := readString(t, filepath.Join(dir, "sub", "broken-json.json"))
	r := runCLI(t, nil, nil, "fix", "--write", dir)
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "finlint: 4 fixes applied in 2 files;")
	assert.Equal(t, broken, readString(t, filepath.Join(dir, "sub", "broken-json.json")), "broken JSON is never touched")
	assert.Equal(t, "not a payload\n", readString(t, filepath.Join(dir, "notes.txt")))
}
