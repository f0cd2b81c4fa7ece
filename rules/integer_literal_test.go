package rules

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIntegerLiteral(t *testing.T) {
	cases := []struct {
		patch string
		want  []brief
	}{
		{`{"financial_profile": {"occupation_id": 42}}`, []brief{}},
		{`{"financial_profile": {"occupation_id": 42.0}}`, []brief{{"/financial_profile/occupation_id", Warning, "42"}}},
		{`{"financial_profile": {"purpose_id": 3e0}}`, []brief{{"/financial_profile/purpose_id", Warning, "3"}}},
		// Beyond int64 is integer-range's error, not a second finding here.
		{`{"financial_profile": {"monthly_volume_usd": 1e20}}`, []brief{}},
		{`{"financial_profile": {"monthly_volume_usd": 1.0e19}}`, []brief{}},
		{`{"financial_profile": {"monthly_volume_usd": 1e999999}}`, []brief{}},
		{`{"financial_profile": {"monthly_volume_usd": 9.223372036854775807e18}}`, []brief{{"/financial_profile/monthly_volume_usd", Warning, "9223372036854775807"}}},
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

// Every integer field, however the number is written, must fit in int64;
// the literal is written into the payload's text, since a merge patch
// would reformat it.
func TestIntegerRange(t *testing.T) {
	const rangeText = " the signed 64-bit range (-9223372036854775808 to 9223372036854775807); no server can hold it"
	cases := []struct {
		field, literal string
		ptr, msg       string
	}{
		{"monthly_volume_usd", "1e400", "/financial_profile/monthly_volume_usd", "monthly_volume_usd 1e400 is above" + rangeText},
		{"monthly_volume_usd", "-1e400", "/financial_profile/monthly_volume_usd", "monthly_volume_usd -1e400 is below" + rangeText},
		{"occupation_id", "1e999999999", "/financial_profile/occupation_id", "occupation_id 1e999999999 is above" + rangeText},
		{"purpose_id", "9223372036854775808", "/financial_profile/purpose_id", "purpose_id 9223372036854775808 is above" + rangeText},
		{"purpose_id", "-9223372036854775809", "/financial_profile/purpose_id", "purpose_id -9223372036854775809 is below" + rangeText},
		{"monthly_volume_usd", "1e20", "/financial_profile/monthly_volume_usd", "monthly_volume_usd 1e20 is above" + rangeText},
		{"monthly_volume_usd", "100000000000000000000.0", "/financial_profile/monthly_volume_usd", "monthly_volume_usd 100000000000000000000.0 is above" + rangeText},
		{"source_of_fund_ids", "[1, 1e30]", "/financial_profile/source_of_fund_ids/1", "source_of_fund_ids[1] 1e30 is above" + rangeText},
		// In range, or not a whole number (field-type's), or not a number.
		{"purpose_id", "9223372036854775807", "", ""},
		{"purpose_id", "-9223372036854775808", "", ""},
		{"monthly_volume_usd", "9.223372036854775807e18", "", ""},
		{"monthly_volume_usd", "42.0", "", ""},
		{"monthly_volume_usd", "1e-400", "", ""},
		{"monthly_volume_usd", "0e999999999", "", ""},
		{"monthly_volume_usd", "1.5e-3", "", ""},
		{"monthly_volume_usd", `"1e400"`, "", ""},
	}
	for _, c := range cases {
		in := regexp.MustCompile(`"`+c.field+`": (\[[^]]*\]|[0-9]+)`).ReplaceAllLiteralString(ReferencePayload, `"`+c.field+`": `+c.literal)
		require.NotEqual(t, ReferencePayload, in, c.field)
		got := check(t, IntegerRange, in)
		if c.msg == "" {
			assert.Empty(t, got, c.literal)
			continue
		}
		if assert.Len(t, got, 1, c.literal) {
			assert.Equal(t, "integer-range", got[0].Rule)
			assert.Equal(t, Error, got[0].Severity)
			assert.Equal(t, c.ptr, got[0].Path)
			assert.Equal(t, c.msg, got[0].Message)
		}
	}
}
