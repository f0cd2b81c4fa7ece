package finapi_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint/internal/finapi"
	"github.com/finlint/finlint/internal/finapitest"
	"github.com/finlint/finlint/refcache"
	"github.com/finlint/finlint/rules"
)

var _ refcache.Fetcher = (*finapi.Client)(nil)

func TestFetchAllPages(t *testing.T) {
	want := finapitest.DefaultCatalogues()
	for _, cap := range []int{1, 7, 100} {
		srv := startServer(t, finapitest.Options{PageCap: cap})
		cl, _ := newClient(t, srv, creds(), finapi.Options{})
		for _, name := range refcache.Names() {
			got, err := cl.Fetch(context.Background(), name)
			require.NoError(t, err, name)
			assert.Equal(t, want[name], got, "%s at page cap %d", name, cap)
		}
		// Asked for 100 a page; a server capping below that is followed
		// through every page.
		assert.Equal(t, (23+cap-1)/cap, srv.Hits(finapitest.PathOccupations), "cap %d", cap)
	}
}

func TestFetchIntoCache(t *testing.T) {
	srv := startServer(t, finapitest.Options{})
	cl, _ := newClient(t, srv, creds(), finapi.Options{})
	store := refcache.Open(t.TempDir(), srv.URL)
	snap, err := store.Refresh(context.Background(), cl, t0)
	require.NoError(t, err)
	got, ok := snap.Items(rules.SourceOfFundsIndividual)
	require.True(t, ok)
	require.Len(t, got, 15)
	assert.Equal(t, refcache.Names(), func() []string {
		var present []string
		for _, st := range snap.Status(t0) {
			if st.Present {
				present = append(present, st.Name)
			}
		}
		return present
	}(), "every catalogue is fetched and cached")
	assert.Equal(t, rules.RefItem{ID: 2, Title: "Source of funds 1"}, got[0])
}

func TestFetchUnknownCatalogue(t *testing.T) {
	srv := startServer(t, finapitest.Options{})
	cl, _ := newClient(t, srv, creds(), finapi.Options{})
	_, err := cl.Fetch(context.Background(), "countries")
	assert.Error(t, err)
}

func page(body string) finapitest.Fault { return finapitest.Fault{Status: 200, Body: body} }

func TestFetchPagination(t *testing.T) {
	cases := []struct {
		name    string
		pages   []string
		want    int
		wantErr bool
	}{
		{
			name: "total_page computed from the size asked, total tells the truth",
			pages: []string{
				`{"data":{"pagination":{"current_page":1,"per_page":100,"total_page":1,"total":4},"occupations":[{"id":1,"title":"a"},{"id":2,"title":"b"}]}}`,
				`{"data":{"pagination":{"current_page":2,"per_page":100,"total_page":1,"total":4},"occupations":[{"id":3,"title":"c"},{"id":4,"title":"d"}]}}`,
			},
			want: 4,
		},
		{
			name: "no pagination at all: stop on the empty page",
			pages: []string{
				`{"data":{"occupations":[{"id":1,"title":"a"}]}}`,
				`{"data":{"occupations":[{"id":2,"title":"b"}]}}`,
				`{"data":{"occupations":[]}}`,
			},
			want: 2,
		},
		{
			name: "total_page without total",
			pages: []string{
				`{"data":{"pagination":{"current_page":1,"total_page":2},"occupations":[{"id":1,"title":"a"}]}}`,
				`{"data":{"pagination":{"current_page":2,"total_page":2},"occupations":[{"id":2,"title":"b"}]}}`,
			},
			want: 2,
		},
		{
			name: "server ignores current_page",
			pages: []string{
				`{"data":{"occupations":[{"id":1,"title":"a"}]}}`,
				`{"data":{"occupations":[{"id":1,"title":"a"}]}}`,
			},
			wantErr: true,
		},
		{
			name: "fewer entries than announced",
			pages: []string{
				`{"data":{"pagination":{"current_page":1,"total_page":1,"total":5},"occupations":[{"id":1,"title":"a"}]}}`,
				`{"data":{"pagination":{"current_page":2,"total_page":1,"total":5},"occupations":[]}}`,
			},
			wantErr: true,
		},
		{
			name: "another page than asked",
			pages: []string{
				`{"data":{"pagination":{"current_page":3,"total_page":3,"total":9},"occupations":[{"id":1,"title":"a"}]}}`,
			},
			wantErr: true,
		},
		{
			name:    "not a catalogue",
			pages:   []string{`<html>maintenance</html>`},
			wantErr: true,
		},
		{
			name:    "ids are not numbers",
			pages:   []string{`{"data":{"occupations":[{"id":"x","title":"a"}]}}`},
			wantErr: true,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := startServer(t, finapitest.Options{})
			for _, p := range tc.pages {
				srv.Script(finapitest.PathOccupations, page(p))
			}
			cl, _ := newClient(t, srv, creds(), finapi.Options{})
			got, err := cl.Fetch(context.Background(), rules.Occupations)
			if tc.wantErr {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Len(t, got, tc.want)
		})
	}
}

