package schema

// RuneClass is a pattern that is one character class with no anchor, such
// as \S ("not blank"): a string matches when it holds a rune of the class.
// It is what a generated validator uses for such a pattern in place of a
// compiled regular expression, which answers the same far more slowly.
// The class is a sorted list of inclusive ranges, lo and hi rune by rune,
// as regexp/syntax writes a character class.
//
// Like package regexp, it reads a byte that is not valid UTF-8 as U+FFFD.
type RuneClass []rune

// MatchString reports whether s holds a rune of the class.
func (c RuneClass) MatchString(s string) bool {
	for _, r := range s {
		for i := 0; i+1 < len(c) && r >= c[i]; i += 2 {
			if r <= c[i+1] {
				return true
			}
		}
	}
	return false
}
