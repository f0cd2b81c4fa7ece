package rules

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReferenceID(t *testing.T) {
	const occ, pur = "/financial_profile/occupation_id", "/financial_profile/purpose_id"
	tests := []struct {
		name, patch string
		path, msg   string // the one finding expected; "" for none
	}{
		{"reference payload", `{}`, "", ""},
		{"unknown occupation", `{"financial_profile": {"occupation_id": 44}}`,
			occ, `occupation_id 44 is not in the occupations catalogue; nearest: 43 "Teacher", 42 "Software Engineer"`},
		{"below the lowest id", `{"financial_profile": {"occupation_id": 40}}`,
			occ, `occupation_id 40 is not in the occupations catalogue; nearest: 41 "Software Developer", 42 "Software Engineer"`},
		{"tie goes to the lower id", `{"financial_profile": {"purpose_id": 2}}`,
			pur, `purpose_id 2 is not in the purposes catalogue; nearest: 1 "Personal Savings", 3 "Family Support"`},
		{"unknown source of funds", `{"financial_profile": {"source_of_fund_ids": [1, 9, 5]}}`,
			"/financial_profile/source_of_fund_ids/1", `source_of_fund_ids[1] 9 is not in the source-of-funds catalogue; nearest: 7 "Inheritance", 5 "Savings"`},
		{"zero", `{"financial_profile": {"purpose_id": 0}}`,
			pur, `purpose_id 0 is not in the purposes catalogue; nearest: 1 "Personal Savings", 3 "Family Support"`},
		{"negative", `{"financial_profile": {"occupation_id": -42}}`,
			occ, `occupation_id -42 is not in the occupations catalogue; nearest: 41 "Software Developer", 42 "Software Engineer"`},
		{"fraction is the schema's", `{"financial_profile": {"occupation_id": 42.5}}`, "", ""},
		{"string is the schema's", `{"financial_profile": {"occupation_id": "44"}}`, "", ""},
		{"null", `{"financial_profile": {"purpose_id": null}}`, "", ""},
		{"ids not an array", `{"financial_profile": {"source_of_fund_ids": 9}}`, "", ""},
		{"non-integer items skipped", `{"financial_profile": {"source_of_fund_ids": ["9", null, 1.5, {"id": 9}]}}`, "", ""},
		{"profile not an object", `{"financial_profile": [44]}`, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := checkPatch(t, ReferenceID, tc.patch)
			if tc.path == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			assert.Equal(t, brief{tc.path, Error, ""}, briefs(got)[0])
			assert.Equal(t, "reference-id", got[0].Rule)
			assert.Equal(t, tc.msg, got[0].Message)
		})
	}
}

// TestReferenceIDLiterals writes the id into the payload's text, since a
// merge patch would reformat the number.
func TestReferenceIDLiterals(t *testing.T) {
	const high = `; nearest: 43 "Teacher", 42 "Software Engineer"`
	const low = `; nearest: 41 "Software Developer", 42 "Software Engineer"`
	tests := []struct{ literal, msg string }{
		{"42.0", ""},
		{"4.2e1", ""},
		{"420e-1", ""},
		{"4.4e1", "occupation_id 4.4e1 is not in the occupations catalogue" + high},
		{"99999999999999999999999", ""}, // beyond int64: integer-range's error, not a second one
		{"9223372036854775807", "occupation_id 9223372036854775807 is not in the occupations catalogue" + high},
		{"-9223372036854775808", "occupation_id -9223372036854775808 is not in the occupations catalogue" + low},
		{"-1e300", ""}, // beyond int64: integer-range's error, not a second one
		{"1000000000000000000000000000000000000000", ""}, // beyond int64: integer-range's error, not a second one
		{"42.5", ""},
		{"1e999999999", ""},
		{"-1e-999999999", ""},
	}
	for _, tc := range tests {
		t.Run(tc.literal, func(t *testing.T) {
			in := strings.Replace(ReferencePayload, `"occupation_id": 42,`, `"occupation_id": `+tc.literal+`,`, 1)
			require.NotEqual(t, ReferencePayload, in)
			got := check(t, ReferenceID, in)
			if tc.msg == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			assert.Equal(t, brief{"/financial_profile/occupation_id", Error, ""}, briefs(got)[0])
			assert.Equal(t, tc.msg, got[0].Message)
		})
	}
}

func TestReferenceIDEverySourceOfFund(t *testing.T) {
	got := checkPatch(t, ReferenceID, `{"financial_profile": {"occupation_id": 7, "purpose_id": 3, "source_of_fund_ids": [2, 5, 6]}}`)
	assert.Equal(t, []brief{
		{"/financial_profile/occupation_id", Error, ""},
		{"/financial_profile/source_of_fund_ids/0", Error, ""},
		{"/financial_profile/source_of_fund_ids/2", Error, ""},
	}, briefs(got))
}

func TestReferenceIDWithoutCatalogues(t *testing.T) {
	const patch = `{"financial_profile": {"occupation_id": 44, "purpose_id": 2, "source_of_fund_ids": [9]}}`
	assert.Empty(t, checkPatch(t, ReferenceID, patch, withCatalogues(nil)))
	assert.Empty(t, checkPatch(t, ReferenceID, patch, withCatalogues(fakeCatalogues{})))

	// A missing catalogue leaves its ids alone; the others are still checked.
	partial := fakeCatalogues{PurposesIndividual: testCatalogues[PurposesIndividual]}
	assert.Equal(t, []brief{{"/financial_profile/purpose_id", Error, ""}}, briefs(checkPatch(t, ReferenceID, patch, withCatalogues(partial))))
}

func TestReferenceIDEmptyCatalogue(t *testing.T) {
	cat := fakeCatalogues{Occupations: nil, PurposesIndividual: testCatalogues[PurposesIndividual], SourceOfFundsIndividual: testCatalogues[SourceOfFundsIndividual]}
	got := checkPatch(t, ReferenceID, `{}`, withCatalogues(cat))
	require.Len(t, got, 1)
	assert.Equal(t, "/financial_profile/occupation_id", got[0].Path)
	assert.Contains(t, got[0].Message, "which is empty")
}

func TestReferenceIDSkipsBrokenDocuments(t *testing.T) {
	for _, in := range []string{`[]`, `42`, `{"financial_profile": null}`, `{]`, ``} {
		assert.Empty(t, check(t, ReferenceID, in), in)
	}
}

func TestNearestRefItems(t *testing.T) {
	items := []RefItem{{ID: -9223372036854775808, Title: "min"}, {ID: 0, Title: "zero"}, {ID: 9223372036854775807, Title: "max"}}
	assert.Equal(t, []RefItem{items[2], items[1]}, nearestRefItems(items, 9223372036854775806, 2))
	assert.Equal(t, []RefItem{items[0], items[1]}, nearestRefItems(items, -9223372036854775807, 2))
	assert.Equal(t, []RefItem{items[1]}, nearestRefItems(items, 1, 1))
	assert.Empty(t, nearestRefItems(nil, 1, 2))
}
