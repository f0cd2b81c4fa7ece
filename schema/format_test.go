package schema_test

import (
	"strings"
	"testing"
	"time"

	"github.com/finlint/finlint/schema"
	"github.com/stretchr/testify/assert"
)

var uris = []string{
	"http://example.com", "https://example.com/", "https://www.example.co.uk/a/b_c-d.e~f", "http://a", "http://a:",
	"http://a:8080/x", "https://a..b/", "https://-/", "http://", "https://", "http:///x", "http://a/%41", "http://a/b c",
	"http://a?b", "http://a#b", "HTTP://A", "ftp://a", "mailto:x@example.com", "urn:isbn:0", "/rel", "rel", "", ":x",
	"http://[::1]/", "http://[::1", "http://::1/", "http://[fe80::1%25en0]/", "http://a:b/", "http://a\x7f/", "http://a/\x00",
	"http://user@a/", "http://a:99999999999/", "https://a.b:443", "http://a/b//c", "http://1.2.3.4/", "h://a",
}

// The web addresses recognised without net/url are ones net/url accepts.
func TestPlainWebURLsAreURIs(t *testing.T) {
	plain := 0
	for _, s := range uris {
		if schema.PlainWebURL(s) {
			plain++
			assert.True(t, schema.ParsedURI(s), s)
		}
		assert.Equal(t, schema.PlainWebURL(s) || schema.ParsedURI(s), schema.IsURI(s), s)
	}
	assert.Greater(t, plain, 8)
	assert.False(t, schema.IsURI("http://::1/"), "an IPv6 host only in brackets")
	assert.False(t, schema.IsURI("http://[fe80::1%25en0]/"), "no zone")
	assert.False(t, schema.IsURI("/rel"), "absolute only")
	assert.True(t, schema.IsURI("mailto:x@example.com"))
}

func FuzzPlainWebURLIsAURI(f *testing.F) {
	for _, s := range uris {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if schema.PlainWebURL(s) && !schema.ParsedURI(s) {
			t.Fatalf("%q is recognised as a web address, but net/url refuses it", s)
		}
	})
}

func TestIsDate(t *testing.T) {
	for s, want := range map[string]bool{
		"2024-02-29": true, "2023-02-29": false, "1990-02-30": false, "2024-2-29": false, "2024-02-29T00:00:00Z": false,
		"0000-01-01": true, "9999-12-31": true, "2024-13-01": false, "": false, " 2024-02-29": false,
	} {
		assert.Equal(t, want, schema.IsDate(s), s)
	}
}

var dateSeeds = []string{
	"2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "0000-02-29", "1990-04-31", "1990-12-31",
	"2024-00-10", "2024-01-00", "+024-01-01", "-024-01-01", "2024-+1-01", "2024-1--01", "2024-01-1 ",
	"２０２４-01-01", "2024/01/01", "2024-01-01\n",
}

// ParseDate gives what time.Parse(time.DateOnly, s) gives, on the seeds
// here and under the fuzzer.
func FuzzParseDateMatchesTime(f *testing.F) {
	for _, s := range dateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := time.Parse(time.DateOnly, s)
		got, ok := schema.ParseDate(s)
		if ok != (err == nil) || !got.Equal(want) || ok && got.Location() != time.UTC {
			t.Fatalf("%q: ParseDate gives %v, %v; time.Parse gives %v, %v", s, got, ok, want, err)
		}
	})
}

// A valid date, a plain web address and an integer are read without
// allocating.
func TestReadingAllocatesNothing(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	long := strings.Repeat("9", 30) + ".5e-3"
	allocs := testing.AllocsPerRun(100, func() {
		_ = schema.IsDate("2024-02-29") && schema.IsURI("https://example.com/about") &&
			schema.IsInteger("42.0") && schema.Compare(long, "100") > 0
	})
	assert.Zero(t, allocs)
}
