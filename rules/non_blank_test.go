package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNonBlank(t *testing.T) {
	cases := []struct {
		patch string
		want  []brief
	}{
		{`{"basic_info": {"middle_name": " "}}`, []brief{{"/basic_info/middle_name", Error, ""}}},
		{`{"basic_info": {"first_name": "José", "first_name_en": "\t"}}`, []brief{{"/basic_info/first_name_en", Error, ""}}},
		{`{"address": {"city": ""}}`, []brief{{"/address/city", Error, ""}}},
		{`{"basic_info": {"tax_info": [{"country_code": "USA", "document_type": "", "document_id": "123-45-6789"}]}}`,
			[]brief{{"/basic_info/tax_info/0/document_type", Error, ""}}},
		// Only strings, per the vendor: no non-blank requirement.
		{`{"address": {"postal_code": ""}}`, []brief{}},
		{`{"address": {"street_line_2": "", "street_line_2_en": ""}}`, []brief{}},
		{`{"address": {"street_line_1_en": " "}}`, []brief{}},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, briefs(checkPatch(t, NonBlank, c.patch)), c.patch)
	}
}
