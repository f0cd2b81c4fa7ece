package finapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
)

// The API paths the client calls.
const (
	PathToken          = "/v1/oauth/token"
	PathRefresh        = "/v1/oauth/refresh-token"
	PathOccupations    = "/v1/occupations"
	PathPurposes       = "/v1/purposes"
	PathSourceOfFunds  = "/v1/source-of-funds"
	PathSourceOfWealth = "/v1/source-of-wealth"
	// PathCreate creates an individual customer (kind individual-v2).
	PathCreate = "/v2/customers/individual"
	// PathCreateBusiness creates a business customer (kind business-v2).
	PathCreateBusiness = "/v2/customers/business"
)

// Errors callers can test for with errors.Is.
var (
	// ErrUnauthorized means the API refused the credentials or the token,
	// even after the token was renewed.
	ErrUnauthorized = errors.New("the API refused the credentials (HTTP 401)")
	// ErrNoCredentials means neither a token nor a client id and secret
	// were given.
	ErrNoCredentials = errors.New("no API credentials: set FIN_CLIENT_ID and FIN_CLIENT_SECRET, or FIN_ACCESS_TOKEN")
)

// maxAnswer bounds how much of an answer is read; the largest legitimate
// one, a catalogue page, is a few kilobytes.
const maxAnswer = 8 << 20

// Options tunes a Client. Zero values give the defaults noted.
type Options struct {
	// HTTPClient sends the requests; default a client with a 60 s timeout.
	// Its redirect policy is replaced: the client never follows redirects,
	// which could turn a POST into a GET or carry the token elsewhere.
	HTTPClient *http.Client
	// Now is the local clock; default time.Now.
	Now func() time.Time
	// Sleep waits between retries and returns early with the context's
	// error; default a timer.
	Sleep func(ctx context.Context, d time.Duration) error
	// UserAgent is sent with every request; default "finlint".
	UserAgent string
	// MaxAttempts caps the attempts of one request, the first included;
	// default 5.
	MaxAttempts int
	// MaxWait caps a single wait between attempts; a Retry-After asking
	// for longer ends the retries instead. Default 30 s.
	MaxWait time.Duration
	// MaxElapsed caps the time one request may spend in retries; default
	// 2 min.
	MaxElapsed time.Duration
	// Backoff is the first wait when the server names none, doubled on
	// every further attempt; default 500 ms.
	Backoff time.Duration
	// RenewBefore is how long before its expiry a token is renewed at most;
	// short-lived tokens are renewed a tenth of their lifetime early.
	// Default 1 min.
	RenewBefore time.Duration
}

// Client talks to one Fin.com API base URL. It is safe for concurrent use.
type Client struct {
	base        string
	creds       Credentials
	hc          *http.Client
	now         func() time.Time
	sleep       func(context.Context, time.Duration) error
	userAgent   string
	maxAttempts int
	maxWait     time.Duration
	maxElapsed  time.Duration
	backoff     time.Duration
	renewBefore time.Duration

	// tokenSem is a one-slot semaphore guarding tok; unlike a mutex, a
	// caller waiting for it can give up when its context ends.
	tokenSem chan struct{}
	tok      *token

	secretsMu sync.Mutex
	secrets   []string
}

