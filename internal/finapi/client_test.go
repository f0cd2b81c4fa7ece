package finapi_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint/internal/finapi"
	"github.com/finlint/finlint/internal/finapitest"
	"github.com/finlint/finlint/rules"
)

func TestCredentialsFromEnv(t *testing.T) {
	env := map[string]string{"FIN_CLIENT_ID": " id ", "FIN_CLIENT_SECRET": "sec", "FIN_ACCESS_TOKEN": ""}
	c := finapi.CredentialsFromEnv(func(k string) string { return env[k] })
	assert.Equal(t, finapi.Credentials{ClientID: "id", ClientSecret: "sec"}, c)
	assert.True(t, c.Set())

	assert.False(t, finapi.Credentials{ClientID: "id"}.Set(), "an id alone is not enough")
	assert.False(t, finapi.Credentials{ClientSecret: "s"}.Set())
	assert.False(t, finapi.Credentials{}.Set())
	assert.True(t, finapi.Credentials{AccessToken: "tok"}.Set())

	c = finapi.Credentials{ClientID: "id", ClientSecret: "hunter2-secret", AccessToken: "tok-abcdef"}
	for _, s := range []string{fmt.Sprint(c), fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c), fmt.Sprintf("%v", &c)} {
		assert.NotContains(t, s, "hunter2")
		assert.NotContains(t, s, "tok-abcdef")
		assert.Contains(t, s, "id")
	}
}

func TestBaseURLFromEnv(t *testing.T) {
	assert.Equal(t, "https://sandbox.api.fin.com", finapi.BaseURLFromEnv(func(string) string { return "" }))
	assert.Equal(t, "https://api.fin.com", finapi.BaseURLFromEnv(func(k string) string {
		if k == "FIN_BASE_URL" {
			return " https://api.fin.com "
		}
		return ""
	}))
}

func TestCheckBaseURL(t *testing.T) {
	for u, ok := range map[string]bool{
		"https://sandbox.api.fin.com":  true,
		"https://api.fin.com/":         true,
		"HTTPS://api.fin.com":          true,
		"http://127.0.0.1:8080":        true,
		"http://127.8.9.10":            true,
		"http://[::1]:9000":            true,
		"http://localhost:3000":        true,
		"http://LOCALHOST":             true,
		"http://sandbox.api.fin.com":   false,
		"http://10.0.0.1":              false,
		"http://localhost.evil.com":    false,
		"http://127.0.0.1.nip.io":      false,
		"ftp://api.fin.com":            false,
		"api.fin.com":                  false,
		"https://":                     false,
		"":                             false,
		"https://user:pw@api.fin.com":  false,
		"https://api.fin.com/?debug=1": false,
		"https://api.fin.com/#x":       false,
		"://bad":                       false,
	} {
		err := finapi.CheckBaseURL(u)
		if ok {
			assert.NoError(t, err, u)
		} else {
			assert.ErrorIs(t, err, finapi.ErrBaseURL, u)
		}
	}
	err := finapi.CheckBaseURL("https://user:pa55word@api.fin.com")
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "pa55word")
}

func TestIsProduction(t *testing.T) {
	for u, want := range map[string]bool{
		"https://api.fin.com":         true,
		"https://api.fin.com/":        true,
		"https://API.fin.com:443":     true,
		"https://api.fin.com.":        true,
		"https://sandbox.api.fin.com": false,
		"https://api.fin.com:8443":    false,
		"http://api.fin.com":          false,
		"https://api.fin.com.evil.io": false,
		"http://127.0.0.1:1":          false,
	} {
		assert.Equal(t, want, finapi.IsProduction(u), u)
	}
}

func TestNewRefuses(t *testing.T) {
	_, err := finapi.New("http://sandbox.api.fin.com", creds(), finapi.Options{})
	assert.ErrorIs(t, err, finapi.ErrBaseURL)
	_, err = finapi.New("https://sandbox.api.fin.com", finapi.Credentials{ClientID: "x"}, finapi.Options{})
	assert.ErrorIs(t, err, finapi.ErrNoCredentials)
}

func TestTokenAnswerShapes(t *testing.T) {
	for _, o := range []finapitest.Options{
		{},
		{WrapToken: true},
		{RFC3339Times: true},
		{WrapToken: true, RFC3339Times: true},
	} {
		t.Run(fmt.Sprintf("wrap=%v,rfc3339=%v", o.WrapToken, o.RFC3339Times), func(t *testing.T) {
			srv := startServer(t, o)
			cl, _ := newClient(t, srv, creds(), finapi.Options{})
			for i := 0; i < 3; i++ {
				items, err := cl.Fetch(context.Background(), rules.PurposesIndividual)
				require.NoError(t, err)
				assert.Len(t, items, 9)
			}
			assert.Equal(t, 1, srv.TokensIssued(), "one token serves the whole run")
			assert.Zero(t, srv.Refreshes())
		})
	}
}

