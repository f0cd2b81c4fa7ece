package finapi

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
)

// DefaultBaseURL is the vendor's sandbox, used when FIN_BASE_URL is unset.
const DefaultBaseURL = "https://sandbox.api.fin.com"

// ProductionHost is the host of the vendor's production API.
const ProductionHost = "api.fin.com"

// ErrBaseURL marks a base URL the client refuses to talk to.
var ErrBaseURL = errors.New("unusable API base URL")

// Credentials authenticate the client: either a client id and secret, from
// which tokens are issued and renewed, or an access token issued elsewhere,
// used as it is.
type Credentials struct {
	ClientID     string
	ClientSecret string
	AccessToken  string
}

// CredentialsFromEnv reads FIN_CLIENT_ID, FIN_CLIENT_SECRET and
// FIN_ACCESS_TOKEN. Credentials never come from flags, which would leave
// them in shell history.
func CredentialsFromEnv(getenv func(string) string) Credentials {
	return Credentials{
		ClientID:     strings.TrimSpace(getenv("FIN_CLIENT_ID")),
		ClientSecret: strings.TrimSpace(getenv("FIN_CLIENT_SECRET")),
		AccessToken:  strings.TrimSpace(getenv("FIN_ACCESS_TOKEN")),
	}
}

// Set reports whether the credentials are enough to call the API: an
// access token, or both a client id and a secret.
func (c Credentials) Set() bool {
	return c.AccessToken != "" || (c.ClientID != "" && c.ClientSecret != "")
}

// String describes the credentials without revealing the secret or the
// token, so that printing them by mistake leaks nothing.
func (c Credentials) String() string {
	mask := func(s string) string {
		if s == "" {
			return `""`
		}
		return "<redacted>"
	}
	return fmt.Sprintf("finapi.Credentials{ClientID: %q, ClientSecret: %s, AccessToken: %s}",
		c.ClientID, mask(c.ClientSecret), mask(c.AccessToken))
}

// GoString keeps %#v as discreet as %v.
func (c Credentials) GoString() string { return c.String() }

// BaseURLFromEnv returns FIN_BASE_URL, or the sandbox when it is unset.
// Check the result with CheckBaseURL before use.
func BaseURLFromEnv(getenv func(string) string) string {
	if u := strings.TrimSpace(getenv("FIN_BASE_URL")); u != "" {
		return u
	}
	return DefaultBaseURL
}

// CheckBaseURL refuses a base URL that would put the bearer token on the
// wire in clear text or somewhere odd: anything but https, except plain
// http to a loopback host (a local stand-in server), and URLs carrying user
// information, a query or a fragment. The error wraps ErrBaseURL.
func CheckBaseURL(raw string) error {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return fmt.Errorf("%w: it does not parse", ErrBaseURL)
	}
	if u.Host == "" || u.Hostname() == "" {
		return fmt.Errorf("%w %q: no host", ErrBaseURL, raw)
	}
	if u.User != nil {
		// The URL itself would be a secret; say so without echoing it.
		return fmt.Errorf("%w: user information in the URL is not allowed", ErrBaseURL)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("%w %q: no query or fragment allowed", ErrBaseURL, raw)
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
		return nil
	case "http":
		if isLoopback(u.Hostname()) {
			return nil
		}
		return fmt.Errorf("%w %q: plain http is allowed only for loopback hosts; use https", ErrBaseURL, raw)
	default:
		return fmt.Errorf("%w %q: scheme must be https", ErrBaseURL, raw)
	}
}

func isLoopback(host string) bool {
	if strings.EqualFold(strings.TrimSuffix(host, "."), "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// IsProduction reports whether raw points at the vendor's production API,
// where submitting needs an explicit confirmation.
func IsProduction(raw string) bool {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return false
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	port := u.Port()
	return strings.EqualFold(u.Scheme, "https") && host == ProductionHost && (port == "" || port == "443")
}
