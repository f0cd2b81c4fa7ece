package business

import (
	"strconv"

	"github.com/finlint/finlint/internal/ident"
	"github.com/finlint/finlint/internal/iso3166"
	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/kind"
	"github.com/finlint/finlint/rules"
)

const (
	addressSamePtr  = "/addresses/is_incorporated_address_same"
	physicalAddrPtr = "/addresses/physical_address"
)

// companyAddresses are the patterns of every address of a business payload.
var companyAddresses = []string{
	"/addresses/incorporated_address",
	physicalAddrPtr,
	"/associated_parties/*/address",
}

// eachAddress calls fn with the pointer and value of every address object,
// in the order of companyAddresses and then of the document.
func eachAddress(p *rules.Pass, fn func(ptr string, v *jsondoc.Value)) {
	for _, pat := range companyAddresses {
		kind.Each(p.Root(), pat, func(ptr string, v *jsondoc.Value) {
			if v.Kind == jsondoc.Object {
				fn(ptr, v)
			}
		})
	}
}

// PhysicalAddress reports a missing physical_address when the operating
// address is said to differ from the incorporated one.
var PhysicalAddress = &rules.Rule{
	ID:       "physical-address",
	Title:    "physical_address is required when it differs from the incorporated address",
	Severity: rules.Error,
	Kinds:    []string{"business-v2"},
	Source:   "vendor OpenAPI (addresses.physical_address: required when is_incorporated_address_same is false; documented 400 \"addresses.physical_address: Required when is_incorporated_address_same is false\"); SPEC-business semantic rule 2",
	Doc: `addresses.is_incorporated_address_same says whether the company operates
from its incorporated (registered) address. When it is false, the vendor
needs the address it does operate from, addresses.physical_address, and
rejects the payload without it.

The finding is at /addresses/physical_address, the pointer of the missing
key, as the vendor's own 400 answer names it. Add the operating address, or
set is_incorporated_address_same to true if the company operates from its
registered address.`,
	Bad:  rules.Example{Patch: `{"addresses": {"is_incorporated_address_same": false}}`},
	Good: rules.Example{Patch: `{"addresses": {"is_incorporated_address_same": true}}`},
	Run: func(p *rules.Pass) {
		same := p.Lookup(addressSamePtr)
		if same == nil || same.Kind != jsondoc.Bool || same.Bool || p.Lookup(physicalAddrPtr) != nil {
			return
		}
		p.Reportf(physicalAddrPtr, "physical_address is missing; is_incorporated_address_same is false, so the API requires the address the company operates from")
	},
}

// PhysicalAddressIgnored notes a physical_address the vendor ignores.
var PhysicalAddressIgnored = &rules.Rule{
	ID:       "physical-address-ignored",
	Title:    "physical_address is ignored when it is the incorporated address",
	Severity: rules.Info,
	Kinds:    []string{"business-v2"},
	Source:   "vendor OpenAPI (addresses.is_incorporated_address_same, addresses.physical_address); SPEC-business semantic rule 2",
	Doc: `When addresses.is_incorporated_address_same is true the company operates
from its incorporated address, and the vendor ignores any
addresses.physical_address sent with it. An address there is either
redundant or a sign that the flag is wrong: a company whose operating
address differs must set the flag to false, or the address is lost.

This is information only. Remove physical_address, or set
is_incorporated_address_same to false if it is a different address.`,
	Bad: rules.Example{Patch: `{"addresses": {"is_incorporated_address_same": true, "physical_address": {
  "street_line_1": "1 World Trade Center", "street_line_1_en": "1 World Trade Center", "city": "New York",
  "state": "US-NY", "subdivision_code": "US-NY", "postal_code": "10007", "country": "USA"}}}`},
	Good: rules.Example{Patch: `{"addresses": {"is_incorporated_address_same": false, "physical_address": {
  "street_line_1": "1 World Trade Center", "street_line_1_en": "1 World Trade Center", "city": "New York",
  "state": "US-NY", "subdivision_code": "US-NY", "postal_code": "10007", "country": "USA"}}}`},
	Run: func(p *rules.Pass) {
		same := p.Lookup(addressSamePtr)
		if same == nil || same.Kind != jsondoc.Bool || !same.Bool {
			return
		}
		if v := p.Lookup(physicalAddrPtr); v != nil && v.Kind == jsondoc.Object {
			p.Reportf(physicalAddrPtr, "physical_address is ignored: is_incorporated_address_same is true, so the API uses the incorporated address; remove it, or set the flag to false")
		}
	},
}

