package iso3166

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestVendorCodes(t *testing.T) {
	codes := VendorCodes()
	require.Len(t, codes, 249)
	assert.True(t, slices.IsSorted(codes), "the table must stay sorted for binary search")
	assert.Len(t, slices.Compact(slices.Clone(codes)), 249, "codes must be unique")
	assert.NotContains(t, codes, "XKX", "the vendor has no code for Kosovo")
	for _, c := range codes {
		assert.Regexp(t, `^[A-Z]{3}$`, c)
		assert.True(t, IsVendorCode(c), c)
	}

	codes[0] = "XXX"
	assert.Equal(t, "ABW", VendorCodes()[0], "VendorCodes must return a copy")

	for _, c := range []string{"XKX", "usa", "US", "", "ANT", "YUG", "USA "} {
		assert.False(t, IsVendorCode(c), c)
	}
}

func TestAlphaConversions(t *testing.T) {
	for _, c := range VendorCodes() {
		a2, ok := Alpha2(c)
		require.True(t, ok, "the country library must know every vendor code: %s", c)
		back, ok := Alpha3(a2)
		require.True(t, ok, c)
		assert.Equal(t, c, back, "alpha-2 %s must map back", a2)
		assert.NotEmpty(t, Name(c), c)
	}
	for a3, a2 := range map[string]string{"USA": "US", "MEX": "MX", "GBR": "GB", "DEU": "DE", "ALA": "AX", "BES": "BQ", "SSD": "SS", "XKX": "XK"} {
		got, ok := Alpha2(a3)
		assert.True(t, ok, a3)
		assert.Equal(t, a2, got, a3)
		got, ok = Alpha3(a2)
		assert.True(t, ok, a2)
		assert.Equal(t, a3, got, a2)
	}
	_, ok := Alpha2("ZZZ")
	assert.False(t, ok)
	_, ok = Alpha3("ZZ")
	assert.False(t, ok)
	_, ok = Alpha3("us")
	assert.False(t, ok, "codes are upper case")

	assert.Equal(t, "United States", Name("USA"))
	assert.Equal(t, "Mexico", Name("MEX"))
	assert.Empty(t, Name("ZZZ"))
}

func TestSuggestCountry(t *testing.T) {
	for in, want := range map[string]string{
		"US":                       "USA",
		"usa":                      "USA",
		" usa ":                    "USA",
		"Usa":                      "USA",
		"Mexico":                   "MEX",
		"méxico":                   "MEX",
		"MEXICO":                   "MEX",
		"united states":            "USA",
		"United States of America": "USA",
		"Deutschland":              "DEU",
		"de":                       "DEU",
		"UK":                       "GBR",
		"Great Britain":            "GBR",
		"The Netherlands":          "NLD",
		"Côte d'Ivoire":            "CIV",
		"Cote dIvoire":             "CIV",
		"Türkiye":                  "TUR",
		"Curaçao":                  "CUW",
		"Åland Islands":            "ALA",
		"mx":                       "MEX",
	} {
		got, ok := SuggestCountry(in)
		assert.True(t, ok, "%q", in)
		assert.Equal(t, want, got, "%q", in)
	}
	// Kosovo is a real country the vendor has no code for: suggesting any
	// other code would be wrong.
	for _, in := range []string{"", "   ", "XKX", "XK", "Kosovo", "Atlantis", "A", "123", "ANT", "Yugoslavia"} {
		got, ok := SuggestCountry(in)
		assert.False(t, ok, "%q gave %s", in, got)
		assert.Empty(t, got, "%q", in)
	}
}

func TestSuggestCountryStaysInVendorList(t *testing.T) {
	for _, c := range VendorCodes() {
		for _, in := range []string{c, Name(c)} {
			got, ok := SuggestCountry(in)
			if assert.True(t, ok, "%q", in) {
				assert.True(t, IsVendorCode(got), "%q gave %s", in, got)
			}
		}
		got, ok := SuggestCountry(Name(c))
		if ok && got != c {
			t.Errorf("the name of %s, %q, suggests %s", c, Name(c), got)
		}
	}
}

// A hostile value must not stall the linter: the country library's name
// lookup took over 20 s on a 500 KB string.
func TestSuggestCountryIgnoresHugeInput(t *testing.T) {
	done := make(chan bool, 1)
	go func() {
		_, ok := SuggestCountry(strings.Repeat("U", 500_000))
		done <- ok
	}()
	select {
	case ok := <-done:
		if ok {
			t.Fatal("a 500 KB string was taken for a country")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("SuggestCountry stalled on a long input")
	}
}
