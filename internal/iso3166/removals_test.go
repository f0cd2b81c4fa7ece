package iso3166

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withdrawnCodes pins the reviewed removals: a change to the list must
// change this test too.
var withdrawnCodes = map[string]struct {
	kind            RemovalKind
	date, successor string
}{
	"DK-015": {Withdrawn, "2007-12-13", "DK-84"},
	"DK-020": {Withdrawn, "2007-12-13", "DK-84"},
	"DK-025": {Withdrawn, "2007-12-13", "DK-85"},
	"DK-030": {Withdrawn, "2007-12-13", "DK-85"},
	"DK-035": {Withdrawn, "2007-12-13", "DK-85"},
	"DK-040": {Withdrawn, "2007-12-13", "DK-84"},
	"DK-042": {Withdrawn, "2007-12-13", "DK-83"},
	"DK-050": {Withdrawn, "2007-12-13", "DK-83"},
	"DK-055": {Withdrawn, "2007-12-13", "DK-83"},
	"DK-060": {Withdrawn, "2007-12-13", ""},
	"DK-065": {Withdrawn, "2007-12-13", ""},
	"DK-070": {Withdrawn, "2007-12-13", ""},
	"DK-076": {Withdrawn, "2007-12-13", ""},
	"DK-080": {Withdrawn, "2007-12-13", ""},
	"DK-101": {Withdrawn, "2007-12-13", "DK-84"},
	"DK-147": {Withdrawn, "2007-12-13", "DK-84"},
	"GB-EAW": {Grouping, "2021-08-27", ""},
	"GB-GBN": {Grouping, "2021-08-27", ""},
	"GB-UKM": {Grouping, "2021-08-27", ""},
	"GH-BA":  {Withdrawn, "2019-11-22", ""},
	"LU-D":   {Withdrawn, "2015-11-27", ""},
	"LU-G":   {Withdrawn, "2015-11-27", ""},
	"LU-L":   {Withdrawn, "2015-11-27", ""},
	"PK-TA":  {Withdrawn, "2019-11-22", "PK-KP"},
}

func TestRemovals(t *testing.T) {
	list := Removals()
	require.Len(t, list, len(withdrawnCodes))
	assert.True(t, slices.IsSortedFunc(list, func(a, b Removal) int { return strings.Compare(a.Code, b.Code) }),
		"Removed searches the list by binary search")
	code := regexp.MustCompile(`^[A-Z]{2}-[A-Z0-9]{1,3}$`)
	for _, r := range list {
		want, ok := withdrawnCodes[r.Code]
		if !assert.True(t, ok, "%s is not pinned in withdrawnCodes", r.Code) {
			continue
		}
		assert.Regexp(t, code, r.Code)
		assert.Equal(t, want.kind, r.Kind, r.Code)
		assert.Equal(t, want.date, r.Date, r.Code)
		_, err := time.Parse(time.DateOnly, r.Date)
		assert.NoError(t, err, r.Code)
		assert.NotEmpty(t, r.Name, r.Code)
		assert.NotEmpty(t, r.Note, r.Code)
		// Every entry names ISO's change and the iso-codes record of it.
		assert.Contains(t, r.Source, "ISO", r.Code)
		assert.Contains(t, r.Source, "iso-codes", r.Code)
		assert.Contains(t, r.Source, r.Date[:4], "the source is dated: %s", r.Code)

		_, current := Subdivision(r.Code)
		assert.False(t, current, "%s is refused by the lookup", r.Code)
		got, ok := Removed("", r.Code)
		assert.True(t, ok, r.Code)
		assert.Equal(t, r, got)

		assert.Equal(t, want.successor, r.Successor, r.Code)
		if r.Successor != "" {
			s, ok := Subdivision(r.Successor)
			if assert.True(t, ok, "the successor of %s, %s, is current", r.Code, r.Successor) {
				assert.Equal(t, r.Code[:2], s.Country)
			}
			assert.Contains(t, r.Note, r.Successor, "the note names the successor of %s", r.Code)
		}
		for _, c := range []string{r.Code, strings.ToLower(r.Code), strings.Replace(r.Code, "-", "_", 1)} {
			got, ok := SuggestSubdivision(r.Code[:2], c)
			assert.False(t, ok, "%q must not suggest itself, gave %s", c, got)
		}
	}
	list[0].Code = "XX-1"
	assert.Equal(t, "DK-015", Removals()[0].Code, "Removals must return a copy")
}

func TestRemoved(t *testing.T) {
	for _, tt := range []struct{ country, in, want string }{
		{"", "PK-TA", "PK-TA"},
		{"", "pk-ta", "PK-TA"},
		{"", " PK_TA ", "PK-TA"},
		{"PK", "TA", "PK-TA"},
		{"PK", "ta", "PK-TA"},
		{"US", "PK-TA", "PK-TA"}, // withdrawn whatever the address says
		{"LU", "D", "LU-D"},
		{"DK", "015", "DK-015"},
		{"GB", "UKM", "GB-UKM"},
		{"", "GB.GBN", "GB-GBN"},
	} {
		r, ok := Removed(tt.country, tt.in)
		assert.True(t, ok, "%s %q", tt.country, tt.in)
		assert.Equal(t, tt.want, r.Code, "%s %q", tt.country, tt.in)
	}
	for _, tt := range []struct{ country, in string }{
		{"", ""},
		{"", "TA"},       // no country, no bare part
		{"US", "TA"},     // US-TA was never a code
		{"PK", "PK-KP"},  // current
		{"LU", "LU-LU"},  // current
		{"GB", "GB-ENG"}, // a country of the United Kingdom, current
		{"PK", "Federally Administered Tribal Areas"},
	} {
		r, ok := Removed(tt.country, tt.in)
		assert.False(t, ok, "%s %q gave %s", tt.country, tt.in, r.Code)
	}
}

// The table carries no code the removals list refuses, and the countries
// of the UK stay: GB-ENG and its peers are the level an address may name
// when nothing finer is known.
func TestTableLeavesOutRemovals(t *testing.T) {
	for line := range strings.Lines(subdivisionData) {
		c, _, _ := strings.Cut(line, "\t")
		if _, ok := Removed("", c); ok && !strings.HasPrefix(line, "#") {
			t.Errorf("the table still lists %s", c)
		}
	}
	for _, c := range []string{"GB-ENG", "GB-NIR", "GB-SCT", "GB-WLS", "DK-81", "DK-82", "DK-83", "DK-84", "DK-85", "LU-CA", "LU-WI", "GH-AF", "GH-BE", "GH-BO", "PK-KP"} {
		_, ok := Subdivision(c)
		assert.True(t, ok, c)
	}
	assert.Len(t, Subdivisions("DK"), 5, "Denmark has five regions")
	assert.Len(t, Subdivisions("LU"), 12, "Luxembourg has twelve cantons")
	assert.Len(t, Subdivisions("GH"), 16, "Ghana has sixteen regions")
}
