package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestIntegerLiteral(t *testing.T) {
	cases := []struct {
		patch string
		want  []brief
	}{
		{`{"financial_profile": {"occupation_id": 42}}`, []brief{}},
		{`{"financial_profile": {"occupation_id": 42.0}}`, []brief{{"/financial_profile/occupation_id", Warning, "42"}}},
		{`{"financial_profile": {"purpose_id": 3e0}}`, []brief{{"/financial_profile/purpose_id", Warning, "3"}}},
		{`{"financial_profile": {"monthly_volume_usd": 1e20}}`, []brief{{"/financial_profile/monthly_volume_usd", Warning, ""}}},
		{`{"financial_profile": {"monthly_volume_usd": 99999999999999999999}}`, []brief{{"/financial_profile/monthly_volume_usd", Warning, ""}}},
		{`{"financial_profile": {"monthly_volume_usd": 1e999999}}`, []brief{{"/financial_profile/monthly_volume_usd", Warning, ""}}},
		{`{"financial_profile": {"monthly_volume_usd": 5000.5}}`, []brief{}},
		{`{"financial_profile": {"monthly_volume_usd": 0e999999}}`, []brief{}},
		{`{"financial_profile": {"source_of_fund_ids": [1, 5.00]}}`, []brief{{"/financial_profile/source_of_fund_ids/1", Warning, "5"}}},
	}
	for _, c := range cases {
		got := checkPatch(t, IntegerLiteral, c.patch)
		assert.Equal(t, c.want, briefs(got), c.patch)
		for _, f := range got {
			assert.Equal(t, fixIfSuggested(f, FixLiteral), f.Fix, c.patch)
		}
	}
}
