package rules

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDuplicateSourceOfFund(t *testing.T) {
	const base = "/financial_profile/source_of_fund_ids/"
	tests := []struct {
		name, ids string // ids is written into the payload as is
		want      []brief
	}{
		{"distinct", `[1,5,7]`, []brief{}},
		{"one repeat", `[1, 5, 1]`, []brief{{base + "2", Warning, "[1,5]"}}},
		{"adjacent", `[5, 5]`, []brief{{base + "1", Warning, "[5]"}}},
		{"three times", `[7, 7, 1, 7]`, []brief{{base + "1", Warning, "[7,1]"}, {base + "3", Warning, "[7,1]"}}},
		{"two ids repeated", `[1, 5, 5, 1]`, []brief{{base + "2", Warning, "[1,5]"}, {base + "3", Warning, "[1,5]"}}},
		{"5.0 is 5", `[5, 5.0]`, []brief{{base + "1", Warning, "[5]"}}},
		{"first spelling kept", `[5.0, 1, 5]`, []brief{{base + "2", Warning, "[5.0,1]"}}},
		{"beyond int64", `[100000000000000000000, 1e20]`, []brief{{base + "1", Warning, "[100000000000000000000]"}}},
		{"near but distinct beyond int64", `[100000000000000000000, 100000000000000000001]`, []brief{}},
		{"other values kept, not judged", `[ "1", "1", null, null, 1 , 1 ]`, []brief{{base + "5", Warning, `["1","1",null,null,1]`}}},
		{"fractions are not ids", `[1.5, 1.5]`, []brief{}},
		{"absurd exponents skipped", `[1e999999999, 1e999999999]`, []brief{}},
		{"empty", `[]`, []brief{}},
		{"not an array", `"1,1"`, []brief{}},
		{"null", `null`, []brief{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := strings.Replace(ReferencePayload, `"source_of_fund_ids": [1, 5],`, `"source_of_fund_ids": `+tc.ids+`,`, 1)
			require.NotEqual(t, ReferencePayload, in)
			got := check(t, DuplicateSourceOfFund, in)
			assert.Equal(t, tc.want, briefs(got))
			for _, f := range got {
				assert.Equal(t, "duplicate-source-of-fund", f.Rule)
			}
		})
	}
}

func TestDuplicateSourceOfFundMessage(t *testing.T) {
	got := checkPatch(t, DuplicateSourceOfFund, `{"financial_profile": {"source_of_fund_ids": [1, 5, 1]}}`)
	require.Len(t, got, 1)
	assert.Equal(t, "source_of_fund_ids[2] repeats id 1 of source_of_fund_ids[0]", got[0].Message)
}

func TestDuplicateSourceOfFundSkipsBrokenDocuments(t *testing.T) {
	for _, in := range []string{`[1, 1]`, `{"financial_profile": [1, 1]}`, `{"source_of_fund_ids": [1, 1]}`, `{"financial_profile": {"source_of_fund_ids": [1, 1`} {
		assert.Empty(t, check(t, DuplicateSourceOfFund, in), in)
	}
}
