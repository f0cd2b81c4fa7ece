package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// multitoolEnv names the SARIF Multitool's binary when it is not on PATH;
// scripts/sarif-validate.sh installs it and sets it.
const multitoolEnv = "FINLINT_SARIF_MULTITOOL"

// multitool finds Microsoft's SARIF Multitool (npm package
// @microsoft/sarif-multitool), the reference validator of SARIF logs and of
// what GitHub code scanning accepts. The test is skipped without it.
func multitool(t *testing.T) string {
	t.Helper()
	if p := os.Getenv(multitoolEnv); p != "" {
		return p
	}
	for _, name := range []string{"Sarif.Multitool", "sarif-multitool"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skipf("SARIF Multitool not found: set %s or put Sarif.Multitool on PATH (scripts/sarif-validate.sh does both)", multitoolEnv)
	return ""
}

// multitoolResult is one finding of the Multitool about a validated log.
type multitoolResult struct {
	rule, level, file, text string
	line                    int
}

// validateWithMultitool runs `sarif validate` with the SARIF rules and the
// GitHub ingestion rules (GHxxxx) on logs and returns its findings. The
// tool exits 0 whatever it finds, so its own SARIF output is read.
func validateWithMultitool(t *testing.T, tool string, logs ...string) []multitoolResult {
	t.Helper()
	out := filepath.Join(t.TempDir(), "multitool.sarif")
	args := append([]string{"validate", "--rule-kind", "Sarif;Gh", "--level", "Error;Warning", "--output", out}, logs...)
	cmd := exec.Command(tool, args...)
	cmd.Env = append(os.Environ(), "DOTNET_CLI_TELEMETRY_OPTOUT=1")
	var console bytes.Buffer
	cmd.Stdout, cmd.Stderr = &console, &console
	err := cmd.Run()
	data, rerr := os.ReadFile(out)
	require.NoError(t, rerr, "the Multitool wrote no report (%v):\n%s", err, console.String())

	var doc struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID             string `json:"id"`
						MessageStrings map[string]struct {
							Text string `json:"text"`
						} `json:"messageStrings"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Invocations []struct {
				ExecutionSuccessful bool `json:"executionSuccessful"`
			} `json:"invocations"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Message   struct {
					Text      string   `json:"text"`
					ID        string   `json:"id"`
					Arguments []string `json:"arguments"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal(data, &doc))
	var found []multitoolResult
	for _, run := range doc.Runs {
		for _, inv := range run.Invocations {
			require.True(t, inv.ExecutionSuccessful, "the Multitool failed:\n%s", console.String())
		}
		for _, r := range run.Results {
			m := multitoolResult{rule: r.RuleID, level: r.Level, text: r.Message.Text}
			if m.level == "" {
				m.level = "warning" // SARIF's default
			}
			if m.text == "" && r.RuleIndex >= 0 && r.RuleIndex < len(run.Tool.Driver.Rules) {
				m.text = run.Tool.Driver.Rules[r.RuleIndex].MessageStrings[r.Message.ID].Text
				for i, a := range r.Message.Arguments {
					m.text = strings.ReplaceAll(m.text, fmt.Sprintf("{%d}", i), a)
				}
			}
			if len(r.Locations) > 0 {
				m.file = filepath.Base(r.Locations[0].PhysicalLocation.ArtifactLocation.URI)
				m.line = r.Locations[0].PhysicalLocation.Region.StartLine
			}
			found = append(found, m)
		}
	}
	return found
}

// The validation can fail: a location without a URI, which GitHub refuses,
// is an error to the Multitool.
func TestSARIFMultitoolRejectsMissingURI(t *testing.T) {
	tool := multitool(t)
	bad := writeFile(t, t.TempDir(), "no-uri.sarif", `{
  "version": "2.1.0",
  "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
  "runs": [{
    "tool": {"driver": {"name": "finlint", "version": "1.0.0", "informationUri": "https://github.com/finlint/finlint", "rules": []}},
    "results": [{
      "ruleId": "email-lowercase",
      "message": {"text": "email must be all lowercase"},
      "locations": [{"physicalLocation": {"artifactLocation": {"description": {"text": "standard input"}}, "region": {"startLine": 1}}}]
    }]
  }]
}`)
	errs := 0
	for _, r := range validateWithMultitool(t, tool, bad) {
		if r.level == "error" && r.rule == "GH1017" {
			errs++
		}
	}
	require.Equal(t, 1, errs, "the Multitool must flag the location with no uri")
}

// SARIF written by the real command, over every invalid fixture and over
// standard input named and unnamed, passes the Multitool with no error.
// Warnings are logged: they are advice, and a new Multitool may add some.
func TestSARIFMultitool(t *testing.T) {
	tool := multitool(t)
	dir := t.TempDir()
	absInvalid, err := filepath.Abs(fixture("invalid"))
	require.NoError(t, err)
	var logs []string
	sarif := func(name string, code int, stdin []byte, args ...string) {
		t.Helper()
		path := filepath.Join(dir, name+".sarif")
		var in *bytes.Reader
		if stdin != nil {
			in = bytes.NewReader(stdin)
		}
		r := runCLI(t, in, nil, append([]string{"lint", "--format", "sarif=" + path}, args...)...)
		require.Equal(t, code, r.code, "%s: %s", name, r.stderr)
		logs = append(logs, path)
	}
	payload := readFixture(t, "invalid/address-country.json")
	sarif("files", 1, nil, fixture("invalid"))
	sarif("files-absolute", 1, nil, absInvalid)
	sarif("stdin", 1, payload, "-")
	sarif("stdin-ndjson", 1, readFixture(t, "invalid/mixed.ndjson"), "-")
	sarif("stdin-named", 1, payload, "--stdin-filename", "new customers/María #1.json", "-")
	sarif("stdin-absolute", 1, payload, "--stdin-filename", filepath.Join(dir, "東京", "顧客 1.json"), "-")
	sarif("unreadable", 2, nil, filepath.Join(dir, "missing.json"), fixture("invalid/mixed.ndjson"))

	found := validateWithMultitool(t, tool, logs...)
	for _, r := range found {
		msg := fmt.Sprintf("%s:%d: %s %s: %s", r.file, r.line, r.level, r.rule, r.text)
		if r.level == "error" {
			t.Error(msg)
		} else {
			t.Log(msg)
		}
	}
}