// POBox reports a street_line_1 that is a post-office box.
var POBox = &rules.Rule{
	ID:       "po-box",
	Title:    "street_line_1 must be a street address, not a P.O. box",
	Severity: rules.Error,
	Kinds:    []string{"business-v2"},
	Source:   "vendor OpenAPI (V2Address.street_line_1: P.O. Box addresses are not accepted); SPEC-business semantic rule 2",
	Doc: `The vendor accepts no post-office box as street_line_1 of an address: the
incorporated address, the physical address, or any associated party's
address. Know-your-business checks need the place where the company, or the
person, actually is.

Detected, in any letter case and spacing: "P.O. Box", "PO Box", "P O Box",
"P.O.Box", "Post Office Box", German "Postfach", Spanish and Portuguese
"Apdo." and "Apartado" followed by a number or "de correos" / "postal".
"Boxwood Rd", "Postfachstraße" and a bare "Box 12" are not boxes. The
message quotes the words found, not the line. street_line_1_en is checked
too when street_line_1 itself names no box (a box written in another
script shows only in its transliteration). Give the street address instead;
a box may go in street_line_2 only if the vendor accepts it there.`,
	Bad:  rules.Example{Patch: `{"addresses": {"incorporated_address": {"street_line_1": "P.O. Box 1234", "street_line_1_en": "P.O. Box 1234"}}}`},
	Good: rules.Example{Patch: `{"addresses": {"incorporated_address": {"street_line_1": "350 Fifth Avenue", "street_line_1_en": "350 Fifth Avenue"}}}`},
	Run: func(p *rules.Pass) {
		eachAddress(p, func(ptr string, v *jsondoc.Value) {
			for _, key := range []string{"street_line_1", "street_line_1_en"} {
				line, ok := v.Get(key).Text()
				if !ok {
					continue
				}
				if m, found := ident.FindPOBox(line); found {
					at := jsondoc.Join(ptr, key)
					p.Reportf(at, rules.Label(at)+" names a post-office box ("+strconv.Quote(m)+"); the API accepts only a street address")
					return
				}
			}
		})
	},
}

// StateSubdivision reports an address whose state differs from its
// subdivision_code.
var StateSubdivision = &rules.Rule{
	ID:       "state-subdivision",
	Title:    "state must have the same value as subdivision_code",
	Severity: rules.Error,
	Kinds:    []string{"business-v2"},
	Source:   "vendor OpenAPI (V2Address.subdivision_code: same value as state field; V2Address.state: an ISO 3166-2 subdivision code); SPEC-business semantic rule 2",
	Doc: `In every business address (incorporated, physical, and each associated
party's), the vendor wants state and subdivision_code to hold the same
value, the ISO 3166-2 code of the subdivision ("US-NY"): "same value as
state field". This rule compares the two exactly, when both are strings;
subdivision-code checks that each is a real code of the address's country.

The finding is at state, and the suggestion is the subdivision_code value.
finlint fix applies it only when state is not itself an ISO 3166-2 code
and subdivision_code is one ("NY", "New York" or "us-ny" beside "US-NY"):
then state is evidently the same subdivision written another way. When
both are real codes ("US-NJ" and "US-NY") either may be the wrong one, so
the suggestion is left for a person to judge.`,
	Bad:  rules.Example{Patch: `{"addresses": {"incorporated_address": {"state": "US-NJ", "subdivision_code": "US-NY"}}}`},
	Good: rules.Example{Patch: `{"addresses": {"incorporated_address": {"state": "US-NY", "subdivision_code": "US-NY"}}}`},
	Run: func(p *rules.Pass) {
		eachAddress(p, func(ptr string, v *jsondoc.Value) {
			state, ok1 := v.Get("state").Text()
			sub, ok2 := v.Get("subdivision_code").Text()
			if !ok1 || !ok2 || state == sub {
				return
			}
			at := jsondoc.Join(ptr, "state")
			f := rules.Finding{Path: at, Message: rules.Label(at) + " " + p.Quote(state) + " differs from subdivision_code " +
				p.Quote(sub) + "; the API wants the same value in both"}
			fix := rules.FixNone
			if _, stateIsCode := iso3166.Subdivision(state); !stateIsCode {
				if _, subIsCode := iso3166.Subdivision(sub); subIsCode {
					fix = rules.FixString
				}
			}
			coSuggest(p, &f, sub, fix)
			p.Report(f)
		})
	},
}
