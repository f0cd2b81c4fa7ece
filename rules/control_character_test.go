package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestControlCharacter(t *testing.T) {
	tests := []struct {
		name, patch string
		want        []brief
	}{
		{"reference payload", `{}`, []brief{}},
		{"line feed between words", `{"address": {"street_line_2": "Apt 4B\nFloor 2"}}`,
			[]brief{{"/address/street_line_2", Error, "Apt 4B Floor 2"}}},
		{"CR LF between words", `{"address": {"street_line_1": "123 Market\r\nStreet"}}`,
			[]brief{{"/address/street_line_1", Error, "123 Market Street"}}},
		{"trailing line feed", `{"basic_info": {"first_name": "Maria\n"}}`,
			[]brief{{"/basic_info/first_name", Error, "Maria"}}},
		{"tab after a space", `{"address": {"city": "San \tFrancisco"}}`,
			[]brief{{"/address/city", Error, "San Francisco"}}},
		{"NUL", `{"basic_info": {"email": "maria.garcia@example.com\u0000"}}`,
			[]brief{{"/basic_info/email", Error, "maria.garcia@example.com"}}},
		{"escape sequence", `{"meta_data": {"reference": "\u001b[31mref"}}`,
			[]brief{{"/meta_data/reference", Error, "[31mref"}}},
		{"DEL", `{"address": {"postal_code": "941\u007f03"}}`,
			[]brief{{"/address/postal_code", Error, "94103"}}},
		{"C1 next line", `{"address": {"city": "San\u0085Francisco"}}`,
			[]brief{{"/address/city", Error, "San Francisco"}}},
		{"C1 in a name", `{"basic_info": {"last_name": "Gar\u0096cia"}}`,
			[]brief{{"/basic_info/last_name", Error, "Garcia"}}},
		{"inside an array", `{"meta_data": {"lines": ["a", "b\tc"]}}`,
			[]brief{{"/meta_data/lines/1", Error, "b c"}}},
		{"twin", `{"basic_info": {"first_name": "José", "first_name_en": "Jose\t"}}`,
			[]brief{{"/basic_info/first_name_en", Error, "Jose"}}},
		{"only controls", `{"address": {"street_line_2": "\n"}}`,
			[]brief{{"/address/street_line_2", Error, ""}}},
		// A tax document id is never suggested in full.
		{"tax document id", `{"basic_info": {"tax_info": [{"country_code": "USA", "document_type": "SSN", "document_id": "123-45-6789\n"}]}}`,
			[]brief{{"/basic_info/tax_info/0/document_id", Error, ""}}},
		{"non-ASCII is not control", `{"address": {"city": "São Paulo\u00a0"}}`, []brief{}},
		{"numbers are not text", `{"financial_profile": {"monthly_volume_usd": 5000}}`, []brief{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := checkPatch(t, ControlCharacter, tc.patch)
			assert.Equal(t, tc.want, briefs(got))
			for _, f := range got {
				assert.Equal(t, "control-character", f.Rule)
				assert.Equal(t, fixIfSuggested(f, FixString), f.Fix, "fix kind")
			}
		})
	}
}

func TestControlCharacterMessages(t *testing.T) {
	one := func(patch string, opts ...runOpt) Finding {
		t.Helper()
		got := checkPatch(t, ControlCharacter, patch, opts...)
		require.Len(t, got, 1)
		return got[0]
	}
	assert.Equal(t, "street_line_2 has a control character, U+000A (line feed)",
		one(`{"address": {"street_line_2": "Apt 4B\nFloor 2"}}`).Message)
	assert.Equal(t, "city has control characters: U+000D (carriage return), U+000A (line feed), U+0001, and more",
		one(`{"address": {"city": "a\r\nb\u0001c\u0002d\u0003"}}`).Message)
	assert.Equal(t, "city has a control character, U+0085 (next line)",
		one(`{"address": {"city": "San\u0085Francisco"}}`).Message)

	f := one(`{"basic_info": {"tax_info": [{"country_code": "USA", "document_type": "SSN", "document_id": "123-45-6789\n"}]}}`)
	assert.NotContains(t, f.Message, "6789")

	f = one(`{"address": {"city": "San\tFrancisco"}}`, withSettings(Settings{Redact: true}))
	assert.NotContains(t, f.Message, "Francisco")
	assert.Empty(t, f.Suggestion)
}

// TestControlCharacterOneFindingPerProblem runs the three text rules together: each problem
// is reported by exactly one of them.
func TestControlCharacterOneFindingPerProblem(t *testing.T) {
	text := []*Rule{ControlCharacter, NonASCII, Transliteration}
	run := func(patch string) []string {
		t.Helper()
		in, err := MergePatch(ReferencePayload, patch)
		require.NoError(t, err)
		var ids []string
		for _, r := range text {
			for _, f := range check(t, r, in) {
				ids = append(ids, f.Rule+" "+f.Path)
			}
		}
		return ids
	}
	assert.Equal(t, []string{"control-character /address/city"},
		run(`{"address": {"city": "San\u0085Francisco"}}`), "a C1 control alone")
	assert.Equal(t, []string{"control-character /basic_info/first_name"},
		run(`{"basic_info": {"first_name": "Ma\u0085ria"}}`), "a C1 control alone in a name")
	assert.Equal(t, []string{"non-ascii /address/city"},
		run(`{"address": {"city": "São Paulo"}}`))
	assert.Equal(t, []string{"transliteration-missing /basic_info/first_name_en"},
		run(`{"basic_info": {"first_name": "José"}}`), "one problem: the missing twin")
	assert.Equal(t, []string{"control-character /address/city", "non-ascii /address/city"},
		run(`{"address": {"city": "São\tPaulo"}}`), "two problems, two findings")
}

func TestWithoutControls(t *testing.T) {
	for in, want := range map[string]string{
		"a\nb":       "a b",
		"a\n\n\tb":   "a b",
		"a \nb":      "a b",
		"a\n b":      "a b",
		"\na":        "a",
		"a\n":        "a",
		"a\x00b":     "ab",
		"a\x7fb":     "ab",
		"a\u0085b":   "a b",
		"a\u0096b":   "ab",
		"plain text": "plain text",
	} {
		assert.Equal(t, want, withoutControls(in), "%q", in)
	}
}

func TestControlCharacterSkipsBrokenDocuments(t *testing.T) {
	for _, in := range []string{``, `[]`, `null`, `{"a":`, `{"a": 1}`} {
		assert.Empty(t, check(t, ControlCharacter, in), in)
	}
}

func TestControlCharacterExamples(t *testing.T) { assertDocExamples(t, ControlCharacter) }
