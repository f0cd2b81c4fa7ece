package rules

import (
	"unicode"
	"unicode/utf8"
)

// Nearest returns the candidate closest to s by edit distance when it is
// close enough to be a plausible typo, or "". Case is ignored.
func Nearest(s string, candidates []string) string {
	n := utf8.RuneCountInString(s)
	limit := max(1, min(3, n/3))
	best, bestD := "", limit+1
	for _, c := range candidates {
		// The distance is at least the difference in length: a candidate
		// that differs more than the limit cannot be the answer.
		if m := utf8.RuneCountInString(c); m > n+limit || n > m+limit {
			continue
		}
		if d := editDistance(s, c, true); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// EditDistance is the Damerau–Levenshtein distance (optimal string
// alignment): a swap of two neighbours counts as one edit. Strings longer
// than 64 characters are as far as their length: no suggestion is made
// for them.
func EditDistance(a, b string) int { return editDistance(a, b, false) }

// editDistance is EditDistance, of the strings in lower case (as
// strings.ToLower writes them) when fold is set.
func editDistance(a, b string, fold bool) int {
	na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	if na > 64 || nb > 64 {
		return max(na, nb)
	}
	// Nearest runs this for every candidate of every suggestion: the
	// runes and the three rows live on the stack.
	var runes [2][64]rune
	var rows [3][65]int
	ra, rb := runes[0][:0], runes[1][:0]
	for _, r := range a {
		if fold {
			r = unicode.ToLower(r)
		}
		ra = append(ra, r)
	}
	for _, r := range b {
		if fold {
			r = unicode.ToLower(r)
		}
		rb = append(rb, r)
	}
	prev2, prev, cur := rows[0][:nb+1], rows[1][:nb+1], rows[2][:nb+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
