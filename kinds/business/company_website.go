package business

import (
	"strings"

	"github.com/finlint/finlint/internal/ident"
	"github.com/finlint/finlint/rules"
)

const websites = "/basic_info/websites/*"

// WebsiteURL reports a websites item that is not an absolute http or https
// URL with a host.
var WebsiteURL = &rules.Rule{
	ID:       "website-url",
	Title:    "websites must be absolute http or https URLs",
	Severity: rules.Error,
	Kinds:    []string{"business-v2"},
	Source:   "vendor OpenAPI (basic_info.websites: items of format uri, example https://fin.com); SPEC-business semantic rule 10",
	Doc: `Each item of basic_info.websites is the address of one of the company's
websites: an absolute URL whose scheme is http or https and which has a host
name ("https://www.example.com", "https://example.com/en"). The vendor's
schema asks for a URI, which would also let "ftp://..." or "mailto:..."
through; a website is fetched over the web, so finlint wants http or https.

Refused: white space anywhere, a missing scheme ("www.example.com"), other
schemes, no host ("https:///about", "http:example.com"), a user name or
password before the host (a common way to disguise the real host) and a port
that is not a number from 1 to 65535. Paths, queries and fragments are fine,
and the host is not looked up. For a value without a scheme the suggestion
adds "https://"; check that the site answers on https before taking it.`,
	Bad:  rules.Example{Patch: `{"basic_info": {"websites": ["www.harborpoint.example.com"]}}`},
	Good: rules.Example{Patch: `{"basic_info": {"websites": ["https://www.harborpoint.example.com"]}}`},
	Run: func(p *rules.Pass) {
		coEachString(p, websites, func(ptr, s string) {
			reason := ident.WebsiteURL(s)
			if reason == "" {
				return
			}
			f := rules.Finding{Path: ptr, Message: rules.Label(ptr) + " " + p.Quote(s) + " " + reason}
			if reason == ident.URLNoScheme && ident.WebsiteURL("https://"+s) == "" {
				coSuggest(p, &f, "https://"+s, rules.FixNone)
			}
			p.Report(f)
		})
	},
}

// DuplicateWebsite reports a website listed twice.
var DuplicateWebsite = &rules.Rule{
	ID:       "duplicate-website",
	Title:    "websites should not list a URL twice",
	Severity: rules.Warning,
	Kinds:    []string{"business-v2"},
	Source:   "SPEC-business semantic rule 10",
	Doc: `basic_info.websites lists the company's websites; listing one twice adds
nothing and often means a second site was meant.

Two URLs are the same when their schemes and hosts (with any port) are equal
ignoring letter case, as the web treats them, and the rest (path, query,
fragment) is equal exactly: "HTTPS://Example.com/a" repeats
"https://example.com/a", but "https://example.com/A" and "http://example.com/a"
are different URLs. Only URLs that website-url accepts are compared. Each
repeat is reported at its own position, naming the item it repeats: remove
it, or correct it.`,
	Bad:  rules.Example{Patch: `{"basic_info": {"websites": ["https://www.harborpoint.example.com", "https://WWW.HarborPoint.example.com"]}}`},
	Good: rules.Example{Patch: `{"basic_info": {"websites": ["https://www.harborpoint.example.com", "https://www.harborpoint.example.com/careers"]}}`},
	Run: func(p *rules.Pass) {
		first := map[string]string{}
		coEachString(p, websites, func(ptr, s string) {
			key, ok := websiteKey(s)
			if !ok {
				return
			}
			if at, dup := first[key]; dup {
				p.Reportf(ptr, rules.Label(ptr)+" "+p.Quote(s)+" repeats websites["+at+"]")
				return
			}
			first[key] = coIndex(ptr)
		})
	},
}

// websiteKey returns the URL with its scheme and host lowercased, for
// comparing, or false when it is not a URL website-url accepts.
func websiteKey(s string) (string, bool) {
	if ident.WebsiteURL(s) != "" {
		return "", false
	}
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok {
		return "", false
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	return strings.ToLower(scheme) + "://" + strings.ToLower(rest[:end]) + rest[end:], true
}
