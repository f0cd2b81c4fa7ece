package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/rules"
)

// validateSARIF checks out against the SARIF 2.1.0 schema, formats included
// (URIs must be URI references).
func validateSARIF(t *testing.T, out string) {
	t.Helper()
	f, err := os.Open("testdata/sarif-schema-2.1.0.json")
	require.NoError(t, err)
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	require.NoError(t, c.AddResource(url, doc))
	sch, err := c.Compile(url)
	require.NoError(t, err)
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	require.NoError(t, err)
	assert.NoError(t, sch.Validate(inst))
}

// The schema test must be able to fail: a broken log is refused.
func TestSARIFSchemaRejectsBrokenLog(t *testing.T) {
	f, err := os.Open("testdata/sarif-schema-2.1.0.json")
	require.NoError(t, err)
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource("sarif.json", doc))
	sch, err := c.Compile("sarif.json")
	require.NoError(t, err)
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(`{"version":"2.1.0","runs":[{"tool":{"driver":{}},"results":[{"level":"fatal"}]}]}`))
	require.NoError(t, err)
	assert.Error(t, sch.Validate(inst))
}

type sarifDoc struct {
	Version string `json:"version"`
	Schema  string `json:"$schema"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name           string `json:"name"`
				Version        string `json:"version"`
				InformationURI string `json:"informationUri"`
				Rules          []struct {
					ID               string `json:"id"`
					Name             string `json:"name"`
					ShortDescription struct {
						Text string `json:"text"`
					} `json:"shortDescription"`
					FullDescription *struct {
						Text string `json:"text"`
					} `json:"fullDescription"`
					Help *struct {
						Text     string `json:"text"`
						Markdown string `json:"markdown"`
					} `json:"help"`
					DefaultConfiguration struct {
						Enabled *bool  `json:"enabled"`
						Level   string `json:"level"`
					} `json:"defaultConfiguration"`
					Properties struct {
						Tags []string `json:"tags"`
					} `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Invocations []struct {
			ExecutionSuccessful bool `json:"executionSuccessful"`
			Notifications       []struct {
				Level   string `json:"level"`
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
				Locations []sarifLocation `json:"locations"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations           []sarifLocation   `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Properties          struct {
				JSONPointer *string `json:"jsonPointer"`
				Record      int     `json:"record"`
				Suggestion  string  `json:"suggestion"`
			} `json:"properties"`
		} `json:"results"`
		ColumnKind string `json:"columnKind"`
	} `json:"runs"`
}

// docRule is a rule with documentation and examples of its own, so the test
// does not depend on the wording of the real registry.
var docRule = &rules.Rule{
	ID:       "tax-document-type",
	Title:    "tax document type is unusual for its country",
	Severity: rules.Info,
	Doc:      "Some document types are unusual for a country.\n\nCheck it.",
	Bad:      rules.Example{Raw: "{\"basic_info\": {\"note\": \"```\"}}"},
	Good:     rules.Example{Patch: `{"meta_data": {"reference": "r-1"}}`},
}