func TestFetchRetriesHonourRetryAfter(t *testing.T) {
	clk := newClock(t0)
	srv := startServer(t, finapitest.Options{Now: clk.Now})
	srv.Script(finapitest.PathPurposes,
		finapitest.Fault{Status: 429, RetryAfter: "2"},
		finapitest.Fault{Status: 503},
		finapitest.Fault{Status: 503, RetryAfter: clk.Now().Add(3 * time.Second).Format(http.TimeFormat)},
		// net/http itself replays a GET once when a reused connection
		// drops; the second drop reaches the client.
		finapitest.Fault{Drop: true},
		finapitest.Fault{Drop: true},
	)
	cl, sl := newClient(t, srv, creds(), finapi.Options{Now: clk.Now})
	got, err := cl.Fetch(context.Background(), rules.PurposesIndividual)
	require.NoError(t, err)
	assert.Len(t, got, 9)
	// Retry-After in seconds, backoff, Retry-After as a date, backoff.
	assert.Equal(t, []time.Duration{2 * time.Second, time.Second, 3 * time.Second, 4 * time.Second}, sl.Waits())
}

func TestFetchRetryCaps(t *testing.T) {
	t.Run("attempts", func(t *testing.T) {
		srv := startServer(t, finapitest.Options{})
		for i := 0; i < 10; i++ {
			srv.Script(finapitest.PathPurposes, finapitest.Fault{Status: 500, Body: `{"message":"boom"}`})
		}
		cl, sl := newClient(t, srv, creds(), finapi.Options{MaxAttempts: 3})
		_, err := cl.Fetch(context.Background(), rules.PurposesIndividual)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "HTTP 500: boom")
		assert.Equal(t, 3, srv.Hits(finapitest.PathPurposes))
		assert.Len(t, sl.Waits(), 2)
	})
	t.Run("retry-after beyond the longest wait", func(t *testing.T) {
		srv := startServer(t, finapitest.Options{})
		srv.Script(finapitest.PathPurposes, finapitest.Fault{Status: 429, RetryAfter: "3600"})
		cl, sl := newClient(t, srv, creds(), finapi.Options{})
		_, err := cl.Fetch(context.Background(), rules.PurposesIndividual)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "429")
		assert.Equal(t, 1, srv.Hits(finapitest.PathPurposes))
		assert.Empty(t, sl.Waits())
	})
	t.Run("total time", func(t *testing.T) {
		srv := startServer(t, finapitest.Options{})
		for i := 0; i < 10; i++ {
			srv.Script(finapitest.PathPurposes, finapitest.Fault{Status: 503, RetryAfter: "20"})
		}
		cl, sl := newClient(t, srv, creds(), finapi.Options{MaxAttempts: 10, MaxElapsed: 50 * time.Second})
		_, err := cl.Fetch(context.Background(), rules.PurposesIndividual)
		require.Error(t, err)
		assert.Equal(t, []time.Duration{20 * time.Second, 20 * time.Second}, sl.Waits())
		assert.Equal(t, 3, srv.Hits(finapitest.PathPurposes))
	})
	t.Run("backoff is capped", func(t *testing.T) {
		srv := startServer(t, finapitest.Options{})
		for i := 0; i < 6; i++ {
			srv.Script(finapitest.PathPurposes, finapitest.Fault{Status: 502})
		}
		cl, sl := newClient(t, srv, creds(), finapi.Options{MaxAttempts: 7, Backoff: time.Second, MaxWait: 5 * time.Second})
		_, err := cl.Fetch(context.Background(), rules.PurposesIndividual)
		require.NoError(t, err)
		assert.Equal(t, []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 5 * time.Second, 5 * time.Second, 5 * time.Second}, sl.Waits())
	})
	t.Run("not found is not retried", func(t *testing.T) {
		srv := startServer(t, finapitest.Options{})
		srv.Script(finapitest.PathPurposes, finapitest.Fault{Status: 404})
		cl, sl := newClient(t, srv, creds(), finapi.Options{})
		_, err := cl.Fetch(context.Background(), rules.PurposesIndividual)
		require.Error(t, err)
		assert.Empty(t, sl.Waits())
	})
}

