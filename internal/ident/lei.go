package ident

import (
	"fmt"
	"unicode/utf8"
)

// LEIFormat checks that s has the shape of an ISO 17442 Legal Entity
// Identifier: 20 characters, upper-case ASCII letters and digits, the last
// two digits (the check digits). It returns "" when it does, or a reason.
// It does not verify the check digits (see LEIChecksum) or that the LEI was
// ever issued.
func LEIFormat(s string) string {
	if n := utf8.RuneCountInString(s); n != 20 {
		return fmt.Sprintf("must be 20 characters, not %d", n)
	}
	for i := range len(s) {
		if !isUpperAlnum(s[i]) {
			if isLower(s[i]) && !hasNonAlnum(s) {
				return "letters must be upper case"
			}
			return "must contain only letters A-Z and digits 0-9"
		}
	}
	if !isDigit(s[18]) || !isDigit(s[19]) {
		return "the last two characters (check digits) must be digits"
	}
	return ""
}

// hasNonAlnum reports whether s has a byte that is not an ASCII letter or
// digit.
func hasNonAlnum(s string) bool {
	for i := range len(s) {
		if !isUpperAlnum(s[i]) && !isLower(s[i]) {
			return true
		}
	}
	return false
}

// LEIChecksum checks the ISO 7064 MOD 97-10 check digits of an LEI: with
// letters read as numbers (A=10 … Z=35), the 20 characters as one integer
// must leave remainder 1 when divided by 97. It returns "" when they do, a
// reason naming the expected check digits when they do not, or
// LEIFormat's reason when s is malformed.
//
// It also rejects the check digits 00, 01 and 99, which pass the remainder
// test for some prefixes but are never computed (ISO 7064 gives 02 to 98;
// those three stand for 97, 98 and 02): a valid LEI's last two characters
// always equal LEICheckDigits of its first 18.
func LEIChecksum(s string) string {
	if r := LEIFormat(s); r != "" {
		return r
	}
	want, _ := LEICheckDigits(s[:18])
	if s[18:] != want {
		return fmt.Sprintf("check digits %s do not match the rest of the LEI (expected %s)", s[18:], want)
	}
	return ""
}

// LEICheckDigits computes the two ISO 7064 MOD 97-10 check digits for the
// first 18 characters of an LEI (upper-case ASCII letters and digits), so
// that prefix+digits is valid. It reports false if prefix is not 18 such
// characters.
func LEICheckDigits(prefix string) (string, bool) {
	if len(prefix) != 18 {
		return "", false
	}
	for i := range len(prefix) {
		if !isUpperAlnum(prefix[i]) {
			return "", false
		}
	}
	// Append "00" and take 98 minus the remainder.
	c := 98 - mod97(prefix+"00")
	return string([]byte{byte('0' + c/10), byte('0' + c%10)}), true
}

// mod97 returns the value of s, upper-case letters and digits with letters
// read as A=10 … Z=35, modulo 97.
func mod97(s string) int {
	r := 0
	for i := range len(s) {
		b := s[i]
		if isDigit(b) {
			r = (r*10 + int(b-'0')) % 97
		} else {
			r = (r*100 + int(b-'A'+10)) % 97
		}
	}
	return r
}
