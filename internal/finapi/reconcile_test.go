package finapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint/internal/finapi"
	"github.com/finlint/finlint/internal/finapitest"
)

func person(email, first, last, phone string) []byte {
	return []byte(fmt.Sprintf(`{"verification_type":"STANDARD","basic_info":{"first_name":%q,"last_name":%q,"email":%q,"phone":%q,`+
		`"tax_info":[{"country_code":"USA","document_type":"SSN","document_id":"123-45-6789"}]}}`, first, last, email, phone))
}

func company(name, email string) []byte {
	return []byte(fmt.Sprintf(`{"basic_info":{"legal_name":%q,"email":%q,"tax_info":[{"document_id":"99-8887777"}]}}`, name, email))
}

// pend writes the pending line submit writes before a request leaves.
func pend(t *testing.T, j *finapi.Journal, kind string, body []byte, source string) string {
	t.Helper()
	m, err := finapi.MatchFields(kind, body)
	require.NoError(t, err)
	k := finapi.Key(body)
	require.NoError(t, j.PendingEntry(finapi.Entry{Key: k, Source: source, Kind: kind, API: "http://127.0.0.1", Match: m}))
	return k
}

func TestStateDirPerPlatform(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	cases := []struct {
		goos string
		env  func(string) string
		want string
	}{
		{"linux", env("FINLINT_STATE_DIR", "/srv/state", "HOME", "/home/u"), "/srv/state"},
		{"linux", env("XDG_STATE_HOME", "/xdg", "HOME", "/home/u"), filepath.Join("/xdg", "finlint")},
		{"linux", env("XDG_STATE_HOME", "relative", "HOME", "/home/u"), filepath.Join("/home/u", ".local", "state", "finlint")},
		{"freebsd", env("HOME", "/home/u"), filepath.Join("/home/u", ".local", "state", "finlint")},
		{"darwin", env("HOME", "/Users/u", "XDG_STATE_HOME", "/xdg"), filepath.Join("/Users/u", "Library", "Application Support", "finlint")},
		{"windows", env("LocalAppData", `C:\Users\u\AppData\Local`), filepath.Join(`C:\Users\u\AppData\Local`, "finlint")},
	}
	for _, c := range cases {
		got, err := finapi.StateDir(c.env, c.goos)
		require.NoError(t, err, c.goos)
		assert.Equal(t, c.want, got, c.goos)
	}
	_, err := finapi.StateDir(env(), "linux")
	assert.ErrorContains(t, err, "FINLINT_STATE_DIR", "no home: never a path relative to the working directory")
	_, err = finapi.StateDir(env(), "windows")
	assert.Error(t, err)
}

func TestJournalPathIsOnePerAPI(t *testing.T) {
	a := finapi.JournalPath("/s", "https://sandbox.api.fin.com")
	assert.Equal(t, a, finapi.JournalPath("/s", "https://sandbox.api.fin.com"))
	assert.NotEqual(t, a, finapi.JournalPath("/s", "https://api.fin.com"))
	assert.NotEqual(t, finapi.JournalPath("/s", "http://127.0.0.1:1"), finapi.JournalPath("/s", "http://127.0.0.1:10"))
	assert.True(t, strings.HasPrefix(filepath.Base(a), "sandbox.api.fin.com-"), a)
	assert.Equal(t, ".jsonl", filepath.Ext(a))
}

func TestJournalRecordsKindAPIAndMatchButNoTaxID(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.jsonl")
	j := openJournal(t, path)
	body := person("ana@example.com", "Ana", "Lopez", "+1 415 555 0100")
	k := pend(t, j, finapi.KindIndividualV2, body, "a.json")
	require.NoError(t, j.Outcome(k, finapi.Entry{Status: finapi.StatusUnknown, HTTPStatus: 500}))
	require.NoError(t, j.Close())

	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.NotContains(t, string(data), "123-45-6789")
	assert.NotContains(t, string(data), "6789")
	assert.Equal(t, 1, strings.Count(string(data), "ana@example.com"), "the match fields are on the pending line only")
	lines := readLines(t, path)
	require.Len(t, lines, 2)
	assert.Equal(t, "individual-v2", lines[0]["kind"])
	assert.Equal(t, "http://127.0.0.1", lines[0]["api"])
	assert.Equal(t, "individual-v2", lines[1]["kind"])

	j2 := openJournal(t, path)
	e, ok := j2.Lookup(k)
	require.True(t, ok)
	assert.Equal(t, finapi.StatusUnknown, e.Status)
	require.NotNil(t, e.Match, "carried over from the pending line")
	assert.Equal(t, finapi.Match{Email: "ana@example.com", FirstName: "Ana", LastName: "Lopez", Phone: "+1 415 555 0100"}, *e.Match)
	assert.True(t, e.SentAt.Equal(t0))
	assert.Equal(t, []string{"http://127.0.0.1"}, j2.APIs())
	assert.True(t, e.Status.Unsettled())
	assert.False(t, finapi.StatusAbsent.MaySend(), "absent is resent only when asked for")
}

