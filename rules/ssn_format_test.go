package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSSNFormat(t *testing.T) {
	const shape = ` is not written NNN-NN-NNNN`
	tests := []struct {
		name, country, typ, id string
		msg                    string // "" for no finding
	}{
		{"reference", "USA", "SSN", "123-45-6789", ""},
		{"nine digits", "USA", "SSN", "123456789",
			`SSN tax_info[0].document_id "*****6789"` + shape + "; adding a dash after the 3rd and the 5th digit fixes it"},
		{"spaces around", "USA", "SSN", " 123-45-6789 ",
			`SSN tax_info[0].document_id "*******6789"` + shape + "; remove the spaces around it"},
		{"other separators", "USA", "SSN", "123 45 6789",
			`SSN tax_info[0].document_id "*******6789"` + shape + "; separate its 9 digits with a dash after the 3rd and the 5th, and nothing else"},
		{"dots", "USA", "SSN", "123.45.6789",
			`SSN tax_info[0].document_id "*******6789"` + shape + "; separate its 9 digits with a dash after the 3rd and the 5th, and nothing else"},
		{"dashes misplaced", "USA", "SSN", "12-345-6789",
			`SSN tax_info[0].document_id "*******6789"` + shape + "; separate its 9 digits with a dash after the 3rd and the 5th, and nothing else"},
		{"too short", "USA", "SSN", "123-45-678", `SSN tax_info[0].document_id "******-678"` + shape},
		{"letters", "USA", "SSN", "ABC-DE-FGHI", `SSN tax_info[0].document_id "*******FGHI"` + shape},
		{"fullwidth digits", "USA", "SSN", "１２３-４５-６７８９", `SSN tax_info[0].document_id "*******６７８９"` + shape},
		{"case-insensitive match", "usa", "ssn", "123456789",
			`SSN tax_info[0].document_id "*****6789"` + shape + "; adding a dash after the 3rd and the 5th digit fixes it"},
		{"other country", "CAN", "SSN", "123456789", ""},
		{"other type", "USA", "ITIN", "912345678", ""},
		{"blank id is non-blank's", "USA", "SSN", "  ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := mergedWith(t, map[string]any{"basic_info": map[string]any{"tax_info": []any{
				map[string]any{"country_code": tc.country, "document_type": tc.typ, "document_id": tc.id},
			}}})
			got := check(t, SSNFormat, in)
			if tc.msg == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			assert.Equal(t, brief{"/basic_info/tax_info/0/document_id", Error, ""}, briefs(got)[0])
			assert.Equal(t, "ssn-format", got[0].Rule)
			assert.Equal(t, tc.msg, got[0].Message)
		})
	}
}

func TestSSNFormatEveryEntryAndAlwaysMasked(t *testing.T) {
	const patch = `{"basic_info": {"tax_info": [
	  {"country_code": "USA", "document_type": "SSN", "document_id": "987654321"},
	  {"country_code": "USA", "document_type": "EIN", "document_id": "12-3456789"},
	  {"country_code": "USA", "document_type": "SSN", "document_id": "987-65-4321"},
	  {"country_code": "USA", "document_type": "SSN", "document_id": "987 65 4322"}]}}`
	for _, redact := range []bool{false, true} {
		got := checkPatch(t, SSNFormat, patch, withSettings(Settings{Redact: redact}))
		assert.Equal(t, []brief{
			{"/basic_info/tax_info/0/document_id", Error, ""},
			{"/basic_info/tax_info/3/document_id", Error, ""},
		}, briefs(got))
		for _, f := range got {
			assert.NotContains(t, f.Message, "987")
		}
	}
}

func TestSSNFormatSkipsWhatItCannotRead(t *testing.T) {
	for _, in := range []string{
		`{"basic_info": {"tax_info": [{"country_code": "USA", "document_type": "SSN", "document_id": 123456789}]}}`,
		`{"basic_info": {"tax_info": [{"document_type": "SSN", "document_id": "123456789"}]}}`,
		`{"basic_info": {"tax_info": [{"country_code": "USA", "document_id": "123456789"}]}}`,
		`{"basic_info": {"tax_info": [null, "SSN", ["USA", "SSN", "123456789"]]}}`,
		`{"basic_info": {"tax_info": {"country_code": "USA", "document_type": "SSN", "document_id": "123456789"}}}`,
		`[]`, `nul`,
	} {
		assert.Empty(t, check(t, SSNFormat, in), in)
	}
}
