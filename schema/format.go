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
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
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
