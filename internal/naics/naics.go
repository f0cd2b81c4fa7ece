// Package naics looks up six-digit industry codes of the North American
// Industry Classification System, 2022 edition (NAICS 2022), from a table
// embedded in the binary (see naics-2022.SOURCES.md for its source; the list
// is a US government work in the public domain).
//
// A "NAICS 2022 code" here means a six-digit national industry: exactly six
// ASCII digits that appear in the 2022 list. Sector, subsector, industry
// group and NAICS industry codes (two to five digits, and ranges such as
// "31-33") are not accepted, nor are codes of other editions that 2022 no
// longer has (for example 2017's 511210 Software Publishers, now 513210).
// Input is taken as given: no trimming, no removal of separators.
package naics

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
)

//go:embed naics-2022.tsv
var tableFile string

// Entry is one six-digit industry: its code and its official title.
type Entry struct {
	Code  string
	Title string
}

// entries is the table, sorted by code, parsed on first use.
var entries = sync.OnceValue(func() []Entry {
	es, err := parse(tableFile)
	if err != nil {
		panic("naics: embedded table: " + err.Error())
	}
	return es
})

// parse reads the embedded TSV: '#' comment lines, then CODE<TAB>TITLE lines
// sorted by code.
func parse(s string) ([]Entry, error) {
	var es []Entry
	for n, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		code, title, ok := strings.Cut(line, "\t")
		if !ok || !WellFormed(code) || title == "" || strings.TrimSpace(title) != title {
			return nil, fmt.Errorf("line %d: malformed: %q", n+1, line)
		}
		if len(es) > 0 && es[len(es)-1].Code >= code {
			return nil, fmt.Errorf("line %d: %s is out of order or repeated", n+1, code)
		}
		es = append(es, Entry{Code: code, Title: title})
	}
	return es, nil
}

// WellFormed reports whether code has the shape of a six-digit NAICS code:
// exactly six ASCII digits. It says nothing about whether the code exists;
// use Lookup for that.
func WellFormed(code string) bool {
	if len(code) != 6 {
		return false
	}
	for i := range len(code) {
		if code[i] < '0' || code[i] > '9' {
			return false
		}
	}
	return true
}

// Lookup returns the NAICS 2022 title of a six-digit code, and whether the
// code is one. Codes of other lengths, or with anything but ASCII digits,
// are never found.
func Lookup(code string) (title string, ok bool) {
	if !WellFormed(code) {
		return "", false
	}
	es := entries()
	i, found := slices.BinarySearchFunc(es, code, func(e Entry, c string) int {
		return strings.Compare(e.Code, c)
	})
	if !found {
		return "", false
	}
	return es[i].Title, true
}

// Count returns the number of six-digit codes in the table (1,012 for NAICS
// 2022).
func Count() int { return len(entries()) }

// Nearest returns up to k known six-digit codes closest to code, for
// suggesting a replacement for an unknown one. Candidates are ranked by the
// length of the prefix they share with code (same five-digit industry, then
// four-digit industry group, three-digit subsector, two-digit sector, then
// anything), then by numeric distance, then by code, so the result is
// deterministic. A code that is itself known comes first.
//
// code must be two to six ASCII digits; a shorter code is compared as if
// padded with zeros on the right (so "5415" ranks 541511 before 541519).
// For anything else, or k <= 0, Nearest returns nil.
func Nearest(code string, k int) []Entry {
	if k <= 0 || len(code) < 2 || len(code) > 6 {
		return nil
	}
	for i := range len(code) {
		if code[i] < '0' || code[i] > '9' {
			return nil
		}
	}
	target := atoi(code + strings.Repeat("0", 6-len(code)))

	type cand struct {
		e      Entry
		prefix int
		dist   int
	}
	es := entries()
	cs := make([]cand, len(es))
	for i, e := range es {
		p := 0
		for p < len(code) && e.Code[p] == code[p] {
			p++
		}
		d := atoi(e.Code) - target
		if d < 0 {
			d = -d
		}
		cs[i] = cand{e, p, d}
	}
	slices.SortFunc(cs, func(a, b cand) int {
		if a.prefix != b.prefix {
			return b.prefix - a.prefix
		}
		if a.dist != b.dist {
			return a.dist - b.dist
		}
		return strings.Compare(a.e.Code, b.e.Code)
	})
	out := make([]Entry, 0, min(k, len(cs)))
	for _, c := range cs[:min(k, len(cs))] {
		out = append(out, c.e)
	}
	return out
}

// atoi converts a string of ASCII digits (already checked) to an int.
func atoi(s string) int {
	n := 0
	for i := range len(s) {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
