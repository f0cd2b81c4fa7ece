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

func TestCataloguesPerType(t *testing.T) {
	srv := finapitest.New(finapitest.Options{ClientID: "id", ClientSecret: "sec", PageCap: 100,
		Catalogues: map[string][]rules.RefItem{rules.PurposesIndividual: {{ID: 1, Title: "Mine"}}, rules.SourceOfFundsBusiness: {}}})
	defer srv.Close()
	at := token(t, srv)["access_token"].(string)
	list := func(path, typ, key string) []any {
		t.Helper()
		u := srv.URL + path + "?per_page=100"
		if typ != "" {
			u += "&type=" + typ
		}
		st, _, m := do(t, "GET", u, at, "")
		require.Equal(t, 200, st, u)
		return m["data"].(map[string]any)[key].([]any)
	}
	item := func(id float64, title string) any { return map[string]any{"id": id, "title": title} }

	assert.Equal(t, []any{item(1, "Mine")}, list(finapitest.PathPurposes, "INDIVIDUAL", "purposes"), "given")
	biz := list(finapitest.PathPurposes, "BUSINESS", "purposes")
	assert.Len(t, biz, 10, "not given: the default")
	assert.Contains(t, biz, item(3, "Cross-border B2B payments"))
	assert.Contains(t, biz, item(10, "Other"))
	assert.Empty(t, list(finapitest.PathSourceOfFunds, "BUSINESS", "source_of_funds"), "given as empty")
	assert.Len(t, list(finapitest.PathSourceOfFunds, "INDIVIDUAL", "source_of_funds"), 15)
	assert.Equal(t, []any{
		item(7, "Other"), item(6, "Sale of business"), item(5, "Salary"), item(4, "Inheritance"),
		item(3, "Real estate"), item(2, "Investment income"), item(1, "Business dividends or profits"),
	}, list(finapitest.PathSourceOfWealth, "BUSINESS", "source_of_wealth"))
	assert.Empty(t, list(finapitest.PathSourceOfWealth, "INDIVIDUAL", "source_of_wealth"))
	assert.Len(t, list(finapitest.PathOccupations, "", "occupations"), 23, "occupations are untyped")
	for _, p := range []string{finapitest.PathPurposes, finapitest.PathSourceOfFunds, finapitest.PathSourceOfWealth} {
		st, _, _ := do(t, "GET", srv.URL+p+"?type=TRUST", at, "")
		assert.Equal(t, 422, st, p)
	}

	d := finapitest.DefaultCatalogues()
	ids := func(name string) []int64 {
		var out []int64
		for _, it := range d[name] {
			out = append(out, it.ID)
		}
		return out
	}
	assert.Subset(t, ids(rules.SourceOfFundsBusiness), []int64{1, 5})
	assert.Contains(t, ids(rules.SourceOfWealthBusiness), int64(2))
	assert.NotEqual(t, d[rules.PurposesIndividual], d[rules.PurposesBusiness])
	assert.NotEqual(t, d[rules.SourceOfFundsIndividual], d[rules.SourceOfFundsBusiness])
}

func TestCreateBusiness(t *testing.T) {
	clk := &clock{t: time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)}
	srv := finapitest.New(finapitest.Options{ClientID: "id", ClientSecret: "sec", Now: clk.Now,
		RejectLegalNames: []string{"Taken Ltd"}, RejectEmails: []string{"used@acme.example"}})
	defer srv.Close()
	at := token(t, srv)["access_token"].(string)
	u := srv.URL + finapitest.PathCreateBusiness
	srv.Script(finapitest.PathCreateBusiness, finapitest.Fault{Status: 503, RetryAfter: "1"})

	st, h, _ := do(t, "POST", u, at, `{}`)
	assert.Equal(t, 503, st)
	assert.Equal(t, "1", h.Get("Retry-After"))
	body := `{"basic_info":{"legal_name":"Fin.com","email":"m@tech.com","phone":"+8801529876543","country_of_incorporation":"BGD"}}`
	st, _, m := do(t, "POST", u, at, body)
	require.Equal(t, 201, st)
	id := m["customer_id"].(string)
	assert.Contains(t, m["tos_policies_url"], "customer_id="+id)
	assert.Nil(t, m["data"], "bare, as the vendor documents it")

	st, _, m = do(t, "POST", u, at, `{"basic_info":{"legal_name":"Taken Ltd","email":"used@acme.example"},`+
		`"addresses":{"is_incorporated_address_same":false},`+
		`"associated_parties":[{"basic_info":{"dob":"1990-01-01"}},{"basic_info":{"dob":"2008-11-27"}}]}`)
	assert.Equal(t, 400, st)
	assert.Equal(t, map[string]any{"status": 400.0, "message": "Validation failed", "data": map[string]any{
		"basic_info.legal_name":                "Legal name has already been taken",
		"basic_info.email":                     "Email has already been taken",
		"addresses.physical_address":           "Required when is_incorporated_address_same is false",
		"associated_parties[1].basic_info.dob": finapitest.UnderAgeMessage,
	}}, m)
	st, _, m = do(t, "POST", u, at, `{"verification_type":"RELIANCE"}`)
	assert.Equal(t, 423, st)
	assert.Equal(t, map[string]any{"status": 423.0, "message": finapitest.RelianceMessage}, m)
	st, _, _ = do(t, "POST", u, "bad", `{}`)
	assert.Equal(t, 401, st)
	// The individual endpoint still answers for individuals only.
	st, _, m = do(t, "POST", srv.URL+finapitest.PathCreate, at, `{"basic_info":{"first_name":"Ana","last_name":"Lopez","email":"ana@example.com"}}`)
	require.Equal(t, 200, st)
	ana := m["data"].(map[string]any)["customer_id"].(string)

	var got []string
	for _, r := range srv.CreateRequests() {
		got = append(got, r.Path+" "+strconv.Itoa(r.Status))
	}
	assert.Equal(t, []string{
		"/v2/customers/business 503", "/v2/customers/business 201", "/v2/customers/business 400",
		"/v2/customers/business 423", "/v2/customers/business 401", "/v2/customers/individual 200",
	}, got)
	assert.Equal(t, 5, srv.Hits(finapitest.PathCreateBusiness))
	assert.Equal(t, 1, srv.Hits(finapitest.PathCreate))
	custs := srv.Customers()
	require.Len(t, custs, 2)
	assert.Equal(t, finapitest.Customer{ID: id, Type: "BUSINESS", Body: []byte(body), Created: clk.Now()}, custs[0])
	assert.Equal(t, "INDIVIDUAL", custs[1].Type)

	list := func(typ string) []any {
		st, _, m := do(t, "GET", srv.URL+finapitest.PathCustomers+"?type="+typ, at, "")
		require.Equal(t, 200, st)
		return m["data"].(map[string]any)["customers"].([]any)
	}
	biz := list("BUSINESS")
	require.Len(t, biz, 1)
	b := biz[0].(map[string]any)
	assert.Equal(t, id, b["customer_id"])
	assert.Equal(t, "BUSINESS", b["type"])
	assert.Equal(t, "Fin.com", b["business_name"])
	assert.Equal(t, "m@tech.com", b["email"])
	assert.Equal(t, "BGD", b["country_of_incorporation"])
	assert.NotContains(t, b, "first_name")
	ind := list("INDIVIDUAL")
	require.Len(t, ind, 1)
	assert.Equal(t, ana, ind[0].(map[string]any)["customer_id"])
	assert.Equal(t, "INDIVIDUAL", ind[0].(map[string]any)["type"])
	assert.NotContains(t, ind[0], "business_name")
}
