package finapi_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint/internal/finapi"
	"github.com/finlint/finlint/internal/finapitest"
	"github.com/finlint/finlint/rules"
)

// payload is deliberately irregular (spacing, key order, escapes) so that
// any re-encoding on the way would show.
func payload(email string) []byte {
	return []byte(fmt.Sprintf("{ \"verification_type\":\"STANDARD\",\n  \"basic_info\": {\"email\": %q, \"last_name\": \"Garc\\u00eda\"},\t\"meta_data\":{\"n\":1.50} }\n", email))
}

func TestCreateSendsBodyByteForByte(t *testing.T) {
	srv := startServer(t, finapitest.Options{})
	cl, _ := newClient(t, srv, creds(), finapi.Options{})
	body := payload("maria.garcia@example.com")

	res, err := cl.CreateIndividual(context.Background(), body)
	require.NoError(t, err)
	assert.Equal(t, finapi.Created, res.Kind)
	assert.Equal(t, 200, res.HTTPStatus)

	customers := srv.Customers()
	require.Len(t, customers, 1)
	assert.Equal(t, customers[0].ID, res.CustomerID)
	assert.Contains(t, res.TosPoliciesURL, "customer_id="+res.CustomerID)

	reqs := srv.CreateRequests()
	require.Len(t, reqs, 1)
	assert.Equal(t, body, reqs[0].Body)
	assert.Equal(t, "Bearer "+srv.Secrets()[0], reqs[0].Authorization)
	assert.Equal(t, "application/json", reqs[0].ContentType)
	assert.Equal(t, 200, reqs[0].Status)
}

func TestCreateRejected(t *testing.T) {
	srv := startServer(t, finapitest.Options{RejectEmails: []string{"taken@example.com"}})
	cl, sl := newClient(t, srv, creds(), finapi.Options{})

	res, err := cl.CreateIndividual(context.Background(), payload("taken@example.com"))
	require.NoError(t, err)
	assert.Equal(t, finapi.Rejected, res.Kind)
	assert.Equal(t, 422, res.HTTPStatus)
	assert.NotEmpty(t, res.Message)
	assert.Equal(t, []finapi.FieldError{{Pointer: "/basic_info/email", Message: "The basic info.email has already been taken."}}, res.FieldErrors)

	res, err = cl.CreateIndividual(context.Background(), []byte(`{"verification_type":"RELIANCE","basic_info":{"email":"a@example.com"}}`))
	require.NoError(t, err)
	assert.Equal(t, finapi.Rejected, res.Kind)
	assert.Equal(t, 423, res.HTTPStatus)
	assert.Equal(t, finapitest.RelianceMessage, res.Message)
	assert.Equal(t, []finapi.FieldError{{Pointer: "/verification_type", Message: finapitest.RelianceMessage}}, res.FieldErrors)

	assert.Empty(t, srv.Customers())
	assert.Len(t, srv.CreateRequests(), 2, "refusals are final")
	assert.Empty(t, sl.Waits())
}

func TestCreateRelianceEnabled(t *testing.T) {
	srv := startServer(t, finapitest.Options{RelianceEnabled: true})
	cl, _ := newClient(t, srv, creds(), finapi.Options{})
	res, err := cl.CreateIndividual(context.Background(), []byte(`{"verification_type":"RELIANCE"}`))
	require.NoError(t, err)
	assert.Equal(t, finapi.Created, res.Kind)
}

func TestCreateRetriesOnly429And503(t *testing.T) {
	clk := newClock(t0)
	srv := startServer(t, finapitest.Options{Now: clk.Now})
	srv.Script(finapitest.PathCreate,
		finapitest.Fault{Status: 429, RetryAfter: "3"},
		finapitest.Fault{Status: 503},
		finapitest.Fault{Status: 503, RetryAfter: clk.Now().Add(7 * time.Second).Format(http.TimeFormat)},
	)
	cl, sl := newClient(t, srv, creds(), finapi.Options{Now: clk.Now})
	body := payload("a@example.com")
	res, err := cl.CreateIndividual(context.Background(), body)
	require.NoError(t, err)
	assert.Equal(t, finapi.Created, res.Kind)
	assert.Equal(t, []time.Duration{3 * time.Second, time.Second, 7 * time.Second}, sl.Waits())
	reqs := srv.CreateRequests()
	require.Len(t, reqs, 4)
	assert.Equal(t, []int{429, 503, 503, 200}, []int{reqs[0].Status, reqs[1].Status, reqs[2].Status, reqs[3].Status})
	assert.Len(t, srv.Customers(), 1)
}

