package ident

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Published LEIs. The named ones are well-known entities' LEIs as listed by
// GLEIF; the others come from the "found online" list in python-stdnum's
// tests/test_lei.doctest. Each is also checked by bigMod97 below, a
// separate computation with math/big.
var publishedLEIs = []struct{ lei, who string }{
	{"HWUPKR0MPOU8FGXBT394", "Apple Inc."},
	{"INR2EJN1ERAN0W5ZP974", "Microsoft Corporation"},
	{"7LTWFZYICNSX8D621K86", "Deutsche Bank AG"},
	{"506700GE1G29325QX363", "Global Legal Entity Identifier Foundation"},
	{"8I5DZWZKVSZI1NUHU748", "JPMorgan Chase & Co."},
	{"784F5XWPLTWKTBV3E584", "The Goldman Sachs Group, Inc."},
	{"9DJT3UXIJIZJI4WXO774", "Bank of America Corporation"},
	{"6SHGI4ZSSLCXXQSBB395", "Citigroup Inc."},
	{"PBLD0EJDB5FWOLXP3B76", "Wells Fargo & Company"},
	{"MLU0ZO3ML4LN2LL2TL39", "HSBC Holdings plc"},
	{"G5GSEF7VJP5I7OUK5573", "Barclays Bank PLC"},
	{"213800LBQA1Y9L22JB70", "Barclays PLC"},
	{"0YPKKE5F0QW6RC51HE09", "python-stdnum"},
	{"2138001CY61HDFJ5ZA27", "python-stdnum"},
	{"5299007DT4PDT06SZM22", "python-stdnum"},
	{"549300001TP7X0VE9866", "python-stdnum"},
	{"815600065E4EA9D08446", "python-stdnum"},
	{"959800Q824KQDPCZPV58", "python-stdnum"},
	{"969500BL7YE3PXKDYT35", "python-stdnum"},
	{"FIR47I6FEYKYNJBYW622", "python-stdnum"},
	{"XNIO7KHWR2WD0BP1F484", "python-stdnum"},
}

// bigMod97 is the textbook computation, independent of mod97: spell the
// letters out as A=10 … Z=35 and take the whole decimal number modulo 97.
func bigMod97(t *testing.T, s string) int64 {
	var b strings.Builder
	for _, r := range s {
		v, err := strconv.ParseInt(string(r), 36, 64)
		require.NoError(t, err)
		b.WriteString(strconv.FormatInt(v, 10))
	}
	n, ok := new(big.Int).SetString(b.String(), 10)
	require.True(t, ok)
	return new(big.Int).Mod(n, big.NewInt(97)).Int64()
}

func TestLEIPublished(t *testing.T) {
	for _, tc := range publishedLEIs {
		assert.Equal(t, int64(1), bigMod97(t, tc.lei), "independent check: %s (%s)", tc.lei, tc.who)
		assert.Empty(t, LEIFormat(tc.lei), tc.lei)
		assert.Empty(t, LEIChecksum(tc.lei), tc.lei)
		cd, ok := LEICheckDigits(tc.lei[:18])
		assert.True(t, ok)
		assert.Equal(t, tc.lei[18:], cd, tc.lei)
	}
}

func TestLEIFormat(t *testing.T) {
	for _, tc := range []struct{ in, reason string }{
		{"", "must be 20 characters, not 0"},
		{"HWUPKR0MPOU8FGXBT39", "must be 20 characters, not 19"},
		{"HWUPKR0MPOU8FGXBT3940", "must be 20 characters, not 21"},
		{" HWUPKR0MPOU8FGXBT39", "must contain only letters A-Z and digits 0-9"},
		{"HWUPKR0MPOU8FGXBT39 ", "must contain only letters A-Z and digits 0-9"},
		{"HWUPKR0MPOU8-GXBT394", "must contain only letters A-Z and digits 0-9"},
		{"hwupkr0mpou8fgxbt394", "letters must be upper case"},
		{"HWUPKR0MPOU8FGXbT394", "letters must be upper case"},
		{"hwupkr0mpou8fgxbt39-", "must contain only letters A-Z and digits 0-9"},
		{"HWUPKR0MPOU8FGXBÜ394", "must contain only letters A-Z and digits 0-9"},
		{"HWUPKR0MPOU8FGXBT3A4", "the last two characters (check digits) must be digits"},
		{"HWUPKR0MPOU8FGXBT39A", "the last two characters (check digits) must be digits"},
		{"HWUPKR0MPOU8FGXBT395", ""}, // well-formed; the check digits are LEIChecksum's business
	} {
		assert.Equal(t, tc.reason, LEIFormat(tc.in), "%q", tc.in)
	}
}

