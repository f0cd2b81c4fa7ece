package finapi_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint/internal/finapi"
	"github.com/finlint/finlint/internal/finapitest"
)

func TestMatchFieldsOfABusiness(t *testing.T) {
	m, err := finapi.MatchFields(finapi.KindBusinessV2, business("  Fin.com ", "m@tech.com", "1990-05-15"))
	require.NoError(t, err)
	assert.Equal(t, finapi.Match{LegalName: "Fin.com", Email: "m@tech.com"}, *m)

	m, err = finapi.MatchFields(finapi.KindBusinessV2, []byte(`{"basic_info": "not an object"}`))
	require.NoError(t, err)
	assert.Equal(t, finapi.Match{}, *m, "a payload without the fields matches nothing")

	_, err = finapi.MatchFields("trust-v1", business("Fin.com", "m@tech.com"))
	assert.ErrorIs(t, err, finapi.ErrNoMatcher)
}

// TestReconcileBusinessAfterAnUnknownCreate follows a business payload from
// a create whose answer was lost to its settlement by reconcile, over HTTP.
func TestReconcileBusinessAfterAnUnknownCreate(t *testing.T) {
	srv := startServer(t, finapitest.Options{PageCap: 2})
	cl, _ := newClient(t, srv, creds(), finapi.Options{})
	path := filepath.Join(t.TempDir(), "j.jsonl")
	j := openJournal(t, path)

	// Sent, and the server committed the customer before failing.
	committed := business("Fin.com", "m@tech.com", "1990-05-15")
	kCommitted := pend(t, j, finapi.KindBusinessV2, committed, "fin.json")
	srv.Script(finapitest.PathCreateBusiness, finapitest.Fault{Status: 500, Commit: true})
	res, err := cl.CreateBusiness(context.Background(), committed)
	require.ErrorIs(t, err, finapi.ErrOutcomeUnknown)
	require.NoError(t, j.Outcome(kCommitted, finapi.EntryFor(res, err)))

	// Sent, dropped before anything was done.
	lost := business("Lost Ltd", "ops@lost.example")
	kLost := pend(t, j, finapi.KindBusinessV2, lost, "lost.json")
	srv.Script(finapitest.PathCreateBusiness, finapitest.Fault{Drop: true})
	res, err = cl.CreateBusiness(context.Background(), lost)
	require.ErrorIs(t, err, finapi.ErrOutcomeUnknown)
	require.NoError(t, j.Outcome(kLost, finapi.EntryFor(res, err)))

	// The same legal name under another email is another business.
	other := business("Twin Ltd", "a@twin.example")
	srv.AddCustomer(finapitest.TypeBusiness, business("Twin Ltd", "b@twin.example"))
	kOther := pend(t, j, finapi.KindBusinessV2, other, "twin.json")

	// An individual with a business's email is not that business, and the
	// business is not that individual.
	shared := person("m@tech.com", "Mia", "Tech", "+14155550100")
	kShared := pend(t, j, finapi.KindIndividualV2, shared, "mia.json")
	for range 3 { // enough of both types for several pages
		srv.AddCustomer(finapitest.TypeBusiness, business("Filler Ltd", "f@filler.example"))
		srv.AddCustomer(finapitest.TypeIndividual, person("x@example.com", "X", "Y", "+1"))
	}

	settled, err := finapi.Reconcile(context.Background(), cl, j)
	require.NoError(t, err)
	got := map[string]finapi.Settlement{}
	for _, s := range settled {
		got[s.Entry.Key] = s
	}
	require.Len(t, got, 4)
	assert.Equal(t, finapi.StatusCreated, got[kCommitted].Status)
	assert.Equal(t, srv.Customers()[0].ID, got[kCommitted].CustomerID)
	assert.Equal(t, "found by legal name and email", got[kCommitted].Note)
	assert.Equal(t, finapi.StatusAbsent, got[kLost].Status)
	assert.Equal(t, "no customer among the 5 listed has the same legal name and email", got[kLost].Note)
	assert.Equal(t, finapi.StatusAbsent, got[kOther].Status)
	assert.Equal(t, finapi.StatusAbsent, got[kShared].Status)
	assert.Equal(t, "no customer among the 3 listed has the same email, first and last name and phone", got[kShared].Note)

	e, ok := j.Lookup(kCommitted)
	require.True(t, ok)
	assert.Equal(t, finapi.StatusCreated, e.Status)
	assert.Equal(t, "reconcile", e.Via)
	assert.Equal(t, finapi.KindBusinessV2, e.Kind)
	assert.Equal(t, 2, srv.Hits(finapitest.PathCreateBusiness), "reconcile only reads")
	assert.Zero(t, srv.Hits(finapitest.PathCreate))

	// The journal says which kind each payload was and how to find it.
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Contains(t, string(raw), `"kind":"business-v2"`)
	assert.Contains(t, string(raw), `"match":{"email":"m@tech.com","legal_name":"Fin.com"}`)
}
