package rules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAgeRange(t *testing.T) {
	// testNow is 2026-11-26.
	tests := []struct {
		name, dob string
		msg       string // "" for no finding
	}{
		{"reference payload", "1990-04-15", ""},
		{"18 today", "2008-11-26", ""},
		{"18 tomorrow", "2008-11-27", `dob "2008-11-27" makes the customer 17 on 2026-11-26; the API accepts ages 18 to 120`},
		{"120 today", "1906-11-26", ""},
		{"121 tomorrow", "1905-11-27", ""},
		{"121 today", "1905-11-26", `dob "1905-11-26" makes the customer 121 on 2026-11-26; the API accepts ages 18 to 120`},
		{"born today", "2026-11-26", `dob "2026-11-26" makes the customer 0 on 2026-11-26; the API accepts ages 18 to 120`},
		{"born tomorrow", "2026-11-27", `dob "2026-11-27" is in the future (today is 2026-11-26 UTC)`},
		{"far future", "3026-01-01", `dob "3026-01-01" is in the future (today is 2026-11-26 UTC)`},
		{"placeholder", "1900-01-01", `dob "1900-01-01" makes the customer 126 on 2026-11-26; the API accepts ages 18 to 120`},
		{"year zero", "0000-01-01", `dob "0000-01-01" makes the customer 2026 on 2026-11-26; the API accepts ages 18 to 120`},
		{"not a real date", "2008-02-30", ""},
		{"with a time", "2008-11-27T00:00:00Z", ""},
		{"other order", "27/11/2008", ""},
		{"spaces", " 2008-11-27", ""},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := check(t, AgeRange, mergedWith(t, map[string]any{"basic_info": map[string]any{"dob": tc.dob}}))
			if tc.msg == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			assert.Equal(t, brief{"/basic_info/dob", Error, ""}, briefs(got)[0])
			assert.Equal(t, "age-range", got[0].Rule)
			assert.Equal(t, tc.msg, got[0].Message)
		})
	}
}

func TestAgeRangeLeapDayBirthday(t *testing.T) {
	at := func(day string) runOpt {
		d, err := time.Parse("2006-01-02", day)
		require.NoError(t, err)
		return withNow(d.Add(6 * time.Hour))
	}
	dob := `{"basic_info": {"dob": "2008-02-29"}}`
	assert.Len(t, checkPatch(t, AgeRange, dob, at("2026-02-28")), 1, "17 on 28 February of a common year")
	assert.Empty(t, checkPatch(t, AgeRange, dob, at("2026-03-01")), "18 on 1 March of a common year")

	dob = `{"basic_info": {"dob": "2010-02-29"}}` // not a date: left to date-format
	assert.Empty(t, checkPatch(t, AgeRange, dob, at("2026-03-01")))

	dob = `{"basic_info": {"dob": "2012-02-29"}}`
	assert.Len(t, checkPatch(t, AgeRange, dob, at("2030-02-28")), 1)
	assert.Empty(t, checkPatch(t, AgeRange, dob, at("2030-03-01")))

	// In a leap year a 28 February birthday is not moved.
	dob = `{"basic_info": {"dob": "2014-02-28"}}`
	assert.Len(t, checkPatch(t, AgeRange, dob, at("2032-02-27")), 1)
	assert.Empty(t, checkPatch(t, AgeRange, dob, at("2032-02-28")))
	assert.Empty(t, checkPatch(t, AgeRange, `{"basic_info": {"dob": "2012-02-29"}}`, at("2032-02-29")))
}

func TestAgeRangeUsesTheUTCDate(t *testing.T) {
	// 02:00 UTC on the 26th is still the 25th eight hours west of Greenwich.
	west := time.Date(2026, 11, 26, 2, 0, 0, 0, time.UTC).In(time.FixedZone("UTC-8", -8*3600))
	require.Equal(t, 25, west.Day())
	assert.Empty(t, checkPatch(t, AgeRange, `{"basic_info": {"dob": "2008-11-26"}}`, withNow(west)))
	got := checkPatch(t, AgeRange, `{"basic_info": {"dob": "2026-11-26"}}`, withNow(west))
	require.Len(t, got, 1)
	assert.NotContains(t, got[0].Message, "future")
}

func TestAgeRangeRedacts(t *testing.T) {
	red := withSettings(Settings{Redact: true})
	got := checkPatch(t, AgeRange, `{"basic_info": {"dob": "2008-11-27"}}`, red)
	require.Len(t, got, 1)
	assert.Equal(t, `dob "**********" makes the customer under 18 on 2026-11-26; the API accepts ages 18 to 120`, got[0].Message)
	got = checkPatch(t, AgeRange, `{"basic_info": {"dob": "1900-01-01"}}`, red)
	require.Len(t, got, 1)
	assert.Equal(t, `dob "**********" makes the customer over 120 on 2026-11-26; the API accepts ages 18 to 120`, got[0].Message)
}

func TestAgeRangeSkipsWhatItCannotRead(t *testing.T) {
	for _, in := range []string{`{"basic_info": {"dob": 20081127}}`, `{"basic_info": {}}`, `{"basic_info": ["2008-11-27"]}`, `[]`, `{`} {
		assert.Empty(t, check(t, AgeRange, in), in)
	}
}
