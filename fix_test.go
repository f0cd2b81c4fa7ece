package finlint_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fix runs Linter.Fix over src.
func fix(t *testing.T, l *finlint.Linter, src string) finlint.FixResult {
	t.Helper()
	return l.Fix(context.Background(), "payload.json", []byte(src))
}

// appliedRules lists the rule and path of every applied fix.
func appliedRules(fs []rules.Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.Rule+" "+f.Path)
	}
	return out
}

func hasFinding(r finlint.Result, rule, path string) bool {
	for _, f := range r.Findings {
		if f.Rule == rule && f.Path == path {
			return true
		}
	}
	return false
}

func TestFixEditsOnlyTheFixedValues(t *testing.T) {
	l := newLinter(t, finlint.Options{})
	// Odd spacing, tabs, CRLF, number spellings and key order must all
	// survive; only the four values change and one member is added.
	src := "{\r\n\t\"basic_info\" :{\"email\":\"ÉLODIE@Example.COM\",\t\"first_name\":\"José\" , \"gender\" : \"female\"},\r\n" +
		"\t\"address\": {\"street_line_2\": \"Apt \\\"4B\\\"\\nFloor 2\", \"postal_code\": 1.50e1},\r\n" +
		"\t\"financial_profile\": {\"monthly_volume_usd\": 5.0E3,   \"purpose_id\": 3.00}\r\n}\r\n"
	want := "{\r\n\t\"basic_info\" :{\"email\":\"élodie@example.com\",\t\"first_name\":\"José\" , \"first_name_en\":\"Jose\" , \"gender\" : \"FEMALE\"},\r\n" +
		"\t\"address\": {\"street_line_2\": \"Apt \\\"4B\\\" Floor 2\", \"postal_code\": \"1.50e1\"},\r\n" +
		"\t\"financial_profile\": {\"monthly_volume_usd\": 5000,   \"purpose_id\": 3}\r\n}\r\n"
	res := fix(t, l, src)
	assert.Equal(t, want, string(res.Fixed))
	assert.ElementsMatch(t, []string{
		"email-lowercase /basic_info/email",
		"enum-value /basic_info/gender",
		"transliteration-missing /basic_info/first_name_en",
		"control-character /address/street_line_2",
		"field-type /address/postal_code",
		"integer-literal /financial_profile/monthly_volume_usd",
		"integer-literal /financial_profile/purpose_id",
	}, appliedRules(res.Applied))
	for _, f := range res.Applied {
		assert.Positive(t, f.Line, f.Rule)
		assert.Positive(t, f.Column, f.Rule)
		assert.NotEqual(t, rules.FixNone, f.Fix, f.Rule)
	}
	for _, f := range res.Remaining.Findings {
		assert.Equal(t, rules.FixNone, f.Fix, "nothing fixable is left: %s %s", f.Rule, f.Path)
	}
	assert.Equal(t, "payload.json", res.Remaining.Source)
	assert.Equal(t, want, string(res.Remaining.Data), "Remaining is the lint of the fixed text")
}

