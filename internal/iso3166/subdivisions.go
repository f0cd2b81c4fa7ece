package iso3166

import (
	_ "embed"
	"strings"
	"sync"
)

// subdivisionData is "code<TAB>name" lines sorted by code, after one comment
// line. It is generated (see internal/gen) and is not edited by hand.
//
//go:embed subdivisions.tsv
var subdivisionData string

// Sub is one ISO 3166-2 subdivision.
type Sub struct {
	// Code is the full code, such as "US-CA".
	Code string
	// Name is the name ISO gives, in the local language and script
	// romanised as ISO does it ("Île-de-France", "Tôkyô").
	Name string
	// Country is the ISO 3166-1 alpha-2 code of the country ("US").
	Country string
}

type subTables struct {
	byCode    map[string]Sub
	byCountry map[string][]Sub
	// byName maps a country's alpha-2 and a folded name to the codes that
	// bear it; a name may repeat at different levels of one country.
	byName map[string][]string
}

var subs = sync.OnceValue(func() *subTables {
	t := &subTables{
		byCode:    make(map[string]Sub, 5100),
		byCountry: make(map[string][]Sub, 200),
		byName:    make(map[string][]string, 5100),
	}
	for line := range strings.Lines(subdivisionData) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" || line[0] == '#' {
			continue
		}
		code, name, ok := strings.Cut(line, "\t")
		if !ok || len(code) < 4 || code[2] != '-' {
			// The generator checks every line; a bad one can only be a
			// hand edit, and skipping it beats failing every lint.
			continue
		}
		s := Sub{Code: code, Name: name, Country: code[:2]}
		t.byCode[code] = s
		t.byCountry[s.Country] = append(t.byCountry[s.Country], s)
		k := s.Country + "\x00" + fold(name)
		t.byName[k] = append(t.byName[k], code)
	}
	return t
})

// Subdivision returns the subdivision with exactly this code (upper case,
// as ISO writes it), and false when there is none.
func Subdivision(code string) (Sub, bool) {
	s, ok := subs().byCode[code]
	return s, ok
}

// Subdivisions returns the subdivisions of the country with this alpha-2
// code, sorted by code. The slice is the caller's to keep or change.
func Subdivisions(alpha2 string) []Sub {
	list := subs().byCountry[alpha2]
	out := make([]Sub, len(list))
	copy(out, list)
	return out
}

// SuggestSubdivision returns the ISO 3166-2 code of the country with
// alpha-2 code alpha2 that input most likely means: the code in another
// case or with another separator ("us-ca", "US_CA"), the part after the
// hyphen alone ("CA"), or the subdivision's name ("California",
// "Ile de France"), compared without regard to case, spacing, punctuation or
// diacritics. A name borne by more than one subdivision of the country gives
// no suggestion. With alpha2 empty, only a code of any country in another
// case or with another separator is recognised.
func SuggestSubdivision(alpha2, input string) (string, bool) {
	s := strings.TrimSpace(input)
	code := codeForm(s)
	if code == "" {
		return "", false
	}
	if sub, ok := Subdivision(code); ok && (alpha2 == "" || sub.Country == alpha2) {
		return sub.Code, true
	}
	if alpha2 == "" {
		return "", false
	}
	if sub, ok := Subdivision(alpha2 + "-" + code); ok {
		return sub.Code, true
	}
	if codes := subs().byName[alpha2+"\x00"+fold(s)]; len(codes) == 1 {
		return codes[0], true
	}
	return "", false
}

// codeForm writes input as ISO writes a code: upper case, with a hyphen
// where a space, underscore or full stop follows the country part
// ("us_ca" gives "US-CA"). Input without that shape comes back upper-cased
// and trimmed.
func codeForm(input string) string {
	code := strings.ToUpper(strings.TrimSpace(input))
	if len(code) > 3 && strings.ContainsRune(" _.", rune(code[2])) {
		code = code[:2] + "-" + strings.TrimSpace(code[3:])
	}
	return code
}