func TestFetchContextCancelledDuringWait(t *testing.T) {
	srv := startServer(t, finapitest.Options{})
	srv.Script(finapitest.PathPurposes, finapitest.Fault{Status: 503, RetryAfter: "10"})
	ctx, cancel := context.WithCancel(context.Background())
	sl := &sleeper{then: func(int) { cancel() }}
	cl, _ := newClient(t, srv, creds(), finapi.Options{Sleep: sl.Sleep})
	_, err := cl.Fetch(ctx, rules.PurposesIndividual)
	require.Error(t, err)
	assert.Equal(t, 1, srv.Hits(finapitest.PathPurposes))
}

func TestFetchEachTypeFromItsEndpoint(t *testing.T) {
	var mu sync.Mutex
	var asked []string
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		asked = append(asked, r.URL.Path+" type="+r.URL.Query().Get("type")+" page="+r.URL.Query().Get("current_page"))
		mu.Unlock()
		key := map[string]string{
			finapi.PathOccupations: "occupations", finapi.PathPurposes: "purposes",
			finapi.PathSourceOfFunds: "source_of_funds", finapi.PathSourceOfWealth: "source_of_wealth",
		}[r.URL.Path]
		w.Header().Set("Content-Type", "application/json")
		_, _ = fmt.Fprintf(w, `{"data":{"pagination":{"current_page":1,"per_page":100,"total_page":1,"total":1},%q:[{"id":7,"title":%q}]}}`,
			key, r.URL.Path+" "+r.URL.Query().Get("type"))
	}))
	t.Cleanup(hs.Close)
	cl, err := finapi.New(hs.URL, finapi.Credentials{AccessToken: "tok-static"}, finapi.Options{})
	require.NoError(t, err)
	titles := map[string]string{}
	for _, name := range refcache.Names() {
		got, err := cl.Fetch(context.Background(), name)
		require.NoError(t, err, name)
		require.Len(t, got, 1, name)
		titles[name] = got[0].Title
	}
	assert.Equal(t, map[string]string{
		rules.Occupations:             "/v1/occupations ",
		rules.PurposesIndividual:      "/v1/purposes INDIVIDUAL",
		rules.SourceOfFundsIndividual: "/v1/source-of-funds INDIVIDUAL",
		rules.PurposesBusiness:        "/v1/purposes BUSINESS",
		rules.SourceOfFundsBusiness:   "/v1/source-of-funds BUSINESS",
		rules.SourceOfWealthBusiness:  "/v1/source-of-wealth BUSINESS",
	}, titles)
	assert.Equal(t, []string{
		"/v1/occupations type= page=1",
		"/v1/purposes type=INDIVIDUAL page=1",
		"/v1/source-of-funds type=INDIVIDUAL page=1",
		"/v1/purposes type=BUSINESS page=1",
		"/v1/source-of-funds type=BUSINESS page=1",
		"/v1/source-of-wealth type=BUSINESS page=1",
	}, asked)

	// The old untyped names are no catalogue any more.
	for _, old := range []string{"purposes", "source-of-funds", "source-of-wealth"} {
		_, err := cl.Fetch(context.Background(), old)
		assert.EqualError(t, err, fmt.Sprintf("unknown catalogue %q", old))
	}
}

func TestFetchBusinessCataloguesFromTheStandIn(t *testing.T) {
	srv := startServer(t, finapitest.Options{PageCap: 2})
	cl, _ := newClient(t, srv, creds(), finapi.Options{})
	store := refcache.Open(t.TempDir(), srv.URL)
	snap, err := store.Refresh(context.Background(), cl, t0)
	require.NoError(t, err)

	title := func(name string, id int64) string {
		items, ok := snap.Items(name)
		require.True(t, ok, name)
		for _, it := range items {
			if it.ID == id {
				return it.Title
			}
		}
		return ""
	}
	assert.Equal(t, "Cross-border B2B payments", title(rules.PurposesBusiness, 3))
	assert.Equal(t, "Other", title(rules.PurposesBusiness, 10))
	assert.Equal(t, "Purpose 3", title(rules.PurposesIndividual, 3), "an individual's purposes are not a business's")
	assert.Equal(t, "Business revenue", title(rules.SourceOfFundsBusiness, 1))
	assert.Equal(t, "Sale of assets", title(rules.SourceOfFundsBusiness, 5))
	assert.Equal(t, "", title(rules.SourceOfFundsIndividual, 5), "individual sources of funds have even ids")
	assert.Equal(t, "Investment income", title(rules.SourceOfWealthBusiness, 2))
	// 7 sources of wealth in pages of 2; 10 business and 9 individual
	// purposes.
	assert.Equal(t, 4, srv.Hits(finapitest.PathSourceOfWealth))
	assert.Equal(t, 5+5, srv.Hits(finapitest.PathPurposes))
}