func TestJournalFindKeyByPrefix(t *testing.T) {
	j := openJournal(t, filepath.Join(t.TempDir(), "j.jsonl"))
	require.NoError(t, j.Pending("abcd1111", "a", 0))
	require.NoError(t, j.Pending("abcd2222", "b", 0))
	k, err := j.FindKey("ABCD1")
	require.NoError(t, err)
	assert.Equal(t, "abcd1111", k)
	_, err = j.FindKey("abcd")
	assert.ErrorIs(t, err, finapi.ErrAmbiguousKey)
	_, err = j.FindKey("ffff")
	assert.ErrorIs(t, err, finapi.ErrNoSuchKey)
	_, err = j.FindKey("abc")
	assert.Error(t, err, "too short to be typed safely")
}

func TestJournalReportsRepairAndCanRefuseToCreate(t *testing.T) {
	dir := t.TempDir()
	_, err := finapi.OpenJournal(filepath.Join(dir, "missing.jsonl"), finapi.ExistingOnly())
	assert.ErrorIs(t, err, os.ErrNotExist)
	_, err = os.Stat(filepath.Join(dir, "missing.jsonl"))
	assert.ErrorIs(t, err, os.ErrNotExist)

	path := filepath.Join(dir, "torn.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(`{"time":"2025-09-03T08:50:57Z","key":"k1","status":"pending"}`+"\n"+`{"key":"k1","sta`), 0o600))
	j := openJournal(t, path)
	assert.Contains(t, j.Repaired(), "line 2")
	require.NoError(t, j.Close())
	j = openJournal(t, path)
	assert.Empty(t, j.Repaired(), "mended once")
}

func TestCustomersReadsEveryPage(t *testing.T) {
	srv := startServer(t, finapitest.Options{PageCap: 3})
	var ids []string
	for i := range 8 {
		ids = append(ids, srv.AddCustomer("INDIVIDUAL", person(fmt.Sprintf("p%d@example.com", i), "P", "Q", "+14155550100")))
	}
	srv.AddCustomer("BUSINESS", company("Acme Ltd", "a@acme.example"))
	cl, _ := newClient(t, srv, creds(), finapi.Options{})
	list, err := cl.Customers(context.Background(), finapi.TypeIndividual)
	require.NoError(t, err)
	var got []string
	for _, c := range list {
		got = append(got, c.CustomerID)
		assert.Equal(t, "INDIVIDUAL", c.Type)
	}
	assert.ElementsMatch(t, ids, got)
	assert.Equal(t, 3, srv.Hits(finapitest.PathCustomers), "8 customers in pages of 3")

	biz, err := cl.Customers(context.Background(), finapi.TypeBusiness)
	require.NoError(t, err)
	require.Len(t, biz, 1)
	assert.Equal(t, "Acme Ltd", biz[0].BusinessName)
}

// shiftingList answers GET /v2/customers with pages that do not add up.
func shiftingList(t *testing.T, pages ...string) *finapi.Client {
	t.Helper()
	n := 0
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(pages[min(n, len(pages)-1)]))
		n++
	}))
	t.Cleanup(hs.Close)
	cl, err := finapi.New(hs.URL, finapi.Credentials{AccessToken: "tok"}, finapi.Options{})
	require.NoError(t, err)
	return cl
}

func TestCustomersRefusesPagesThatDoNotAddUp(t *testing.T) {
	page := func(cur, total int, ids ...string) string {
		var cs []map[string]string
		for _, id := range ids {
			cs = append(cs, map[string]string{"customer_id": id, "type": "INDIVIDUAL"})
		}
		b, _ := json.Marshal(map[string]any{"data": map[string]any{
			"pagination": map[string]int{"current_page": cur, "per_page": 2, "total_page": (total + 1) / 2, "total": total},
			"customers":  cs,
		}})
		return string(b)
	}
	cases := map[string][]string{
		"total grows while paging": {page(1, 3, "a", "b"), page(2, 4, "c", "d")},
		"fewer than announced":     {page(1, 3, "a", "b"), page(2, 3)},
		"a page repeats":           {page(1, 3, "a", "b"), page(2, 3, "a", "b"), page(3, 3)},
		"no pagination":            {`{"data":{"customers":[]}}`},
	}
	for name, pages := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := shiftingList(t, pages...).Customers(context.Background(), finapi.TypeIndividual)
			assert.Error(t, err)
		})
	}
}

func TestReconcileSettlesEachUnknownOnce(t *testing.T) {
	srv := startServer(t, finapitest.Options{PageCap: 2})
	cl, _ := newClient(t, srv, creds(), finapi.Options{})
	j := openJournal(t, filepath.Join(t.TempDir(), "j.jsonl"))

	// Sent, answered 500 after the commit: the customer exists.
	committed := person("ana@example.com", "Ana", "Lopez", "+14155550100")
	kCommitted := pend(t, j, finapi.KindIndividualV2, committed, "a.json")
	srv.Script(finapitest.PathCreate, finapitest.Fault{Status: 500, Commit: true})
	res, err := cl.CreateIndividual(context.Background(), committed)
	require.ErrorIs(t, err, finapi.ErrOutcomeUnknown)
	require.NoError(t, j.Outcome(kCommitted, finapi.EntryFor(res, err)))

	// Pending, never reached the server.
	lost := person("bo@example.com", "Bo", "Chen", "+14155550101")
	kLost := pend(t, j, finapi.KindIndividualV2, lost, "b.json")

	// Same email as a customer but another person: not a match.
	other := person("cy@example.com", "Cy", "Dale", "+14155550102")
	srv.AddCustomer("INDIVIDUAL", person("cy@example.com", "Cyrus", "Dale", "+14155550102"))
	kOther := pend(t, j, finapi.KindIndividualV2, other, "c.json")

	// Two customers fit: left for a person.
	twice := person("di@example.com", "Di", "Eve", "+14155550103")
	srv.AddCustomer("INDIVIDUAL", twice)
	srv.AddCustomer("INDIVIDUAL", twice)
	kTwice := pend(t, j, finapi.KindIndividualV2, twice, "d.json")

	// A business is found by legal name and email, case aside.
	biz := company("Acme Ltd", "ops@acme.example")
	bizID := srv.AddCustomer("BUSINESS", company("ACME  ltd", "Ops@Acme.example"))
	kBiz := pend(t, j, finapi.KindBusinessV2, biz, "e.json")

	// Created already: not touched.
	done := person("ed@example.com", "Ed", "Fox", "+14155550104")
	kDone := pend(t, j, finapi.KindIndividualV2, done, "f.json")
	require.NoError(t, j.Outcome(kDone, finapi.Entry{Status: finapi.StatusCreated, CustomerID: "c-done"}))
	for range 5 { // enough customers for several pages
		srv.AddCustomer("INDIVIDUAL", person("x@example.com", "X", "Y", "+1"))
	}

	settled, err := finapi.Reconcile(context.Background(), cl, j)
	require.NoError(t, err)
	got := map[string]finapi.Settlement{}
	for _, s := range settled {
		got[s.Entry.Key] = s
	}
	require.Len(t, got, 5)
	assert.Equal(t, finapi.StatusCreated, got[kCommitted].Status)
	assert.Equal(t, srv.Customers()[0].ID, got[kCommitted].CustomerID)
	assert.Equal(t, finapi.StatusAbsent, got[kLost].Status)
	assert.Equal(t, finapi.StatusAbsent, got[kOther].Status)
	assert.Equal(t, finapi.StatusUnknown, got[kTwice].Status)
	assert.Contains(t, got[kTwice].Note, "2 customers")
	assert.Equal(t, finapi.StatusCreated, got[kBiz].Status)
	assert.Equal(t, bizID, got[kBiz].CustomerID)

	e, _ := j.Lookup(kCommitted)
	assert.Equal(t, finapi.StatusCreated, e.Status)
	assert.Equal(t, "reconcile", e.Via)
	e, _ = j.Lookup(kDone)
	assert.Equal(t, "c-done", e.CustomerID)
	assert.Len(t, srv.CreateRequests(), 1, "reconcile only reads")
	assert.Equal(t, 1, srv.Hits(finapitest.PathCreate))

	// A second pass has only the ambiguous one left.
	again, err := finapi.Reconcile(context.Background(), cl, j)
	require.NoError(t, err)
	require.Len(t, again, 1)
	assert.Equal(t, kTwice, again[0].Entry.Key)
}

func TestReconcileLeavesUnknownWhenTheListFails(t *testing.T) {
	srv := startServer(t, finapitest.Options{})
	cl, _ := newClient(t, srv, creds(), finapi.Options{MaxAttempts: 1})
	j := openJournal(t, filepath.Join(t.TempDir(), "j.jsonl"))
	k := pend(t, j, finapi.KindIndividualV2, person("a@example.com", "A", "B", "+1"), "a.json")
	srv.Script(finapitest.PathCustomers, finapitest.Fault{Status: 500})
	_, err := finapi.Reconcile(context.Background(), cl, j)
	require.Error(t, err)
	e, _ := j.Lookup(k)
	assert.Equal(t, finapi.StatusPending, e.Status, "a list not read in full never makes anything absent")

	// An old journal line without match fields is left to a person.
	require.NoError(t, j.Pending("0ld0", "old.json", 0))
	settled, err := finapi.Reconcile(context.Background(), cl, j)
	require.NoError(t, err)
	require.Len(t, settled, 2)
	assert.Equal(t, finapi.StatusAbsent, settled[0].Status)
	assert.Equal(t, finapi.StatusUnknown, settled[1].Status)
	assert.Contains(t, settled[1].Note, "journal resolve")
}
