package rules

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"strings"
	"testing"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withEmail is the reference payload with basic_info.email replaced in
// place, so the value keeps its position: line 8, column 14.
func withEmail(t *testing.T, email string) string {
	t.Helper()
	b, err := json.Marshal(email)
	require.NoError(t, err)
	const ref = `"maria.garcia@example.com"`
	require.Equal(t, 1, strings.Count(ReferencePayload, ref))
	return strings.Replace(ReferencePayload, ref, string(b), 1)
}

func TestEmailFormat(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	tests := []struct {
		name, email string
		why         string // "" when the address passes
		suggestion  string
	}{
		{"valid", "maria.garcia@example.com", "", ""},
		{"plus and subdomain", "maria+fin@mail.example.co.uk", "", ""},
		{"hyphen inside a label", "a@my-host.example.com", "", ""},
		{"uppercase is another rule's", "Maria@Example.com", "", ""},
		{"every atext character", "!#$%&'*+-/=?^_`{|}~.09az@example.com", "", ""},
		{"digits-only local part and label", "123@123.example.com", "", ""},
		{"punycode domain", "maria@xn--bcher-kva.example", "", ""},
		{"one-letter labels", "a@b.c", "", ""},
		{"64-character local part", long(64) + "@example.com", "", ""},
		{"63-character label", "maria@" + long(63) + ".com", "", ""},
		{"254 characters", long(64) + "@" + long(63) + "." + long(63) + "." + long(57) + ".com", "", ""},
		{"hyphenated top-level domain", "maria@example.co-uk", "", ""},
		{"digits before a letter in the top-level domain", "maria@example.3com", "", ""},

		{"empty", "", "it is empty", ""},
		{"no at", "maria.example.com", `it has no "@"`, ""},
		{"two ats", "maria@garcia@example.com", `it has 2 "@" signs; an address has exactly one`, ""},
		{"empty local part", "@example.com", `nothing comes before the "@"`, ""},
		{"empty domain", "maria@", `no domain comes after the "@"`, ""},
		{"non-ascii", "josé@example.com", "it contains non-ASCII characters", ""},
		{"inner space", "maria garcia@example.com", "it contains white space", ""},
		{"display name", "Maria <maria@example.com>", "it contains white space", ""},
		{"control character", "maria\u0007@example.com", "it contains a control character", ""},
		{"delete character", "maria\u007f@example.com", "it contains a control character", ""},
		{"surrounding spaces", "  maria@example.com ", "it contains white space", "maria@example.com"},
		{"surrounding spaces of a bad address", " maria@example ", "it contains white space", ""},
		{"angle brackets", "<maria@example.com>", "it is wrapped in angle brackets; give the address alone", ""},
		{"mailto", "mailto:maria@example.com", `the local part starts with "mailto:"; give the address alone`, ""},
		{"mailto upper-case", "MAILTO:maria@example.com", `the local part starts with "mailto:"; give the address alone`, ""},

		{"leading dot in local part", ".maria@example.com", "the local part starts with a dot", ""},
		{"trailing dot in local part", "maria.@example.com", "the local part ends with a dot", ""},
		{"two dots in local part", "maria..garcia@example.com", "the local part has two dots in a row", ""},
		{"quoted local part", `"maria garcia"@example.com`, `the local part starts with '"'; quoted local parts are not accepted`, ""},
		{"quoted local part with @", `"maria@home"@example.com`, `the local part starts with '"'; quoted local parts are not accepted`, ""},
		{"quote inside local part", `ma"ria@example.com`, `the local part has the character '"'; only letters, digits, dots and ` + atextPunct + ` are allowed there`, ""},
		{"comma", "maria,garcia@example.com", `the local part has the character ","; only letters, digits, dots and ` + atextPunct + ` are allowed there`, ""},
		{"semicolon", "maria;garcia@example.com", `the local part has the character ";"; only letters, digits, dots and ` + atextPunct + ` are allowed there`, ""},
		{"colon", "maria:garcia@example.com", `the local part has the character ":"; only letters, digits, dots and ` + atextPunct + ` are allowed there`, ""},
		{"backslash", `maria\garcia@example.com`, `the local part has the character "\"; only letters, digits, dots and ` + atextPunct + ` are allowed there`, ""},
		{"angle bracket", "maria<garcia@example.com", `the local part has the character "<"; only letters, digits, dots and ` + atextPunct + ` are allowed there`, ""},
		{"parenthesis (a comment)", "maria(home)@example.com", `the local part has the character "("; only letters, digits, dots and ` + atextPunct + ` are allowed there`, ""},
		{"square bracket", "maria]@example.com", `the local part has the character "]"; only letters, digits, dots and ` + atextPunct + ` are allowed there`, ""},
		{"65-character local part", long(65) + "@example.com", "the local part is 65 characters long; at most 64 are allowed", ""},

		{"domain without dot", "maria@localhost", "the domain has no dot", ""},
		{"leading dot in domain", "maria@.example.com", "the domain starts with a dot", ""},
		{"trailing dot in domain", "maria@example.com.", "the domain ends with a dot", ""},
		{"empty label", "maria@example..com", "the domain has an empty label (two dots in a row)", ""},
		{"label starts with hyphen", "maria@-example.com", "a domain label starts or ends with a hyphen", ""},
		{"label ends with hyphen", "maria@example-.com", "a domain label starts or ends with a hyphen", ""},
		{"top-level domain ends with hyphen", "maria@example.com-", "a domain label starts or ends with a hyphen", ""},
		{"underscore in domain", "maria@my_host.example.com", `the domain has the character "_"; a domain name has only letters, digits, hyphens and dots`, ""},
		{"slash in domain", "maria@example.com/path", `the domain has the character "/"; a domain name has only letters, digits, hyphens and dots`, ""},
		{"port", "maria@example.com:25", "the domain ends with a port number; an address has none", ""},
		{"colon without a port", "maria@example.com:", `the domain has the character ":"; a domain name has only letters, digits, hyphens and dots`, ""},
		{"address literal", "maria@[1.2.3.4]", "the domain is an address literal in brackets; the API needs a domain name", ""},
		{"IPv6 address literal", "maria@[IPv6:2001:db8::1]", "the domain is an address literal in brackets; the API needs a domain name", ""},
		{"IP address", "maria@192.0.2.1", "the domain is an IP address; the API needs a domain name", ""},
		{"numeric top-level domain", "maria@example.123", "the top-level domain is all digits", ""},
		{"five numbers", "maria@1.2.3.4.5", "the top-level domain is all digits", ""},
		{"64-character label", "maria@" + long(64) + ".com", "a domain label is 64 characters long; at most 63 are allowed", ""},

		{"255 characters", long(64) + "@" + long(63) + "." + long(63) + "." + long(58) + ".com",
			"it is 255 characters long; an address has at most 254", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := withEmail(t, tc.email)
			got := check(t, EmailFormat, in)
			if tc.why == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			f := got[0]
			assert.Equal(t, "email-format", f.Rule)
			assert.Equal(t, Error, f.Severity)
			assert.Equal(t, "/basic_info/email", f.Path)
			assert.Equal(t, "email "+quote(tc.email)+" is not a valid address: "+tc.why, f.Message)
			assert.Equal(t, tc.suggestion, f.Suggestion)
			// The finding points at the value itself, where the engine
			// places it: line 8, column 14 of the reference payload.
			assert.Equal(t, -1, f.Offset)
			doc := jsondoc.Parse([]byte(in), jsondoc.Limits{})
			line, col := doc.Position(doc.Offset(f.Path))
			assert.Equal(t, [2]int{8, 14}, [2]int{line, col})
		})
	}
}