// New returns a client for baseURL, which must pass CheckBaseURL, with
// creds, which must be Set.
func New(baseURL string, creds Credentials, opts Options) (*Client, error) {
	if err := CheckBaseURL(baseURL); err != nil {
		return nil, err
	}
	if !creds.Set() {
		return nil, ErrNoCredentials
	}
	c := &Client{
		base:        strings.TrimRight(strings.TrimSpace(baseURL), "/"),
		creds:       creds,
		now:         opts.Now,
		sleep:       opts.Sleep,
		userAgent:   opts.UserAgent,
		maxAttempts: opts.MaxAttempts,
		maxWait:     opts.MaxWait,
		maxElapsed:  opts.MaxElapsed,
		backoff:     opts.Backoff,
		renewBefore: opts.RenewBefore,
		tokenSem:    make(chan struct{}, 1),
	}
	c.remember(creds.ClientSecret, creds.AccessToken)
	hc := &http.Client{Timeout: 60 * time.Second}
	if opts.HTTPClient != nil {
		copied := *opts.HTTPClient
		hc = &copied
	}
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	c.hc = hc
	if c.now == nil {
		c.now = time.Now
	}
	if c.sleep == nil {
		c.sleep = sleepCtx
	}
	if c.userAgent == "" {
		c.userAgent = "finlint"
	}
	if c.maxAttempts <= 0 {
		c.maxAttempts = 5
	}
	if c.maxWait <= 0 {
		c.maxWait = 30 * time.Second
	}
	if c.maxElapsed <= 0 {
		c.maxElapsed = 2 * time.Minute
	}
	if c.backoff <= 0 {
		c.backoff = 500 * time.Millisecond
	}
	if c.renewBefore <= 0 {
		c.renewBefore = time.Minute
	}
	return c, nil
}

// BaseURL returns the base URL the client talks to.
func (c *Client) BaseURL() string { return c.base }

// String names the client by its base URL only, so that printing it by
// mistake reveals no credential.
func (c *Client) String() string { return "finapi.Client{" + c.base + "}" }

// GoString keeps %#v as discreet as %v.
func (c *Client) GoString() string { return c.String() }

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// answer is the outcome of one attempt.
type answer struct {
	status int
	header http.Header
	body   []byte
	// err is a transport failure, or a failure to read the body of an
	// answer whose status did arrive.
	err error
	// sent is false only when no byte of the request can have reached the
	// server.
	sent bool
	// final stops the retries: the attempt could not even be made.
	final bool
}

// send makes one attempt. It watches the request through httptrace to
// learn whether any of it was written: the transport calls GetConn before
// anything else, and WroteHeaderField as soon as the first header is
// buffered for the wire, well before any byte of a small request is flushed.
// A transport that never calls GetConn gives no such evidence, so a failure
// through it counts as possibly sent.
func (c *Client) send(ctx context.Context, method, path string, query url.Values, body []byte, tok string) answer {
	if err := ctx.Err(); err != nil {
		return answer{err: err, final: true}
	}
	target := c.base + path
	if len(query) > 0 {
		target += "?" + query.Encode()
	}
	var getConn, wrote atomic.Bool
	trace := &httptrace.ClientTrace{
		GetConn:          func(string) { getConn.Store(true) },
		WroteHeaderField: func(string, []string) { wrote.Store(true) },
		WroteHeaders:     func() { wrote.Store(true) },
		WroteRequest:     func(httptrace.WroteRequestInfo) { wrote.Store(true) },
	}
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, trace), method, target, rd)
	if err != nil {
		return answer{err: err, final: true}
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return answer{err: err, sent: wrote.Load() || !getConn.Load()}
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer+1))
	a := answer{status: resp.StatusCode, header: resp.Header, body: data, sent: true}
	switch {
	case err != nil:
		a.err = fmt.Errorf("reading the answer: %w", err)
	case len(data) > maxAnswer:
		a.err = fmt.Errorf("answer larger than %d bytes", maxAnswer)
		a.body = nil
	}
	return a
}

// readRetryable says which attempts a request that is harmless to repeat
// (a GET, a token request) tries again.
func readRetryable(a answer) bool {
	return a.err != nil || a.status == http.StatusTooManyRequests || a.status >= 500
}

// withRetries runs attempt until it succeeds, retryable says no, or a cap
// is reached, and returns the last answer.
func (c *Client) withRetries(ctx context.Context, retryable func(answer) bool, attempt func() answer) answer {
	start := c.now()
	var slept time.Duration
	for n := 1; ; n++ {
		a := attempt()
		if a.final || !retryable(a) || n >= c.maxAttempts || ctx.Err() != nil {
			return a
		}
		wait, ok := c.waitFor(a, n)
		if !ok {
			return a
		}
		// An injected clock may stand still; the sum of the waits keeps
		// the budget honest then.
		if max(c.now().Sub(start), slept)+wait > c.maxElapsed {
			return a
		}
		if err := c.sleep(ctx, wait); err != nil {
			return a
		}
		slept += wait
	}
}

