package business

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/finlint/finlint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// coFixtureRules says which company rule finds the problem of each invalid
// fixture the README attributes to a company check.
var coFixtureRules = map[string]*rules.Rule{
	"naics-unknown.json":                 IndustryCode,
	"naics-duplicate.json":               DuplicateIndustryCode,
	"lei-bad-check-digits.json":          LEICheckDigits,
	"lei-lowercase.json":                 LEIFormat,
	"website-not-url.json":               WebsiteURL,
	"website-not-http.json":              WebsiteURL,
	"website-duplicate.json":             DuplicateWebsite,
	"listed-without-listing.json":        PublicListing,
	"isin-bad-check-digit.json":          ISINCheckDigit,
	"mic-malformed.json":                 MICFormat,
	"high-risk-without-explanation.json": HighRiskExplanation,
	"risk-split-not-100.json":            RiskSplit,
	"ein-malformed.json":                 EINFormat,
	"po-box-street.json":                 POBox,
	"physical-address-missing.json":      PhysicalAddress,
	"physical-address-ignored.json":      PhysicalAddressIgnored,
	"state-not-subdivision.json":         StateSubdivision,
}

// coSchemaOwned are company checks of the README whose fixtures only the
// schema's length limits catch: the company rules leave lengths to it.
var coSchemaOwned = []string{"lei-wrong-length.json", "isin-wrong-length.json"}

// coExtra are the other findings of company rules that invalid fixtures
// may have, as the README's notes allow.
var coExtra = map[string][]string{
	// "it also differs from subdivision_code"
	"state-not-iso-code.json": {"state-subdivision error /addresses/incorporated_address/state"},
	// "the phone-region and tax-country infos may fire too"
	"country-code-alpha2.json": {"business-tax-residence info /basic_info/tax_info"},
}

func coRunAll(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var out []string
	for _, r := range companyRules {
		for _, f := range runRule(t, r, string(data)) {
			out = append(out, f.Rule+" "+f.Severity.String()+" "+f.Path)
		}
	}
	slices.Sort(out)
	return out
}

// No company rule fires on a valid fixture.
func TestCompanyRulesOnValidFiles(t *testing.T) {
	files, err := filepath.Glob(validDir + "/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		assert.Empty(t, coRunAll(t, f), f)
	}
}

// Each invalid fixture of a company check gets the README's finding from
// its rule, and no company rule finds anything else in any invalid fixture
// but what the README's notes allow.
func TestCompanyRulesOnInvalidFiles(t *testing.T) {
	cases := readmeCases(t)
	listed := map[string]bool{}
	for _, c := range cases {
		listed[c.file] = true
		want := slices.Clone(coExtra[c.file])
		if r, ok := coFixtureRules[c.file]; ok {
			assert.Equal(t, r.Severity.String(), c.severity, "%s: README severity against %s", c.file, r.ID)
			want = append(want, r.ID+" "+c.severity+" "+c.pointer)
		}
		if slices.Contains(coSchemaOwned, c.file) {
			assert.True(t, c.schema, "%s: the schema rejects it", c.file)
		}
		slices.Sort(want)
		got := coRunAll(t, filepath.Join(invalidDir, c.file))
		if want == nil {
			want = []string{}
		}
		if got == nil {
			got = []string{}
		}
		assert.Equal(t, want, got, c.file)
	}
	for f := range coFixtureRules {
		assert.True(t, listed[f], "%s is in the README", f)
	}
	for _, f := range append(slices.Clone(coSchemaOwned), "state-not-iso-code.json", "country-code-alpha2.json") {
		assert.True(t, listed[f], "%s is in the README", f)
	}
}
