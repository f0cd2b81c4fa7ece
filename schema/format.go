package schema

import (
	"net/netip"
	"net/url"
	"strings"
	"time"
)

// IsDate reports whether s is a date as the library's "date" format
// reads one: a real calendar day written YYYY-MM-DD, as time.Parse takes
// it.
func IsDate(s string) bool {
	_, ok := ParseDate(s)
	return ok
}

// ParseDate reads s as time.Parse(time.DateOnly, s) does, the day at
// midnight UTC, without time.Parse's general layout machinery: exactly
// four digits of year, two of month and two of day, and a day the month
// has in that year. A fuzz target holds it to time.Parse.
func ParseDate(s string) (time.Time, bool) {
	if len(s) != len(time.DateOnly) || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	y, ok1 := fixedDigits(s[0:4])
	m, ok2 := fixedDigits(s[5:7])
	d, ok3 := fixedDigits(s[8:10])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > daysIn(time.Month(m), y) {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
}

func fixedDigits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// daysIn is the number of days of month m in year y of the proleptic
// Gregorian calendar, as package time counts them.
func daysIn(m time.Month, y int) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// IsURI reports whether s is a URI as the library's "uri" format reads
// one: what net/url parses, absolute, with an IPv6 host only in brackets
// and without a zone. The everyday web address is recognised without
// net/url, which allocates.
func IsURI(s string) bool {
	return plainWebURL(s) || parsedURI(s)
}

// parsedURI is the library's check itself.
func parsedURI(s string) bool {
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	if host := u.Hostname(); strings.Contains(host, ":") {
		if !strings.Contains(u.Host, "[") || !strings.Contains(u.Host, "]") {
			return false
		}
		addr, err := netip.ParseAddr(host)
		if err != nil || addr.Zone() != "" {
			return false
		}
	}
	return u.IsAbs()
}

// plainWebURL recognises http and https addresses made only of a host
// name of letters, digits, dots and hyphens, an optional port and an
// optional path of unreserved characters and slashes: a subset of what
// net/url accepts, checked without allocating. The tests hold it to that.
func plainWebURL(s string) bool {
	var rest string
	switch {
	case strings.HasPrefix(s, "https://"):
		rest = s[len("https://"):]
	case strings.HasPrefix(s, "http://"):
		rest = s[len("http://"):]
	default:
		return false
	}
	i := 0
	for i < len(rest) && (isAlnum(rest[i]) || rest[i] == '.' || rest[i] == '-') {
		i++
	}
	if i == 0 {
		return false
	}
	if i < len(rest) && rest[i] == ':' {
		i++
		for i < len(rest) && isDigit(rest[i]) {
			i++
		}
	}
	if i < len(rest) && rest[i] != '/' {
		return false
	}
	for ; i < len(rest); i++ {
		c := rest[i]
		if !isAlnum(c) && c != '/' && c != '.' && c != '-' && c != '_' && c != '~' {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c)
}
