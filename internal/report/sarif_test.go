package report

import (
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
			Locations  []sarifLocation `json:"locations"`
			Properties struct {
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
	assert.Equal(t, "v1.2.3", d.Version)
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

func TestSARIFStandardInput(t *testing.T) {
	rs := []*finlint.Result{{Source: "-", Findings: []rules.Finding{{Rule: "r", Severity: rules.Warning, Line: 1, Column: 1, Message: "m"}}}}
	out := run(t, "sarif", Options{}, rs)
	validateSARIF(t, out)
	assert.Contains(t, out, `"text": "standard input"`)
	assert.NotContains(t, out, `"uri"`)
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
	assert.Equal(t, "Api", ruleName("api"))
	assert.Equal(t, "Iso3166Alpha3", ruleName("iso3166-alpha3"))
}