func TestTokenSharedByConcurrentCallers(t *testing.T) {
	srv := startServer(t, finapitest.Options{})
	// A slow token answer makes every caller arrive while it is pending.
	srv.Script(finapitest.PathToken, finapitest.Fault{Delay: 200 * time.Millisecond})
	cl, _ := newClient(t, srv, creds(), finapi.Options{})
	var wg sync.WaitGroup
	errs := make([]error, 16)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = cl.Fetch(context.Background(), rules.SourceOfFundsIndividual)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		assert.NoError(t, err)
	}
	assert.Equal(t, 1, srv.TokensIssued())
	assert.Equal(t, 1, srv.Hits(finapitest.PathToken))
}

func TestTokenWaitRespectsContext(t *testing.T) {
	srv := startServer(t, finapitest.Options{})
	srv.Script(finapitest.PathToken, finapitest.Fault{Delay: 3 * time.Second})
	cl, _ := newClient(t, srv, creds(), finapi.Options{})
	go func() { _, _ = cl.Fetch(context.Background(), rules.PurposesIndividual) }()
	// Wait until the first caller's token request is with the server.
	require.Eventually(t, func() bool { return srv.Hits(finapitest.PathToken) == 1 }, 5*time.Second, 5*time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := cl.Fetch(ctx, rules.PurposesIndividual)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), 2*time.Second, "a waiting caller gives up with its context")
}

// pagesPer is how many requests one Fetch of the default catalogues makes
// at the default page cap of 7.
var pagesPer = map[string]int{rules.Occupations: 4, rules.PurposesIndividual: 2, rules.SourceOfFundsIndividual: 3}

func TestTokenRenewedBeforeExpiry(t *testing.T) {
	for _, skew := range []time.Duration{0, 3 * time.Hour, -3 * time.Hour} {
		t.Run(fmt.Sprintf("server clock %+v", skew), func(t *testing.T) {
			clk := newClock(t0)
			srv := startServer(t, finapitest.Options{
				TokenTTL: 10 * time.Minute,
				Now:      func() time.Time { return clk.Now().Add(skew) },
			})
			cl, _ := newClient(t, srv, creds(), finapi.Options{Now: clk.Now})
			fetch := func() {
				t.Helper()
				_, err := cl.Fetch(context.Background(), rules.Occupations)
				require.NoError(t, err)
			}
			fetch()
			clk.Advance(time.Minute)
			fetch()
			clk.Advance(7 * time.Minute)
			fetch()
			// A client that judged the server's expiry time by its own
			// clock would renew on every call with the server behind, and
			// never in time with the server ahead.
			assert.Equal(t, 1, srv.TokensIssued())
			assert.Zero(t, srv.Refreshes())

			clk.Advance(90 * time.Second) // 9m30s: inside the renewal margin
			fetch()
			assert.Equal(t, 1, srv.TokensIssued())
			assert.Equal(t, 1, srv.Refreshes(), "renewed with the refresh token, before expiry")
			// Every page was answered on the first try: no 401 happened.
			assert.Equal(t, 4*pagesPer[rules.Occupations], srv.Hits(finapitest.PathOccupations))

			clk.Advance(9 * time.Minute)
			fetch()
			assert.Equal(t, 2, srv.Refreshes(), "a refreshed token is renewed in its turn")
			assert.Equal(t, 5*pagesPer[rules.Occupations], srv.Hits(finapitest.PathOccupations))
		})
	}
}

func TestRefreshFailureFallsBackToNewToken(t *testing.T) {
	clk := newClock(t0)
	srv := startServer(t, finapitest.Options{TokenTTL: 10 * time.Minute, Now: clk.Now})
	srv.Script(finapitest.PathRefresh, finapitest.Fault{Status: 401})
	cl, _ := newClient(t, srv, creds(), finapi.Options{Now: clk.Now})
	_, err := cl.Fetch(context.Background(), rules.PurposesIndividual)
	require.NoError(t, err)
	clk.Advance(9*time.Minute + 30*time.Second)
	_, err = cl.Fetch(context.Background(), rules.PurposesIndividual)
	require.NoError(t, err)
	assert.Equal(t, 1, srv.Hits(finapitest.PathRefresh))
	assert.Zero(t, srv.Refreshes())
	assert.Equal(t, 2, srv.TokensIssued())
}

