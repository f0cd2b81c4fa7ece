package ident

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWebsiteURL(t *testing.T) {
	for _, tc := range []struct{ in, reason string }{
		{"https://www.example.com", ""},
		{"http://example.com", ""},
		{"https://example.com/", ""},
		{"https://example.com/about-us?lang=en#team", ""},
		{"HTTPS://WWW.EXAMPLE.COM", ""},
		{"https://example.com:8443/", ""},
		{"http://example.com:80", ""},
		{"https://sub.domain.example.co.uk/path", ""},
		{"https://xn--mnchen-3ya.de", ""},
		{"https://münchen.de", ""},
		{"https://localhost", ""},
		{"http://192.0.2.1/", ""},
		{"http://[2001:db8::1]:8080/", ""},
		{"https://example.com/a%20b", ""},

		{"", URLEmpty},
		{" https://example.com", URLSpaces},
		{"https://example.com ", URLSpaces},
		{"https://exa mple.com", URLSpaces},
		{"https://example.com/a b", URLSpaces},
		{"https://example.com\t", URLSpaces},
		{"https://example.com\u00a0", URLSpaces},

		{"www.example.com", URLNoScheme},
		{"example.com", URLNoScheme},
		{"example.com/path", URLNoScheme},
		{"example.com:8080", URLNoScheme},
		{"localhost:8080/path", URLNoScheme},
		{"//example.com", URLNoScheme},
		{"://example.com", URLNoScheme},
		{"/about", URLNoScheme},
		{"1http://example.com", URLNoScheme},

		{"ftp://example.com", URLNotHTTP},
		{"mailto:info@example.com", URLNotHTTP},
		{"javascript:alert(1)", URLNotHTTP},
		{"httpss://example.com", URLNotHTTP},
		{"file:///etc/hosts", URLNotHTTP},
		{"www:example", URLNotHTTP},

		{"https://", URLNoHost},
		{"http://", URLNoHost},
		{"https:///path", URLNoHost},
		{"http:example.com", URLNoHost},
		{"http:/example.com", URLNoHost},
		{"https://:443", URLNoHost},
		{"https://?q=1", URLNoHost},

		{"https://user:secret@example.com", URLUserInfo},
		{"https://user@example.com", URLUserInfo},
		{"https://www.bank.com@evil.example/", URLUserInfo},

		{"https://example.com:0", URLBadPort},
		{"https://example.com:65536", URLBadPort},
		{"https://example.com:http", URLBadPort},
		{"https://example.com:", URLBadPort},

		{"https://example.com/%zz", URLInvalid},
		{"https://exa\x00mple.com", URLInvalid},
		{"https://[::1", URLInvalid},
	} {
		assert.Equal(t, tc.reason, WebsiteURL(tc.in), "%q", tc.in)
	}
}
