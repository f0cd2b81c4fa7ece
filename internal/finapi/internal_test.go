package finapi

import (
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseTime(t *testing.T) {
	want := time.Date(2025, 9, 3, 8, 50, 57, 0, time.UTC)
	for _, s := range []string{
		"2025-09-03 08:50:57+00",
		" 2025-09-03 08:50:57+00 ",
		"2025-09-03 08:50:57Z",
		"2025-09-03 08:50:57+00:00",
		"2025-09-03 08:50:57+0000",
		"2025-09-03T08:50:57Z",
		"2025-09-03T08:50:57+00:00",
		"2025-09-03T10:50:57+02:00",
		"2025-09-03 10:50:57+02",
		"2025-09-03 03:50:57-05",
		"2025-09-03 08:50:57",
		"2025-09-03T08:50:57",
	} {
		got, ok := parseTime(s)
		require.True(t, ok, s)
		assert.True(t, want.Equal(got), "%s gave %s", s, got)
	}
	got, ok := parseTime("2025-09-03 08:50:57.25+00")
	require.True(t, ok)
	assert.True(t, want.Add(250*time.Millisecond).Equal(got))
	for _, s := range []string{"", "tomorrow", "2025-13-03 08:50:57+00", "1756889457"} {
		_, ok := parseTime(s)
		assert.False(t, ok, s)
	}
}

func TestParseToken(t *testing.T) {
	c := &Client{renewBefore: time.Minute}
	sent := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) // the local clock is years off
	tok, err := c.parseToken([]byte(`{"access_token":"a","access_token_ttl":"2025-09-03 09:50:57+00","refresh_token":"r","refresh_token_ttl":"2025-09-04 08:50:57+00","current_time":"2025-09-03 08:50:57+00"}`), sent)
	require.NoError(t, err)
	assert.Equal(t, sent.Add(time.Hour-time.Second), tok.expires)
	assert.Equal(t, sent.Add(24*time.Hour-time.Second), tok.refreshExpires)
	assert.Equal(t, time.Minute, tok.margin)
	assert.True(t, tok.usable(sent.Add(58*time.Minute)))
	assert.False(t, tok.usable(sent.Add(59*time.Minute)))

	tok, err = c.parseToken([]byte(`{"data":{"access_token":"b","access_token_ttl":"2025-09-03 08:51:17+00","current_time":"2025-09-03 08:50:57+00"}}`), sent)
	require.NoError(t, err)
	assert.Equal(t, "b", tok.access)
	assert.Equal(t, 1900*time.Millisecond, tok.margin, "short lifetimes renew a tenth early")
	assert.False(t, tok.refreshable(sent))

	tok, err = c.parseToken([]byte(`{"access_token":"c"}`), sent)
	require.NoError(t, err)
	assert.True(t, tok.expires.IsZero())
	assert.True(t, tok.usable(sent.Add(1000*time.Hour)), "no expiry given: used until refused")

	for _, body := range []string{`{}`, `{"data":{}}`, `not json`, `{"access_token":5}`, `{"access_token":"  "}`} {
		_, err := c.parseToken([]byte(body), sent)
		assert.ErrorIs(t, err, errTokenAnswer, body)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 9, 3, 8, 50, 57, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"0":                                 0,
		"7":                                 7 * time.Second,
		" 120 ":                             2 * time.Minute,
		"Wed, 03 Sep 2025 08:51:07 GMT":     10 * time.Second,
		"Wed, 03 Sep 2025 08:00:00 GMT":     0,
		"Wednesday, 03-Sep-25 08:51:00 GMT": 3 * time.Second,
	} {
		got, ok := parseRetryAfter(v, now)
		require.True(t, ok, v)
		assert.Equal(t, want, got, v)
	}
	for _, v := range []string{"", "-5", "soon", "1.5"} {
		_, ok := parseRetryAfter(v, now)
		assert.False(t, ok, v)
	}
	d, ok := parseRetryAfter("99999999999999999999", now)
	assert.True(t, ok)
	assert.Positive(t, d, "huge values saturate instead of wrapping")
}

