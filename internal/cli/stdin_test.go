package cli

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sarifLocations is the part of a SARIF log these tests read.
type sarifLocations struct {
	Runs []struct {
		Results []struct {
			RuleID              string            `json:"ruleId"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Locations           []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI *string `json:"uri"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine int `json:"startLine"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
		Invocations []struct {
			Notifications []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI *string `json:"uri"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
	} `json:"runs"`
}

// sarifURIs returns every artifact URI of a log's results and notes,
// failing on a location that has none.
func sarifURIs(t *testing.T, out string) []string {
	t.Helper()
	var doc sarifLocations
	require.NoError(t, json.Unmarshal([]byte(out), &doc), out)
	require.Len(t, doc.Runs, 1)
	var got []string
	add := func(u *string) {
		if assert.NotNil(t, u, "an artifact location without a uri") {
			got = append(got, *u)
		}
	}
	for _, r := range doc.Runs[0].Results {
		require.NotEmpty(t, r.Locations, r.RuleID)
		for _, l := range r.Locations {
			add(l.PhysicalLocation.ArtifactLocation.URI)
		}
	}
	for _, inv := range doc.Runs[0].Invocations {
		for _, n := range inv.Notifications {
			for _, l := range n.Locations {
				add(l.PhysicalLocation.ArtifactLocation.URI)
			}
		}
	}
	return got
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(fixture(name))
	require.NoError(t, err)
	return b
}

// Without --stdin-filename, SARIF still names standard input: code
// scanning refuses a location without a URI.
func TestStdinSARIFDefaultURI(t *testing.T) {
	for _, tc := range []struct{ fixture, uri string }{
		{"invalid/address-country.json", "stdin.json"},
		{"invalid/mixed.ndjson", "stdin.ndjson"},
	} {
		t.Run(tc.uri, func(t *testing.T) {
			r := runCLI(t, bytes.NewReader(readFixture(t, tc.fixture)), nil, "lint", "--format", "sarif", "-")
			require.Equal(t, 1, r.code, r.stderr)
			got := sarifURIs(t, r.stdout)
			require.NotEmpty(t, got)
			for _, u := range got {
				assert.Equal(t, tc.uri, u)
			}
			assert.NotContains(t, r.stdout, `"uri": "-"`)
		})
	}
}

// --stdin-filename names standard input in SARIF as a URI reference that
// decodes back to the name: a URI parser is the reference.
func TestStdinFilenameSARIFURI(t *testing.T) {
	abs := filepath.Join(t.TempDir(), "new customers", "Zoë 1.json")
	for _, name := range []string{
		"payloads/customer.json",
		"dir with space/María #1.json",
		"東京/顧客.json",
		abs,
	} {
		t.Run(name, func(t *testing.T) {
			r := runCLI(t, bytes.NewReader(readFixture(t, "invalid/address-country.json")), nil,
				"lint", "--format", "sarif", "--stdin-filename", name, "-")
			require.Equal(t, 1, r.code, r.stderr)
			got := sarifURIs(t, r.stdout)
			require.NotEmpty(t, got)
			for _, raw := range got {
				for _, c := range raw {
					assert.True(t, c > ' ' && c < 0x7f, "%q: not an ASCII URI", raw)
				}
				u, err := url.Parse(raw)
				require.NoError(t, err, raw)
				assert.Empty(t, u.RawQuery, raw)
				assert.Empty(t, u.Fragment, raw)
				if filepath.IsAbs(name) {
					assert.Equal(t, "file", u.Scheme, raw)
					assert.Equal(t, filepath.ToSlash(name), u.Path, raw)
				} else {
					assert.Empty(t, u.Scheme, raw)
					assert.Equal(t, name, u.Path, raw)
				}
			}
		})
	}
}

// The name is the source in every format.
func TestStdinFilenameEveryFormat(t *testing.T) {
	const name = "payloads/customer.json"
	for format, want := range map[string]string{
		"text":           name + ":28:16: error: ",
		"json":           `"source": "` + name + `"`,
		"ndjson":         `{"source":"` + name + `"`,
		"sarif":          `"uri": "` + name + `"`,
		"junit":          `<testcase name="` + name + `"`,
		"junit-extended": `file="` + name + `" line="28"`,
		"github":         "::error file=" + name + ",line=28,col=16,",
	} {
		t.Run(format, func(t *testing.T) {
			r := runCLI(t, bytes.NewReader(readFixture(t, "invalid/address-country.json")), nil,
				"lint", "--format", format, "--stdin-filename", name, "-")
			require.Equal(t, 1, r.code, r.stderr)
			assert.Contains(t, r.stdout, want)
		})
	}
}

// Without the flag, the formats other than SARIF keep "-", as the contract
// says; with it, json and text use the name.
func TestStdinFilenameJSONAndText(t *testing.T) {
	payload := readFixture(t, "invalid/address-country.json")
	r := runCLI(t, bytes.NewReader(payload), nil, "lint", "--format", "json", "-")
	require.Equal(t, 1, r.code, r.stderr)
	o := decodeJSON(t, r.stdout)
	require.Len(t, o.Results, 1)
	assert.Equal(t, "-", o.Results[0].Source)

	r = runCLI(t, bytes.NewReader(payload), nil, "lint", "--format", "json", "--stdin-filename", "in/new.json", "-")
	require.Equal(t, 1, r.code, r.stderr)
	o = decodeJSON(t, r.stdout)
	require.Len(t, o.Results, 1)
	assert.Equal(t, "in/new.json", o.Results[0].Source)

	r = runCLI(t, bytes.NewReader(payload), nil, "lint", "-")
	require.Equal(t, 1, r.code, r.stderr)
	assert.True(t, strings.HasPrefix(r.stdout, "-:28:16: error: "), r.stdout)

	r = runCLI(t, bytes.NewReader(payload), nil, "lint", "--stdin-filename", "in/new.json", "-")
	require.Equal(t, 1, r.code, r.stderr)
	assert.True(t, strings.HasPrefix(r.stdout, "in/new.json:28:16: error: "), r.stdout)
	assert.NotContains(t, r.stdout, "-:")
}

// A name ending in .ndjson reads standard input as NDJSON, as a file of
// that name would be read: a single record is record 1.
func TestStdinFilenameNDJSONName(t *testing.T) {
	var line bytes.Buffer
	require.NoError(t, json.Compact(&line, readFixture(t, "invalid/address-country.json")))
	line.WriteByte('\n')
	for name, record := range map[string]int{"batch.ndjson": 1, "batch.jsonl": 1, "one.json": 0} {
		r := runCLI(t, bytes.NewReader(line.Bytes()), nil, "lint", "--format", "json", "--stdin-filename", name, "-")
		require.Equal(t, 1, r.code, r.stderr)
		o := decodeJSON(t, r.stdout)
		require.Len(t, o.Results, 1, name)
		assert.Equal(t, record, o.Results[0].Record, name)
	}
}

// Config globs see the name, as they see a file's path. The glob starts
// with ** so that it matches wherever the config file is.
func TestStdinFilenameIgnoreGlob(t *testing.T) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, ".finlint.yaml", `ignore:
  - rule: address-country
    files: "**/legacy/*.json"
    reason: legacy payloads keep their old addresses
`)
	payload := readFixture(t, "invalid/address-country.json")
	r := runCLI(t, bytes.NewReader(payload), nil, "lint", "--config", cfg, "--format", "json",
		"--stdin-filename", "legacy/a.json", "-")
	assert.Equal(t, 0, r.code, r.stdout+r.stderr)
	assert.NotContains(t, r.stdout, "address-country")

	r = runCLI(t, bytes.NewReader(payload), nil, "lint", "--config", cfg, "--format", "json",
		"--stdin-filename", "current/a.json", "-")
	assert.Equal(t, 1, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "address-country")
}

