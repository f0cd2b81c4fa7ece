package kinds_test

import (
	"testing"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/kinds"
	"github.com/finlint/finlint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every rule of every kind: a unique id, and its documented examples, run
// as payloads of the first kind it checks, behave as documented.
func TestEveryRulesExamples(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range kinds.Rules() {
		assert.False(t, seen[r.ID], "duplicate id %s", r.ID)
		seen[r.ID] = true
		if r.External {
			continue
		}
		var first = kinds.All()[0]
		for _, k := range kinds.All() {
			if r.AppliesTo(k) {
				first = k
				break
			}
		}
		require.True(t, r.AppliesTo(first), "%s checks no kind", r.ID)
		if r != rules.SchemaOther {
			bad, err := rules.RunExample(first, r, r.Bad)
			require.NoError(t, err, r.ID)
			assert.NotEmpty(t, bad, "%s: the failing example (as %s) yields a finding", r.ID, first.Name)
		}
		good, err := rules.RunExample(first, r, r.Good)
		require.NoError(t, err, r.ID)
		assert.Empty(t, good, "%s: the fixed example (as %s) yields no finding", r.ID, first.Name)
	}
}

// Each kind's reference payload passes every rule that checks the kind.
func TestReferencePayloadsAreClean(t *testing.T) {
	for _, k := range kinds.All() {
		for _, r := range kinds.Rules() {
			if !r.AppliesTo(k) || r.External {
				continue
			}
			fs, err := rules.RunExample(k, r, rules.Example{Patch: `{}`})
			require.NoError(t, err)
			assert.Empty(t, fs, "%s on the %s reference payload", r.ID, k.Name)
		}
	}
}

// No rule panics on a document of any shape, whatever the kind.
func TestRulesTolerateAnyShapeOfEveryKind(t *testing.T) {
	inputs := []string{
		``, `null`, `[]`, `{}`, `{"basic_info": []}`, `{"addresses": "x"}`,
		`{"associated_parties": [null, 1, {"basic_info": []}, {"ownership_info": "x", "roles": "ubo"}]}`,
		`{"basic_info": {"tax_info": [null, {"document_id": 5}]}, "industry_codes": [1, null, "x"]}`,
		`{"holding_structure": {"corporate_shareholders": [{}, 3]}, "compliance": {"aml": {"customer_risk_split": [1]}}}`,
		`{"public_listings": [{}], "basic_info": {"entity_type": "PUBLICLY_LISTED_COMPANY", "websites": [7, "x"]}}`,
	}
	for _, k := range kinds.All() {
		for _, in := range inputs {
			var out []rules.Finding
			p := rules.NewPass(jsondoc.Parse([]byte(in), jsondoc.Limits{}), exampleNow, rules.ExampleCatalogues(), rules.Settings{}, &out)
			p.Kind, p.Kinds = k, kinds.All()
			rules.Run(p, kinds.Rules(), nil)
			for _, f := range out {
				assert.NotContains(t, f.Message, "internal error", "%s on %s: %s", k.Name, in, f.Message)
			}
		}
	}
}

// A rule that checks several kinds documents an example for each: a
// merge patch over one kind's reference payload says nothing of another.
// Raw examples (the bytes themselves) serve every kind.
func TestEveryKindOfARuleHasExamples(t *testing.T) {
	for _, r := range kinds.Rules() {
		if r.External || r == rules.SchemaOther || r.Bad.Raw != "" || r.Bad.NoKind {
			continue
		}
		first := true
		for _, k := range kinds.All() {
			if !r.AppliesTo(k) {
				continue
			}
			bad, good, ok := r.ExamplesFor(k.Name, first)
			first = false
			if !assert.True(t, ok, "%s checks %s but has no example of it", r.ID, k.Name) {
				continue
			}
			fs, err := rules.RunExample(k, r, bad)
			require.NoError(t, err, r.ID)
			assert.NotEmpty(t, fs, "%s: the failing %s example yields a finding", r.ID, k.Name)
			for _, f := range fs {
				assert.Equal(t, r.ID, f.Rule)
			}
			fs, err = rules.RunExample(k, r, good)
			require.NoError(t, err, r.ID)
			assert.Empty(t, fs, "%s: the fixed %s example yields no finding", r.ID, k.Name)
		}
		for _, e := range r.KindExamples {
			assert.True(t, r.AppliesTo(kinds.Lookup(e.Kind)) && kinds.Lookup(e.Kind) != nil, "%s: an example of %s, which it does not check", r.ID, e.Kind)
		}
	}
}