func TestDottedToPointer(t *testing.T) {
	for in, want := range map[string]string{
		"basic_info.email":                      "/basic_info/email",
		"basic_info.tax_info.0.document_id":     "/basic_info/tax_info/0/document_id",
		"basic_info.tax_info[1].document_id":    "/basic_info/tax_info/1/document_id",
		"verification_type":                     "/verification_type",
		"meta_data.a/b":                         "/meta_data/a~1b",
		"meta_data.x~y":                         "/meta_data/x~0y",
		"":                                      "",
		"financial_profile.source_of_fund_ids.": "/financial_profile/source_of_fund_ids",
		"associated_parties[0].basic_info.dob":  "/associated_parties/0/basic_info/dob",
		"associated_parties[12].roles[3]":       "/associated_parties/12/roles/3",
		"a[0][1].b":                             "/a/0/1/b",
		"meta_data.a/b[2]":                      "/meta_data/a~1b/2",
		"meta_data.x~y[0]~z":                    "/meta_data/x~0y[0]~0z",
		"meta_data.k[x]":                        "/meta_data/k[x]",
		"meta_data.k[]":                         "/meta_data/k[]",
		"[0].x":                                 "/0/x",
		"addresses.physical_address":            "/addresses/physical_address",
	} {
		assert.Equal(t, want, dottedToPointer(in), in)
	}
}

func TestFieldErrorShapes(t *testing.T) {
	list := fieldErrors([]byte(`{"message":"x","errors":[{"basic_info.email":"lower case"},{"address.country":"must match","address.city":"blank"}]}`))
	assert.Equal(t, []FieldError{
		{"/basic_info/email", "lower case"},
		{"/address/city", "blank"},
		{"/address/country", "must match"},
	}, list)
	obj := fieldErrors([]byte(`{"message":"x","errors":{"basic_info.dob":["too young","bad format"]}}`))
	assert.Equal(t, []FieldError{{"/basic_info/dob", "too young"}, {"/basic_info/dob", "bad format"}}, obj)
	business := fieldErrors([]byte(`{"status":400,"message":"Validation failed","data":{` +
		`"basic_info.email":"Must be a valid email address",` +
		`"associated_parties[0].basic_info.dob":"Party must be at least 18 years old",` +
		`"addresses.physical_address":"Required when is_incorporated_address_same is false"}}`))
	assert.Equal(t, []FieldError{
		{"/addresses/physical_address", "Required when is_incorporated_address_same is false"},
		{"/associated_parties/0/basic_info/dob", "Party must be at least 18 years old"},
		{"/basic_info/email", "Must be a valid email address"},
	}, business)
	assert.Equal(t, []FieldError{{"/basic_info/legal_name", "taken"}, {"/basic_info/legal_name", "too long"}},
		fieldErrors([]byte(`{"data":{"basic_info.legal_name":["taken","too long"]}}`)))
	assert.Nil(t, fieldErrors([]byte(`{"status":400,"message":"Validation failed","data":"nope"}`)))
	assert.Nil(t, fieldErrors([]byte(`{"message":"x"}`)))
	assert.Nil(t, fieldErrors([]byte(`<html>`)))
	assert.Nil(t, fieldErrors([]byte(`{"errors":"nope"}`)))
}

