package naics

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The embedded file must be the one naics-2022.SOURCES.md describes.
func TestTableFile(t *testing.T) {
	sum := sha256.Sum256([]byte(tableFile))
	assert.Equal(t, "687cdc5987cd9408d41def9b0c52d2372b6c0bccc9ba38698a913e74135e6010", hex.EncodeToString(sum[:]))

	// Count the data lines independently of parse.
	six := regexp.MustCompile(`^[0-9]{6}\t\S.*\S$`)
	n := 0
	sc := bufio.NewScanner(strings.NewReader(tableFile))
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		require.Regexp(t, six, sc.Text())
		n++
	}
	assert.Equal(t, 1012, n, "NAICS 2022 has 1,012 six-digit national industries")
	assert.Equal(t, n, Count())
}

func TestEntriesSortedAndUnique(t *testing.T) {
	es := entries()
	assert.True(t, slices.IsSortedFunc(es, func(a, b Entry) int { return strings.Compare(a.Code, b.Code) }))
	seen := map[string]bool{}
	for _, e := range es {
		assert.False(t, seen[e.Code], e.Code)
		seen[e.Code] = true
		title, ok := Lookup(e.Code)
		assert.True(t, ok, e.Code)
		assert.Equal(t, e.Title, title)
		assert.NotContains(t, e.Title, "\u00a0")
		assert.NotRegexp(t, `[a-z)]T$`, e.Title, "no trilateral footnote marker")
	}
}

func TestLookupKnown(t *testing.T) {
	for code, title := range map[string]string{
		"111110": "Soybean Farming",
		"211120": "Crude Petroleum Extraction", // ended in a no-break space in the source
		"522110": "Commercial Banking",
		"522180": "Savings Institutions and Other Depository Credit Intermediation",
		"541511": "Custom Computer Programming Services",
		"541519": "Other Computer Related Services",
		"722511": "Full-Service Restaurants",
		"928120": "International Affairs",
		// New in NAICS 2022.
		"212114": "Surface Coal Mining",
		"455211": "Warehouse Clubs and Supercenters",
		"459999": "All Other Miscellaneous Retailers",
		"513210": "Software Publishers",
		"516210": "Media Streaming Distribution Services, Social Networks, and Other Media Networks and Content Providers",
	} {
		got, ok := Lookup(code)
		assert.True(t, ok, code)
		assert.Equal(t, title, got, code)
	}
}

func TestLookupUnknown(t *testing.T) {
	for _, code := range []string{
		// NAICS 2017 codes that 2022 dropped (checked against the Census 2017 file).
		"212111", "212112", "212113", "511210", "515210", "519130", "452210", "452311", "454110",
		"515111", "515112", "515120", "511110", "517311", "517312", "517911", "517919", "519190",
		"522120", "522190", "523110", "523120", "523130", "523140", "811112", "811113", "811118",
		"315220", "315240", "315280", "333244", "333249", "333314", "333316", "333318",
		"336111", "336112", "424320", "424330", "441228", "441310", "441320",
		"442110", "443142", "446110", "447110", "448110", "451110", "453110",
		// Never NAICS codes.
		"000000", "999999", "541510", "960000", "990000",
		// Levels above six digits, ranges, and malformed input.
		"54", "541", "5415", "54151", "31-33", "44-45", "5415111", "",
		" 541511", "541511 ", "54-1511", "541 511", "54151a", "５４１５１１",
	} {
		title, ok := Lookup(code)
		assert.False(t, ok, "%q", code)
		assert.Empty(t, title, "%q", code)
	}
}

func TestWellFormed(t *testing.T) {
	for _, c := range []string{"541511", "000000", "999999"} {
		assert.True(t, WellFormed(c), c)
	}
	for _, c := range []string{"", "54151", "5415111", "54151a", " 41511", "54-151", "٥٤١٥١١"} {
		assert.False(t, WellFormed(c), "%q", c)
	}
}

