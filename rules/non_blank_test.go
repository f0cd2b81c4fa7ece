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
		// Blank is Unicode blank: no-break, ideographic and other spaces
		// and line separators, not ASCII white space alone.
		{`{"basic_info": {"middle_name": "\u00a0"}}`, []brief{{"/basic_info/middle_name", Error, ""}}},
		{`{"basic_info": {"last_name": "\u3000\u3000"}}`, []brief{{"/basic_info/last_name", Error, ""}}},
		{`{"address": {"street_line_1": "\u2028\u202f\u0085"}}`, []brief{{"/address/street_line_1", Error, ""}}},
		{`{"address": {"city": "\u3000東京\u3000"}}`, []brief{}},
		// Only strings, per the vendor: no non-blank requirement.
		{`{"address": {"postal_code": ""}}`, []brief{}},
		{`{"address": {"street_line_2": "", "street_line_2_en": ""}}`, []brief{}},
		{`{"address": {"street_line_1_en": " "}}`, []brief{}},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, briefs(checkPatch(t, NonBlank, c.patch)), c.patch)
	}
}
