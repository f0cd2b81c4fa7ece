// Package iso3166 holds the country and subdivision data finlint checks
// addresses and nationalities against, all embedded so that no check needs
// the network.
//
// Countries are the vendor's own list of ISO 3166-1 alpha-3 codes (the
// CountryCode enum of its OpenAPI file), which is not quite ISO's: it has no
// code for Kosovo. Names and alpha-2 codes come from
// github.com/biter777/countries. Subdivisions come from a table generated
// from a pinned release of the npm package iso-3166, because the Go
// library's ISO 3166-2 data predates several recent changes. That package
// still lists some codes ISO withdrew long ago, so the generator checks it
// against a pinned release of the iso-codes project and leaves out the
// codes of a reviewed list (see Removals), which Removed still knows so
// that a message can say what became of them.
package iso3166

//go:generate go run ./internal/gen -out subdivisions.tsv

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/biter777/countries"
	"github.com/finlint/finlint/internal/translit"
)

// vendorCodes is the vendor's CountryCode enum, sorted.
var vendorCodes = [...]string{
	"ABW", "AFG", "AGO", "AIA", "ALA", "ALB", "AND", "ARE", "ARG", "ARM",
	"ASM", "ATA", "ATF", "ATG", "AUS", "AUT", "AZE", "BDI", "BEL", "BEN",
	"BES", "BFA", "BGD", "BGR", "BHR", "BHS", "BIH", "BLM", "BLR", "BLZ",
	"BMU", "BOL", "BRA", "BRB", "BRN", "BTN", "BVT", "BWA", "CAF", "CAN",
	"CCK", "CHE", "CHL", "CHN", "CIV", "CMR", "COD", "COG", "COK", "COL",
	"COM", "CPV", "CRI", "CUB", "CUW", "CXR", "CYM", "CYP", "CZE", "DEU",
	"DJI", "DMA", "DNK", "DOM", "DZA", "ECU", "EGY", "ERI", "ESH", "ESP",
	"EST", "ETH", "FIN", "FJI", "FLK", "FRA", "FRO", "FSM", "GAB", "GBR",
	"GEO", "GGY", "GHA", "GIB", "GIN", "GLP", "GMB", "GNB", "GNQ", "GRC",
	"GRD", "GRL", "GTM", "GUF", "GUM", "GUY", "HKG", "HMD", "HND", "HRV",
	"HTI", "HUN", "IDN", "IMN", "IND", "IOT", "IRL", "IRN", "IRQ", "ISL",
	"ISR", "ITA", "JAM", "JEY", "JOR", "JPN", "KAZ", "KEN", "KGZ", "KHM",
	"KIR", "KNA", "KOR", "KWT", "LAO", "LBN", "LBR", "LBY", "LCA", "LIE",
	"LKA", "LSO", "LTU", "LUX", "LVA", "MAC", "MAF", "MAR", "MCO", "MDA",
	"MDG", "MDV", "MEX", "MHL", "MKD", "MLI", "MLT", "MMR", "MNE", "MNG",
	"MNP", "MOZ", "MRT", "MSR", "MTQ", "MUS", "MWI", "MYS", "MYT", "NAM",
	"NCL", "NER", "NFK", "NGA", "NIC", "NIU", "NLD", "NOR", "NPL", "NRU",
	"NZL", "OMN", "PAK", "PAN", "PCN", "PER", "PHL", "PLW", "PNG", "POL",
	"PRI", "PRK", "PRT", "PRY", "PSE", "PYF", "QAT", "REU", "ROU", "RUS",
	"RWA", "SAU", "SDN", "SEN", "SGP", "SGS", "SHN", "SJM", "SLB", "SLE",
	"SLV", "SMR", "SOM", "SPM", "SRB", "SSD", "STP", "SUR", "SVK", "SVN",
	"SWE", "SWZ", "SXM", "SYC", "SYR", "TCA", "TCD", "TGO", "THA", "TJK",
	"TKL", "TKM", "TLS", "TON", "TTO", "TUN", "TUR", "TUV", "TWN", "TZA",
	"UGA", "UKR", "UMI", "URY", "USA", "UZB", "VAT", "VCT", "VEN", "VGB",
	"VIR", "VNM", "VUT", "WLF", "WSM", "YEM", "ZAF", "ZMB", "ZWE",
}