func TestRefreshTokenExpiredUsesCredentials(t *testing.T) {
	clk := newClock(t0)
	srv := startServer(t, finapitest.Options{TokenTTL: 10 * time.Minute, RefreshTTL: 15 * time.Minute, Now: clk.Now})
	cl, _ := newClient(t, srv, creds(), finapi.Options{Now: clk.Now})
	_, err := cl.Fetch(context.Background(), rules.PurposesIndividual)
	require.NoError(t, err)
	clk.Advance(20 * time.Minute)
	_, err = cl.Fetch(context.Background(), rules.PurposesIndividual)
	require.NoError(t, err)
	assert.Zero(t, srv.Hits(finapitest.PathRefresh), "a refresh token known to be expired is not tried")
	assert.Equal(t, 2, srv.TokensIssued())
}

func TestRenewedOnceOn401(t *testing.T) {
	srv := startServer(t, finapitest.Options{})
	cl, _ := newClient(t, srv, creds(), finapi.Options{})
	_, err := cl.Fetch(context.Background(), rules.PurposesIndividual)
	require.NoError(t, err)

	srv.RevokeTokens()
	_, err = cl.Fetch(context.Background(), rules.PurposesIndividual)
	require.NoError(t, err)
	assert.Equal(t, 1, srv.Refreshes())

	srv.Script(finapitest.PathPurposes, finapitest.Fault{Status: 401}, finapitest.Fault{Status: 401})
	_, err = cl.Fetch(context.Background(), rules.PurposesIndividual)
	assert.ErrorIs(t, err, finapi.ErrUnauthorized)
	assert.Equal(t, 2, srv.Refreshes(), "renewed exactly once more")
}

func TestStaticAccessToken(t *testing.T) {
	srv := startServer(t, finapitest.Options{})
	issuer, _ := newClient(t, srv, creds(), finapi.Options{})
	_, err := issuer.Fetch(context.Background(), rules.PurposesIndividual)
	require.NoError(t, err)
	tok := srv.Secrets()[0]

	cl, _ := newClient(t, srv, finapi.Credentials{AccessToken: tok, ClientID: testClientID, ClientSecret: testClientSecret}, finapi.Options{})
	items, err := cl.Fetch(context.Background(), rules.Occupations)
	require.NoError(t, err)
	assert.Len(t, items, 23)
	assert.Equal(t, 1, srv.TokensIssued(), "a given token is used as it is")

	srv.RevokeTokens()
	hits := srv.Hits(finapitest.PathOccupations)
	_, err = cl.Fetch(context.Background(), rules.Occupations)
	assert.ErrorIs(t, err, finapi.ErrUnauthorized)
	assert.Equal(t, hits+1, srv.Hits(finapitest.PathOccupations), "no second try: the token cannot be renewed")
	assert.Equal(t, 1, srv.TokensIssued())
	assert.Zero(t, srv.Hits(finapitest.PathRefresh))
	assert.NotContains(t, err.Error(), tok)
}

func TestBadCredentials(t *testing.T) {
	srv := startServer(t, finapitest.Options{})
	wrong := finapi.Credentials{ClientID: testClientID, ClientSecret: "wrong-secret-Y7"}
	cl, sl := newClient(t, srv, wrong, finapi.Options{})
	_, err := cl.Fetch(context.Background(), rules.PurposesIndividual)
	require.ErrorIs(t, err, finapi.ErrUnauthorized)
	assert.NotContains(t, err.Error(), "wrong-secret-Y7")
	assert.Empty(t, sl.Waits(), "a refused credential is not retried")
	assert.Zero(t, srv.Hits(finapitest.PathPurposes))
}

func TestTokenEndpointRetried(t *testing.T) {
	srv := startServer(t, finapitest.Options{})
	srv.Script(finapitest.PathToken,
		finapitest.Fault{Status: 503},
		finapitest.Fault{Drop: true},
		finapitest.Fault{Status: 429, RetryAfter: "4"})
	cl, sl := newClient(t, srv, creds(), finapi.Options{})
	_, err := cl.Fetch(context.Background(), rules.PurposesIndividual)
	require.NoError(t, err)
	assert.Equal(t, []time.Duration{500 * time.Millisecond, time.Second, 4 * time.Second}, sl.Waits())
	assert.Equal(t, 4, srv.Hits(finapitest.PathToken))
}
