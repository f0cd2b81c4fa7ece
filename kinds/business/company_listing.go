package business

import (
	"strings"
	"unicode/utf8"

	"github.com/finlint/finlint/internal/ident"
	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/rules"
)

const (
	listingsPtr = "/public_listings"
	// isinLength is the length of an ISIN; the schema reports any other.
	isinLength = 12
)

// PublicListing reports a publicly listed company without a listing.
var PublicListing = &rules.Rule{
	ID:       "public-listing",
	Title:    "a publicly listed company must have a public listing",
	Severity: rules.Error,
	Kinds:    []string{"business-v2"},
	Source:   "vendor OpenAPI (public_listings: required for publicly traded companies); SPEC-business semantic rule 10",
	Doc: `When basic_info.entity_type is PUBLICLY_LISTED_COMPANY, public_listings
must have at least one entry: the exchange the shares trade on (mic, its ISO
10383 market identifier code such as XNAS or XLON), the shares' isin and
their ticker_symbol.

The finding is at /public_listings whether the array is missing or empty
(a missing key is reported at its own pointer). Add the company's listings;
if the company is not listed, correct entity_type instead.`,
	Bad: rules.Example{Patch: `{"basic_info": {"entity_type": "PUBLICLY_LISTED_COMPANY"}}`},
	Good: rules.Example{Patch: `{"basic_info": {"entity_type": "PUBLICLY_LISTED_COMPANY"},
  "public_listings": [{"mic": "XNAS", "isin": "US41160H1080", "ticker_symbol": "HPSW"}]}`},
	Run: func(p *rules.Pass) {
		if t, _ := p.Text("/basic_info/entity_type"); t != "PUBLICLY_LISTED_COMPANY" {
			return
		}
		switch l := p.Lookup(listingsPtr); {
		case p.Root() == nil || p.Root().Kind != jsondoc.Object:
			return
		case l == nil:
			p.Reportf(listingsPtr, "public_listings is missing; entity_type PUBLICLY_LISTED_COMPANY needs at least one listing")
		case l.Kind == jsondoc.Array && len(l.Items) == 0:
			p.Reportf(listingsPtr, "public_listings is empty; entity_type PUBLICLY_LISTED_COMPANY needs at least one listing")
		}
	},
}

// ISINCheckDigit reports a public listing's isin that is malformed or whose
// check digit does not hold.
var ISINCheckDigit = &rules.Rule{
	ID:       "isin-check-digit",
	Title:    "isin must be a well-formed ISIN with a valid check digit",
	Severity: rules.Error,
	Kinds:    []string{"business-v2"},
	Source:   "vendor OpenAPI (public_listings[].isin: International Securities Identification Number, 12 chars); ISO 6166; SPEC-business semantic rule 10",
	Doc: `Each public_listings[].isin is an ISO 6166 International Securities
Identification Number: two upper-case letters (usually the issuer's ISO 3166
country code, or XS, EU ...), nine upper-case letters or digits, and a check
digit computed over the first eleven (letters read as 10 to 35, then the
Luhn algorithm). Every issued ISIN passes the check, so one that fails has a
typing or copying error somewhere.

A value that is not 12 characters long is reported by the schema checks
(the vendor's minLength and maxLength), not here. A value in lower case is
suggested in upper case when that makes it valid, and finlint fix applies
that. For a wrong check digit the message gives the digit the first eleven
characters call for, but there is no automatic fix: the error may be in any
character. Copy the ISIN from the exchange's or the issuer's records.`,
	Bad: rules.Example{Patch: `{"basic_info": {"entity_type": "PUBLICLY_LISTED_COMPANY"},
  "public_listings": [{"mic": "XNAS", "isin": "US41160H1081", "ticker_symbol": "HPSW"}]}`},
	Good: rules.Example{Patch: `{"basic_info": {"entity_type": "PUBLICLY_LISTED_COMPANY"},
  "public_listings": [{"mic": "XNAS", "isin": "US41160H1080", "ticker_symbol": "HPSW"}]}`},
	Run: func(p *rules.Pass) {
		coEachString(p, listingsPtr+"/*/isin", func(ptr, s string) {
			if utf8.RuneCountInString(s) != isinLength {
				return
			}
			reason := ident.ISINChecksum(s)
			if reason == "" {
				return
			}
			what := " is not a well-formed ISIN: "
			if ident.ISINFormat(s) == "" {
				what = " fails its ISO 6166 check: "
			}
			f := rules.Finding{Path: ptr, Message: rules.Label(ptr) + " " + p.Quote(s) + what + reason}
			if up := strings.ToUpper(s); up != s && ident.ISINChecksum(up) == "" {
				coSuggest(p, &f, up, rules.FixString)
			}
			p.Report(f)
		})
	},
}

// MICFormat reports a public listing's mic that is not four upper-case
// letters or digits.
var MICFormat = &rules.Rule{
	ID:       "mic-format",
	Title:    "mic must be four upper-case letters or digits",
	Severity: rules.Error,
	Kinds:    []string{"business-v2"},
	Source:   "vendor OpenAPI (public_listings[].mic: ISO 10383 Market Identifier Code, e.g. XNAS for NASDAQ); SPEC-business semantic rule 10",
	Doc: `Each public_listings[].mic is the ISO 10383 Market Identifier Code of the
exchange the shares trade on: exactly four upper-case letters or digits,
such as XNAS (Nasdaq), XNYS (New York Stock Exchange), XLON (London Stock
Exchange) or XTKS (Tokyo Stock Exchange). The exchange's name ("NASDAQ") or
its ticker prefix is not a MIC.

Only the form is checked, not whether the code is in the ISO 10383 register.
A code in lower case is suggested in upper case, and finlint fix applies
that. Look other codes up in the ISO 10383 register (iso20022.org).`,
	Bad: rules.Example{Patch: `{"basic_info": {"entity_type": "PUBLICLY_LISTED_COMPANY"},
  "public_listings": [{"mic": "NASDAQ", "isin": "US41160H1080", "ticker_symbol": "HPSW"}]}`},
	Good: rules.Example{Patch: `{"basic_info": {"entity_type": "PUBLICLY_LISTED_COMPANY"},
  "public_listings": [{"mic": "XNAS", "isin": "US41160H1080", "ticker_symbol": "HPSW"}]}`},
	Run: func(p *rules.Pass) {
		coEachString(p, listingsPtr+"/*/mic", func(ptr, s string) {
			reason := ident.MIC(s)
			if reason == "" {
				return
			}
			f := rules.Finding{Path: ptr, Message: rules.Label(ptr) + " " + p.Quote(s) + " is not a MIC: " + reason}
			if up := strings.ToUpper(s); up != s && ident.MIC(up) == "" {
				coSuggest(p, &f, up, rules.FixString)
			}
			p.Report(f)
		})
	},
}
