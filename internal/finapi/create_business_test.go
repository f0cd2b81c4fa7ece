package finapi_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint/internal/finapi"
	"github.com/finlint/finlint/internal/finapitest"
	"github.com/finlint/finlint/rules"
)

// business is a business payload as irregular in its bytes as payload.
func business(legalName, email string, dobs ...string) []byte {
	parties := ""
	for i, dob := range dobs {
		if i > 0 {
			parties += ", "
		}
		parties += fmt.Sprintf(`{"ref": "p%d", "basic_info": {"first_name": "P", "dob": %q}}`, i, dob)
	}
	return []byte(fmt.Sprintf("{\"verification_type\": \"STANDARD\",\n \"basic_info\": {\"legal_name\": %q,\t\"email\": %q, \"trade_name\": \"Caf\\u00e9\"},\n"+
		" \"associated_parties\": [%s], \"financial_profile\": {\"estimated_annual_revenue_usd\": 5000000.0}}\n", legalName, email, parties))
}

func TestCreatePath(t *testing.T) {
	p, ok := finapi.CreatePath(finapi.KindIndividualV2)
	assert.True(t, ok)
	assert.Equal(t, "/v2/customers/individual", p)
	p, ok = finapi.CreatePath(finapi.KindBusinessV2)
	assert.True(t, ok)
	assert.Equal(t, "/v2/customers/business", p)
	_, ok = finapi.CreatePath("trust-v1")
	assert.False(t, ok)
}

func TestCreateBusinessSendsBodyByteForByte(t *testing.T) {
	for _, wrap := range []bool{false, true} {
		t.Run(fmt.Sprintf("wrapped=%v", wrap), func(t *testing.T) {
			srv := startServer(t, finapitest.Options{WrapBusinessCreated: wrap})
			cl, _ := newClient(t, srv, creds(), finapi.Options{})
			body := business("Fin.com", "m@tech.com", "1990-05-15")

			res, err := cl.CreateBusiness(context.Background(), body)
			require.NoError(t, err)
			assert.Equal(t, finapi.Created, res.Kind)
			assert.Equal(t, 201, res.HTTPStatus)
			assert.Empty(t, res.Message)

			customers := srv.Customers()
			require.Len(t, customers, 1)
			assert.Equal(t, customers[0].ID, res.CustomerID)
			assert.Equal(t, finapitest.TypeBusiness, customers[0].Type)
			assert.Contains(t, res.TosPoliciesURL, "customer_id="+res.CustomerID)

			reqs := srv.CreateRequests()
			require.Len(t, reqs, 1)
			assert.Equal(t, finapitest.PathCreateBusiness, reqs[0].Path)
			assert.Equal(t, body, reqs[0].Body)
			assert.Equal(t, "Bearer "+srv.Secrets()[0], reqs[0].Authorization)
			assert.Equal(t, "application/json", reqs[0].ContentType)
			assert.Equal(t, 201, reqs[0].Status)
			assert.Zero(t, srv.Hits(finapitest.PathCreate), "not the individual endpoint")
		})
	}
}

func TestCreateByKind(t *testing.T) {
	srv := startServer(t, finapitest.Options{})
	cl, _ := newClient(t, srv, creds(), finapi.Options{})
	res, err := cl.Create(context.Background(), finapi.KindBusinessV2, business("Acme Ltd", "ops@acme.example"))
	require.NoError(t, err)
	assert.Equal(t, 201, res.HTTPStatus)
	res, err = cl.Create(context.Background(), finapi.KindIndividualV2, payload("ana@example.com"))
	require.NoError(t, err)
	assert.Equal(t, 200, res.HTTPStatus)
	var types []string
	for _, c := range srv.Customers() {
		types = append(types, c.Type)
	}
	assert.Equal(t, []string{"BUSINESS", "INDIVIDUAL"}, types)

	res, err = cl.Create(context.Background(), "trust-v1", payload("bo@example.com"))
	assert.ErrorIs(t, err, finapi.ErrUnknownKind)
	assert.Equal(t, finapi.NotSent, res.Kind)
	assert.Len(t, srv.CreateRequests(), 2, "an unknown kind is sent nowhere")
}

func TestCreateBusinessRejectedWithFieldErrors(t *testing.T) {
	clk := newClock(time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC))
	srv := startServer(t, finapitest.Options{Now: clk.Now, RejectLegalNames: []string{"Taken Ltd"}, RejectEmails: []string{"used@acme.example"}})
	cl, sl := newClient(t, srv, creds(), finapi.Options{Now: clk.Now})

	// The second party turns 18 tomorrow.
	res, err := cl.CreateBusiness(context.Background(), business("Taken Ltd", "used@acme.example", "1990-05-15", "2008-11-27"))
	require.NoError(t, err)
	assert.Equal(t, finapi.CreateResult{
		Kind:       finapi.Rejected,
		HTTPStatus: 400,
		Message:    "Validation failed",
		FieldErrors: []finapi.FieldError{
			{Pointer: "/associated_parties/1/basic_info/dob", Message: finapitest.UnderAgeMessage},
			{Pointer: "/basic_info/email", Message: "Email has already been taken"},
			{Pointer: "/basic_info/legal_name", Message: "Legal name has already been taken"},
		},
	}, res)
	entry := finapi.EntryFor(res, err)
	assert.Equal(t, finapi.StatusRejected, entry.Status)
	assert.Equal(t, "Validation failed; /associated_parties/1/basic_info/dob: Party must be at least 18 years old; "+
		"/basic_info/email: Email has already been taken; /basic_info/legal_name: Legal name has already been taken", entry.Error)

	res, err = cl.CreateBusiness(context.Background(), []byte(`{"verification_type":"RELIANCE","basic_info":{"legal_name":"R Ltd"}}`))
	require.NoError(t, err)
	assert.Equal(t, finapi.CreateResult{Kind: finapi.Rejected, HTTPStatus: 423, Message: finapitest.RelianceMessage,
		FieldErrors: []finapi.FieldError{{Pointer: "/verification_type", Message: finapitest.RelianceMessage}}}, res)

	assert.Empty(t, srv.Customers())
	assert.Len(t, srv.CreateRequests(), 2, "refusals are final")
	assert.Empty(t, sl.Waits())

	// Eighteen today is old enough.
	res, err = cl.CreateBusiness(context.Background(), business("Fresh Ltd", "new@acme.example", "2008-11-26"))
	require.NoError(t, err)
	assert.Equal(t, finapi.Created, res.Kind)
}

