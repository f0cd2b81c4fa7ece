package ident

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Published ISINs: well-known securities, and part of the "found online"
// list in python-stdnum's tests/test_isin.doctest. Each is also checked by
// luhnValid below, a separate computation.
var publishedISINs = []struct{ isin, what string }{
	{"US0378331005", "Apple Inc."},
	{"US5949181045", "Microsoft Corporation"},
	{"US4592001014", "IBM"},
	{"US02079K3059", "Alphabet Inc. class A"},
	{"US88160R1014", "Tesla, Inc."},
	{"US46625H1005", "JPMorgan Chase & Co."},
	{"DE0007164600", "SAP SE"},
	{"DE0005140008", "Deutsche Bank AG"},
	{"AU0000XVGZA3", "Treasury Corporation of Victoria bond"},
	{"GB0002634946", "BAE Systems plc"},
	{"GB00B03MLX29", "Royal Dutch Shell plc class A"},
	{"CH0012221716", "ABB Ltd"},
	{"JP3435000009", "Sony Group Corporation"},
	{"FR0000120271", "TotalEnergies SE"},
	{"IE00B4BNMY34", "Accenture plc"},
	{"NL0010273215", "ASML Holding N.V."},
	{"AU0000ARUAM8", "python-stdnum"},
	{"AU000XINAV76", "python-stdnum"},
	{"CNE100000114", "python-stdnum"},
	{"CNE100001M79", "python-stdnum"},
	{"KYG4643G1029", "python-stdnum"},
	{"INE019A07282", "python-stdnum"},
	{"INF209K01MJ3", "python-stdnum"},
	{"XS0458685913", "python-stdnum"},
	{"XF0000C14922", "python-stdnum"},
	{"BMG9834K1505", "python-stdnum"},
	{"CWN8141V6954", "python-stdnum"},
	{"LU0455009182", "python-stdnum"},
	{"US36962GXS82", "python-stdnum"},
}

// luhnValid is the textbook Luhn test on the whole expanded ISIN,
// independent of ISINCheckDigit: spell letters out as A=10 … Z=35, then from
// the right double every second digit, add up the digits of the results,
// and require a multiple of 10.
func luhnValid(t *testing.T, s string) bool {
	var b strings.Builder
	for _, r := range s {
		v, err := strconv.ParseInt(string(r), 36, 64)
		require.NoError(t, err)
		b.WriteString(strconv.FormatInt(v, 10))
	}
	digits := b.String()
	sum := 0
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if (len(digits)-1-i)%2 == 1 {
			d *= 2
		}
		sum += d/10 + d%10
	}
	return sum%10 == 0
}

func TestISINPublished(t *testing.T) {
	for _, tc := range publishedISINs {
		assert.True(t, luhnValid(t, tc.isin), "independent check: %s (%s)", tc.isin, tc.what)
		assert.Empty(t, ISINFormat(tc.isin), tc.isin)
		assert.Empty(t, ISINChecksum(tc.isin), tc.isin)
		cd, ok := ISINCheckDigit(tc.isin[:11])
		assert.True(t, ok)
		assert.Equal(t, tc.isin[11], cd, tc.isin)
	}
}

func TestISINFormat(t *testing.T) {
	for _, tc := range []struct{ in, reason string }{
		{"", "must be 12 characters, not 0"},
		{"US037833100", "must be 12 characters, not 11"},
		{"US03783310055", "must be 12 characters, not 13"},
		{"US 378331005", "characters 3 to 11 must be letters A-Z or digits 0-9"},
		{"us0378331005", "letters must be upper case"},
		{"Us0378331005", "letters must be upper case"},
		{"U50378331005", "must start with two letters (the country code)"},
		{"1S0378331005", "must start with two letters (the country code)"},
		{"US-378331005", "characters 3 to 11 must be letters A-Z or digits 0-9"},
		{"US037833100X", "the last character (check digit) must be a digit"},
		{"US037833100é", "the last character (check digit) must be a digit"},
		{"ÜS0378331005", "must start with two letters (the country code)"},
		{"ZZ0378331005", ""}, // the prefix is not checked against ISO 3166
		{"US0378331006", ""}, // well-formed; the check digit is ISINChecksum's business
	} {
		assert.Equal(t, tc.reason, ISINFormat(tc.in), "%q", tc.in)
	}
}

func TestISINChecksumMutations(t *testing.T) {
	for _, tc := range []struct{ in, reason string }{
		{"US0378331006", "check digit 6 does not match the rest of the ISIN (expected 5)"},
		{"US0378331015", "check digit 5 does not match the rest of the ISIN (expected 3)"},
		{"US0387331005", "check digit 5 does not match the rest of the ISIN (expected 4)"},
		{"US5949181054", "check digit 4 does not match the rest of the ISIN (expected 2)"},
		{"DE0007164601", "check digit 1 does not match the rest of the ISIN (expected 0)"},
		{"GB0002634964", "check digit 4 does not match the rest of the ISIN (expected 1)"},
		{"GB0002643946", "check digit 6 does not match the rest of the ISIN (expected 7)"},
		{"us0378331005", "letters must be upper case"},
	} {
		assert.Equal(t, tc.reason, ISINChecksum(tc.in), tc.in)
		if ISINFormat(tc.in) == "" {
			assert.False(t, luhnValid(t, tc.in), "independent check: %s", tc.in)
		}
	}
	// A known blind spot of Luhn: swapping the letters Z (35) and A (10)
	// gives the same digit sum, so this mutation of AU0000XVGZA3 passes.
	assert.True(t, luhnValid(t, "AU0000XVGAZ3"))
	assert.Empty(t, ISINChecksum("AU0000XVGAZ3"))

	// Every single-character substitution and adjacent transposition of
	// every published ISIN: ISINChecksum must agree with the independent
	// Luhn test.
	const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	total, detected := 0, 0
	try := func(m string) {
		if ISINFormat(m) != "" {
			return
		}
		total++
		got := ISINChecksum(m) == ""
		require.Equal(t, luhnValid(t, m), got, m)
		if !got {
			detected++
		}
	}
	for _, tc := range publishedISINs {
		for i := range 12 {
			for _, c := range []byte(alphabet) {
				if c != tc.isin[i] {
					try(tc.isin[:i] + string(c) + tc.isin[i+1:])
				}
			}
			if i < 11 && tc.isin[i] != tc.isin[i+1] {
				b := []byte(tc.isin)
				b[i], b[i+1] = b[i+1], b[i]
				try(string(b))
			}
		}
	}
	assert.Greater(t, total, 5000)
	// Luhn catches every single-digit substitution; with letters spelled as
	// two digits some substitutions and transpositions slip through.
	assert.Greater(t, float64(detected)/float64(total), 0.85, "%d of %d", detected, total)
}

func TestISINCheckDigit(t *testing.T) {
	for _, bad := range []string{"", "US03783310", "US0378331005", "us037833100", "US-37833100"} {
		_, ok := ISINCheckDigit(bad)
		assert.False(t, ok, "%q", bad)
	}
	// Exactly one digit completes any prefix.
	for _, p := range []string{"US037833100", "AU0000XVGZA", "XS000000000", "ZZZZZZZZZZZ", "AA000000000"} {
		cd, ok := ISINCheckDigit(p)
		require.True(t, ok)
		n := 0
		for d := byte('0'); d <= '9'; d++ {
			if luhnValid(t, p+string(d)) {
				n++
				assert.Equal(t, d, cd, p)
			}
		}
		assert.Equal(t, 1, n, p)
	}
}