func codes(es []Entry) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Code
	}
	return out
}

func TestNearest(t *testing.T) {
	for _, tc := range []struct {
		code string
		k    int
		want []string
	}{
		// Same five-digit industry first, nearest number first.
		{"541510", 3, []string{"541511", "541512", "541513"}},
		{"541599", 4, []string{"541519", "541513", "541512", "541511"}},
		// A known code comes first.
		{"541512", 3, []string{"541512", "541511", "541513"}},
		// 2017's Savings Institutions: equal distance to 522110 and 522130, lower code first.
		{"522120", 3, []string{"522110", "522130", "522180"}},
		// Shared four digits beats a smaller distance: 541690 is 21 away from
		// 541711 but shares only "541"; 541713..541720 share "5417".
		{"541711", 2, []string{"541713", "541714"}},
		// Shorter codes are padded with zeros.
		{"5415", 2, []string{"541511", "541512"}},
		{"54", 1, []string{"541110"}},
		// 2017's Software Publishers: no 511xxx left, so the nearest 51xxxx.
		{"511210", 1, []string{"512110"}},
		// k larger than the table.
		{"111110", 5000, nil},
	} {
		got := Nearest(tc.code, tc.k)
		if tc.want == nil {
			assert.Len(t, got, Count(), tc.code)
			continue
		}
		assert.Equal(t, tc.want, codes(got), tc.code)
		for _, e := range got {
			title, ok := Lookup(e.Code)
			assert.True(t, ok)
			assert.Equal(t, title, e.Title)
		}
	}

	for _, tc := range []struct {
		code string
		k    int
	}{{"541511", 0}, {"541511", -1}, {"5", 3}, {"", 3}, {"5415111", 3}, {"54151a", 3}, {"31-33", 3}} {
		assert.Nil(t, Nearest(tc.code, tc.k), "%q %d", tc.code, tc.k)
	}
}

// Nearest must be deterministic and its ranking consistent with its
// documented order, for every possible prefix of every known code.
func TestNearestOrder(t *testing.T) {
	queries := map[string]bool{}
	for _, e := range entries() {
		for _, q := range []string{e.Code[:5] + "0", e.Code[:5] + "9", e.Code[:4], e.Code[:3] + "999", e.Code[:2]} {
			queries[q] = true
		}
	}
	target := func(q string) int { return atoi(q + strings.Repeat("0", 6-len(q))) }
	for q := range queries {
		a := Nearest(q, 8)
		require.Equal(t, a, Nearest(q, 8))
		require.Len(t, a, 8)
		prevPrefix, prevDist, prevCode := 7, -1, ""
		for _, x := range a {
			p := 0
			for p < len(q) && x.Code[p] == q[p] {
				p++
			}
			d := atoi(x.Code) - target(q)
			d = max(d, -d)
			require.LessOrEqual(t, p, prevPrefix, "%s: %v", q, codes(a))
			if p == prevPrefix {
				require.True(t, d > prevDist || d == prevDist && x.Code > prevCode, "%s: %v", q, codes(a))
			}
			prevPrefix, prevDist, prevCode = p, d, x.Code
		}
	}
}

func TestParseRejects(t *testing.T) {
	for _, s := range []string{
		"111110\tSoybean Farming\n111110\tSoybean Farming\n",
		"111120\tA\n111110\tB\n",
		"11111\tShort\n",
		"111110 Soybean Farming\n",
		"111110\t\n",
		"111110\tTrailing \n",
	} {
		_, err := parse(s)
		assert.Error(t, err, "%q", s)
	}
	es, err := parse("# c\n111110\tSoybean Farming\n111120\tOilseed (except Soybean) Farming\n")
	require.NoError(t, err)
	assert.Equal(t, []Entry{{"111110", "Soybean Farming"}, {"111120", "Oilseed (except Soybean) Farming"}}, es)
}
