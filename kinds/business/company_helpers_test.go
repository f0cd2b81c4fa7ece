package business

import (
	"strings"
	"testing"

	"github.com/finlint/finlint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// coOne asserts that fs is a single finding of rule r, at its default
// severity, and returns it.
func coOne(t *testing.T, r *rules.Rule, fs []rules.Finding) rules.Finding {
	t.Helper()
	require.Len(t, fs, 1, "%+v", fs)
	require.Equal(t, r.ID, fs[0].Rule)
	require.Equal(t, r.Severity, fs[0].Severity)
	return fs[0]
}

// coFinding is what a test checks of a finding.
type coFinding struct {
	Path, Message, Suggestion string
	Fix                       rules.FixKind
}

// coExpect asserts that fs are exactly want, in order, all of rule r at
// its default severity.
func coExpect(t *testing.T, r *rules.Rule, fs []rules.Finding, want ...coFinding) {
	t.Helper()
	got := make([]coFinding, len(fs))
	for i, f := range fs {
		assert.Equal(t, r.ID, f.Rule)
		assert.Equal(t, r.Severity, f.Severity)
		got[i] = coFinding{f.Path, f.Message, f.Suggestion, f.Fix}
	}
	if len(want) == 0 {
		want = []coFinding{}
	}
	assert.Equal(t, want, got)
}

func coRedact(p *rules.Pass) { p.Settings.Redact = true }

func coNoCatalogues(p *rules.Pass) { p.Catalogues = nil }

// coReplace returns the reference payload with old replaced by new, which
// must occur exactly n times.
func coReplace(t *testing.T, old, new string, n int) string {
	t.Helper()
	require.Equal(t, n, strings.Count(Kind.Reference, old), "occurrences of %q", old)
	return strings.ReplaceAll(Kind.Reference, old, new)
}

// coShapes are documents of every wrong shape; no company rule may report
// anything on them but what it reports on valid input.
var coShapes = []string{
	``, `null`, `[]`, `"x"`, `{}`,
	`{"industry_codes": "541511", "basic_info": [], "addresses": 5, "public_listings": {}}`,
	`{"industry_codes": [1, null, {}, []], "basic_info": {"websites": {}, "legal_entity_identifier": 20, "tax_info": {}}}`,
	`{"basic_info": {"websites": [1, null, []], "tax_info": [null, 1, [], {"country_code": 1, "document_type": "EIN", "document_id": 5}]}}`,
	`{"basic_info": {"entity_type": "PUBLICLY_LISTED_COMPANY"}, "public_listings": [null, 1, {"isin": 5, "mic": []}]}`,
	`{"basic_info": {"entity_type": "PUBLICLY_LISTED_COMPANY"}, "public_listings": "x"}`,
	`{"compliance": {"risk_profile": {"high_risk_activities": "gambling", "high_risk_activities_explanation": 5}, "aml": {"customer_risk_split": [80, 15, 5]}}}`,
	`{"compliance": {"risk_profile": {"high_risk_activities": ["gambling"], "high_risk_activities_explanation": null}, "aml": {"customer_risk_split": {"low_risk": "80", "medium_risk": 15, "high_risk": 10}}}}`,
	`{"compliance": {"risk_profile": [], "aml": {"customer_risk_split": {"low_risk": 1e999, "medium_risk": 15, "high_risk": 10}}}}`,
	`{"financial_profile": {"purpose_id": "10"}}`, `{"financial_profile": {"purpose_id": 10.5}}`, `{"financial_profile": []}`,
	`{"financial_profile": {"purpose_id": 10, "purpose_remarks": 7}}`,
	`{"addresses": {"is_incorporated_address_same": "false"}}`, `{"addresses": {"is_incorporated_address_same": false, "physical_address": null}}`,
	`{"addresses": {"is_incorporated_address_same": true, "physical_address": "x", "incorporated_address": []}}`,
	`{"addresses": {"incorporated_address": {"street_line_1": 5, "state": 1, "subdivision_code": "US-NY"}}, "associated_parties": [null, {"address": []}, {"address": {"state": null}}]}`,
	`{"associated_parties": {"address": {"street_line_1": "PO Box 1"}}}`,
}

// Every company rule tolerates any shape of document and finds nothing in
// those above (which have nothing to find).
func TestCompanyRulesTolerateAnyShape(t *testing.T) {
	for _, r := range companyRules {
		for _, in := range coShapes {
			assert.Empty(t, runRule(t, r, in), "%s on %s", r.ID, in)
		}
	}
}

// Every company rule is documented as the house style wants and checks
// business payloads only.
func TestCompanyRulesMetadata(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range companyRules {
		assert.False(t, seen[r.ID], "duplicate %s", r.ID)
		seen[r.ID] = true
		assert.Regexp(t, `^[a-z0-9]+(-[a-z0-9]+)*$`, r.ID)
		assert.Equal(t, strings.ToLower(r.Title[:1]), r.Title[:1], r.ID)
		assert.False(t, strings.HasSuffix(r.Title, "."), r.ID)
		assert.GreaterOrEqual(t, len(r.Doc), 80, r.ID)
		assert.NotEmpty(t, r.Source, r.ID)
		assert.Equal(t, []string{"business-v2"}, r.Kinds, r.ID)
		assert.NotNil(t, r.Run, r.ID)
		assert.Empty(t, runPatch(t, r, `{}`), "%s on the reference payload", r.ID)
		assert.NotEmpty(t, runPatch(t, r, r.Bad.Patch), "%s: Bad", r.ID)
		assert.Empty(t, runPatch(t, r, r.Good.Patch), "%s: Good", r.ID)
	}
}