func TestFixInsertsInTheObjectsLayout(t *testing.T) {
	l := newLinter(t, finlint.Options{})
	tests := []struct{ name, src, want string }{
		{"indented with spaces",
			"{\n  \"basic_info\": {\n    \"first_name\": \"José\",\n    \"last_name\": \"Garcia\"\n  }\n}\n",
			"{\n  \"basic_info\": {\n    \"first_name\": \"José\",\n    \"first_name_en\": \"Jose\",\n    \"last_name\": \"Garcia\"\n  }\n}\n"},
		{"tabs and CRLF",
			"{\r\n\t\"basic_info\": {\r\n\t\t\"first_name\": \"José\",\r\n\t\t\"last_name\": \"Garcia\"\r\n\t}\r\n}",
			"{\r\n\t\"basic_info\": {\r\n\t\t\"first_name\": \"José\",\r\n\t\t\"first_name_en\": \"Jose\",\r\n\t\t\"last_name\": \"Garcia\"\r\n\t}\r\n}"},
		{"compact, each after its own base",
			`{"basic_info":{"first_name":"José","last_name":"Müller"}}`,
			`{"basic_info":{"first_name":"José","first_name_en":"Jose","last_name":"Müller","last_name_en":"Muller"}}`},
		{"after its base in the middle, inline",
			`{"basic_info": {"email": "a@example.com", "first_name": "José", "gender": "MALE"}}`,
			`{"basic_info": {"email": "a@example.com", "first_name": "José", "first_name_en": "Jose", "gender": "MALE"}}`},
		{"inline with spaces",
			`{"basic_info": {"first_name": "José"}}`,
			`{"basic_info": {"first_name": "José", "first_name_en": "Jose"}}`},
		{"brace on the last key's line",
			"{\"address\": {\"city\": \"Berlin\",\n  \"street_line_1\": \"Königstraße 5\"}}",
			"{\"address\": {\"city\": \"Berlin\",\n  \"street_line_1\": \"Königstraße 5\",\n  \"street_line_1_en\": \"Konigstrasse 5\"}}"},
		{"last key after another on its line",
			"{\"address\": {\n  \"city\": \"Berlin\", \"street_line_1\": \"Königstraße 5\"\n}}",
			"{\"address\": {\n  \"city\": \"Berlin\", \"street_line_1\": \"Königstraße 5\", \"street_line_1_en\": \"Konigstrasse 5\"\n}}"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := fix(t, l, tc.src)
			assert.Equal(t, tc.want, string(res.Fixed))
			assert.True(t, json.Valid(res.Fixed))
			for _, f := range res.Remaining.Findings {
				assert.NotEqual(t, "transliteration-missing", f.Rule, f.Path)
			}
		})
	}
}

func TestFixOverlappingFixesTakeTurns(t *testing.T) {
	// A fragment with only keys every kind has: its kind must be named.
	l := newLinter(t, finlint.Options{Kind: "individual-v2"})
	// control-character and email-lowercase both rewrite the email: one is
	// applied, the other is found again in the next round and applied then.
	res := fix(t, l, `{"basic_info": {"email": "Maria@Example.com\n"}}`)
	assert.Equal(t, `{"basic_info": {"email": "maria@example.com"}}`, string(res.Fixed))
	assert.ElementsMatch(t, []string{"control-character /basic_info/email", "email-lowercase /basic_info/email"}, appliedRules(res.Applied))
}

func TestFixRoundsFixWhatEarlierFixesEnable(t *testing.T) {
	l := newLinter(t, finlint.Options{})
	// A national number is read in the country of residence, which is only
	// usable once its code is fixed.
	src := patched(t, `{"basic_info": {"country_of_residence": "us", "phone": "(415) 555-2671"}, "address": {"country": "us"}}`)
	before := l.Lint(context.Background(), "p.json", []byte(src))
	for _, f := range before.Findings {
		if f.Rule == "phone-format" {
			require.Empty(t, f.Suggestion, "the test needs a phone fix that only a later round can make")
		}
	}
	res := fix(t, l, src)
	fixed := string(res.Fixed)
	assert.Contains(t, fixed, `"phone": "+14155552671"`)
	assert.Contains(t, fixed, `"country_of_residence": "USA"`)
	assert.Contains(t, fixed, `"country": "USA"`)
	assert.Contains(t, appliedRules(res.Applied), "phone-format /basic_info/phone")
	assert.True(t, res.Remaining.Valid, "%+v", res.Remaining.Findings)
}

func TestFixLeavesBrokenPayloadsAlone(t *testing.T) {
	l := newLinter(t, finlint.Options{})
	for name, src := range map[string]string{
		"syntax":        `{"basic_info": {"email": "Maria@Example.com"},}`,
		"duplicate key": `{"basic_info": {"email": "Maria@Example.com", "email": "Maria@Example.com"}}`,
		"trailing data": `{"basic_info": {"email": "Maria@Example.com"}} {}`,
		"byte order":    "\xef\xbb\xbf" + `{"basic_info": {"email": "Maria@Example.com"}}`,
		"not an object": `["Maria@Example.com"]`,
		"empty":         ``,
	} {
		t.Run(name, func(t *testing.T) {
			res := fix(t, l, src)
			assert.Equal(t, src, string(res.Fixed))
			assert.Empty(t, res.Applied)
			assert.False(t, res.Remaining.Valid)
		})
	}
	res := fix(t, l, `{"basic_info": {"email": "Maria@Example.com", "email": "x"}}`)
	assert.True(t, hasFinding(res.Remaining, "duplicate-key", "/basic_info/email"))
}

