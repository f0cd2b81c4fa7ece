package rules

import (
	"strconv"
	"strings"
)

const emailPtr = "/basic_info/email"

// EmailFormat reports a basic_info.email that is not a plain address of the
// form local@domain.tld.
var EmailFormat = &Rule{
	ID:       "email-format",
	Title:    "email must be a plain address: one @, a local part, a dotted domain",
	Severity: Error,
	Source:   "SPEC semantic rule 4; vendor OpenAPI (basic_info.email: format email)",
	Doc: `basic_info.email must be a single mailbox address written the plain way:
exactly one "@", a non-empty local part before it, and after it a domain
name with at least one dot. Every label of the domain is non-empty, so the
domain neither starts nor ends with a dot nor has two dots in a row, and no
label starts or ends with a hyphen. The whole address is ASCII and has no
spaces or other white space.

The vendor validates addresses more strictly than RFC 5322 does: display
names ("Maria <maria@example.com>"), quoted local parts, internationalised
domains and addresses without a top-level domain are turned away. Write the
domain in its ASCII (xn--) form if it has non-ASCII letters.

When the only fault is white space around the address, the suggestion is the
trimmed address.`,
	Bad:  Example{Patch: `{"basic_info": {"email": "maria.garcia@example"}}`},
	Good: Example{Patch: `{"basic_info": {"email": "maria.garcia@example.com"}}`},
	Run: func(p *Pass) {
		email, ok := p.Text(emailPtr)
		if !ok {
			return
		}
		why := emailFault(email)
		if why == "" {
			return
		}
		f := Finding{Path: emailPtr, Message: "email " + p.Quote(email) + " is not a valid address: " + why}
		if t := strings.TrimSpace(email); t != email && t != "" && emailFault(t) == "" {
			f.Suggestion = p.Suggest(t)
		}
		p.Report(f)
	},
}

// emailFault says what is wrong with an address, or "" when it passes.
func emailFault(s string) string {
	if s == "" {
		return "it is empty"
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
	switch {
	case local == "":
		return `nothing comes before the "@"`
	case domain == "":
		return `no domain comes after the "@"`
	case !strings.Contains(domain, "."):
		return "the domain has no dot"
	case strings.HasPrefix(domain, "."):
		return "the domain starts with a dot"
	case strings.HasSuffix(domain, "."):
		return "the domain ends with a dot"
	case strings.Contains(domain, ".."):
		return "the domain has an empty label (two dots in a row)"
	}
	for _, l := range strings.Split(domain, ".") {
		if strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return "a domain label starts or ends with a hyphen"
		}
	}
	return ""
}
