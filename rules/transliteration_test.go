package rules

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTransliteration(t *testing.T) {
	tests := []struct {
		name, patch string
		want        []brief
	}{
		{"reference payload", `{}`, []brief{}},
		{"first name", `{"basic_info": {"first_name": "José"}}`,
			[]brief{{"/basic_info/first_name_en", Error, "Jose"}}},
		{"first name with twin", `{"basic_info": {"first_name": "José", "first_name_en": "Jose"}}`, []brief{}},
		{"middle name", `{"basic_info": {"middle_name": "Łucja"}}`,
			[]brief{{"/basic_info/middle_name_en", Error, "Lucja"}}},
		{"last name", `{"basic_info": {"last_name": "Müller"}}`,
			[]brief{{"/basic_info/last_name_en", Error, "Muller"}}},
		{"street line 1", `{"address": {"street_line_1": "Königstraße 5"}}`,
			[]brief{{"/address/street_line_1_en", Error, "Konigstrasse 5"}}},
		{"street line 2", `{"address": {"street_line_2": "Apt 4B – Étage 2"}}`,
			[]brief{{"/address/street_line_2_en", Error, "Apt 4B - Etage 2"}}},
		{"no-break space", `{"address": {"street_line_2": "Apt\u00a04B"}}`,
			[]brief{{"/address/street_line_2_en", Error, "Apt 4B"}}},
		{"Cyrillic", `{"basic_info": {"first_name": "Мария"}}`,
			[]brief{{"/basic_info/first_name_en", Error, ""}}},
		{"Cyrillic with twin", `{"basic_info": {"first_name": "Мария", "first_name_en": "Mariya"}}`, []brief{}},
		{"symbol", `{"basic_info": {"last_name": "Garcia ❤"}}`,
			[]brief{{"/basic_info/last_name_en", Error, ""}}},
		{"several", `{"basic_info": {"first_name": "José", "last_name": "García"}, "address": {"street_line_1": "Calle Año 1"}}`,
			[]brief{
				{"/basic_info/first_name_en", Error, "Jose"},
				{"/basic_info/last_name_en", Error, "Garcia"},
				{"/address/street_line_1_en", Error, "Calle Ano 1"},
			}},
		// The twin's own content is other rules' to judge.
		{"blank twin", `{"basic_info": {"first_name": "José", "first_name_en": ""}}`, []brief{}},
		{"twin of the wrong type", `{"basic_info": {"first_name": "José", "first_name_en": 1}}`, []brief{}},
		// A C1 control character alone is control-character's to report.
		{"C1 control only", `{"basic_info": {"first_name": "Ma\u0085ria"}}`, []brief{}},
		{"other fields", `{"address": {"city": "São Paulo"}}`, []brief{}},
		{"number", `{"basic_info": {"first_name": 1}}`, []brief{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := checkPatch(t, Transliteration, tc.patch)
			assert.Equal(t, tc.want, briefs(got))
			for _, f := range got {
				assert.Equal(t, "transliteration-missing", f.Rule)
				assert.Equal(t, fixIfSuggested(f, FixInsert), f.Fix, "fix kind")
			}
		})
	}
}

func TestTransliterationMessages(t *testing.T) {
	msg := func(patch string, opts ...runOpt) Finding {
		t.Helper()
		got := checkPatch(t, Transliteration, patch, opts...)
		require.Len(t, got, 1)
		return got[0]
	}
	assert.Equal(t, "first_name has non-ASCII characters: add first_name_en with its Latin transliteration",
		msg(`{"basic_info": {"first_name": "José"}}`).Message)
	assert.Equal(t, "first_name is not in Latin script: add first_name_en with the text as written in Latin letters",
		msg(`{"basic_info": {"first_name": "Мария"}}`).Message)
	assert.Equal(t, "last_name has characters with no ASCII form: add last_name_en with the text in plain ASCII",
		msg(`{"basic_info": {"last_name": "Garcia ❤"}}`).Message)

	f := msg(`{"basic_info": {"first_name": "José"}}`, withSettings(Settings{Redact: true}))
	assert.NotContains(t, f.Message, "Jos")
	assert.Empty(t, f.Suggestion)
}

func TestTransliterationSkipsBrokenDocuments(t *testing.T) {
	for _, in := range []string{``, `[]`, `null`, `"José"`, `{"basic_info": ["José"]}`, `{"address": "Königstraße"}`} {
		assert.Empty(t, check(t, Transliteration, in), in)
	}
}

func TestTransliterationExamples(t *testing.T) { assertDocExamples(t, Transliteration) }

// The finding is placed at the non-ASCII value (where the reader looks),
// with the pointer of the missing twin (what fix inserts).
func TestTransliterationIsPlacedAtTheValue(t *testing.T) {
	in, err := MergePatch(ReferencePayload, `{"address": {"street_line_1": "Königstraße 5"}}`)
	require.NoError(t, err)
	got := check(t, Transliteration, in)
	require.Len(t, got, 1)
	assert.Equal(t, "/address/street_line_1_en", got[0].Path)
	assert.Equal(t, strings.Index(in, `"Königstraße 5"`), got[0].Offset)
}
