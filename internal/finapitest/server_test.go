package finapitest_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint/internal/finapitest"
	"github.com/finlint/finlint/rules"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func do(t *testing.T, method, u, tok, body string) (int, http.Header, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	require.NoError(t, err)
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var m map[string]any
	_ = json.Unmarshal(data, &m)
	return resp.StatusCode, resp.Header, m
}

func token(t *testing.T, srv *finapitest.Server) map[string]any {
	t.Helper()
	st, _, m := do(t, "POST", srv.URL+finapitest.PathToken, "", `{"client_id":"id","client_secret":"sec"}`)
	require.Equal(t, 200, st)
	return m
}

func TestTokenLifecycle(t *testing.T) {
	clk := &clock{t: time.Date(2025, 9, 3, 8, 50, 57, 400e6, time.UTC)}
	srv := finapitest.New(finapitest.Options{ClientID: "id", ClientSecret: "sec", TokenTTL: time.Minute, Now: clk.Now})
	defer srv.Close()

	st, _, _ := do(t, "POST", srv.URL+finapitest.PathToken, "", `{"client_id":"id","client_secret":"nope"}`)
	assert.Equal(t, 401, st)
	st, _, _ = do(t, "POST", srv.URL+finapitest.PathToken, "", `{}`)
	assert.Equal(t, 422, st)

	tok := token(t, srv)
	assert.Equal(t, "2025-09-03 08:50:57+00", tok["current_time"])
	assert.Equal(t, "2025-09-03 08:51:57+00", tok["access_token_ttl"])
	at := tok["access_token"].(string)
	assert.Equal(t, []string{at, tok["refresh_token"].(string)}, srv.Secrets())

	st, _, _ = do(t, "GET", srv.URL+finapitest.PathOccupations, at, "")
	assert.Equal(t, 200, st)
	st, _, _ = do(t, "GET", srv.URL+finapitest.PathOccupations, "forged", "")
	assert.Equal(t, 401, st)
	clk.Advance(time.Minute)
	st, _, _ = do(t, "GET", srv.URL+finapitest.PathOccupations, at, "")
	assert.Equal(t, 401, st, "expired on the server's clock")

	st, _, m := do(t, "POST", srv.URL+finapitest.PathRefresh, "", `{"refresh_token":"`+tok["refresh_token"].(string)+`"}`)
	require.Equal(t, 200, st)
	st, _, _ = do(t, "POST", srv.URL+finapitest.PathRefresh, "", `{"refresh_token":"`+tok["refresh_token"].(string)+`"}`)
	assert.Equal(t, 401, st, "refresh tokens are spent once used")
	st, _, _ = do(t, "GET", srv.URL+finapitest.PathOccupations, m["access_token"].(string), "")
	assert.Equal(t, 200, st)
	srv.RevokeTokens()
	st, _, _ = do(t, "GET", srv.URL+finapitest.PathOccupations, m["access_token"].(string), "")
	assert.Equal(t, 401, st)
	assert.Equal(t, 1, srv.TokensIssued())
	assert.Equal(t, 1, srv.Refreshes())
}

func TestWrappedRFC3339Token(t *testing.T) {
	srv := finapitest.New(finapitest.Options{ClientID: "id", ClientSecret: "sec", WrapToken: true, RFC3339Times: true})
	defer srv.Close()
	m := token(t, srv)
	data, ok := m["data"].(map[string]any)
	require.True(t, ok)
	_, err := time.Parse(time.RFC3339, data["access_token_ttl"].(string))
	assert.NoError(t, err)
}

func TestCataloguePages(t *testing.T) {
	srv := finapitest.New(finapitest.Options{ClientID: "id", ClientSecret: "sec", PageCap: 4})
	defer srv.Close()
	at := token(t, srv)["access_token"].(string)
	var seen []float64
	for page := 1; page <= 3; page++ {
		q := url.Values{"per_page": {"100"}, "current_page": {strconv.Itoa(page)}, "type": {"INDIVIDUAL"}}
		st, _, m := do(t, "GET", srv.URL+finapitest.PathPurposes+"?"+q.Encode(), at, "")
		require.Equal(t, 200, st)
		data := m["data"].(map[string]any)
		pg := data["pagination"].(map[string]any)
		assert.Equal(t, map[string]any{"current_page": float64(page), "per_page": float64(4), "total_page": float64(3), "total": float64(9)}, pg)
		for _, it := range data["purposes"].([]any) {
			seen = append(seen, it.(map[string]any)["id"].(float64))
		}
	}
	assert.Len(t, seen, 9)
	st, _, _ := do(t, "GET", srv.URL+finapitest.PathPurposes, at, "")
	assert.Equal(t, 422, st, "type is required")
	st, _, m := do(t, "GET", srv.URL+finapitest.PathSourceOfFunds+"?type=INDIVIDUAL&current_page=99", at, "")
	assert.Equal(t, 200, st)
	assert.Empty(t, m["data"].(map[string]any)["source_of_funds"])
	assert.Len(t, finapitest.DefaultCatalogues()[rules.Occupations], 23)
}

