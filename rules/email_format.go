package rules

import (
	"strconv"
	"strings"

	"github.com/finlint/finlint/internal/jsondoc"
)

// The length limits of RFC 5321 §4.5.3.1: 64 octets of local part, 63 of a
// domain label (RFC 1035), and 254 for the whole address, which is the
// 256-octet forward-path less its angle brackets (RFC 3696 erratum 1690).
const (
	maxLocalPart   = 64
	maxDomainLabel = 63
	maxAddress     = 254
)

// atextPunct are the characters RFC 5321's atext allows besides letters and
// digits: the alphabet of a dot-string local part.
const atextPunct = "!#$%&'*+-/=?^_`{|}~"

// EmailFormat reports a basic_info.email that is not a plain mailbox address:
// a dot-string local part, "@", and a domain name with a top-level domain.
var EmailFormat = &Rule{
	ID:       "email-format",
	Title:    "email must be a plain address: a dot-atom local part, one @, a dotted domain name",
	Severity: Error,
	Source:   "SPEC semantic rule 4; vendor OpenAPI (basic_info.email: format email); RFC 5321 §4.1.2, §4.5.3.1",
	Doc: `basic_info.email must be a single mailbox address in the plain form of
RFC 5321 §4.1.2 (a Dot-string local part, "@", a Domain):

- The local part is one or more atoms separated by single dots. An atom is
  letters, digits and the characters ` + "!#$%&'*+-/=?^_`{|}~" + `. So the local part
  neither starts nor ends with a dot and has no two dots in a row, and it has
  no comma, semicolon, colon, backslash, angle bracket, parenthesis, square
  bracket or quote mark. It is at most 64 characters long.
- The domain is at least two labels separated by dots. A label is 1 to 63
  letters, digits and hyphens, and does not start or end with a hyphen. The
  last label (the top-level domain) is not all digits.
- The whole address is at most 254 characters, ASCII, with no white space or
  control characters.

RFC 5321 also allows quoted local parts ("maria garcia"@example.com) and
address literals (maria@[192.0.2.1]); the vendor turns these away, as it
does display names ("Maria <maria@example.com>"), comments, "mailto:"
prefixes, ports, internationalised addresses and domains without a top-level
domain. Write the domain in its ASCII (xn--) form if it has non-ASCII
letters. The message says which part is wrong: the local part, the domain or
the length. Letter case is email-lowercase's to judge.

When the only fault is white space around the address, the suggestion is the
trimmed address.

In a business payload the company's basic_info.email and each associated
party's basic_info.email are checked.`,
	Bad:  Example{Patch: `{"basic_info": {"email": "maria.garcia@example"}}`},
	Good: Example{Patch: `{"basic_info": {"email": "maria.garcia@example.com"}}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{"basic_info": {"email": "finance@harborpoint"}}`},
		Good: Example{Patch: `{"basic_info": {"email": "finance@harborpoint.example.com"}}`},
	}},
	Run: func(p *Pass) {
		p.eachOf(p.roles().Emails, func(ptr string, v *jsondoc.Value) {
			email, ok := v.Text()
			if !ok {
				return
			}
			why := emailFault(email)
			if why == "" {
				return
			}
			f := Finding{Path: ptr, Message: label(ptr) + " " + p.Quote(email) + " is not a valid address: " + why}
			if t := strings.TrimSpace(email); t != email && t != "" && emailFault(t) == "" {
				f.Suggestion = p.Suggest(t)
			}
			p.Report(f)
		})
	},
}