// fix reads standard input too; its remaining findings carry the name.
func TestFixStdinFilename(t *testing.T) {
	payload := readFixture(t, "invalid/address-country.json")
	r := runCLI(t, bytes.NewReader(payload), nil, "fix", "--stdin-filename", "in/new.json", "-")
	assert.Contains(t, r.stderr, "in/new.json:", r.stderr)
	assert.NotContains(t, r.stderr, "-:")
	assert.True(t, json.Valid([]byte(r.stdout)), "the fixed payload: %s", r.stdout)

	r = runCLI(t, bytes.NewReader(payload), nil, "fix", "-")
	assert.Contains(t, r.stderr, "-:", r.stderr)
}

// Reformatting a payload moves every finding to another line but keeps
// every fingerprint: code scanning keeps tracking the same alerts.
func TestSARIFFingerprintsIgnoreLines(t *testing.T) {
	pretty := readFixture(t, "invalid/address-country.json")
	var compact bytes.Buffer
	require.NoError(t, json.Compact(&compact, pretty))
	prints := func(payload []byte) (fps []string, lines []int) {
		r := runCLI(t, bytes.NewReader(payload), nil, "lint", "--format", "sarif", "--rule", "reference-catalogue=info", "--stdin-filename", "c.json", "-")
		require.Equal(t, 1, r.code, r.stderr)
		var doc sarifLocations
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &doc))
		for _, res := range doc.Runs[0].Results {
			fp := res.PartialFingerprints["finlint/v1"]
			require.NotEmpty(t, fp, res.RuleID)
			fps = append(fps, fp)
			lines = append(lines, res.Locations[0].PhysicalLocation.Region.StartLine)
		}
		slices.Sort(fps)
		return fps, lines
	}
	a, linesA := prints(pretty)
	b, linesB := prints(compact.Bytes())
	require.GreaterOrEqual(t, len(a), 2)
	assert.NotEqual(t, linesA, linesB, "the findings did move")
	assert.Equal(t, a, b)
	assert.Len(t, slices.Compact(slices.Clone(a)), len(a), "distinct within a run")
}
