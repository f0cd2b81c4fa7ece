package rules

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNonASCII(t *testing.T) {
	tests := []struct {
		name, patch string
		want        []brief
	}{
		{"reference payload", `{}`, []brief{}},
		{"city", `{"address": {"city": "São Paulo"}}`, []brief{{"/address/city", Error, "Sao Paulo"}}},
		{"email", `{"basic_info": {"email": "josé@example.com"}}`, []brief{{"/basic_info/email", Error, "jose@example.com"}}},
		{"meta_data", `{"meta_data": {"note": "café"}}`, []brief{{"/meta_data/note", Error, "cafe"}}},
		{"inside an array", `{"meta_data": {"tags": ["ok", "naïve"]}}`, []brief{{"/meta_data/tags/1", Error, "naive"}}},
		{"key needing escapes", `{"meta_data": {"a/b~c": "ü"}}`, []brief{{"/meta_data/a~1b~0c", Error, "u"}}},
		{"zero-width space", `{"address": {"postal_code": "94103\u200b"}}`, []brief{{"/address/postal_code", Error, "94103"}}},
		{"other script", `{"address": {"city": "Москва"}}`, []brief{{"/address/city", Error, ""}}},
		{"twin with accents", `{"basic_info": {"first_name": "José", "first_name_en": "José"}}`,
			[]brief{{"/basic_info/first_name_en", Error, "Jose"}}},
		{"street twin", `{"address": {"street_line_1": "Königstraße 5", "street_line_1_en": "Königstrasse 5"}}`,
			[]brief{{"/address/street_line_1_en", Error, "Konigstrasse 5"}}},
		// Tax document ids are never suggested or quoted in full.
		{"tax document id", `{"basic_info": {"tax_info": [{"country_code": "USA", "document_type": "SSN", "document_id": "123–45–6789"}]}}`,
			[]brief{{"/basic_info/tax_info/0/document_id", Error, ""}}},
		// The five fields are transliteration-missing's, twin or not.
		{"name with twin", `{"basic_info": {"first_name": "José", "first_name_en": "Jose"}}`, []brief{}},
		// The value is reported here, the missing twin by transliteration-missing.
		// Without its twin, the one finding is transliteration-missing's.
		{"name without twin", `{"basic_info": {"last_name": "García"}}`, []brief{}},
		{"street without twin", `{"address": {"street_line_2": "Étage 2"}}`, []brief{}},
		// A C1 control character alone is control-character's.
		{"C1 control only", `{"address": {"city": "San\u0085Francisco"}}`, []brief{}},
		{"C0 control only", `{"address": {"city": "San\tFrancisco"}}`, []brief{}},
		{"non-ASCII key, ASCII value", `{"meta_data": {"clé": "value"}}`, []brief{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := checkPatch(t, NonASCII, tc.patch)
			assert.Equal(t, tc.want, briefs(got))
			for _, f := range got {
				assert.Equal(t, "non-ascii", f.Rule)
			}
		})
	}
}

func TestNonASCIIMessages(t *testing.T) {
	one := func(patch string, opts ...runOpt) Finding {
		t.Helper()
		got := checkPatch(t, NonASCII, patch, opts...)
		require.Len(t, got, 1)
		return got[0]
	}
	assert.Equal(t, `city has a non-ASCII character "ã" (U+00E3); the API accepts ASCII only`,
		one(`{"address": {"city": "São Paulo"}}`).Message)
	assert.Equal(t, `first_name_en must be printable ASCII, but has a non-ASCII character "é" (U+00E9)`,
		one(`{"basic_info": {"first_name": "José", "first_name_en": "José"}}`).Message)

	f := one(`{"basic_info": {"tax_info": [{"country_code": "USA", "document_type": "SSN", "document_id": "123–45–6789"}]}}`)
	assert.Equal(t, `tax_info[0].document_id has a non-ASCII character; the API accepts ASCII only`, f.Message)

	f = one(`{"address": {"city": "São Paulo"}}`, withSettings(Settings{Redact: true}))
	assert.NotContains(t, f.Message, "ã")
	assert.NotContains(t, f.Message, "U+00E3")
	assert.Empty(t, f.Suggestion)
}

// TestNonASCIIRepeatedKey checks that both copies of a repeated key are
// checked, each at its own place in the source.
func TestNonASCIIRepeatedKey(t *testing.T) {
	in := `{"meta_data": {"note": "café", "note": "thé"}}`
	got := check(t, NonASCII, in)
	require.Len(t, got, 2)
	assert.Equal(t, "/meta_data/note", got[0].Path)
	assert.Equal(t, "/meta_data/note", got[1].Path)
	assert.Equal(t, strings.Index(in, `"café"`), got[0].Offset)
	assert.Equal(t, strings.Index(in, `"thé"`), got[1].Offset)
}

func TestNonASCIISkipsBrokenDocuments(t *testing.T) {
	for _, in := range []string{``, `[]`, `null`, `{"a":`} {
		assert.Empty(t, check(t, NonASCII, in), in)
	}
	got := check(t, NonASCII, `"é"`)
	require.Len(t, got, 1, "a document that is one string is still text")
	assert.Equal(t, "", got[0].Path)
}

func TestNonASCIIExamples(t *testing.T) { assertDocExamples(t, NonASCII) }
