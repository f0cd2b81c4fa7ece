package rules

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEditDistance(t *testing.T) {
	long := strings.Repeat("a", 65)
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "abc", 3}, {"kitten", "sitting", 3},
		{"FEMALE", "FMEALE", 1}, // a swap of neighbours is one edit
		{"ca", "abc", 3},        // optimal string alignment, not full Damerau–Levenshtein
		{"Ünïcode", "Unicode", 2}, {"日本", "日本語", 1},
		{long, "a", 65}, {"a", long, 65}, {long, long, 65}, // too long to suggest for
	} {
		assert.Equal(t, c.want, EditDistance(c.a, c.b), "%q %q", c.a, c.b)
	}
	assert.Equal(t, "FEMALE", Nearest("femal", []string{"MALE", "FEMALE"}))
	assert.Equal(t, "", Nearest("xyz", []string{"MALE", "FEMALE"}))
}

// Nearest's case folding reads as strings.ToLower on both sides would.
func FuzzEditDistanceFolds(f *testing.F) {
	f.Add("Straße", "STRASSE")
	f.Add("ΣΊΣΥΦΟΣ", "σίσυφος")
	f.Add("a\xffB", "A\xefb")
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := editDistance(a, b, true), EditDistance(strings.ToLower(a), strings.ToLower(b)); got != want {
			t.Fatalf("%q %q: %d folded, %d after strings.ToLower", a, b, got, want)
		}
	})
}

// Every candidate of every suggestion is measured: it allocates nothing.
func TestNearestAllocatesNothing(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	candidates := []string{"MALE", "FEMALE", "PASSPORT", "NATIONAL_ID"}
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = Nearest("Pasport", candidates) }))
}

// nearestByDistance is Nearest as first written: every candidate measured.
func nearestByDistance(s string, candidates []string) string {
	best, bestD := "", -1
	for _, c := range candidates {
		d := EditDistance(strings.ToLower(s), strings.ToLower(c))
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD < 0 || bestD > max(1, min(3, len([]rune(s))/3)) {
		return ""
	}
	return best
}

// Skipping the candidates too long or too short to be near never changes
// the answer.
func FuzzNearestSkipsOnlyTheFar(f *testing.F) {
	f.Add("femal", "FEMALE,MALE,FEMALES")
	f.Add("pasport", "PASSPORT,PASSPORTS,PASS")
	f.Add("", "a,,b")
	f.Fuzz(func(t *testing.T, s, list string) {
		candidates := strings.Split(list, ",")
		if got, want := Nearest(s, candidates), nearestByDistance(s, candidates); got != want {
			t.Fatalf("%q among %q: %q, measuring all gives %q", s, candidates, got, want)
		}
	})
}
