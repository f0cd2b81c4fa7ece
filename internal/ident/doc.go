// Package ident checks the shape, and where there is one the check digits,
// of identifiers and address fragments that business records carry: LEI,
// ISIN, MIC, US EIN, website URLs, and P.O. boxes in street lines.
//
// Every function is pure and uses no network. Checks return a short,
// lower-case reason ("" when the value is fine) that a rule can quote after
// the field name. Where a value can be malformed or merely fail its check
// digits, the two are separate functions (for example LEIFormat and
// LEIChecksum), so that a rule can make the first an error and the second a
// warning. Input is taken as given: nothing is trimmed or upper-cased.
package ident

// isUpperAlnum reports whether b is an ASCII upper-case letter or digit.
func isUpperAlnum(b byte) bool {
	return b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// isDigit reports whether b is an ASCII digit.
func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// isLower reports whether b is an ASCII lower-case letter.
func isLower(b byte) bool { return b >= 'a' && b <= 'z' }

// hasLower reports whether s has an ASCII lower-case letter.
func hasLower(s string) bool {
	for i := range len(s) {
		if isLower(s[i]) {
			return true
		}
	}
	return false
}