func TestFixRespectsRuleSettingsAndIgnores(t *testing.T) {
	src := `{"basic_info": {"email": "Maria@Example.com", "gender": "female"}}`
	off := newLinter(t, finlint.Options{Severity: map[string]rules.Severity{"email-lowercase": rules.Off}})
	res := fix(t, off, src)
	assert.Equal(t, `{"basic_info": {"email": "Maria@Example.com", "gender": "FEMALE"}}`, string(res.Fixed))

	ignored := newLinter(t, finlint.Options{Ignore: []finlint.Ignore{{Rule: "enum-value", Reason: "kept as sent"}}})
	res = fix(t, ignored, src)
	assert.Equal(t, `{"basic_info": {"email": "maria@example.com", "gender": "female"}}`, string(res.Fixed))
}

func TestFixUnderRedactionSkipsPersonalSuggestions(t *testing.T) {
	l := newLinter(t, finlint.Options{Redact: true})
	res := fix(t, l, `{"basic_info": {"email": "Maria@Example.com", "gender": "female"}}`)
	assert.Equal(t, `{"basic_info": {"email": "Maria@Example.com", "gender": "FEMALE"}}`, string(res.Fixed))
	assert.True(t, hasFinding(res.Remaining, "email-lowercase", "/basic_info/email"))
}

func TestFixNeverWritesAMaskedTaxID(t *testing.T) {
	l := newLinter(t, finlint.Options{})
	// Messages and suggestions mask tax ids wherever they appear; the value
	// written must be the real one.
	src := patched(t, `{"basic_info": {"tax_info": [{"country_code": "USA", "document_type": "SSN", "document_id": "94103"}]},
		"address": {"postal_code": 94103}}`)
	res := fix(t, l, src)
	assert.Contains(t, string(res.Fixed), `"postal_code": "94103"`)
	require.Len(t, res.Applied, 1)
	assert.Equal(t, "*4103", res.Applied[0].Suggestion, "what is shown is still masked")
}

func TestFixIsIdempotent(t *testing.T) {
	l := newLinter(t, finlint.Options{})
	files, err := filepath.Glob("testdata/*/*")
	require.NoError(t, err)
	n := 0
	for _, f := range files {
		if !strings.HasSuffix(f, ".json") {
			continue
		}
		n++
		t.Run(f, func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			first := l.Fix(context.Background(), f, data)
			if strings.Contains(f, "/valid/") {
				assert.Equal(t, string(data), string(first.Fixed))
				assert.Empty(t, first.Applied)
			}
			if json.Valid(data) {
				assert.True(t, json.Valid(first.Fixed))
			}
			second := l.Fix(context.Background(), f, first.Fixed)
			assert.Equal(t, string(first.Fixed), string(second.Fixed))
			assert.Empty(t, second.Applied)
			assert.Equal(t, first.Remaining.Findings, second.Remaining.Findings)
		})
	}
	assert.Greater(t, n, 20)
}

func TestFixStopsWhenCancelled(t *testing.T) {
	l := newLinter(t, finlint.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	src := []byte(`{"basic_info": {"email": "Maria@Example.com"}}`)
	res := l.Fix(ctx, "p.json", src)
	assert.Equal(t, string(src), string(res.Fixed))
	assert.Empty(t, res.Applied)
	assert.NotEmpty(t, res.Remaining.Error)
}

// FuzzFix checks that Fix never breaks a payload: it edits only what parses
// cleanly, and what it writes parses cleanly too.
func FuzzFix(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.json")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"basic_info":{"first_name":"José","email":"A@B.C\n","gender":"f"},"address":{"postal_code":1.0}}`))
	l, err := finlint.New(finlint.Options{Now: exampleNow})
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, data []byte) {
		res := l.Fix(context.Background(), "fuzz.json", data)
		if len(res.Applied) == 0 {
			assert.Equal(t, data, res.Fixed)
			return
		}
		assert.True(t, json.Valid(data), "only valid JSON is edited")
		assert.True(t, json.Valid(res.Fixed), "an edit keeps the JSON valid: %q", res.Fixed)
	})
}
