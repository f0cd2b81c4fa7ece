package rules

import (
	"github.com/finlint/finlint/kinds/individual"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var kebab = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// TestRegistry walks every rule: ids unique and kebab-case, documentation
// complete, and each documented example behaving as documented.
func TestRegistry(t *testing.T) {
	seen := map[string]bool{}
	all := All()
	require.NotEmpty(t, all)
	for _, r := range all {
		t.Run(r.ID, func(t *testing.T) {
			assert.Regexp(t, kebab, r.ID)
			assert.False(t, seen[r.ID], "duplicate id")
			seen[r.ID] = true
			assert.NotEmpty(t, r.Title)
			first, _, _ := strings.Cut(r.Title, " ")
			if first != strings.ToUpper(first) { // a word in capitals (RELIANCE) stays so
				assert.Equal(t, strings.ToLower(r.Title[:1]), r.Title[:1], "title starts lowercase")
			}
			assert.False(t, strings.HasSuffix(r.Title, "."), "title has no full stop")
			if r.Severity == Off {
				assert.Contains(t, r.Doc, "--rule "+r.ID+"=", "a rule off by default says how to turn it on")
			}
			assert.GreaterOrEqual(t, len(r.Doc), 80, "doc explains what, why and how to fix")
			assert.NotEmpty(t, r.Source)
			if r.External {
				assert.Nil(t, r.Run, "an external rule's findings come from outside the engine")
				return
			}
			require.NotNil(t, r.Run)

			if r != SchemaOther { // the catch-all has no failing input by design
				bad, err := RunExample(individual.Kind, r, r.Bad)
				require.NoError(t, err)
				assert.NotEmpty(t, bad, "the failing example yields a finding of %s", r.ID)
				for _, f := range bad {
					assert.Equal(t, r.ID, f.Rule)
					assert.Equal(t, r.OnSeverity(), f.Severity)
				}
			}
			good, err := RunExample(individual.Kind, r, r.Good)
			require.NoError(t, err)
			assert.Empty(t, good, "the fixed example yields no finding of %s", r.ID)
		})
	}
}

// TestReferencePayloadIsClean runs every rule over the reference payload
// that documentation examples patch: it must pass them all.
func TestReferencePayloadIsClean(t *testing.T) {
	for _, r := range All() {
		fs, err := RunExample(individual.Kind, r, Example{Patch: `{}`})
		require.NoError(t, err)
		assert.Empty(t, fs, r.ID)
	}
}

// TestRulesTolerateAnyShape feeds every rule documents of the wrong shape:
// none may panic (a panic becomes an "internal error" finding).
func TestRulesTolerateAnyShape(t *testing.T) {
	inputs := []string{
		``, `null`, `[]`, `"x"`, `42`, `{}`, `{"basic_info": []}`, `{"basic_info": "x"}`,
		`{"basic_info": {"tax_info": {}}}`, `{"basic_info": {"tax_info": [null, 1, "x", []]}}`,
		`{"financial_profile": {"source_of_fund_ids": [null, "1", 1.5, 1e400, -1, {}]}}`,
		`{"address": {"country": 1, "subdivision_code": []}, "basic_info": {"phone": 1, "dob": 2}}`,
		`{"basic_info": {"dob": "0000-00-00", "email": "", "phone": "+", "country_of_residence": ""}}`,
	}
	for _, in := range inputs {
		for _, r := range All() {
			fs := check(t, r, in)
			for _, f := range fs {
				assert.NotContains(t, f.Message, "internal error", "%s on %q", r.ID, in)
			}
		}
	}
}

func TestFindingsPerRuleAreCapped(t *testing.T) {
	ids := strings.Repeat("1, ", 500) + "1"
	fs := checkPatch(t, DuplicateSourceOfFund, `{"financial_profile": {"source_of_fund_ids": [`+ids+`]}}`)
	require.Len(t, fs, MaxFindingsPerRule+1)
	last := fs[len(fs)-1]
	assert.Equal(t, "", last.Path)
	assert.Equal(t, "400 more findings of duplicate-source-of-fund in this payload are not shown", last.Message)
	assert.Equal(t, Warning, last.Severity)
}
