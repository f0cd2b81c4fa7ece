package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPhoneCountry(t *testing.T) {
	const ptr = "/basic_info/phone"
	mismatch := []brief{{ptr, Error, ""}}
	tests := []struct {
		name, patch string
		want        []brief
	}{
		{"reference payload", `{}`, []brief{}},
		// +1 is shared: the area code decides.
		{"Canada for USA", `{"basic_info": {"phone": "+16135550123"}}`, mismatch},
		{"Puerto Rico for USA", `{"basic_info": {"phone": "+17875550123"}}`, mismatch},
		{"Jamaica for USA", `{"basic_info": {"phone": "+18765550123"}}`, mismatch},
		{"Canada for Canada", `{"basic_info": {"phone": "+16135550123", "country_of_residence": "CAN"}}`, []brief{}},
		{"Puerto Rico for Puerto Rico", `{"basic_info": {"phone": "+17875550123", "country_of_residence": "PRI"}}`, []brief{}},
		{"USA for Canada", `{"basic_info": {"phone": "+14155552671", "country_of_residence": "CAN"}}`, mismatch},
		// +7 is Russia and Kazakhstan.
		{"Kazakhstan for Russia", `{"basic_info": {"phone": "+77012345678", "country_of_residence": "RUS"}}`, mismatch},
		{"Russia for Russia", `{"basic_info": {"phone": "+74951234567", "country_of_residence": "RUS"}}`, []brief{}},
		{"Kazakhstan for Kazakhstan", `{"basic_info": {"phone": "+77012345678", "country_of_residence": "KAZ"}}`, []brief{}},
		// +44 is the UK and the Crown Dependencies.
		{"Guernsey for UK", `{"basic_info": {"phone": "+447781123456", "country_of_residence": "GBR"}}`, mismatch},
		{"Guernsey for Guernsey", `{"basic_info": {"phone": "+447781123456", "country_of_residence": "GGY"}}`, []brief{}},
		{"Isle of Man for Isle of Man", `{"basic_info": {"phone": "+447624123456", "country_of_residence": "IMN"}}`, []brief{}},
		{"Jersey for Jersey", `{"basic_info": {"phone": "+447797123456", "country_of_residence": "JEY"}}`, []brief{}},
		{"UK for Jersey", `{"basic_info": {"phone": "+442079460958", "country_of_residence": "JEY"}}`, mismatch},
		// A number valid in two regions of one plan matches either.
		{"Finnish mobile for Aland", `{"basic_info": {"phone": "+358401234567", "country_of_residence": "ALA"}}`, []brief{}},
		{"Norwegian mobile for Svalbard", `{"basic_info": {"phone": "+4741234567", "country_of_residence": "SJM"}}`, []brief{}},
		{"Mexico for USA", `{"basic_info": {"phone": "+525512345678"}}`, mismatch},
		{"non-geographic", `{"basic_info": {"phone": "+80012345678"}}`, mismatch},
		// What this rule cannot judge.
		{"no numbering data for residence", `{"basic_info": {"phone": "+14155552671", "country_of_residence": "ATA"}}`, []brief{}},
		{"invalid residence", `{"basic_info": {"phone": "+16135550123", "country_of_residence": "US"}}`, []brief{}},
		{"no residence", `{"basic_info": {"phone": "+16135550123", "country_of_residence": null}}`, []brief{}},
		{"not E.164", `{"basic_info": {"phone": "+1 613 555 0123"}}`, []brief{}},
		{"invalid number", `{"basic_info": {"phone": "+1415555267"}}`, []brief{}},
		{"number", `{"basic_info": {"phone": 16135550123}}`, []brief{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := checkPatch(t, PhoneCountry, tc.patch)
			assert.Equal(t, tc.want, briefs(got))
			for _, f := range got {
				assert.Equal(t, "phone-country", f.Rule)
			}
		})
	}
}

func TestPhoneCountryMessages(t *testing.T) {
	msg := func(patch string, opts ...runOpt) string {
		t.Helper()
		got := checkPatch(t, PhoneCountry, patch, opts...)
		require.Len(t, got, 1)
		return got[0].Message
	}
	assert.Equal(t, "phone number is from Canada (CAN) but country_of_residence is United States (USA)",
		msg(`{"basic_info": {"phone": "+16135550123"}}`))
	assert.Equal(t, "phone number is from Kazakhstan (KAZ) but country_of_residence is Russian Federation (RUS)",
		msg(`{"basic_info": {"phone": "+77012345678", "country_of_residence": "RUS"}}`))
	assert.Equal(t, "phone number is non-geographic (calling code +800), not a number of the country of residence United States (USA)",
		msg(`{"basic_info": {"phone": "+80012345678"}}`))

	m := msg(`{"basic_info": {"phone": "+16135550123"}}`, withSettings(Settings{Redact: true}))
	assert.NotContains(t, m, "Canada")
	assert.NotContains(t, m, "USA")
}

func TestPhoneCountrySkipsBrokenDocuments(t *testing.T) {
	for _, in := range []string{``, `[]`, `null`, `{"basic_info": "x"}`, `{"basic_info": {"phone": "+16135550123", "country_of_residence": ["USA"]}}`} {
		assert.Empty(t, check(t, PhoneCountry, in), in)
	}
}

func TestPhoneCountryExamples(t *testing.T) { assertDocExamples(t, PhoneCountry) }