func TestCreateFinalAnswers(t *testing.T) {
	cases := []struct {
		name      string
		fault     finapitest.Fault
		kind      finapi.Kind
		unknown   bool
		customers int
	}{
		{"500", finapitest.Fault{Status: 500, Body: `{"message":"Server Error"}`}, finapi.Unknown, true, 0},
		{"500 after the commit", finapitest.Fault{Status: 500, Commit: true}, finapi.Unknown, true, 1},
		{"501", finapitest.Fault{Status: 501}, finapi.Unknown, true, 0},
		{"502 after the commit", finapitest.Fault{Status: 502, Commit: true}, finapi.Unknown, true, 1},
		{"504", finapitest.Fault{Status: 504}, finapi.Unknown, true, 0},
		{"dropped after reading", finapitest.Fault{Drop: true}, finapi.Unknown, true, 0},
		{"dropped after the commit", finapitest.Fault{Drop: true, Commit: true}, finapi.Unknown, true, 1},
		{"409", finapitest.Fault{Status: 409, Body: `{"message":"Conflict"}`}, finapi.Rejected, false, 0},
		{"redirect", finapitest.Fault{Status: 307}, finapi.Failed, false, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := startServer(t, finapitest.Options{})
			srv.Script(finapitest.PathCreate, tc.fault)
			cl, sl := newClient(t, srv, creds(), finapi.Options{})
			res, err := cl.CreateIndividual(context.Background(), payload("b@example.com"))
			assert.Equal(t, tc.kind, res.Kind, "%+v", res)
			if tc.unknown {
				assert.ErrorIs(t, err, finapi.ErrOutcomeUnknown)
			} else {
				assert.NoError(t, err)
				assert.NotEmpty(t, res.Message)
			}
			assert.Len(t, srv.CreateRequests(), 1, "never sent twice")
			assert.Len(t, srv.Customers(), tc.customers)
			assert.Empty(t, sl.Waits())
		})
	}
}

func TestCreateTimeoutIsUnknown(t *testing.T) {
	srv := startServer(t, finapitest.Options{})
	srv.Script(finapitest.PathCreate, finapitest.Fault{Delay: 1500 * time.Millisecond, Commit: true})
	cl, sl := newClient(t, srv, creds(), finapi.Options{HTTPClient: &http.Client{Timeout: 200 * time.Millisecond}})
	// Take the token first, so the timeout can only hit the create.
	_, err := cl.Fetch(context.Background(), rules.PurposesIndividual)
	require.NoError(t, err)

	res, err := cl.CreateIndividual(context.Background(), payload("slow@example.com"))
	assert.Equal(t, finapi.Unknown, res.Kind)
	assert.ErrorIs(t, err, finapi.ErrOutcomeUnknown)
	assert.Empty(t, sl.Waits())
	assert.Len(t, srv.CreateRequests(), 1)
	// The server went on and created the customer: sending again would
	// have made two.
	require.Eventually(t, func() bool { return len(srv.Customers()) == 1 }, 10*time.Second, 20*time.Millisecond)
}

