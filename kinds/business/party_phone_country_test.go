package business

import (
	"testing"

	"github.com/finlint/finlint/rules"
	"github.com/stretchr/testify/assert"
)

func TestBusinessPhoneCountry(t *testing.T) {
	assert.Empty(t, runRule(t, BusinessPhoneCountry, Kind.Reference))

	f := one(t, BusinessPhoneCountry, runPatch(t, BusinessPhoneCountry, `{"basic_info": {"phone": "+442071234567"}}`))
	assert.Equal(t, rules.Info, f.Severity)
	assert.Equal(t, "/basic_info/phone", f.Path)
	assert.Equal(t, "phone number is from United Kingdom (GBR) but country_of_incorporation is United States (USA)", f.Message)
	assert.Empty(t, f.Suggestion)

	// +1 is shared: the area code tells Canada from the USA.
	f = one(t, BusinessPhoneCountry, runPatch(t, BusinessPhoneCountry, `{"basic_info": {"phone": "+16135550123"}}`))
	assert.Equal(t, "phone number is from Canada (CAN) but country_of_incorporation is United States (USA)", f.Message)

	// A non-geographic number is of no country.
	f = one(t, BusinessPhoneCountry, runPatch(t, BusinessPhoneCountry, `{"basic_info": {"phone": "+80012345678"}}`))
	assert.Equal(t, "phone number is non-geographic (calling code +800), not a number of the country of incorporation United States (USA)", f.Message)

	// Redacted: no countries named.
	f = one(t, BusinessPhoneCountry, runPatch(t, BusinessPhoneCountry, `{"basic_info": {"phone": "+442071234567"}}`, redact))
	assert.Equal(t, "phone number's country is not the country of incorporation", f.Message)

	for _, patch := range []string{
		`{"basic_info": {"phone": "+442071234567", "country_of_incorporation": "GBR"}}`,
		// A Finnish mobile number is valid in the Åland Islands too.
		`{"basic_info": {"phone": "+358401234567", "country_of_incorporation": "ALA"}}`,
		// Not valid, or not E.164: not compared.
		`{"basic_info": {"phone": "+1212555014"}}`,
		`{"basic_info": {"phone": "+44 20 7123 4567"}}`,
		`{"basic_info": {"phone": 442071234567}}`,
		// No known country, or no numbering data for it.
		`{"basic_info": {"phone": "+442071234567", "country_of_incorporation": "US"}}`,
		`{"basic_info": {"phone": "+442071234567", "country_of_incorporation": null}}`,
		`{"basic_info": {"phone": "+442071234567", "country_of_incorporation": "ATA"}}`,
	} {
		assert.Empty(t, runPatch(t, BusinessPhoneCountry, patch), patch)
	}
	for _, in := range []string{`{}`, `[]`, `{"basic_info": []}`} {
		assert.Empty(t, runRule(t, BusinessPhoneCountry, in), in)
	}
}
