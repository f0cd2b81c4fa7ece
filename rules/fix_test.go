package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixIfSuggested is the fix kind a finding of a rule that fixes with k must
// carry: k when it has a suggestion, none when there is nothing to apply.
func fixIfSuggested(f Finding, k FixKind) FixKind {
	if f.Suggestion == "" {
		return FixNone
	}
	return k
}

func TestFixKinds(t *testing.T) {
	tests := []struct {
		name  string
		rule  *Rule
		patch string
		path  string
		sugg  string
		fix   FixKind
	}{
		{"email case", EmailLowercase, `{"basic_info": {"email": "Maria@Example.com"}}`, "/basic_info/email", "maria@example.com", FixString},
		{"alpha-2 country", CountryCode, `{"address": {"country": "US"}}`, "/address/country", "USA", FixString},
		{"enum case", EnumValue, `{"basic_info": {"gender": "female"}}`, "/basic_info/gender", "FEMALE", FixString},
		{"enum separator", EnumValue, `{"financial_profile": {"employment_status": "self-employed"}}`, "/financial_profile/employment_status", "SELF_EMPLOYED", FixString},
		{"enum with no match", EnumValue, `{"basic_info": {"gender": "X"}}`, "/basic_info/gender", "", FixNone},
		{"date slashes", DateFormat, `{"basic_info": {"dob": "1990/04/15"}}`, "/basic_info/dob", "1990-04-15", FixString},
		{"ambiguous date", DateFormat, `{"basic_info": {"dob": "04/05/1990"}}`, "/basic_info/dob", "", FixNone},
		{"phone layout", PhoneFormat, `{"basic_info": {"phone": "+1 415-555-2671"}}`, "/basic_info/phone", "+14155552671", FixString},
		{"subdivision name", SubdivisionCode, `{"address": {"subdivision_code": "California"}}`, "/address/subdivision_code", "US-CA", FixString},
		{"number for string", FieldType, `{"address": {"postal_code": 94103}}`, "/address/postal_code", "94103", FixString},
		{"string for integer", FieldType, `{"financial_profile": {"occupation_id": "42"}}`, "/financial_profile/occupation_id", "42", FixLiteral},
		{"fraction for integer", FieldType, `{"financial_profile": {"monthly_volume_usd": 5000.5}}`, "/financial_profile/monthly_volume_usd", "", FixNone},
		{"integer spelling", IntegerLiteral, `{"financial_profile": {"purpose_id": 3.0}}`, "/financial_profile/purpose_id", "3", FixLiteral},
		{"missing twin", Transliteration, `{"basic_info": {"first_name": "José"}}`, "/basic_info/first_name_en", "Jose", FixInsert},
		{"twin of another script", Transliteration, `{"basic_info": {"first_name": "Мария"}}`, "/basic_info/first_name_en", "", FixNone},
		{"line break", ControlCharacter, `{"address": {"street_line_2": "Apt 4B\nFloor 2"}}`, "/address/street_line_2", "Apt 4B Floor 2", FixString},
		// Suggestions that guess what the author meant are never applied.
		{"renamed key", UnknownField, `{"basic_info": {"first_nmae": "Maria"}}`, "/basic_info/first_nmae", "first_name", FixNone},
		{"address country", AddressCountry, `{"address": {"country": "CAN"}}`, "/address/country", "USA", FixNone},
		{"other non-ASCII field", NonASCII, `{"address": {"city": "Zürich"}}`, "/address/city", "Zurich", FixNone},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := checkPatch(t, tc.rule, tc.patch)
			require.Len(t, got, 1, "%+v", got)
			assert.Equal(t, tc.path, got[0].Path)
			assert.Equal(t, tc.sugg, got[0].Suggestion)
			assert.Equal(t, tc.fix, got[0].Fix)
		})
	}
}

func TestFixKindsUnderRedaction(t *testing.T) {
	// Suggestions drawn from personal data are left out when redacting, and
	// with them the fix.
	got := checkPatch(t, EmailLowercase, `{"basic_info": {"email": "Maria@Example.com"}}`, withSettings(Settings{Redact: true}))
	require.Len(t, got, 1)
	assert.Equal(t, FixNone, got[0].Fix)
	got = checkPatch(t, FieldType, `{"address": {"postal_code": 94103}}`, withSettings(Settings{Redact: true}))
	require.Len(t, got, 1)
	assert.Equal(t, FixNone, got[0].Fix)
	// A coded word is no personal data: it is still suggested and fixed.
	got = checkPatch(t, EnumValue, `{"basic_info": {"gender": "female"}}`, withSettings(Settings{Redact: true}))
	require.Len(t, got, 1)
	assert.Equal(t, FixString, got[0].Fix)
}

func TestFixKindString(t *testing.T) {
	assert.Equal(t, "none", FixNone.String())
	assert.Equal(t, "string", FixString.String())
	assert.Equal(t, "literal", FixLiteral.String())
	assert.Equal(t, "insert", FixInsert.String())
	assert.Equal(t, "fixkind(9)", FixKind(9).String())
}
