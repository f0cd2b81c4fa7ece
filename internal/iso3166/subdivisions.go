package iso3166

import (
	_ "embed"
	"slices"
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

// The code table is built on the first check of a subdivision: one slice
// of the embedded lines, in code order, searched by halves (a map of 5,000
// entries took milliseconds to build, on the path of a one-file run). The
// names, folded for suggestions (transliterated and lowered, which takes
// far longer), are built only when a suggestion is wanted: a payload with
// a valid subdivision never pays for them.
var subs = sync.OnceValue(func() []Sub {
	list := make([]Sub, 0, 5100)
	eachSub(func(s Sub) { list = append(list, s) })
	// The generator writes the lines in code order; a hand edit that broke
	// it must not break the search.
	slices.SortStableFunc(list, func(a, b Sub) int { return strings.Compare(a.Code, b.Code) })
	return list
})

// subNames maps a country's alpha-2 and a folded name to the codes that
// bear it; a name may repeat at different levels of one country.
var subNames = sync.OnceValue(func() map[string][]string {
	byName := make(map[string][]string, 5100)
	eachSub(func(s Sub) {
		k := s.Country + "\x00" + fold(s.Name)
		byName[k] = append(byName[k], s.Code)
	})
	return byName
})

// eachSub calls fn with every subdivision of the table, in code order.
func eachSub(fn func(Sub)) {
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
		fn(Sub{Code: code, Name: name, Country: code[:2]})
	}
}

// Subdivision returns the subdivision with exactly this code (upper case,
// as ISO writes it), and false when there is none.
func Subdivision(code string) (Sub, bool) {
	list := subs()
	i, ok := slices.BinarySearchFunc(list, code, func(s Sub, code string) int { return strings.Compare(s.Code, code) })
	if !ok {
		return Sub{}, false
	}
	return list[i], true
}

// Subdivisions returns the subdivisions of the country with this alpha-2
// code, sorted by code. The slice is the caller's to keep or change.
func Subdivisions(alpha2 string) []Sub {
	list := subs()
	// The codes of a country are "XX-" and more: one run of the list.
	prefix := alpha2 + "-"
	lo, _ := slices.BinarySearchFunc(list, prefix, func(s Sub, p string) int { return strings.Compare(s.Code, p) })
	hi := lo
	for hi < len(list) && strings.HasPrefix(list[hi].Code, prefix) {
		hi++
	}
	return slices.Clone(list[lo:hi:hi])
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
	if codes := subNames()[alpha2+"\x00"+fold(s)]; len(codes) == 1 {
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
