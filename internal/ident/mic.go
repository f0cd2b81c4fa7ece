package ident

import (
	"fmt"
	"unicode/utf8"
)

// MIC checks that s has the shape of an ISO 10383 Market Identifier Code:
// exactly four upper-case ASCII letters or digits (XNAS, XNYS, XLON, XCX2).
// It returns "" when it does, or a reason. Whether the code is in the ISO
// 10383 register is not checked.
func MIC(s string) string {
	if n := utf8.RuneCountInString(s); n != 4 {
		return fmt.Sprintf("must be 4 characters, not %d", n)
	}
	if !hasNonAlnum(s) && hasLower(s) {
		return "letters must be upper case"
	}
	for i := range len(s) {
		if !isUpperAlnum(s[i]) {
			return "must contain only letters A-Z and digits 0-9"
		}
	}
	return ""
}
