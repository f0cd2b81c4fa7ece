package rules

import (
	"github.com/finlint/finlint/internal/jsondoc"
	"slices"
	"strings"
)

// TaxDocumentType reports a tax document type that finlint does not know
// for the entry's country.
var TaxDocumentType = &Rule{
	ID:       "tax-document-type",
	Title:    "tax document types should be ones known for their country",
	Severity: Info,
	Source:   "vendor OpenAPI (tax_info.document_type: e.g. SSN, TIN); SPEC semantic rule 9",
	Doc: `basic_info.tax_info[].document_type is free text to the vendor, whose own
examples use SSN and TIN. finlint knows the usual abbreviations of a number
of countries (USA: SSN, ITIN, EIN, ATIN; CAN: SIN, BN, ITN; GBR: NINO, UTR;
MEX: RFC, CURP; BRA: CPF; IND: PAN, AADHAAR; DEU: STEUER-ID, IDNR;
FRA: NIF, SPI; ESP: NIF, NIE, DNI; and others), and TIN for every country.
A type it does not know for the entry's country_code may be a typo, or the
type of another country.

In a business payload it judges the tax_info of each associated party; the
company's own basic_info.tax_info is not judged.

This is information only: the vendor may know more types than finlint.
Countries finlint has no list for are not judged. Matching is exact; when the
type is the same but for case, separators or a small typo, the suggestion is
the known spelling ("ssn" → "SSN").`,
	Bad:  Example{Patch: `{"basic_info": {"tax_info": [{"country_code": "USA", "document_type": "ssn", "document_id": "123-45-6789"}]}}`},
	Good: Example{Patch: `{"basic_info": {"tax_info": [{"country_code": "USA", "document_type": "SSN", "document_id": "123-45-6789"}]}}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad: Example{Patch: `{"associated_parties": [{
  "ref": "owner-001",
  "basic_info": {
    "tax_info": [{"country_code": "USA", "document_type": "ssn", "document_id": "536-21-4478"}],
    "first_name": "Jane", "first_name_en": "Jane", "middle_name": "Marie", "middle_name_en": "Marie",
    "last_name": "Doe", "last_name_en": "Doe", "dob": "1981-07-09", "email": "jane.doe@harborpoint.example.com",
    "phone": "+12125550172", "country_of_residence": "USA", "primary_nationality": "USA"
  },
  "address": {
    "street_line_1": "245 West 72nd Street", "street_line_1_en": "245 West 72nd Street",
    "street_line_2": "Apt 9C", "city": "New York", "state": "US-NY", "subdivision_code": "US-NY",
    "postal_code": "10023", "country": "USA"
  },
  "roles": ["shareholder", "ubo"],
  "ownership_info": {
    "designation": "Chief Executive Officer", "percentage_of_ownership": 75,
    "relationship_establishment_date": "2016-03-14", "has_control": true, "is_signer": true, "is_director": true
  }
}]}`},
		Good: Example{Patch: `{}`},
	}},
	Run: func(p *Pass) {
		p.eachTaxInfo(p.roles().PersonTaxInfo, func(base string, entries []*jsondoc.Value) {
			for i, it := range entries {
				country, ok1 := it.Get("country_code").Text()
				kind, ok2 := it.Get("document_type").Text()
				code := strings.ToUpper(strings.TrimSpace(country))
				types, judged := taxDocumentTypes[code]
				if !ok1 || !ok2 || !judged || strings.TrimSpace(kind) == "" {
					continue
				}
				if kind == "TIN" || slices.Contains(types, kind) {
					continue
				}
				known := append(slices.Clip(types), "TIN")
				p.Report(Finding{
					Path: taxEntryPtr(base, i, "document_type"),
					Message: "document_type " + p.Quote(kind) + " is not a tax document type finlint knows for " + code +
						" (known: " + strings.Join(known, ", ") + ")",
					Suggestion: closestTaxDocumentType(kind, known),
				})
			}
		})
	},
}

// taxDocumentTypes lists the usual tax document abbreviations of some
// countries, by alpha-3 code; TIN is added for every country listed.
// A country missing here is not judged.
var taxDocumentTypes = map[string][]string{
	"ARG": {"CUIT", "CUIL"},
	"AUS": {"TFN", "ABN"},
	"BRA": {"CPF"},
	"CAN": {"SIN", "BN", "ITN"},
	"CHL": {"RUT"},
	"COL": {"NIT"},
	"DEU": {"STEUER-ID", "IDNR"},
	"ESP": {"NIF", "NIE", "DNI"},
	"FRA": {"NIF", "SPI"},
	"GBR": {"NINO", "UTR"},
	"IND": {"PAN", "AADHAAR"},
	"IRL": {"PPSN"},
	"ITA": {"CF"},
	"KOR": {"RRN"},
	"MEX": {"RFC", "CURP"},
	"NLD": {"BSN"},
	"NZL": {"IRD"},
	"PAK": {"NTN", "CNIC"},
	"PER": {"RUC", "DNI"},
	"POL": {"PESEL", "NIP"},
	"PRT": {"NIF"},
	"SGP": {"NRIC", "FIN"},
	"USA": {"SSN", "ITIN", "EIN", "ATIN"},
}

// closestTaxDocumentType returns the one known type that got is a near miss
// of, or "" when none is, or when two are equally near.
func closestTaxDocumentType(got string, known []string) string {
	norm := func(s string) string {
		return strings.ToUpper(strings.NewReplacer(" ", "", "-", "", "_", "", ".", "").Replace(strings.TrimSpace(s)))
	}
	g := norm(got)
	best, bestD, tie := "", -1, false
	for _, k := range known {
		d := EditDistance(g, norm(k))
		switch {
		case bestD < 0 || d < bestD:
			best, bestD, tie = k, d, false
		case d == bestD:
			tie = true
		}
	}
	limit := 1
	if len(g) > 4 {
		limit = 2
	}
	if bestD < 0 || bestD > limit || tie && bestD > 0 {
		return ""
	}
	return best
}
