package ident

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"
)

// Reasons WebsiteURL returns, so that a rule can tell them apart (for
// example to suggest adding "https://" for URLNoScheme).
const (
	URLEmpty    = "is empty"
	URLSpaces   = "contains spaces"
	URLNoScheme = "has no scheme (it should start with https:// or http://)"
	URLNotHTTP  = "is not an http or https URL"
	URLNoHost   = "has no host name"
	URLUserInfo = "contains a user name or password before the host"
	URLBadPort  = "has an invalid port"
	URLInvalid  = "is not a valid URL"
)

// WebsiteURL checks that s is an absolute http or https URL with a
// non-empty host, as a business's website should be. It returns "" when it
// is, or one of the URL* reasons.
//
// Decisions:
//   - Any white space (leading, trailing or inside) is refused: URLSpaces.
//   - The scheme is case-insensitive ("HTTPS://" is fine). A value with no
//     scheme, including host-and-port forms such as "example.com:8080" that
//     a URL parser would read as scheme "example.com", gives URLNoScheme.
//   - "http:example.com" and "https:///path" have no host: URLNoHost.
//   - User information ("https://user:pass@example.com") is refused
//     (URLUserInfo): a public website needs none, and it is a common way to
//     disguise the real host.
//   - An explicit port is allowed if it is a number from 1 to 65535.
//   - Paths, queries and fragments are allowed. The host is not resolved,
//     and single-label hosts and IP addresses are accepted.
func WebsiteURL(s string) string {
	if s == "" {
		return URLEmpty
	}
	if strings.IndexFunc(s, unicode.IsSpace) >= 0 {
		return URLSpaces
	}
	if noScheme(s) {
		return URLNoScheme
	}
	u, err := url.Parse(s)
	if err != nil {
		if strings.Contains(err.Error(), "invalid port") {
			return URLBadPort
		}
		return URLInvalid
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return URLNotHTTP
	}
	if u.Opaque != "" || u.Host == "" {
		return URLNoHost
	}
	if u.User != nil {
		return URLUserInfo
	}
	if u.Hostname() == "" {
		return URLNoHost
	}
	if p := u.Port(); p != "" || strings.HasSuffix(u.Host, ":") {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return URLBadPort
		}
	}
	return ""
}

// noScheme reports whether s lacks a URL scheme: nothing before the first
// ':' that could be one, or what is there looks like a host name (it has a
// dot) or is followed by a port number rather than a scheme's body.
func noScheme(s string) bool {
	scheme, rest, ok := strings.Cut(s, ":")
	if !ok || scheme == "" {
		return true
	}
	for i := range len(scheme) {
		c := scheme[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (i == 0 || !isDigit(c) && c != '+' && c != '-' && c != '.') {
			return true
		}
	}
	if strings.Contains(scheme, ".") {
		return true
	}
	// "localhost:8080/path"
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	return end > 0 && allDigits(rest[:end])
}
