package finapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// token is the client's current token pair, with expiries on the local
// clock. A zero expiry means the server did not say, and the token is used
// until the API refuses it.
type token struct {
	access         string
	refresh        string
	expires        time.Time
	refreshExpires time.Time
	margin         time.Duration
}

func (t *token) usable(now time.Time) bool {
	return t.expires.IsZero() || now.Before(t.expires.Add(-t.margin))
}

func (t *token) refreshable(now time.Time) bool {
	return t.refresh != "" && (t.refreshExpires.IsZero() || now.Before(t.refreshExpires.Add(-t.margin)))
}

// bearer returns a token to send. stale is a token the API just refused
// with 401: it is not handed out again, and a new one is obtained unless
// another caller already did.
func (c *Client) bearer(ctx context.Context, stale string) (string, error) {
	if c.creds.AccessToken != "" {
		if stale != "" {
			return "", ErrUnauthorized
		}
		return c.creds.AccessToken, nil
	}
	select {
	case c.tokenSem <- struct{}{}:
	case <-ctx.Done():
		return "", ctx.Err()
	}
	defer func() { <-c.tokenSem }()
	if t := c.tok; t != nil && t.access != stale && t.usable(c.now()) {
		return t.access, nil
	}
	t, err := c.renew(ctx, c.tok)
	if err != nil {
		return "", err
	}
	c.tok = t
	return t.access, nil
}

// renew exchanges the refresh token when it is still good, and falls back
// to the client credentials when there is none or the exchange fails: a
// spent refresh token must not stop the run.
func (c *Client) renew(ctx context.Context, old *token) (*token, error) {
	if old != nil && old.refreshable(c.now()) {
		t, err := c.requestToken(ctx, PathRefresh, map[string]string{"refresh_token": old.refresh})
		if err == nil {
			return t, nil
		}
		if ctx.Err() != nil {
			return nil, err
		}
	}
	return c.requestToken(ctx, PathToken, map[string]string{
		"client_id":     c.creds.ClientID,
		"client_secret": c.creds.ClientSecret,
	})
}

// requestToken calls a token endpoint. Its errors never include the answer
// body: the endpoint's answers carry secrets.
func (c *Client) requestToken(ctx context.Context, path string, in map[string]string) (*token, error) {
	body, err := json.Marshal(in)
	if err != nil {
		return nil, fmt.Errorf("token request: %w", err)
	}
	var sentAt time.Time
	a := c.withRetries(ctx, readRetryable, func() answer {
		sentAt = c.now()
		return c.send(ctx, http.MethodPost, path, nil, body, "")
	})
	switch {
	case a.err != nil:
		return nil, fmt.Errorf("POST %s: %w", path, a.err)
	case a.status == http.StatusUnauthorized:
		return nil, fmt.Errorf("POST %s: %w", path, ErrUnauthorized)
	case a.status != http.StatusOK:
		return nil, fmt.Errorf("POST %s: HTTP %d", path, a.status)
	}
	t, err := c.parseToken(a.body, sentAt)
	if err != nil {
		return nil, fmt.Errorf("POST %s: %w", path, err)
	}
	return t, nil
}

type tokenFields struct {
	AccessToken  string `json:"access_token"`
	AccessTTL    string `json:"access_token_ttl"`
	RefreshToken string `json:"refresh_token"`
	RefreshTTL   string `json:"refresh_token_ttl"`
	CurrentTime  string `json:"current_time"`
}

// errTokenAnswer hides the decoder's own error, which could quote the
// answer.
var errTokenAnswer = errors.New("the token answer is not usable")

// parseToken reads a token answer, bare or wrapped in "data", and lays its
// expiries onto the local clock. sentAt is the local time the request left:
// the server's current_time is no earlier than that, so the expiry computed
// from it errs on the early side.
func (c *Client) parseToken(body []byte, sentAt time.Time) (*token, error) {
	var w struct {
		tokenFields
		Data *tokenFields `json:"data"`
	}
	if err := json.Unmarshal(body, &w); err != nil {
		return nil, errTokenAnswer
	}
	f := w.tokenFields
	if w.Data != nil && w.Data.AccessToken != "" {
		f = *w.Data
	}
	if strings.TrimSpace(f.AccessToken) == "" {
		return nil, fmt.Errorf("%w: no access_token", errTokenAnswer)
	}
	serverNow, haveNow := parseTime(f.CurrentTime)
	local := func(ttl string) (time.Time, time.Duration) {
		exp, ok := parseTime(ttl)
		if !ok {
			return time.Time{}, 0
		}
		// The vendor writes whole seconds, so its current_time may be up
		// to a second behind the true instant: take that second off.
		if haveNow {
			life := exp.Sub(serverNow) - time.Second
			return sentAt.Add(life), life
		}
		return exp.Add(-time.Second), exp.Sub(sentAt)
	}
	c.remember(f.AccessToken, f.RefreshToken)
	t := &token{access: f.AccessToken, refresh: f.RefreshToken}
	var life time.Duration
	t.expires, life = local(f.AccessTTL)
	t.refreshExpires, _ = local(f.RefreshTTL)
	t.margin = min(c.renewBefore, max(life/10, 0))
	return t, nil
}

// tokenTimeLayouts are the vendor's documented "2006-01-02 15:04:05+00"
// and its relatives, then RFC 3339, which the OpenAPI file declares.
var tokenTimeLayouts = []string{
	"2006-01-02 15:04:05Z07",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05Z0700",
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z07",
	"2006-01-02T15:04:05Z0700",
}

// parseTime reads a token time; a time without a zone is UTC.
func parseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range tokenTimeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
