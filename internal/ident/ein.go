package ident

// EIN checks that s has the shape of a US Employer Identification Number:
// nine ASCII digits, written either as NN-NNNNNNN or as NNNNNNNNN. It
// returns "" when it does, or a reason. Other separators (spaces, dots, a
// hyphen elsewhere) are refused. EINs have no check digit, and whether the
// two-digit prefix belongs to an IRS campus is not checked.
func EIN(s string) string {
	const reason = "must be nine digits, written NN-NNNNNNN or NNNNNNNNN"
	switch len(s) {
	case 9:
		if allDigits(s) {
			return ""
		}
	case 10:
		if s[2] == '-' && allDigits(s[:2]) && allDigits(s[3:]) {
			return ""
		}
	}
	return reason
}

// allDigits reports whether s is non-empty and all ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := range len(s) {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