func TestSARIF(t *testing.T) {
	o := Options{
		Version: "v1.2.3",
		Rules:   []*rules.Rule{rules.EmailLowercase, docRule, rules.UnknownField},
		Severity: func(r *rules.Rule) rules.Severity {
			if r.ID == "unknown-field" {
				return rules.Off
			}
			return r.Severity
		},
	}
	out := run(t, "sarif", o, fixtures())
	validateSARIF(t, out)

	var doc sarifDoc
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	assert.Equal(t, "2.1.0", doc.Version)
	require.Len(t, doc.Runs, 1)
	run := doc.Runs[0]
	assert.Equal(t, "unicodeCodePoints", run.ColumnKind)
	d := run.Tool.Driver
	assert.Equal(t, "finlint", d.Name)
	assert.Equal(t, "1.2.3", d.Version, "numeric, as SARIF consumers compare versions")
	assert.Equal(t, "https://github.com/finlint/finlint", d.InformationURI)

	ids := []string{}
	for _, r := range d.Rules {
		ids = append(ids, r.ID)
		assert.NotEmpty(t, r.ShortDescription.Text, r.ID)
		assert.NotEmpty(t, r.Properties.Tags, r.ID)
	}
	assert.Equal(t, []string{"email-lowercase", "tax-document-type", "unknown-field", "json-syntax"}, ids,
		"described rules in order, then rules met only in findings")

	email := d.Rules[0]
	assert.Equal(t, "EmailLowercase", email.Name)
	assert.Equal(t, rules.EmailLowercase.Title, email.ShortDescription.Text)
	require.NotNil(t, email.FullDescription)
	assert.Equal(t, rules.EmailLowercase.Doc, email.FullDescription.Text)
	assert.Equal(t, "error", email.DefaultConfiguration.Level)
	assert.Nil(t, email.DefaultConfiguration.Enabled)
	require.NotNil(t, email.Help)
	assert.Contains(t, email.Help.Text, rules.EmailLowercase.Doc)
	assert.Contains(t, email.Help.Text, `"email": "Maria.Garcia@Example.com"`, "the failing example")
	assert.Contains(t, email.Help.Text, `"email": "maria.garcia@example.com"`, "the fixed example")
	assert.Contains(t, email.Help.Text, "--rule email-lowercase=off")
	assert.NotContains(t, email.Help.Text, "123-45-6789", "not the whole reference payload, tax id and all")
	assert.Contains(t, email.Help.Markdown, "```json\n")
	assert.Contains(t, email.Help.Markdown, "`--rule email-lowercase=off`")

	doc2 := d.Rules[1]
	assert.Equal(t, "note", doc2.DefaultConfiguration.Level)
	assert.Contains(t, doc2.Help.Markdown, "````json\n{\"basic_info\": {\"note\": \"```\"}}\n````", "a fence longer than the example's backticks")
	assert.Contains(t, doc2.Help.Text, "Fixed example:\n\n{\"meta_data\": {\"reference\": \"r-1\"}}\n", "a patch example is shown as the change")
	assert.Contains(t, doc2.Help.Text, "JSON merge patches")

	off := d.Rules[2]
	assert.Equal(t, "none", off.DefaultConfiguration.Level, "the effective severity, not the default")
	require.NotNil(t, off.DefaultConfiguration.Enabled)
	assert.False(t, *off.DefaultConfiguration.Enabled)

	require.Len(t, run.Results, 4)
	for _, r := range run.Results {
		require.Less(t, r.RuleIndex, len(d.Rules))
		assert.Equal(t, r.RuleID, d.Rules[r.RuleIndex].ID)
		require.Len(t, r.Locations, 1)
		require.NotNil(t, r.Properties.JSONPointer)
		assert.Regexp(t, `^[0-9a-f]{32}:1$`, r.PartialFingerprints["finlint/v1"])
	}
	r0 := run.Results[0]
	assert.Equal(t, "email-lowercase", r0.RuleID)
	assert.Equal(t, "error", r0.Level)
	assert.Equal(t, "email \"José@Example.com\" has upper-case letters; the API accepts only lowercase\nSuggestion: josé@example.com", r0.Message.Text)
	assert.Equal(t, "bad/mar%C3%ADa%201.json", r0.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	assert.Equal(t, &sarifRegion{StartLine: 7, StartColumn: 12}, r0.Locations[0].PhysicalLocation.Region)
	assert.Equal(t, "/basic_info/email", *r0.Properties.JSONPointer)
	assert.Equal(t, "josé@example.com", r0.Properties.Suggestion)
	assert.Zero(t, r0.Properties.Record)

	assert.Equal(t, []string{"error", "warning", "note", "error"},
		[]string{run.Results[0].Level, run.Results[1].Level, run.Results[2].Level, run.Results[3].Level})

	r3 := run.Results[3]
	assert.Equal(t, "json-syntax", r3.RuleID)
	assert.Equal(t, 3, r3.RuleIndex)
	assert.Equal(t, "", *r3.Properties.JSONPointer)
	assert.Equal(t, 3, r3.Properties.Record)
	assert.Equal(t, "batch.ndjson", r3.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	assert.Equal(t, 3, r3.Locations[0].PhysicalLocation.Region.StartLine)

	require.Len(t, run.Invocations, 1)
	inv := run.Invocations[0]
	assert.False(t, inv.ExecutionSuccessful, "an input could not be read")
	require.Len(t, inv.Notifications, 2)
	assert.Equal(t, "error", inv.Notifications[0].Level)
	assert.Equal(t, "submission failed: HTTP 500, internal server error", inv.Notifications[0].Message.Text)
	assert.Equal(t, 5, inv.Notifications[0].Locations[0].PhysicalLocation.Region.StartLine)
	assert.Equal(t, "cannot read input: open missing.json: no such file or directory", inv.Notifications[1].Message.Text)
	assert.Equal(t, "missing.json", inv.Notifications[1].Locations[0].PhysicalLocation.ArtifactLocation.URI)
	assert.Nil(t, inv.Notifications[1].Locations[0].PhysicalLocation.Region)
}

// Every rule of the registry, with its real documentation, makes a valid log.
func TestSARIFRegistryRules(t *testing.T) {
	all := rules.All()
	out := run(t, "sarif", Options{Rules: all, Version: "dev"}, fixtures())
	validateSARIF(t, out)
	var doc sarifDoc
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	require.GreaterOrEqual(t, len(doc.Runs[0].Tool.Driver.Rules), len(all))
	for i, r := range all {
		assert.Equal(t, r.ID, doc.Runs[0].Tool.Driver.Rules[i].ID)
	}
}

func TestSARIFNoResults(t *testing.T) {
	out := run(t, "sarif", Options{}, nil)
	validateSARIF(t, out)
	var doc sarifDoc
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	assert.Contains(t, out, `"results": []`, "an empty list says the run found nothing")
	assert.Contains(t, out, `"rules": []`)
	assert.True(t, doc.Runs[0].Invocations[0].ExecutionSuccessful)
}

// uris lists the artifact URI of every result and notification location.
func uris(t *testing.T, out string) (results, notes []string) {
	t.Helper()
	var doc sarifDoc
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	for _, r := range doc.Runs[0].Results {
		for _, l := range r.Locations {
			results = append(results, l.PhysicalLocation.ArtifactLocation.URI)
		}
	}
	for _, n := range doc.Runs[0].Invocations[0].Notifications {
		for _, l := range n.Locations {
			notes = append(notes, l.PhysicalLocation.ArtifactLocation.URI)
		}
	}
	return results, notes
}

// Code scanning refuses a location without a URI: standard input gets a
// default name, by how it was read.
func TestSARIFStandardInput(t *testing.T) {
	finding := []rules.Finding{{Rule: "r", Severity: rules.Warning, Line: 1, Column: 1, Message: "m"}}
	out := run(t, "sarif", Options{}, []*Result{{Result: finlint.Result{Source: "-", Findings: finding}}})
	validateSARIF(t, out)
	res, _ := uris(t, out)
	assert.Equal(t, []string{"stdin.json"}, res)
	assert.Contains(t, out, `"text": "standard input"`)

	// NDJSON: a read error on the first record comes before any record
	// said what standard input is; its note is named like the results.
	out = run(t, "sarif", Options{}, []*Result{
		{Result: finlint.Result{Source: "-", Error: "cannot read input: bad"}},
		{Result: finlint.Result{Source: "-", Record: 2, Findings: finding}},
		{Result: finlint.Result{Source: "stdin.json", Error: "cannot read input: gone"}},
	})
	validateSARIF(t, out)
	res, notes := uris(t, out)
	assert.Equal(t, []string{"stdin.ndjson"}, res)
	assert.Equal(t, []string{"stdin.ndjson", "stdin.json"}, notes, "a file named stdin.json is not standard input")
	assert.Equal(t, 2, strings.Count(out, `"text": "standard input"`), "the result and the first note; not the file")
}

func fingerprints(t *testing.T, out string) []string {
	t.Helper()
	var doc sarifDoc
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	var fps []string
	for _, r := range doc.Runs[0].Results {
		fps = append(fps, r.PartialFingerprints["finlint/v1"])
	}
	return fps
}

// A fingerprint follows what a finding is about, not where it is: the same
// findings at other lines and records keep theirs, and findings that share
// rule, source and pointer are numbered in order.
func TestSARIFFingerprints(t *testing.T) {
	at := func(source string, record int, rule, path string, line int) *Result {
		return &Result{Result: finlint.Result{Source: source, Record: record, Findings: []rules.Finding{
			{Rule: rule, Severity: rules.Error, Path: path, Line: line, Column: 3, Message: "m"},
		}}}
	}
	first := fingerprints(t, run(t, "sarif", Options{}, []*Result{
		at("a.ndjson", 2, "email-lowercase", "/basic_info/email", 2),
		at("a.ndjson", 5, "email-lowercase", "/basic_info/email", 5),
		at("a.ndjson", 5, "email-lowercase", "/basic_info/phone", 5),
		at("a.ndjson", 5, "email-format", "/basic_info/email", 5),
		at("b.ndjson", 5, "email-lowercase", "/basic_info/email", 5),
		at("-", 0, "email-lowercase", "/basic_info/email", 7),
	}))
	require.Len(t, first, 6)
	for _, fp := range first {
		assert.Regexp(t, `^[0-9a-f]{32}:[0-9]+$`, fp)
	}
	base := func(fp string) string { return fp[:strings.IndexByte(fp, ':')] }
	assert.Equal(t, base(first[0]), base(first[1]), "same rule, source and pointer")
	assert.True(t, strings.HasSuffix(first[0], ":1") && strings.HasSuffix(first[1], ":2"), first)
	seen := map[string]bool{}
	for _, fp := range first {
		assert.False(t, seen[fp], "fingerprints within a run are distinct: %v", first)
		seen[fp] = true
	}
	for i := 2; i < len(first); i++ {
		assert.NotEqual(t, base(first[0]), base(first[i]), "pointer, rule and source all count: %d", i)
	}

	// Lines added above: other lines and records, the same fingerprints.
	again := fingerprints(t, run(t, "sarif", Options{}, []*Result{
		at("a.ndjson", 12, "email-lowercase", "/basic_info/email", 12),
		at("a.ndjson", 15, "email-lowercase", "/basic_info/email", 15),
		at("a.ndjson", 15, "email-lowercase", "/basic_info/phone", 15),
		at("a.ndjson", 15, "email-format", "/basic_info/email", 15),
		at("b.ndjson", 1, "email-lowercase", "/basic_info/email", 1),
		at("-", 0, "email-lowercase", "/basic_info/email", 70),
	}))
	assert.Equal(t, first, again)

	// A known value pins the recipe: changing it orphans every alert, so
	// it needs a new key (finlint/v2), not a silent change.
	h := sha256.Sum256([]byte("15:email-lowercase8:a.ndjson17:/basic_info/email"))
	assert.Equal(t, hex.EncodeToString(h[:16])+":1", first[0])
}

func TestToolVersion(t *testing.T) {
	for in, want := range map[string]string{
		"v1.2.3":                             "1.2.3",
		"1.2.3":                              "1.2.3",
		"v0.0.0-20260101000000-abcdef123456": "0.0.0-20260101000000-abcdef123456",
		"devel":                              "0.0.0-devel",
		"(devel)":                            "0.0.0-devel",
		"":                                   "",
	} {
		assert.Equal(t, want, toolVersion(in), in)
	}
}

func TestSourceURI(t *testing.T) {
	for in, want := range map[string]string{
		"a.json":                "a.json",
		"./testdata/bad/x.json": "testdata/bad/x.json",
		"dir with space/ä.json": "dir%20with%20space/%C3%A4.json",
		"c:odd.json":            "c%3Aodd.json",
		"q?#%.json":             "q%3F%23%25.json",
		"../up/a.json":          "../up/a.json",
		"/abs/a b.json":         "file:///abs/a%20b.json",
	} {
		assert.Equal(t, want, sourceURI(in), in)
	}
}

func TestRuleName(t *testing.T) {
	assert.Equal(t, "EmailLowercase", ruleName("email-lowercase"))
	assert.Equal(t, "ApiCheck", ruleName("api"), "a name equal to the id but for case is refused (SARIF1001)")
	assert.Equal(t, "Iso3166Alpha3", ruleName("iso3166-alpha3"))
}

// Every rule of the registry gets a PascalCase name, its own, that is not
// its id in another case.
func TestSARIFRuleNames(t *testing.T) {
	names := map[string]string{}
	for _, r := range rules.All() {
		n := ruleName(r.ID)
		assert.Regexp(t, `^[A-Z][A-Za-z0-9]*$`, n, r.ID)
		assert.False(t, strings.EqualFold(n, r.ID), "%s: name %s", r.ID, n)
		if other, dup := names[n]; dup {
			t.Errorf("%s and %s share the name %s", other, r.ID, n)
		}
		names[n] = r.ID
	}
}
