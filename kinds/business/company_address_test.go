package business

import (
	"strings"
	"testing"

	"github.com/finlint/finlint/rules"
	"github.com/stretchr/testify/require"
)

const coPhysical = `"physical_address": {"street_line_1": "1 World Trade Center", "street_line_1_en": "1 World Trade Center",
  "city": "New York", "state": "US-NY", "subdivision_code": "US-NY", "postal_code": "10007", "country": "USA"}`

func TestPhysicalAddress(t *testing.T) {
	coExpect(t, PhysicalAddress, runPatch(t, PhysicalAddress, `{"addresses": {"is_incorporated_address_same": false}}`),
		coFinding{Path: physicalAddrPtr, Message: "physical_address is missing; is_incorporated_address_same is false, so the API requires the address the company operates from"})
	for _, ok := range []string{
		`{"addresses": {"is_incorporated_address_same": false, ` + coPhysical + `}}`,
		`{"addresses": {"is_incorporated_address_same": false, "physical_address": "x"}}`, // the schema's
		`{"addresses": {"is_incorporated_address_same": true}}`,
		`{"addresses": {"is_incorporated_address_same": null}}`,
		`{"addresses": {"is_incorporated_address_same": "false"}}`,
	} {
		coExpect(t, PhysicalAddress, runPatch(t, PhysicalAddress, ok))
	}
}

func TestPhysicalAddressIgnored(t *testing.T) {
	coExpect(t, PhysicalAddressIgnored, runPatch(t, PhysicalAddressIgnored, `{"addresses": {`+coPhysical+`}}`),
		coFinding{Path: physicalAddrPtr, Message: "physical_address is ignored: is_incorporated_address_same is true, so the API uses the incorporated address; remove it, or set the flag to false"})
	for _, ok := range []string{
		`{"addresses": {"is_incorporated_address_same": false, ` + coPhysical + `}}`,
		`{"addresses": {"is_incorporated_address_same": "true", ` + coPhysical + `}}`,
		`{"addresses": {"physical_address": null}}`,
	} {
		coExpect(t, PhysicalAddressIgnored, runPatch(t, PhysicalAddressIgnored, ok))
	}
}

func TestPOBox(t *testing.T) {
	const tail = "; the API accepts only a street address"
	in := coReplace(t, `"street_line_1": "245 West 72nd Street"`, `"street_line_1": "Postfach 12 34"`, 1)
	in = coReplace2(t, in, `"street_line_1": "350 Fifth Avenue"`, `"street_line_1": "Suite 5, po box 12"`)
	in = coReplace2(t, in, `"street_line_1_en": "350 Fifth Avenue"`, `"street_line_1_en": "Suite 5, PO Box 12"`)
	coExpect(t, POBox, runRule(t, POBox, in),
		coFinding{Path: "/addresses/incorporated_address/street_line_1", Message: `incorporated_address.street_line_1 names a post-office box ("po box")` + tail},
		coFinding{Path: "/associated_parties/0/address/street_line_1", Message: `associated_parties[0].address.street_line_1 names a post-office box ("Postfach")` + tail},
	)
	// A box shown only in the transliteration; the physical address too.
	coExpect(t, POBox, runPatch(t, POBox, `{"addresses": {"is_incorporated_address_same": false,
  "physical_address": {"street_line_1": "私書箱 12", "street_line_1_en": "P.O.Box 12"}}}`),
		coFinding{Path: "/addresses/physical_address/street_line_1_en", Message: `physical_address.street_line_1_en names a post-office box ("P.O.Box")` + tail})
	// The message quotes the words found, never the rest of the line.
	coExpect(t, POBox, runPatch(t, POBox, `{"addresses": {"incorporated_address": {"street_line_1": "Apartado 1234, Calle Mayor"}}}`, coRedact),
		coFinding{Path: "/addresses/incorporated_address/street_line_1", Message: `incorporated_address.street_line_1 names a post-office box ("Apartado")` + tail})
	for _, ok := range []string{"Boxwood Road 5", "12 Post Box Lane", "Postfachstraße 3", "RR 2 Box 152"} {
		coExpect(t, POBox, runPatch(t, POBox, `{"addresses": {"incorporated_address": {"street_line_1": "`+ok+`", "street_line_1_en": "`+ok+`"}}}`))
	}
}

// coReplace2 replaces old, which must occur once in s, by new.
func coReplace2(t *testing.T, s, old, new string) string {
	t.Helper()
	require.Equal(t, 1, strings.Count(s, old), "occurrences of %q", old)
	return strings.Replace(s, old, new, 1)
}

func TestStateSubdivision(t *testing.T) {
	const tail = "; the API wants the same value in both"
	coExpect(t, StateSubdivision, runPatch(t, StateSubdivision, `{"addresses": {"incorporated_address": {"state": "US-NJ"}}}`),
		coFinding{Path: "/addresses/incorporated_address/state", Message: `incorporated_address.state "US-NJ" differs from subdivision_code "US-NY"` + tail, Suggestion: "US-NY"})
	for _, state := range []string{"NY", "New York", "us-ny", " US-NY"} {
		coExpect(t, StateSubdivision, runPatch(t, StateSubdivision, `{"addresses": {"incorporated_address": {"state": "`+state+`"}}}`),
			coFinding{Path: "/addresses/incorporated_address/state", Message: `incorporated_address.state "` + state + `" differs from subdivision_code "US-NY"` + tail,
				Suggestion: "US-NY", Fix: rules.FixString})
	}
	// subdivision_code is no code: which is right is anyone's guess.
	coExpect(t, StateSubdivision, runPatch(t, StateSubdivision, `{"addresses": {"incorporated_address": {"subdivision_code": "NY"}}}`),
		coFinding{Path: "/addresses/incorporated_address/state", Message: `incorporated_address.state "US-NY" differs from subdivision_code "NY"` + tail, Suggestion: "NY"})
	// Every address; the physical one and each party's.
	in := coReplace(t, `"subdivision_code": "US-NY",
        "postal_code": "10023"`, `"subdivision_code": "US-NJ",
        "postal_code": "10023"`, 1)
	coExpect(t, StateSubdivision, runRule(t, StateSubdivision, in),
		coFinding{Path: "/associated_parties/0/address/state", Message: `associated_parties[0].address.state "US-NY" differs from subdivision_code "US-NJ"` + tail, Suggestion: "US-NJ"})
	coExpect(t, StateSubdivision, runPatch(t, StateSubdivision, `{"addresses": {"is_incorporated_address_same": false,
  "physical_address": {"state": "NY", "subdivision_code": "US-NY"}}}`),
		coFinding{Path: "/addresses/physical_address/state", Message: `physical_address.state "NY" differs from subdivision_code "US-NY"` + tail, Suggestion: "US-NY", Fix: rules.FixString})
	// Redacted: no values, no suggestion.
	coExpect(t, StateSubdivision, runPatch(t, StateSubdivision, `{"addresses": {"incorporated_address": {"state": "NY"}}}`, coRedact),
		coFinding{Path: "/addresses/incorporated_address/state", Message: `incorporated_address.state "**" differs from subdivision_code "*****"` + tail})
	for _, ok := range []string{
		`{"addresses": {"incorporated_address": {"state": null}}}`,
		`{"addresses": {"incorporated_address": {"state": 5, "subdivision_code": "US-NY"}}}`,
		`{"addresses": {"incorporated_address": {"state": "CA-ON", "subdivision_code": "CA-ON"}}}`,
	} {
		coExpect(t, StateSubdivision, runPatch(t, StateSubdivision, ok))
	}
}