func TestEmailFormatMessageQuotesTheAddress(t *testing.T) {
	got := check(t, EmailFormat, withEmail(t, `maria\garcia@example.com`))
	require.Len(t, got, 1)
	assert.Equal(t, `email "maria\\garcia@example.com" is not a valid address: the local part has the character "\"; `+
		"only letters, digits, dots and !#$%&'*+-/=?^_`{|}~ are allowed there", got[0].Message)
}

func TestEmailFormatRedacts(t *testing.T) {
	got := checkPatch(t, EmailFormat, `{"basic_info": {"email": " maria@example.com"}}`, withSettings(Settings{Redact: true}))
	require.Len(t, got, 1)
	assert.NotContains(t, got[0].Message, "maria")
	assert.Empty(t, got[0].Suggestion)

	got = checkPatch(t, EmailFormat, `{"basic_info": {"email": "maria@garcia-.example.com"}}`, withSettings(Settings{Redact: true}))
	require.Len(t, got, 1)
	assert.Equal(t, `email "`+strings.Repeat("*", 25)+`" is not a valid address: a domain label starts or ends with a hyphen`, got[0].Message)
}

func TestEmailFormatSkipsWhatItCannotRead(t *testing.T) {
	for _, in := range []string{
		`{"basic_info": {"email": 42}}`,
		`{"basic_info": {"email": null}}`,
		`{"basic_info": {}}`,
		`{"basic_info": "x"}`,
		`[]`,
		`not json`,
	} {
		assert.Empty(t, check(t, EmailFormat, in), in)
	}
}