func TestCreateContextDeadlineAfterSendIsUnknown(t *testing.T) {
	srv := startServer(t, finapitest.Options{})
	cl, _ := newClient(t, srv, creds(), finapi.Options{})
	_, err := cl.Fetch(context.Background(), rules.PurposesIndividual)
	require.NoError(t, err)
	srv.Script(finapitest.PathCreate, finapitest.Fault{Delay: 3 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	res, err := cl.CreateIndividual(ctx, payload("c@example.com"))
	assert.Equal(t, finapi.Unknown, res.Kind)
	assert.ErrorIs(t, err, finapi.ErrOutcomeUnknown)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

func TestCreateCancelledBeforeSendIsNotSent(t *testing.T) {
	srv := startServer(t, finapitest.Options{})
	cl, _ := newClient(t, srv, creds(), finapi.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := cl.CreateIndividual(ctx, payload("d@example.com"))
	assert.Equal(t, finapi.NotSent, res.Kind)
	assert.ErrorIs(t, err, context.Canceled)
	assert.NotErrorIs(t, err, finapi.ErrOutcomeUnknown)
	assert.Empty(t, srv.CreateRequests())
}

// deadAddress returns a loopback address nobody listens on.
func deadAddress(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	return addr
}

func TestCreateConnectionRefusedIsRetriedThenNotSent(t *testing.T) {
	sl := &sleeper{}
	cl, err := finapi.New("http://"+deadAddress(t), finapi.Credentials{AccessToken: "tok-dead-1234"},
		finapi.Options{Sleep: sl.Sleep, MaxAttempts: 4})
	require.NoError(t, err)
	res, err := cl.CreateIndividual(context.Background(), payload("e@example.com"))
	assert.Equal(t, finapi.NotSent, res.Kind)
	require.Error(t, err)
	assert.NotErrorIs(t, err, finapi.ErrOutcomeUnknown)
	assert.Len(t, sl.Waits(), 3, "nothing was written, so every attempt was safe")
	assert.NotContains(t, err.Error(), "tok-dead-1234")
}

func TestCreateConnectionRefusedThenServerUp(t *testing.T) {
	// A server that is not yet listening: its listener is opened on the
	// dead address after the first wait.
	addr := deadAddress(t)
	srv := finapitest.New(serverOpts(finapitest.Options{}))
	defer srv.Close()
	issuer, _ := newClient(t, srv, creds(), finapi.Options{})
	_, err := issuer.Fetch(context.Background(), rules.PurposesIndividual)
	require.NoError(t, err)
	tok := srv.Secrets()[0]

	var once sync.Once
	sl := &sleeper{then: func(int) {
		once.Do(func() {
			l, err := net.Listen("tcp", addr)
			if err != nil {
				t.Errorf("reopening %s: %v", addr, err)
				return
			}
			go func() {
				_ = http.Serve(l, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					srv.Config.Handler.ServeHTTP(w, r)
				}))
			}()
			t.Cleanup(func() { _ = l.Close() })
		})
	}}
	cl, err := finapi.New("http://"+addr, finapi.Credentials{AccessToken: tok}, finapi.Options{Sleep: sl.Sleep})
	require.NoError(t, err)
	res, err := cl.CreateIndividual(context.Background(), payload("f@example.com"))
	require.NoError(t, err)
	assert.Equal(t, finapi.Created, res.Kind)
	assert.Len(t, sl.Waits(), 1)
	assert.Len(t, srv.CreateRequests(), 1)
	assert.Len(t, srv.Customers(), 1)
}

func TestCreate429BeyondPatienceFails(t *testing.T) {
	srv := startServer(t, finapitest.Options{})
	srv.Script(finapitest.PathCreate, finapitest.Fault{Status: 429, RetryAfter: "600"})
	cl, sl := newClient(t, srv, creds(), finapi.Options{})
	res, err := cl.CreateIndividual(context.Background(), payload("g@example.com"))
	require.NoError(t, err)
	assert.Equal(t, finapi.Failed, res.Kind)
	assert.Equal(t, 429, res.HTTPStatus)
	assert.Empty(t, sl.Waits())
}

func TestCreate503UntilAttemptsRunOut(t *testing.T) {
	srv := startServer(t, finapitest.Options{})
	for i := 0; i < 9; i++ {
		srv.Script(finapitest.PathCreate, finapitest.Fault{Status: 503})
	}
	cl, sl := newClient(t, srv, creds(), finapi.Options{MaxAttempts: 4})
	res, err := cl.CreateIndividual(context.Background(), payload("h@example.com"))
	require.NoError(t, err)
	assert.Equal(t, finapi.Failed, res.Kind)
	assert.Equal(t, 503, res.HTTPStatus)
	assert.Len(t, srv.CreateRequests(), 4)
	assert.Len(t, sl.Waits(), 3)
	assert.Empty(t, srv.Customers())
}

func TestCreate401RenewsOnce(t *testing.T) {
	srv := startServer(t, finapitest.Options{})
	cl, _ := newClient(t, srv, creds(), finapi.Options{})
	_, err := cl.Fetch(context.Background(), rules.PurposesIndividual)
	require.NoError(t, err)
	old := srv.Secrets()[0]

	srv.RevokeTokens()
	res, err := cl.CreateIndividual(context.Background(), payload("i@example.com"))
	require.NoError(t, err)
	assert.Equal(t, finapi.Created, res.Kind)
	reqs := srv.CreateRequests()
	require.Len(t, reqs, 2)
	assert.Equal(t, "Bearer "+old, reqs[0].Authorization)
	assert.Equal(t, 401, reqs[0].Status)
	assert.NotEqual(t, reqs[0].Authorization, reqs[1].Authorization)
	assert.Equal(t, 200, reqs[1].Status)
	assert.Len(t, srv.Customers(), 1)

	srv.Script(finapitest.PathCreate, finapitest.Fault{Status: 401}, finapitest.Fault{Status: 401})
	res, err = cl.CreateIndividual(context.Background(), payload("j@example.com"))
	assert.ErrorIs(t, err, finapi.ErrUnauthorized)
	assert.Equal(t, finapi.Failed, res.Kind)
	assert.Equal(t, 401, res.HTTPStatus)
	assert.Len(t, srv.CreateRequests(), 4)
	assert.Len(t, srv.Customers(), 1)
}

func TestCreateStaticToken401(t *testing.T) {
	srv := startServer(t, finapitest.Options{})
	cl, _ := newClient(t, srv, finapi.Credentials{AccessToken: "tok-unknown-5678"}, finapi.Options{})
	res, err := cl.CreateIndividual(context.Background(), payload("k@example.com"))
	assert.ErrorIs(t, err, finapi.ErrUnauthorized)
	assert.Equal(t, finapi.Failed, res.Kind)
	assert.Len(t, srv.CreateRequests(), 1)
	assert.Zero(t, srv.Hits(finapitest.PathToken))
}

func TestCreateTokenUnavailableIsNotSent(t *testing.T) {
	srv := startServer(t, finapitest.Options{})
	cl, _ := newClient(t, srv, finapi.Credentials{ClientID: testClientID, ClientSecret: "bad-secret"}, finapi.Options{})
	res, err := cl.CreateIndividual(context.Background(), payload("l@example.com"))
	assert.Equal(t, finapi.NotSent, res.Kind)
	assert.ErrorIs(t, err, finapi.ErrUnauthorized)
	assert.Empty(t, srv.CreateRequests())
}

func TestCreateConcurrentExactlyOnce(t *testing.T) {
	srv := startServer(t, finapitest.Options{})
	// Fewer 429s than a request's attempts (5): even if one request draws
	// them all, as it can on a loaded machine, its last attempt succeeds.
	const faults = 4
	for i := 0; i < faults; i++ {
		srv.Script(finapitest.PathCreate, finapitest.Fault{Status: 429, RetryAfter: "1"})
	}
	cl, _ := newClient(t, srv, creds(), finapi.Options{})
	const n = 24
	var wg sync.WaitGroup
	results := make([]finapi.CreateResult, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var err error
			results[i], err = cl.CreateIndividual(context.Background(), payload(fmt.Sprintf("p%02d@example.com", i)))
			assert.NoError(t, err)
		}()
	}
	wg.Wait()
	ids := map[string]bool{}
	for _, r := range results {
		assert.Equal(t, finapi.Created, r.Kind)
		ids[r.CustomerID] = true
	}
	assert.Len(t, ids, n)
	bodies := map[string]int{}
	for _, c := range srv.Customers() {
		bodies[string(c.Body)]++
	}
	require.Len(t, bodies, n)
	for i := 0; i < n; i++ {
		assert.Equal(t, 1, bodies[string(payload(fmt.Sprintf("p%02d@example.com", i)))])
	}
	assert.Len(t, srv.CreateRequests(), n+faults)
	assert.Equal(t, 1, srv.TokensIssued())
	for _, r := range srv.CreateRequests() {
		assert.Equal(t, "Bearer "+srv.Secrets()[0], r.Authorization)
	}
}
