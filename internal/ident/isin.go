package ident

import (
	"fmt"
	"unicode/utf8"
)

// ISINFormat checks that s has the shape of an ISO 6166 International
// Securities Identification Number: 12 characters, two upper-case ASCII
// letters (the prefix, usually an ISO 3166-1 alpha-2 country code), nine
// upper-case letters or digits, and a check digit. It returns "" when it
// does, or a reason. The prefix is not checked against ISO 3166, since ISINs
// also use prefixes that are not countries (XS, EU, XC …); nor are the
// check digit (see ISINChecksum) or the ISIN's existence.
func ISINFormat(s string) string {
	if n := utf8.RuneCountInString(s); n != 12 {
		return fmt.Sprintf("must be 12 characters, not %d", n)
	}
	if !hasNonAlnum(s) && hasLower(s) {
		return "letters must be upper case"
	}
	for i := range 2 {
		if s[i] < 'A' || s[i] > 'Z' {
			return "must start with two letters (the country code)"
		}
	}
	for i := 2; i < 11; i++ {
		if !isUpperAlnum(s[i]) {
			return "characters 3 to 11 must be letters A-Z or digits 0-9"
		}
	}
	if !isDigit(s[11]) {
		return "the last character (check digit) must be a digit"
	}
	return ""
}

// ISINChecksum checks the check digit of an ISIN: letters are replaced by
// two digits (A=10 … Z=35) and the resulting digit string must pass the
// Luhn test. It returns "" when it does, a reason naming the expected check
// digit when it does not, or ISINFormat's reason when s is malformed.
func ISINChecksum(s string) string {
	if r := ISINFormat(s); r != "" {
		return r
	}
	want, _ := ISINCheckDigit(s[:11])
	if s[11] != want {
		return fmt.Sprintf("check digit %c does not match the rest of the ISIN (expected %c)", s[11], want)
	}
	return ""
}

// ISINCheckDigit computes the check digit (an ASCII digit) for the first 11
// characters of an ISIN (upper-case ASCII letters and digits). It reports
// false if prefix is not 11 such characters.
func ISINCheckDigit(prefix string) (byte, bool) {
	if len(prefix) != 11 {
		return 0, false
	}
	// Expand letters to two digits.
	digits := make([]byte, 0, 22)
	for i := range len(prefix) {
		b := prefix[i]
		switch {
		case isDigit(b):
			digits = append(digits, b-'0')
		case b >= 'A' && b <= 'Z':
			v := b - 'A' + 10
			digits = append(digits, v/10, v%10)
		default:
			return 0, false
		}
	}
	// Luhn: the check digit will be the rightmost, so the prefix's
	// rightmost digit is doubled, then every second one leftwards.
	sum := 0
	for i := range digits {
		d := int(digits[len(digits)-1-i])
		if i%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10), true
}
