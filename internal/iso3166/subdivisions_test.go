package iso3166

import (
	"bufio"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// subdivisionTotal is the number of codes in the table: the 5070 of
// iso-3166@4.4.0 less the 24 removals, which leaves exactly the 5046 of
// iso-codes 4.20.1. A regenerated table that changes it must be reviewed,
// and this number updated with it.
const subdivisionTotal = 5046

func TestSubdivisionTable(t *testing.T) {
	assert.Len(t, subs(), subdivisionTotal)

	sc := bufio.NewScanner(strings.NewReader(subdivisionData))
	var codes []string
	code := regexp.MustCompile(`^[A-Z]{2}-[A-Z0-9]{1,3}$`)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		c, name, ok := strings.Cut(line, "\t")
		require.True(t, ok, "line %q", line)
		assert.Regexp(t, code, c)
		assert.NotEmpty(t, name, c)
		codes = append(codes, c)
	}
	assert.Len(t, codes, subdivisionTotal, "every line must load")
	assert.True(t, slices.IsSorted(codes))

	countries := map[string]bool{}
	for _, s := range subs() {
		countries[s.Country] = true
		got, ok := Subdivision(s.Code)
		assert.True(t, ok && got == s, "%s is found by its code", s.Code)
	}
	for c := range countries {
		assert.Equal(t, c, Subdivisions(c)[0].Country, "the run of %s starts with its own", c)
		for _, s := range Subdivisions(c) {
			assert.Equal(t, c, s.Country)
		}
		a3, ok := Alpha3(c)
		assert.True(t, ok && IsVendorCode(a3), "subdivisions of %s, a country outside the vendor list", c)
	}
}

// TestRecentISOChanges pins changes to ISO 3166-2 that older tables (such as
// the one in the Go country library) do not have.
func TestRecentISOChanges(t *testing.T) {
	present := map[string]string{
		"FR-75C": "Paris",                                    // a collectivity since 2019
		"IN-TS":  "Telangāna",                                // replaced IN-TG in 2018
		"IN-DH":  "Dādra and Nagar Haveli and Damān and Diu", // merged in 2020
		"GB-LND": "London, City of",
		"JP-13":  "Tôkyô",
		"MX-CMX": "Ciudad de México", // replaced MX-DIF in 2017
		"US-CA":  "California",
		"FR-IDF": "Île-de-France",
	}
	for c, name := range present {
		s, ok := Subdivision(c)
		if assert.True(t, ok, c) {
			assert.Equal(t, Sub{Code: c, Name: name, Country: c[:2]}, s)
		}
	}
	for _, c := range []string{"IN-TG", "FR-75", "MX-DIF", "IN-DD", "IN-DN", "us-ca", "US", "", "US-", "PK-TA", "LU-D", "DK-015", "GB-UKM"} {
		_, ok := Subdivision(c)
		assert.False(t, ok, c)
	}
}

func TestSubdivisions(t *testing.T) {
	us := Subdivisions("US")
	require.Len(t, us, 57, "50 states, DC and 6 outlying areas")
	assert.True(t, slices.IsSortedFunc(us, func(a, b Sub) int { return strings.Compare(a.Code, b.Code) }))
	for _, s := range us {
		assert.Equal(t, "US", s.Country)
	}
	us[0].Name = "changed"
	assert.NotEqual(t, "changed", Subdivisions("US")[0].Name, "the caller's slice must be a copy")
	assert.Empty(t, Subdivisions("ZZ"))
	assert.Empty(t, Subdivisions("us"))
}

func TestSuggestSubdivision(t *testing.T) {
	tests := []struct{ country, in, want string }{
		{"US", "CA", "US-CA"},
		{"US", "ca", "US-CA"},
		{"US", "California", "US-CA"},
		{"US", " california ", "US-CA"},
		{"US", "us-ca", "US-CA"},
		{"US", "US_CA", "US-CA"},
		{"US", "US CA", "US-CA"},
		{"US", "US-CA", "US-CA"},
		{"US", "new york", "US-NY"},
		{"FR", "Île-de-France", "FR-IDF"},
		{"FR", "Ile de France", "FR-IDF"},
		{"FR", "ILE-DE-FRANCE", "FR-IDF"},
		{"FR", "Paris", "FR-75C"},
		{"JP", "Tokyo", "JP-13"},
		{"JP", "13", "JP-13"},
		{"MX", "Ciudad de Mexico", "MX-CMX"},
		{"MX", "cmx", "MX-CMX"},
		{"IN", "Telangana", "IN-TS"},
		{"GB", "LND", "GB-LND"},
		// Until the district LU-L left the table, the name was ambiguous.
		{"LU", "Luxembourg", "LU-LU"},
		{"LU", "Diekirch", "LU-DI"},
		{"", "us-ca", "US-CA"},
	}
	for _, tt := range tests {
		got, ok := SuggestSubdivision(tt.country, tt.in)
		assert.True(t, ok, "%s %q", tt.country, tt.in)
		assert.Equal(t, tt.want, got, "%s %q", tt.country, tt.in)
	}

	for _, tt := range []struct{ country, in string }{
		{"US", ""},
		{"US", "Atlantis"},
		{"MX", "US-CA"},      // a code of another country
		{"MX", "California"}, // a name of another country
		{"", "California"},   // no country, no names
		{"", "CA"},
		{"IN", "TG"},    // withdrawn
		{"PK", "TA"},    // withdrawn: Removed tells what became of it
		{"PK", "pk-ta"}, // withdrawn
		{"GB", "UKM"},   // a grouping, not a subdivision
		{"BD", "Dhaka"}, // a division and a district: ambiguous
		{"ZZ", "CA"},
	} {
		got, ok := SuggestSubdivision(tt.country, tt.in)
		assert.False(t, ok, "%s %q gave %s", tt.country, tt.in, got)
		assert.Empty(t, got)
	}
}

func TestFold(t *testing.T) {
	assert.Equal(t, "iledefrance", fold("Île-de-France"))
	assert.Equal(t, "iledefrance", fold(" ile de FRANCE "))
	assert.Equal(t, "tokyo", fold("Tôkyô"))
	assert.Equal(t, "москва", fold("Москва"))
}