// isemailCorpus is the test set of is_email (testdata/email/tests.xml).
type isemailCorpus struct {
	Version string `xml:"version,attr"`
	Tests   []struct {
		ID        string `xml:"id,attr"`
		Address   string `xml:"address"`
		Category  string `xml:"category"`
		Diagnosis string `xml:"diagnosis"`
	} `xml:"test"`
}

// fromControlPictures undoes the corpus's encoding of control characters,
// which XML cannot hold: U+2400 plus the ASCII position (its note 1), so
// U+2407 is BEL and U+240D U+240A is CR LF.
func fromControlPictures(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0x2400 && r < 0x2420 {
			return r - 0x2400
		}
		return r
	}, s)
}

func TestFromControlPictures(t *testing.T) {
	assert.Equal(t, "a\x00b\x07c\r\n\u2421\u2420", fromControlPictures("a\u2400b\u2407c\u240d\u240a\u2421\u2420"))
}

// TestEmailFormatCorpus holds the rule to the is_email test set. is_email
// ranks each address by category; those below its threshold (VALID, DNSWARN,
// RFC5321) are valid RFC 5321 mailboxes, the rest (CFWS, DEPREC, RFC5322,
// ERR) are not. Every address that is not must be rejected. Of the valid
// ones, the RFC5321 category is the unusual forms the vendor refuses and
// must be rejected too; every other valid address must be accepted, except
// the few listed, with the reason, in acceptedByCorpus.
func TestEmailFormatCorpus(t *testing.T) {
	raw, err := os.ReadFile("testdata/email/tests.xml")
	require.NoError(t, err)
	var corpus isemailCorpus
	require.NoError(t, xml.Unmarshal(raw, &corpus))
	require.Equal(t, "3.05", corpus.Version)
	require.Len(t, corpus.Tests, 164, "the corpus was read whole")

	// Diagnoses of the RFC5321 category: valid RFC 5321, refused by the
	// vendor's stricter reading.
	refusedRFC5321 := map[string]string{
		"ISEMAIL_RFC5321_QUOTEDSTRING":   "a quoted local part; the vendor accepts only a dot-atom one",
		"ISEMAIL_RFC5321_ADDRESSLITERAL": "an address literal ([1.2.3.4]); the vendor needs a domain name",
		"ISEMAIL_RFC5321_TLD":            "a domain of one label; the vendor needs a top-level domain",
		"ISEMAIL_RFC5321_TLDNUMERIC":     "an all-digit top-level domain, read as an IPv4 address (RFC 3696 §2)",
	}
	// Addresses the corpus calls VALID or DNSWARN that finlint rejects.
	acceptedByCorpus := map[string]string{
		"test@io": "a domain of one label: is_email calls it valid because the top-level domain io has DNS records, " +
			"but the vendor needs a domain with a dot",
	}
	// The part of the address that the message must name, for the
	// diagnoses that say which part is wrong.
	partNamed := map[string]string{
		"ISEMAIL_ERR_NOLOCALPART":        `nothing comes before the "@"`,
		"ISEMAIL_ERR_DOT_END":            "ends with a dot",
		"ISEMAIL_ERR_DOT_START":          "starts with a dot",
		"ISEMAIL_ERR_DOMAINHYPHENSTART":  "a domain label starts or ends with a hyphen",
		"ISEMAIL_ERR_DOMAINHYPHENEND":    "a domain label starts or ends with a hyphen",
		"ISEMAIL_RFC5322_LABEL_TOOLONG":  "a domain label is 64 characters long",
		"ISEMAIL_RFC5322_TOOLONG":        "characters long; an address has at most 254",
		"ISEMAIL_RFC5322_DOMAIN_TOOLONG": "characters long; an address has at most 254",
		"ISEMAIL_RFC5322_LOCAL_TOOLONG":  "the local part",
		"ISEMAIL_RFC5321_QUOTEDSTRING":   "quoted local parts are not accepted",
		"ISEMAIL_RFC5321_ADDRESSLITERAL": "the domain is an address literal",
		"ISEMAIL_RFC5322_DOMAINLITERAL":  "the domain is an address literal",
		"ISEMAIL_RFC5321_TLD":            "the domain has no dot",
		"ISEMAIL_RFC5322_DOMAIN":         "the domain has the character",
	}

	usedDiag := map[string]bool{}
	usedAddr := map[string]bool{}
	var rejected, accepted, differ int
	for _, tc := range corpus.Tests {
		addr := fromControlPictures(tc.Address)
		got := check(t, EmailFormat, withEmail(t, addr))
		var wantReject bool
		switch tc.Category {
		case "ISEMAIL_CFWS", "ISEMAIL_DEPREC", "ISEMAIL_RFC5322", "ISEMAIL_ERR":
			wantReject = true
			rejected++
		case "ISEMAIL_RFC5321":
			_, wantReject = refusedRFC5321[tc.Diagnosis]
			assert.True(t, wantReject, "test %s: %q is %s, which refusedRFC5321 does not list", tc.ID, addr, tc.Diagnosis)
			usedDiag[tc.Diagnosis] = true
			rejected++
		case "ISEMAIL_VALID_CATEGORY", "ISEMAIL_DNSWARN":
			if _, listed := acceptedByCorpus[addr]; listed {
				wantReject = true
				usedAddr[addr] = true
				differ++
			} else {
				accepted++
			}
		default:
			t.Fatalf("test %s: unknown category %q", tc.ID, tc.Category)
		}
		if !wantReject {
			assert.Empty(t, got, "test %s: %q (%s) must be accepted", tc.ID, addr, tc.Diagnosis)
			continue
		}
		if !assert.Len(t, got, 1, "test %s: %q (%s) must be rejected", tc.ID, addr, tc.Diagnosis) {
			continue
		}
		assert.True(t, strings.HasPrefix(got[0].Message, "email "+quote(addr)+" is not a valid address: "), got[0].Message)
		if want, ok := partNamed[tc.Diagnosis]; ok {
			assert.Contains(t, got[0].Message, want, "test %s: %q", tc.ID, addr)
		}
	}
	for d := range refusedRFC5321 {
		assert.True(t, usedDiag[d], "refusedRFC5321 lists %s, which no test of the corpus has", d)
	}
	for a := range acceptedByCorpus {
		assert.True(t, usedAddr[a], "acceptedByCorpus lists %q, which is not a VALID or DNSWARN address of the corpus", a)
	}
	// The counts pin the classification: a category renamed or misread
	// would move addresses from one side to the other unnoticed.
	assert.Equal(t, 142, rejected, "rejected: 126 that are not RFC 5321 mailboxes, 16 of the RFC5321 category")
	assert.Equal(t, 21, accepted, "accepted: 14 VALID and 8 DNSWARN, less acceptedByCorpus")
	assert.Equal(t, 1, differ, "acceptedByCorpus")
	t.Logf("is_email %s: %d addresses; %d rejected and %d accepted as required; %d listed differences",
		corpus.Version, len(corpus.Tests), rejected, accepted, differ)
}

// mergedWith returns the reference payload with v, marshalled to JSON,
// applied as a merge patch; it spares tests hand-escaping odd strings.
func mergedWith(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	out, err := MergePatch(ReferencePayload, string(b))
	require.NoError(t, err)
	return out
}
