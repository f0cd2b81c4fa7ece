package finapi_test

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint/internal/finapi"
	"github.com/finlint/finlint/internal/finapitest"
)

const (
	testClientID     = "client-7f3a"
	testClientSecret = "secret-Zq81-never-print-me"
)

var t0 = time.Date(2025, 9, 3, 8, 50, 57, 0, time.UTC)

// fakeClock is shared by the stand-in server and the client when a test
// needs time to pass without waiting.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock(t time.Time) *fakeClock { return &fakeClock{t: t} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// sleeper records the waits the client asks for instead of waiting.
type sleeper struct {
	mu    sync.Mutex
	waits []time.Duration
	// then runs after each recorded wait, with its 1-based number.
	then func(n int)
}

func (s *sleeper) Sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.waits = append(s.waits, d)
	n := len(s.waits)
	then := s.then
	s.mu.Unlock()
	if then != nil {
		then(n)
	}
	return ctx.Err()
}

func (s *sleeper) Waits() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.waits...)
}

func serverOpts(o finapitest.Options) finapitest.Options {
	if o.ClientID == "" {
		o.ClientID = testClientID
	}
	if o.ClientSecret == "" {
		o.ClientSecret = testClientSecret
	}
	return o
}

func startServer(t *testing.T, o finapitest.Options) *finapitest.Server {
	t.Helper()
	srv := finapitest.New(serverOpts(o))
	t.Cleanup(srv.Close)
	return srv
}

func creds() finapi.Credentials {
	return finapi.Credentials{ClientID: testClientID, ClientSecret: testClientSecret}
}

// newClient returns a client of srv that never really sleeps.
func newClient(t *testing.T, srv *finapitest.Server, c finapi.Credentials, o finapi.Options) (*finapi.Client, *sleeper) {
	t.Helper()
	sl := &sleeper{}
	if o.Sleep == nil {
		o.Sleep = sl.Sleep
	}
	if o.HTTPClient == nil {
		o.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	}
	cl, err := finapi.New(srv.URL, c, o)
	require.NoError(t, err)
	return cl, sl
}
