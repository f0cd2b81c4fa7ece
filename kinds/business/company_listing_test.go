package business

import (
	"testing"

	"github.com/finlint/finlint/rules"
)

const coListed = `"basic_info": {"entity_type": "PUBLICLY_LISTED_COMPANY"}`

func TestPublicListing(t *testing.T) {
	coExpect(t, PublicListing, runPatch(t, PublicListing, `{`+coListed+`}`), coFinding{Path: listingsPtr,
		Message: "public_listings is missing; entity_type PUBLICLY_LISTED_COMPANY needs at least one listing"})
	coExpect(t, PublicListing, runPatch(t, PublicListing, `{`+coListed+`, "public_listings": []}`), coFinding{Path: listingsPtr,
		Message: "public_listings is empty; entity_type PUBLICLY_LISTED_COMPANY needs at least one listing"})
	coExpect(t, PublicListing, runPatch(t, PublicListing, `{`+coListed+`, "public_listings": [{"mic": "XNAS"}]}`))
	// Not coListed: nothing needed, nothing said about a listing there is.
	coExpect(t, PublicListing, runPatch(t, PublicListing, `{"public_listings": []}`))
	coExpect(t, PublicListing, runPatch(t, PublicListing, `{"basic_info": {"entity_type": "publicly_listed_company"}}`))
}

func TestISINCheckDigit(t *testing.T) {
	coExpect(t, ISINCheckDigit, runPatch(t, ISINCheckDigit, `{`+coListed+`, "public_listings": [
  {"isin": "US41160H1080"}, {"isin": "US41160H1081"}, {"isin": "us41160h1080"}, {"isin": "us41160h1081"},
  {"isin": "1S41160H1080"}, {"isin": "US41160H108X"}, {"isin": "US41160H-080"}, {"isin": "US41160H108"},
  {"isin": "US41160H10800"}, {"isin": 5}, {"mic": "XNAS"}, {"isin": "US0378331005"}]}`),
		coFinding{Path: "/public_listings/1/isin", Message: `public_listings[1].isin "US41160H1081" fails its ISO 6166 check: check digit 1 does not match the rest of the ISIN (expected 0)`},
		coFinding{Path: "/public_listings/2/isin", Message: `public_listings[2].isin "us41160h1080" is not a well-formed ISIN: letters must be upper case`, Suggestion: "US41160H1080", Fix: rules.FixString},
		coFinding{Path: "/public_listings/3/isin", Message: `public_listings[3].isin "us41160h1081" is not a well-formed ISIN: letters must be upper case`},
		coFinding{Path: "/public_listings/4/isin", Message: `public_listings[4].isin "1S41160H1080" is not a well-formed ISIN: must start with two letters (the country code)`},
		coFinding{Path: "/public_listings/5/isin", Message: `public_listings[5].isin "US41160H108X" is not a well-formed ISIN: the last character (check digit) must be a digit`},
		coFinding{Path: "/public_listings/6/isin", Message: `public_listings[6].isin "US41160H-080" is not a well-formed ISIN: characters 3 to 11 must be letters A-Z or digits 0-9`},
	)
	// Checked whatever the entity type.
	coOne(t, ISINCheckDigit, runPatch(t, ISINCheckDigit, `{"public_listings": [{"isin": "US41160H1081"}]}`))
	coExpect(t, ISINCheckDigit, runPatch(t, ISINCheckDigit, `{"public_listings": [{"isin": "us41160h1080"}]}`, coRedact),
		coFinding{Path: "/public_listings/0/isin", Message: `public_listings[0].isin "************" is not a well-formed ISIN: letters must be upper case`})
}

func TestMICFormat(t *testing.T) {
	coExpect(t, MICFormat, runPatch(t, MICFormat, `{`+coListed+`, "public_listings": [
  {"mic": "XNAS"}, {"mic": "NASDAQ"}, {"mic": "xlon"}, {"mic": "X-NS"}, {"mic": "xn-s"}, {"mic": ""}, {"mic": "XCX2"}, {"mic": 4}]}`),
		coFinding{Path: "/public_listings/1/mic", Message: `public_listings[1].mic "NASDAQ" is not a MIC: must be 4 characters, not 6`},
		coFinding{Path: "/public_listings/2/mic", Message: `public_listings[2].mic "xlon" is not a MIC: letters must be upper case`, Suggestion: "XLON", Fix: rules.FixString},
		coFinding{Path: "/public_listings/3/mic", Message: `public_listings[3].mic "X-NS" is not a MIC: must contain only letters A-Z and digits 0-9`},
		coFinding{Path: "/public_listings/4/mic", Message: `public_listings[4].mic "xn-s" is not a MIC: must contain only letters A-Z and digits 0-9`},
		coFinding{Path: "/public_listings/5/mic", Message: `public_listings[5].mic "" is not a MIC: must be 4 characters, not 0`},
	)
}