func TestLEIChecksumMutations(t *testing.T) {
	// Explicit mutations of real LEIs.
	for _, tc := range []struct{ in, reason string }{
		{"HWUPKR0MPOU8FGXBT395", "check digits 95 do not match the rest of the LEI (expected 94)"},
		{"HWUPKR0MPOU8FGXBT349", "check digits 49 do not match the rest of the LEI (expected 94)"},
		{"HWUPKR0MPOU8FGXTB394", "check digits 94 do not match the rest of the LEI (expected 81)"},
		{"7LTWFZYICNSX8D621K87", "check digits 87 do not match the rest of the LEI (expected 86)"},
		{"7LTWFZYICNSX8D621K68", "check digits 68 do not match the rest of the LEI (expected 86)"},
		{"7LTWFZYICNSXBD621K86", "check digits 86 do not match the rest of the LEI (expected 74)"},
		{"506700GE1G29325QX336", "check digits 36 do not match the rest of the LEI (expected 63)"},
		{"hwupkr0mpou8fgxbt394", "letters must be upper case"},
	} {
		assert.Equal(t, tc.reason, LEIChecksum(tc.in), tc.in)
		if LEIFormat(tc.in) == "" {
			assert.NotEqual(t, int64(1), bigMod97(t, tc.in), "independent check: %s", tc.in)
		}
	}

	// Every single-character substitution and adjacent transposition of
	// every published LEI: LEIChecksum must agree with the independent
	// computation (and the check digits are never 00, 01 or 99).
	const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	detected, total := 0, 0
	try := func(m string) {
		if LEIFormat(m) != "" {
			return
		}
		total++
		want := bigMod97(t, m) == 1 && m[18:] != "00" && m[18:] != "01" && m[18:] != "99"
		got := LEIChecksum(m) == ""
		require.Equal(t, want, got, m)
		if !got {
			detected++
		}
	}
	for _, tc := range publishedLEIs {
		for i := range 20 {
			for _, c := range []byte(alphabet) {
				if c != tc.lei[i] {
					try(tc.lei[:i] + string(c) + tc.lei[i+1:])
				}
			}
			if i < 19 && tc.lei[i] != tc.lei[i+1] {
				b := []byte(tc.lei)
				b[i], b[i+1] = b[i+1], b[i]
				try(string(b))
			}
		}
	}
	assert.Greater(t, total, 10000)
	// MOD 97-10 catches nearly all such errors (letters spell two digits,
	// so it cannot promise all of them).
	assert.Greater(t, float64(detected)/float64(total), 0.98, "%d of %d", detected, total)
}

func TestLEICheckDigits(t *testing.T) {
	for _, bad := range []string{"", "HWUPKR0MPOU8FGXBT", "HWUPKR0MPOU8FGXBT39", "hwupkr0mpou8fgxbt3", "HWUPKR0MPOU8FGXB-3"} {
		_, ok := LEICheckDigits(bad)
		assert.False(t, ok, "%q", bad)
	}
	// Any prefix plus its check digits is valid by the independent check,
	// and the digits are always 02 to 98.
	for _, p := range []string{"000000000000000000", "ZZZZZZZZZZZZZZZZZZ", "5493000000000000AB", "213800ABCDEFGHIJKL", "HWUPKR0MPOU8FGXBT3"} {
		cd, ok := LEICheckDigits(p)
		require.True(t, ok, p)
		assert.Equal(t, int64(1), bigMod97(t, p+cd), p)
		assert.Empty(t, LEIChecksum(p+cd))
		n, _ := strconv.Atoi(cd)
		assert.True(t, n >= 2 && n <= 98, cd)
	}
}

// A check-digit pair of 00, 01 or 99 can pass the remainder test but is
// never issued; LEIChecksum refuses it.
func TestLEIChecksumImpossibleDigits(t *testing.T) {
	found := 0
	for i := range 100000 {
		p := fmt.Sprintf("549300000000%06d", i)
		cd, _ := LEICheckDigits(p)
		var alt string
		switch cd {
		case "97":
			alt = "00"
		case "98":
			alt = "01"
		case "02":
			alt = "99"
		default:
			continue
		}
		require.Equal(t, int64(1), bigMod97(t, p+alt), p+alt)
		assert.NotEmpty(t, LEIChecksum(p+alt), p+alt)
		found++
		if found >= 6 {
			break
		}
	}
	assert.Equal(t, 6, found)
}
