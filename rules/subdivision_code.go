package rules

import (
	"github.com/finlint/finlint/internal/iso3166"
	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/kind"
)

// SubdivisionCode reports an address.subdivision_code that is not a current
// ISO 3166-2 code of the address's country.
var SubdivisionCode = &Rule{
	ID:       "subdivision-code",
	Title:    "subdivision code must be an ISO 3166-2 code of the address country",
	Severity: Error,
	Source:   "vendor endpoint guide (subdivision_code: pass the ISO 3166-2 code, e.g. US-CA) and OpenAPI; SPEC semantic rule 2",
	Doc: `address.subdivision_code is the ISO 3166-2 code of the state, province or
region: the country's alpha-2 code, a hyphen and the subdivision's own code,
in capitals ("US-CA", "GB-LND", "FR-75C", "JP-13", "MX-CMX"). The country part
must be the alpha-2 form of address.country, so "MX-CMX" is wrong for an
address in the USA.

In a business payload both subdivision_code and state of every address
(incorporated_address, physical_address and each associated party's address)
take such a code and are checked against that address's country.

Codes are checked against an embedded copy of ISO 3166-2 that follows its
recent changes: "IN-TS" (Telangana) replaced "IN-TG", "FR-75C" (Paris)
replaced "FR-75", "MX-CMX" replaced "MX-DIF". Withdrawn codes are rejected,
and for those still found in common code lists the message says when ISO
withdrew them and what replaced them: Denmark's counties and county
municipalities ("DK-015" to "DK-080", "DK-101", "DK-147"), replaced by the
regions "DK-81" to "DK-85" in 2007,
Luxembourg's districts ("LU-D", "LU-G", "LU-L", replaced by the cantons
in 2015), "GH-BA" (Brong-Ahafo, split in 2019) and "PK-TA" (the tribal
areas, merged into "PK-KP" Khyber Pakhtunkhwa). The replacement is
suggested only when one current subdivision covers all of the old one.

"GB-EAW" (England and Wales), "GB-GBN" (Great Britain) and "GB-UKM"
(United Kingdom) are rejected too: ISO listed them only for completeness,
and each spans several of the United Kingdom's countries, so no address
lies in one of them rather than in one of those. Send the subdivision the
address lies in, a county, London borough, metropolitan district, unitary
authority, council area or district ("GB-LND", "GB-MAN", "GB-EDH"), or at
least its country: "GB-ENG", "GB-NIR", "GB-SCT" or "GB-WLS".

When the country is known, the suggestion is the code the value most likely
means: the part after the hyphen alone ("CA" gives "US-CA"), the code in
other letter case ("us-ca"), or the subdivision's name, compared without
regard to case or accents ("California", "Ile de France").`,
	Bad:  Example{Patch: `{"address": {"subdivision_code": "CA"}}`},
	Good: Example{Patch: `{"address": {"subdivision_code": "US-CA"}}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{"addresses": {"incorporated_address": {"state": "NY", "subdivision_code": "NY"}}}`},
		Good: Example{Patch: `{"addresses": {"incorporated_address": {"state": "US-NY", "subdivision_code": "US-NY"}}}`},
	}},
	Run: func(p *Pass) {
		for _, a := range p.roles().Addresses {
			kind.Each(p.Root(), a.Ptr, func(at string, addr *jsondoc.Value) {
				country, _ := addr.Get(a.Country).Text()
				for _, key := range a.Subdivisions {
					checkSubdivision(p, jsondoc.Join(at, key), country)
				}
			})
		}
	},
}

// removedFinding explains a code that ISO withdrew, or a grouping of
// subdivisions that is no subdivision of an address.
func removedFinding(p *Pass, ptr, s string, r iso3166.Removal) Finding {
	what := label(ptr) + " " + p.Quote(s)
	if !p.Settings.Redact {
		if s == r.Code {
			what += " (" + r.Name + ")"
		} else {
			what += " stands for " + r.Code + " (" + r.Name + "), which"
		}
	}
	var msg string
	switch {
	case r.Kind == iso3166.Grouping && p.Settings.Redact:
		msg = what + " groups several subdivisions and is not the subdivision of an address"
	case r.Kind == iso3166.Grouping:
		msg = what + " is a grouping that ISO 3166-2 listed only for completeness, not a subdivision an address lies in: " + r.Note
	case p.Settings.Redact:
		msg = what + " is a withdrawn ISO 3166-2 code"
	default:
		msg = what + " was withdrawn from ISO 3166-2 on " + r.Date + "; " + r.Note
	}
	f := Finding{Path: ptr, Message: msg}
	if r.Successor != "" {
		f.suggest(p.Suggest(r.Successor), FixString)
	}
	return f
}

// countryLabel names a country for a message, "Mexico (MEX)", falling back
// to whichever code is known.
func countryLabel(alpha3, alpha2 string) string {
	if name := iso3166.Name(alpha3); name != "" {
		return name + " (" + alpha3 + ")"
	}
	if alpha3 != "" {
		return alpha3
	}
	return alpha2
}

// checkSubdivision judges the ISO 3166-2 code at ptr against the address's
// country (an alpha-3 code, or "" when unknown).
func checkSubdivision(p *Pass, ptr, country string) {
	s, ok := p.Text(ptr)
	if !ok {
		return
	}
	name := label(ptr)
	var alpha2 string
	if iso3166.IsVendorCode(country) {
		alpha2, _ = iso3166.Alpha2(country)
	}
	if sub, ok := iso3166.Subdivision(s); ok {
		if alpha2 == "" || sub.Country == alpha2 {
			return
		}
		msg := name + " " + p.Quote(s) + " belongs to another country than the address"
		if !p.Settings.Redact {
			owner, _ := iso3166.Alpha3(sub.Country)
			msg = name + " " + p.Quote(s) + " belongs to " + countryLabel(owner, sub.Country) +
				", not to the address country " + countryLabel(country, alpha2)
		}
		p.Report(Finding{Path: ptr, Message: msg})
		return
	}
	if r, ok := iso3166.Removed(alpha2, s); ok {
		p.Report(removedFinding(p, ptr, s, r))
		return
	}
	msg := name + " " + p.Quote(s) + " is not an ISO 3166-2 code"
	if alpha2 != "" && !p.Settings.Redact {
		msg += " of " + countryLabel(country, alpha2)
		if len(iso3166.Subdivisions(alpha2)) == 0 {
			msg += " (ISO 3166-2 lists no subdivisions for it: ask the vendor what to send)"
		}
	}
	f := Finding{Path: ptr, Message: msg}
	if code, ok := iso3166.SuggestSubdivision(alpha2, s); ok {
		f.suggest(p.Suggest(code), FixString)
	}
	p.Report(f)
}