// waitFor picks the wait before attempt n+1: the server's Retry-After when
// it gives one, else an exponential backoff. It reports false when the
// server asks for a longer wait than MaxWait allows.
func (c *Client) waitFor(a answer, n int) (time.Duration, bool) {
	if a.header != nil {
		if d, ok := parseRetryAfter(a.header.Get("Retry-After"), c.now()); ok {
			return d, d <= c.maxWait
		}
	}
	d := c.backoff
	for i := 1; i < n && d < c.maxWait; i++ {
		d *= 2
	}
	return min(d, c.maxWait), true
}

// parseRetryAfter reads Retry-After as delay-seconds or as an HTTP date
// (RFC 9110, 10.2.3). A date in the past means no wait.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	const maxSecs = uint64(1<<63-1) / uint64(time.Second)
	secs, err := strconv.ParseUint(v, 10, 64)
	if errors.Is(err, strconv.ErrRange) {
		secs, err = maxSecs, nil
	}
	if err == nil {
		return time.Duration(min(secs, maxSecs)) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}

// authed runs one logical request with a bearer token: it takes the current
// token for every attempt, and when the API answers 401 it renews the token
// and runs the request once more. The error is non-nil when no token could
// be had, or the API still answered 401; the answer is then the last one.
func (c *Client) authed(ctx context.Context, retryable func(answer) bool, send func(tok string) answer) (answer, error) {
	stale := ""
	var a answer
	for round := 0; round < 2; round++ {
		var tokErr error
		var used string
		a = c.withRetries(ctx, retryable, func() answer {
			tok, err := c.bearer(ctx, stale)
			if err != nil {
				tokErr = err
				return answer{final: true}
			}
			used = tok
			return send(tok)
		})
		if tokErr != nil {
			return a, tokErr
		}
		if a.err != nil || a.status != http.StatusUnauthorized {
			return a, nil
		}
		if c.creds.AccessToken != "" {
			break
		}
		stale = used
	}
	return a, ErrUnauthorized
}

// apiMessage extracts the vendor's "message" from an error answer, cleaned
// of control characters and shortened, or "" when there is none. Arbitrary
// bodies (an HTML error page from a proxy) are never echoed.
func apiMessage(body []byte) string {
	var m struct {
		Message string `json:"message"`
	}
	if err := json.Unmarshal(body, &m); err != nil {
		return ""
	}
	return cleanText(m.Message)
}

func cleanText(s string) string {
	const limit = 500
	var b strings.Builder
	n := 0
	for _, r := range strings.TrimSpace(s) {
		if n == limit {
			b.WriteString("…")
			break
		}
		if unicode.IsControl(r) {
			r = ' '
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// statusError describes an unexpected status without echoing the body.
func (c *Client) statusError(method, path string, a answer) error {
	msg := fmt.Sprintf("%s %s: HTTP %d", method, path, a.status)
	if m := c.redact(apiMessage(a.body)); m != "" {
		msg += ": " + m
	}
	return errors.New(msg)
}

// remember notes secrets that must never be repeated, should the API echo
// one back in a message.
func (c *Client) remember(secrets ...string) {
	c.secretsMu.Lock()
	defer c.secretsMu.Unlock()
	for _, s := range secrets {
		if len(s) >= 4 {
			c.secrets = append(c.secrets, s)
		}
	}
}

// redact blanks out every secret the client knows from text the API wrote.
func (c *Client) redact(s string) string {
	if s == "" {
		return s
	}
	c.secretsMu.Lock()
	defer c.secretsMu.Unlock()
	for _, sec := range c.secrets {
		s = strings.ReplaceAll(s, sec, "<redacted>")
	}
	return s
}