func TestCreateBusinessRetriesOnly429And503(t *testing.T) {
	clk := newClock(t0)
	srv := startServer(t, finapitest.Options{Now: clk.Now})
	srv.Script(finapitest.PathCreateBusiness,
		finapitest.Fault{Status: 429, RetryAfter: "2"},
		finapitest.Fault{Status: 503},
	)
	cl, sl := newClient(t, srv, creds(), finapi.Options{Now: clk.Now})
	res, err := cl.CreateBusiness(context.Background(), business("Acme Ltd", "ops@acme.example"))
	require.NoError(t, err)
	assert.Equal(t, finapi.Created, res.Kind)
	assert.Equal(t, []time.Duration{2 * time.Second, time.Second}, sl.Waits())
	var statuses []int
	for _, r := range srv.CreateRequests() {
		statuses = append(statuses, r.Status)
	}
	assert.Equal(t, []int{429, 503, 201}, statuses)
	assert.Len(t, srv.Customers(), 1)
}

func TestCreateBusinessFinalAnswers(t *testing.T) {
	cases := []struct {
		name      string
		fault     finapitest.Fault
		kind      finapi.Kind
		customers int
	}{
		{"500", finapitest.Fault{Status: 500, Body: `{"status":500,"message":"Internal server error"}`}, finapi.Unknown, 0},
		{"500 after the commit", finapitest.Fault{Status: 500, Commit: true}, finapi.Unknown, 1},
		{"502 after the commit", finapitest.Fault{Status: 502, Commit: true}, finapi.Unknown, 1},
		{"dropped after the commit", finapitest.Fault{Drop: true, Commit: true}, finapi.Unknown, 1},
		{"409", finapitest.Fault{Status: 409, Body: `{"message":"Conflict"}`}, finapi.Rejected, 0},
		{"503 beyond patience", finapitest.Fault{Status: 503, RetryAfter: "600"}, finapi.Failed, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := startServer(t, finapitest.Options{})
			srv.Script(finapitest.PathCreateBusiness, tc.fault)
			cl, sl := newClient(t, srv, creds(), finapi.Options{})
			res, err := cl.CreateBusiness(context.Background(), business("Acme Ltd", "ops@acme.example"))
			assert.Equal(t, tc.kind, res.Kind, "%+v", res)
			if tc.kind == finapi.Unknown {
				require.ErrorIs(t, err, finapi.ErrOutcomeUnknown)
				assert.Contains(t, err.Error(), "POST /v2/customers/business")
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

func TestCreateBusinessTimeoutIsUnknown(t *testing.T) {
	srv := startServer(t, finapitest.Options{})
	srv.Script(finapitest.PathCreateBusiness, finapitest.Fault{Delay: 1500 * time.Millisecond, Commit: true})
	cl, sl := newClient(t, srv, creds(), finapi.Options{HTTPClient: &http.Client{Timeout: 200 * time.Millisecond}})
	_, err := cl.Fetch(context.Background(), rules.PurposesBusiness)
	require.NoError(t, err)

	res, err := cl.CreateBusiness(context.Background(), business("Slow Ltd", "slow@acme.example"))
	assert.Equal(t, finapi.Unknown, res.Kind)
	assert.ErrorIs(t, err, finapi.ErrOutcomeUnknown)
	assert.Empty(t, sl.Waits())
	assert.Len(t, srv.CreateRequests(), 1)
	require.Eventually(t, func() bool { return len(srv.Customers()) == 1 }, 10*time.Second, 20*time.Millisecond)
}

func TestCreateBusiness401RenewsOnce(t *testing.T) {
	srv := startServer(t, finapitest.Options{})
	cl, _ := newClient(t, srv, creds(), finapi.Options{})
	_, err := cl.Fetch(context.Background(), rules.SourceOfWealthBusiness)
	require.NoError(t, err)
	srv.RevokeTokens()
	res, err := cl.CreateBusiness(context.Background(), business("Acme Ltd", "ops@acme.example"))
	require.NoError(t, err)
	assert.Equal(t, finapi.Created, res.Kind)
	reqs := srv.CreateRequests()
	require.Len(t, reqs, 2)
	assert.Equal(t, []int{401, 201}, []int{reqs[0].Status, reqs[1].Status})
	assert.Len(t, srv.Customers(), 1)
}
