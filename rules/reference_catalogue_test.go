package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReferenceCatalogue(t *testing.T) {
	const howTo = " not cached"
	tests := []struct {
		name  string
		cat   Catalogues
		patch string
		msg   string // "" for no finding
	}{
		{"no catalogues", nil, `{}`,
			"occupation_id, purpose_id and source_of_fund_ids were not checked: the occupations, purposes and source-of-funds catalogues are" + howTo},
		{"empty cache", fakeCatalogues{}, `{"financial_profile": {"source_of_fund_ids": [1, 5, 7, 9]}}`,
			"occupation_id, purpose_id and source_of_fund_ids were not checked: the occupations, purposes and source-of-funds catalogues are" + howTo},
		{"one catalogue missing", fakeCatalogues{Occupations: testCatalogues[Occupations], SourceOfFundsIndividual: testCatalogues[SourceOfFundsIndividual]}, `{}`,
			"purpose_id was not checked: the purposes catalogue is" + howTo},
		{"two missing", fakeCatalogues{PurposesIndividual: testCatalogues[PurposesIndividual]}, `{}`,
			"occupation_id and source_of_fund_ids were not checked: the occupations and source-of-funds catalogues are" + howTo},
		{"only ids of cached catalogues", fakeCatalogues{Occupations: testCatalogues[Occupations]},
			`{"financial_profile": {"purpose_id": "3", "source_of_fund_ids": []}}`, ""},
		{"all cached", testCatalogues, `{}`, ""},
		{"an empty catalogue is cached", fakeCatalogues{Occupations: nil, PurposesIndividual: nil, SourceOfFundsIndividual: nil}, `{}`, ""},
		{"no ids to check", nil, `{"financial_profile": {"occupation_id": null, "purpose_id": null, "source_of_fund_ids": null}}`, ""},
		{"ids that are not integers", nil, `{"financial_profile": {"occupation_id": "42", "purpose_id": 3.5, "source_of_fund_ids": [true]}}`, ""},
		{"profile not an object", nil, `{"financial_profile": 42}`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := checkPatch(t, ReferenceCatalogue, tc.patch, withCatalogues(tc.cat))
			if tc.msg == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1, "one finding per payload")
			assert.Equal(t, brief{"/financial_profile", Info, ""}, briefs(got)[0])
			assert.Equal(t, "reference-catalogue", got[0].Rule)
			assert.Equal(t, tc.msg, got[0].Message)
		})
	}
}

func TestReferenceCatalogueSkipsBrokenDocuments(t *testing.T) {
	for _, in := range []string{`[]`, `"x"`, `{"financial_profile"`, ``} {
		assert.Empty(t, check(t, ReferenceCatalogue, in, withCatalogues(nil)), in)
	}
}

func TestCatalogueTitle(t *testing.T) {
	for name, want := range map[string]string{
		Occupations:             "occupations",
		PurposesIndividual:      "purposes",
		PurposesBusiness:        "purposes",
		SourceOfFundsIndividual: "source-of-funds",
		SourceOfFundsBusiness:   "source-of-funds",
		SourceOfWealthBusiness:  "source-of-wealth",
		"countries":             "countries",
	} {
		assert.Equal(t, want, CatalogueTitle(name), name)
	}
	assert.Equal(t, "purposes-individual", PurposesIndividual)
	assert.Equal(t, "source-of-funds-individual", SourceOfFundsIndividual)
}