func TestScriptAndCreate(t *testing.T) {
	srv := finapitest.New(finapitest.Options{ClientID: "id", ClientSecret: "sec", RejectEmails: []string{"no@example.com"}})
	defer srv.Close()
	at := token(t, srv)["access_token"].(string)
	srv.Script(finapitest.PathCreate,
		finapitest.Fault{Status: 429, RetryAfter: "3"},
		finapitest.Fault{Status: 503, Body: `{"message":"down"}`})

	u := srv.URL + finapitest.PathCreate
	st, h, _ := do(t, "POST", u, at, `{"basic_info":{"email":"a@example.com"}}`)
	assert.Equal(t, 429, st)
	assert.Equal(t, "3", h.Get("Retry-After"))
	st, _, m := do(t, "POST", u, at, `{}`)
	assert.Equal(t, 503, st)
	assert.Equal(t, "down", m["message"])
	st, _, m = do(t, "POST", u, at, `{"basic_info":{"email":"a@example.com"}}`)
	assert.Equal(t, 200, st)
	id := m["data"].(map[string]any)["customer_id"].(string)
	st, _, m = do(t, "POST", u, at, `{"basic_info":{"email":"no@example.com"}}`)
	assert.Equal(t, 422, st)
	assert.Equal(t, []any{map[string]any{"basic_info.email": "The basic info.email has already been taken."}}, m["errors"])
	st, _, m = do(t, "POST", u, at, `{"verification_type":"RELIANCE"}`)
	assert.Equal(t, 423, st)
	assert.Equal(t, finapitest.RelianceMessage, m["message"])
	st, _, _ = do(t, "POST", u, "bad", `{}`)
	assert.Equal(t, 401, st)

	srv.Script(finapitest.PathCreate, finapitest.Fault{Drop: true})
	req, _ := http.NewRequest("POST", u, strings.NewReader(`{"x":1}`))
	_, err := http.DefaultClient.Do(req)
	assert.Error(t, err, "dropped without an answer")

	reqs := srv.CreateRequests()
	require.Len(t, reqs, 7)
	var statuses []int
	for _, r := range reqs {
		statuses = append(statuses, r.Status)
	}
	assert.Equal(t, []int{429, 503, 200, 422, 423, 401, 0}, statuses)
	assert.Equal(t, "Bearer "+at, reqs[2].Authorization)
	assert.Equal(t, `{"x":1}`, string(reqs[6].Body))
	custs := srv.Customers()
	require.Len(t, custs, 1)
	assert.Equal(t, id, custs[0].ID)
	assert.Equal(t, 7, srv.Hits(finapitest.PathCreate))
}

func TestCustomersListIsPagedAsTheVendorDoes(t *testing.T) {
	srv := finapitest.New(finapitest.Options{ClientID: "id", ClientSecret: "sec", PageCap: 2})
	defer srv.Close()
	tok := token(t, srv)["access_token"].(string)
	a := srv.AddCustomer("INDIVIDUAL", []byte(`{"basic_info":{"first_name":"Ana","last_name":"Lopez","email":"ana@example.com","phone":"+14155550100"}}`))
	srv.AddCustomer("BUSINESS", []byte(`{"basic_info":{"legal_name":"Acme Ltd","email":"ops@acme.example"}}`))
	st, _, m := do(t, "POST", srv.URL+finapitest.PathCreate, tok, `{"basic_info":{"first_name":"Bo","email":"bo@example.com"}}`)
	require.Equal(t, 200, st, m)
	srv.AddCustomer("INDIVIDUAL", []byte(`{"basic_info":{"email":"cy@example.com"}}`))

	list := func(q string) (int, map[string]any) {
		st, _, m := do(t, "GET", srv.URL+finapitest.PathCustomers+"?"+q, tok, "")
		return st, m
	}
	st, m = list("type=INDIVIDUAL&per_page=100&current_page=1")
	require.Equal(t, 200, st)
	data := m["data"].(map[string]any)
	assert.Equal(t, map[string]any{"current_page": 1.0, "per_page": 2.0, "total_page": 2.0, "total": 3.0}, data["pagination"])
	first := data["customers"].([]any)
	require.Len(t, first, 2, "a smaller page than asked for")
	assert.Equal(t, "cy@example.com", first[0].(map[string]any)["email"], "newest first")

	st, m = list("type=INDIVIDUAL&per_page=100&current_page=2")
	require.Equal(t, 200, st)
	last := m["data"].(map[string]any)["customers"].([]any)
	require.Len(t, last, 1)
	ana := last[0].(map[string]any)
	assert.Equal(t, a, ana["customer_id"])
	assert.Equal(t, "INDIVIDUAL", ana["type"])
	assert.Equal(t, "Ana", ana["first_name"])
	assert.Equal(t, "Lopez", ana["last_name"])
	assert.Equal(t, "+14155550100", ana["phone"])

	st, m = list("type=BUSINESS")
	require.Equal(t, 200, st)
	biz := m["data"].(map[string]any)["customers"].([]any)
	require.Len(t, biz, 1)
	assert.Equal(t, "Acme Ltd", biz[0].(map[string]any)["business_name"])

	st, _ = list("per_page=5")
	assert.Equal(t, 422, st, "type is required")
	st, _ = list("type=INDIVIDUAL&per_page=513")
	assert.Equal(t, 422, st)
	st, _, _ = do(t, "GET", srv.URL+finapitest.PathCustomers+"?type=INDIVIDUAL", "", "")
	assert.Equal(t, 401, st)
	assert.Len(t, srv.Customers(), 4)
}