// IsVendorCode reports whether s is exactly one of the vendor's alpha-3
// country codes (upper case, as the API wants it).
func IsVendorCode(s string) bool {
	_, ok := slices.BinarySearch(vendorCodes[:], s)
	return ok
}

// VendorCodes returns the vendor's alpha-3 country codes, sorted.
func VendorCodes() []string { return slices.Clone(vendorCodes[:]) }

type countryTables struct {
	a2to3, a3to2 map[string]string
	names        map[string]string // alpha-3 to English name
}

var tables = sync.OnceValue(func() *countryTables {
	t := &countryTables{
		a2to3: map[string]string{},
		a3to2: map[string]string{},
		names: map[string]string{},
	}
	for _, c := range countries.All() {
		a2, a3 := c.Alpha2(), c.Alpha3()
		if len(a2) != 2 || len(a3) != 3 {
			continue
		}
		t.a2to3[a2], t.a3to2[a3], t.names[a3] = a3, a2, c.String()
	}
	return t
})

// countryNames maps a folded English name to its vendor alpha-3 code. It
// is built only when a suggestion is wanted: folding every name costs more
// than all the other tables together.
var countryNames = sync.OnceValue(func() map[string]string {
	byName := map[string]string{}
	for _, c := range countries.All() {
		if a3 := c.Alpha3(); len(c.Alpha2()) == 2 && len(a3) == 3 && IsVendorCode(a3) {
			byName[fold(c.String())] = a3
		}
	}
	return byName
})

// Alpha2 returns the ISO 3166-1 alpha-2 code of an alpha-3 code, and false
// for a code the country library does not know.
func Alpha2(alpha3 string) (string, bool) {
	a2, ok := tables().a3to2[alpha3]
	return a2, ok
}

// Alpha3 returns the ISO 3166-1 alpha-3 code of an alpha-2 code, and false
// for a code the country library does not know. The result may lie outside
// the vendor's list (XK gives XKX); check it with IsVendorCode.
func Alpha3(alpha2 string) (string, bool) {
	a3, ok := tables().a2to3[alpha2]
	return a3, ok
}

// Name returns the English short name of an alpha-3 code, or "" for a code
// the country library does not know.
func Name(alpha3 string) string { return tables().names[alpha3] }

// maxNameLength bounds the input SuggestCountry looks at: the longest
// English country name has 44 letters.
const maxNameLength = 80

// SuggestCountry returns the vendor alpha-3 code that input most likely
// means: an alpha-3 or alpha-2 code in any case ("usa", "US"), or a country
// name in English or in a few other languages the country library knows
// ("Mexico", "united states", "Deutschland"), ignoring case, spacing and
// diacritics. It never suggests a code outside the vendor's list.
func SuggestCountry(input string) (string, bool) {
	s := strings.TrimSpace(input)
	// No country's name is near this long; and the name lookup of the
	// country library costs far more than linear time on long input.
	if s == "" || len(s) > maxNameLength {
		return "", false
	}
	up := strings.ToUpper(s)
	if IsVendorCode(up) {
		return up, true
	}
	if len(up) == 2 {
		if a3, ok := Alpha3(up); ok && IsVendorCode(a3) {
			return a3, true
		}
	}
	// "The Netherlands", "the Bahamas": the article is no part of the name.
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		s = strings.TrimSpace(s[4:])
	}
	if a3, ok := countryNames()[fold(s)]; ok {
		return a3, true
	}
	candidates := []string{s}
	if ascii, ok := translit.ToASCII(s); ok && ascii != s {
		candidates = append(candidates, ascii)
	}
	for _, c := range candidates {
		if code := countries.ByName(c); code != countries.Unknown && IsVendorCode(code.Alpha3()) {
			return code.Alpha3(), true
		}
	}
	return "", false
}

// fold reduces a name to the lowercase ASCII letters and digits it is spelt
// with, so that "Île-de-France", "ile de france" and "ILE DE FRANCE" meet.
// A name in another script folds to its own letters, lowercased.
func fold(s string) string {
	if ascii, ok := translit.ToASCII(s); ok {
		s = ascii
	}
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
