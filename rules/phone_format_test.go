package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPhoneFormat(t *testing.T) {
	const ptr = "/basic_info/phone"
	tests := []struct {
		name, patch string
		want        []brief
	}{
		{"reference payload", `{}`, []brief{}},
		{"spaces and dashes", `{"basic_info": {"phone": "+1 415-555-2671"}}`, []brief{{ptr, Error, "+14155552671"}}},
		{"national with brackets", `{"basic_info": {"phone": "(415) 555-2671"}}`, []brief{{ptr, Error, "+14155552671"}}},
		{"national digits", `{"basic_info": {"phone": "4155552671"}}`, []brief{{ptr, Error, "+14155552671"}}},
		{"trailing space", `{"basic_info": {"phone": "+14155552671 "}}`, []brief{{ptr, Error, "+14155552671"}}},
		{"00 prefix", `{"basic_info": {"phone": "0044 20 7946 0958"}}`, []brief{{ptr, Error, "+442079460958"}}},
		{"00 prefix, no spaces", `{"basic_info": {"phone": "00442079460958"}}`, []brief{{ptr, Error, "+442079460958"}}},
		{"national in residence's region", `{"basic_info": {"phone": "020 7946 0958", "country_of_residence": "GBR"}}`,
			[]brief{{ptr, Error, "+442079460958"}}},
		{"national, address country", `{"basic_info": {"phone": "(415) 555-2671", "country_of_residence": null}}`,
			[]brief{{ptr, Error, "+14155552671"}}},
		{"national, no country", `{"basic_info": {"phone": "(415) 555-2671", "country_of_residence": null}, "address": {"country": null}}`,
			[]brief{{ptr, Error, ""}}},
		{"trunk zero kept", `{"basic_info": {"phone": "+4402079460958"}}`, []brief{{ptr, Error, "+442079460958"}}},
		{"too short", `{"basic_info": {"phone": "+1415555267"}}`, []brief{{ptr, Error, ""}}},
		{"unused calling code", `{"basic_info": {"phone": "+999123456"}}`, []brief{{ptr, Error, ""}}},
		{"more than 15 digits", `{"basic_info": {"phone": "+1415555267112345"}}`, []brief{{ptr, Error, ""}}},
		{"plus alone", `{"basic_info": {"phone": "+"}}`, []brief{{ptr, Error, ""}}},
		{"empty", `{"basic_info": {"phone": ""}}`, []brief{{ptr, Error, ""}}},
		{"letters", `{"basic_info": {"phone": "call me"}}`, []brief{{ptr, Error, ""}}},
		// Another country's valid number is phone-country's to report.
		{"Canada", `{"basic_info": {"phone": "+16135550123"}}`, []brief{}},
		{"UK", `{"basic_info": {"phone": "+442079460958"}}`, []brief{}},
		{"number", `{"basic_info": {"phone": 14155552671}}`, []brief{}},
		{"missing", `{"basic_info": {"phone": null}}`, []brief{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := checkPatch(t, PhoneFormat, tc.patch)
			assert.Equal(t, tc.want, briefs(got))
			for _, f := range got {
				assert.Equal(t, "phone-format", f.Rule)
				assert.Equal(t, fixIfSuggested(f, FixString), f.Fix, "fix kind")
			}
		})
	}
}

func TestPhoneFormatMessages(t *testing.T) {
	msg := func(phone string, opts ...runOpt) string {
		t.Helper()
		got := checkPatch(t, PhoneFormat, `{"basic_info": {"phone": "`+phone+`"}}`, opts...)
		require.Len(t, got, 1)
		return got[0].Message
	}
	assert.Equal(t, `phone "+1 415-555-2671" is not in E.164 form: a plus sign and at most 15 digits, with no spaces or punctuation`,
		msg("+1 415-555-2671"))
	assert.Equal(t, `phone "+1415555267" is in E.164 form but not a valid phone number: too short for calling code +1`,
		msg("+1415555267"))
	assert.Equal(t, `phone "+999123456" is in E.164 form but not a valid phone number: no country uses its calling code`,
		msg("+999123456"))
	assert.Equal(t, `phone "+14155550000000" is in E.164 form but not a valid phone number: too long for calling code +1`,
		msg("+14155550000000"))
	assert.Equal(t, `phone "+4402079460958" is a valid number but not written in its E.164 form`,
		msg("+4402079460958"))

	redacted := withSettings(Settings{Redact: true})
	m := msg("+1415555267", redacted)
	assert.NotContains(t, m, "1415555267")
	assert.NotContains(t, m, "+1")
	got := checkPatch(t, PhoneFormat, `{"basic_info": {"phone": "+1 415-555-2671"}}`, redacted)
	require.Len(t, got, 1)
	assert.NotContains(t, got[0].Message, "415")
	assert.Empty(t, got[0].Suggestion)
}

func TestPhoneFormatSkipsBrokenDocuments(t *testing.T) {
	for _, in := range []string{``, `[]`, `null`, `{"basic_info": "x"}`, `{"basic_info": {"phone": ["+1"]}}`, `{"a":`} {
		assert.Empty(t, check(t, PhoneFormat, in), in)
	}
}

func TestPhoneFormatExamples(t *testing.T) { assertDocExamples(t, PhoneFormat) }