func TestClassify(t *testing.T) {
	r, err := classify(PathCreate, answer{status: 200, body: []byte(`{"data":{}}`), sent: true})
	require.NoError(t, err)
	assert.Equal(t, Created, r.Kind, "a 200 is a creation even when its body is unusable")
	assert.NotEmpty(t, r.Message)

	for _, body := range []string{
		`{"customer_id":"c-1","tos_policies_url":"https://tos.example/1"}`,
		`{"data":{"customer_id":"c-1","tos_policies_url":"https://tos.example/1"}}`,
	} {
		r, err = classify(PathCreateBusiness, answer{status: 201, body: []byte(body), sent: true})
		require.NoError(t, err)
		assert.Equal(t, CreateResult{Kind: Created, HTTPStatus: 201, CustomerID: "c-1", TosPoliciesURL: "https://tos.example/1"}, r, body)
	}
	r, err = classify(PathCreateBusiness, answer{status: 201, body: []byte(`{"status":201}`), sent: true})
	require.NoError(t, err)
	assert.Equal(t, CreateResult{Kind: Created, HTTPStatus: 201, Message: "created, but the answer did not carry the customer id"}, r)

	r, err = classify(PathCreateBusiness, answer{status: 400, body: []byte(`{"status":400,"message":"Validation failed","data":{"associated_parties[1].basic_info.dob":"Party must be at least 18 years old"}}`), sent: true})
	require.NoError(t, err)
	assert.Equal(t, CreateResult{Kind: Rejected, HTTPStatus: 400, Message: "Validation failed",
		FieldErrors: []FieldError{{"/associated_parties/1/basic_info/dob", "Party must be at least 18 years old"}}}, r)

	_, err = classify(PathCreateBusiness, answer{status: 500, body: []byte(`{"status":500,"message":"Internal server error"}`), sent: true})
	assert.ErrorIs(t, err, ErrOutcomeUnknown)
	assert.Equal(t, "POST /v2/customers/business: HTTP 500: "+ErrOutcomeUnknown.Error(), err.Error())

	r, err = classify(PathCreate, answer{status: 200, err: errors.New("reset"), sent: true})
	require.NoError(t, err)
	assert.Equal(t, Created, r.Kind)

	r, err = classify(PathCreate, answer{status: 423, body: []byte(`{}`), sent: true})
	require.NoError(t, err)
	assert.Equal(t, Rejected, r.Kind)
	assert.Equal(t, "/verification_type", r.FieldErrors[0].Pointer)
	assert.NotEmpty(t, r.Message)

	r, err = classify(PathCreate, answer{status: 422, body: []byte("<html>\x1b[31m</html>"), sent: true})
	require.NoError(t, err)
	assert.Equal(t, http.StatusText(http.StatusUnprocessableEntity), r.Message, "an arbitrary body is not echoed")

	long := make([]byte, 0, 3000)
	long = append(long, `{"message":"`...)
	for i := 0; i < 2000; i++ {
		long = append(long, 'x')
	}
	long = append(long, `\u0007"}`...)
	r, _ = classify(PathCreate, answer{status: 400, body: long, sent: true})
	assert.LessOrEqual(t, len([]rune(r.Message)), 501)
	assert.NotContains(t, r.Message, "\a")
}

func TestKindNames(t *testing.T) {
	for k, want := range map[Kind]string{Unknown: "unknown", Created: "created", Rejected: "rejected", Failed: "failed", NotSent: "not-sent", Kind(42): "unknown"} {
		assert.Equal(t, want, k.String())
		if k != Kind(42) {
			assert.True(t, Status(want).valid())
		}
	}
	var zero CreateResult
	assert.Equal(t, Unknown, zero.Kind, "the zero result forbids sending again")
}

func TestWaitFor(t *testing.T) {
	c := &Client{now: time.Now, backoff: 500 * time.Millisecond, maxWait: 30 * time.Second}
	var got []time.Duration
	for n := 1; n <= 9; n++ {
		d, ok := c.waitFor(answer{status: 503}, n)
		require.True(t, ok)
		got = append(got, d)
	}
	assert.Equal(t, []time.Duration{
		500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second,
		16 * time.Second, 30 * time.Second, 30 * time.Second, 30 * time.Second,
	}, got)
	h := http.Header{}
	h.Set("Retry-After", "31")
	_, ok := c.waitFor(answer{status: 429, header: h}, 1)
	assert.False(t, ok)
}