// emailFault says what is wrong with an address, or "" when it passes. The
// messages quote at most one punctuation character of the address, never a
// letter or digit, so they stay safe to print when values are redacted.
func emailFault(s string) string {
	if s == "" {
		return "it is empty"
	}
	// The forms copied from mail headers and links get a message of their
	// own. They come first: their brackets, quote marks and spaces would
	// otherwise be reported one character at a time, and a quoted local part
	// may hold "@" signs of its own.
	switch {
	case s[0] == '<' && s[len(s)-1] == '>':
		return "it is wrapped in angle brackets; give the address alone"
	case len(s) >= 7 && strings.EqualFold(s[:7], "mailto:"):
		return `the local part starts with "mailto:"; give the address alone`
	case s[0] == '"':
		return `the local part starts with '"'; quoted local parts are not accepted`
	case strings.Contains(s, "@["):
		return "the domain is an address literal in brackets; the API needs a domain name"
	}
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			return "it contains white space"
		case r < 0x20 || r == 0x7f:
			return "it contains a control character"
		case r > 0x7f:
			return "it contains non-ASCII characters"
		}
	}
	switch n := strings.Count(s, "@"); n {
	case 0:
		return `it has no "@"`
	case 1:
	default:
		return "it has " + strconv.Itoa(n) + ` "@" signs; an address has exactly one`
	}
	local, domain, _ := strings.Cut(s, "@")
	if why := localPartFault(local); why != "" {
		return why
	}
	if why := domainFault(domain); why != "" {
		return why
	}
	if len(s) > maxAddress {
		return "it is " + strconv.Itoa(len(s)) + " characters long; an address has at most " + strconv.Itoa(maxAddress)
	}
	return ""
}

// localPartFault checks RFC 5321's Dot-string: Atom *("." Atom).
func localPartFault(local string) string {
	switch {
	case local == "":
		return `nothing comes before the "@"`
	case local[0] == '.':
		return "the local part starts with a dot"
	case local[len(local)-1] == '.':
		return "the local part ends with a dot"
	case strings.Contains(local, ".."):
		return "the local part has two dots in a row"
	}
	for i := 0; i < len(local); i++ {
		if c := local[i]; c != '.' && !isLetDig(c) && strings.IndexByte(atextPunct, c) < 0 {
			return "the local part has the character " + quoteChar(c) +
				"; only letters, digits, dots and " + atextPunct + " are allowed there"
		}
	}
	if len(local) > maxLocalPart {
		return "the local part is " + strconv.Itoa(len(local)) + " characters long; at most " + strconv.Itoa(maxLocalPart) + " are allowed"
	}
	return ""
}

// domainFault checks RFC 5321's Domain: sub-domain *("." sub-domain), where a
// sub-domain is letters, digits and hyphens that start and end with a letter
// or digit; and the vendor's need for a top-level domain that is a name.
func domainFault(domain string) string {
	if domain == "" {
		return `no domain comes after the "@"`
	}
	if i := strings.LastIndexByte(domain, ':'); i >= 0 && i+1 < len(domain) && allDigits(domain[i+1:]) {
		return "the domain ends with a port number; an address has none"
	}
	for i := 0; i < len(domain); i++ {
		if c := domain[i]; c != '.' && c != '-' && !isLetDig(c) {
			return "the domain has the character " + quoteChar(c) + "; a domain name has only letters, digits, hyphens and dots"
		}
	}
	switch {
	case !strings.Contains(domain, "."):
		return "the domain has no dot"
	case domain[0] == '.':
		return "the domain starts with a dot"
	case domain[len(domain)-1] == '.':
		return "the domain ends with a dot"
	case strings.Contains(domain, ".."):
		return "the domain has an empty label (two dots in a row)"
	}
	labels := strings.Split(domain, ".")
	numeric := 0
	for _, l := range labels {
		if len(l) > maxDomainLabel {
			return "a domain label is " + strconv.Itoa(len(l)) + " characters long; at most " + strconv.Itoa(maxDomainLabel) + " are allowed"
		}
		if l[0] == '-' || l[len(l)-1] == '-' {
			return "a domain label starts or ends with a hyphen"
		}
		if allDigits(l) {
			numeric++
		}
	}
	if allDigits(labels[len(labels)-1]) {
		// An all-digit top-level domain would be read as an IPv4 address
		// (RFC 3696 §2); four numbers are one.
		if len(labels) == 4 && numeric == 4 {
			return "the domain is an IP address; the API needs a domain name"
		}
		return "the top-level domain is all digits"
	}
	return ""
}

func isLetDig(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// quoteChar writes one printable ASCII character for a message, in double
// quotes unless it is the double quote itself.
func quoteChar(c byte) string {
	if c == '"' {
		return `'"'`
	}
	return `"` + string(c) + `"`
}
