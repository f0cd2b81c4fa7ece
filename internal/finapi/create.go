package finapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/finlint/finlint/internal/jsondoc"
)

// ErrOutcomeUnknown marks a create request that was sent but got no
// answer from the API itself: the customer may or may not exist.
var ErrOutcomeUnknown = errors.New("the request was sent but its outcome is unknown; check by hand before sending it again")

// Kind classifies the outcome of a create request.
type Kind int

// The outcomes. The zero value is Unknown, the one that forbids sending the
// payload again, so that a forgotten assignment errs on the safe side.
const (
	// Unknown: the request was sent, and no answer says what became of
	// it: none came, or a 5xx other than 503 did.
	Unknown Kind = iota
	// Created: the API created the customer (HTTP 200 or 201, any 2xx).
	Created
	// Rejected: the API refused the payload (400, 422, 423 or another
	// 4xx).
	Rejected
	// Failed: the API did not create the customer for a reason of its
	// own (a 429 or 503 after retries, a 401, a redirect).
	Failed
	// NotSent: the request never reached the API.
	NotSent
)

// String returns the name the CLI and the journal use for the kind.
func (k Kind) String() string {
	switch k {
	case Created:
		return "created"
	case Rejected:
		return "rejected"
	case Failed:
		return "failed"
	case NotSent:
		return "not-sent"
	}
	return "unknown"
}

// FieldError is one complaint of the API about one field, located by an
// RFC 6901 JSON Pointer into the payload ("" for the whole payload).
type FieldError struct {
	Pointer string
	Message string
}

// CreateResult is the outcome of Create.
type CreateResult struct {
	Kind Kind
	// HTTPStatus is the status of the last answer, 0 when there was none.
	HTTPStatus     int
	CustomerID     string
	TosPoliciesURL string
	// Message is the API's own message for a refusal, or a note on an
	// answer that could not be fully read.
	Message     string
	FieldErrors []FieldError
}

// createRetryable allows another attempt only when the server cannot have
// processed this one; see the package documentation.
func createRetryable(a answer) bool {
	switch {
	case a.status == http.StatusTooManyRequests, a.status == http.StatusServiceUnavailable:
		return true
	case a.status == 0 && a.err != nil:
		return !a.sent
	}
	return false
}

// ErrUnknownKind means finlint does not know where to send payloads of a
// kind.
var ErrUnknownKind = errors.New("no API endpoint creates customers of this kind")

// CreatePath returns the path of the endpoint that creates customers of
// kind (KindIndividualV2 or KindBusinessV2), and false for another kind.
func CreatePath(kind string) (string, bool) {
	switch kind {
	case KindIndividualV2:
		return PathCreate, true
	case KindBusinessV2:
		return PathCreateBusiness, true
	}
	return "", false
}

// Create sends body, byte for byte, as the JSON of the create request of
// kind: POST /v2/customers/individual for KindIndividualV2, POST
// /v2/customers/business for KindBusinessV2. Both are treated alike: the
// same retries, the same outcomes, and the field errors of a refusal (the
// individual endpoint's 422, the business endpoint's 400) as RFC 6901
// pointers into body.
//
// The error is non-nil when the kind is Unknown (wrapping
// ErrOutcomeUnknown) or NotSent, and when the API kept answering 401
// (ErrUnauthorized, kind Failed or NotSent): then no later request with
// these credentials will fare better. A kind no endpoint serves is NotSent,
// with an error wrapping ErrUnknownKind.
func (c *Client) Create(ctx context.Context, kind string, body []byte) (CreateResult, error) {
	path, ok := CreatePath(kind)
	if !ok {
		return CreateResult{Kind: NotSent}, fmt.Errorf("%w: %q", ErrUnknownKind, kind)
	}
	a, err := c.authed(ctx, createRetryable, func(tok string) answer {
		return c.send(ctx, http.MethodPost, path, nil, body, tok)
	})
	if err != nil {
		if a.status == http.StatusUnauthorized {
			return CreateResult{Kind: Failed, HTTPStatus: a.status, Message: c.redact(apiMessage(a.body))},
				fmt.Errorf("POST %s: %w", path, err)
		}
		// No token to send with: the request did not leave.
		return CreateResult{Kind: NotSent}, fmt.Errorf("POST %s: %w", path, err)
	}
	if a.status == 0 {
		if a.sent {
			return CreateResult{Kind: Unknown}, fmt.Errorf("POST %s: %w: %w", path, ErrOutcomeUnknown, a.err)
		}
		return CreateResult{Kind: NotSent}, fmt.Errorf("POST %s: not sent: %w", path, a.err)
	}
	r, err := classify(path, a)
	r.Message = c.redact(r.Message)
	for i := range r.FieldErrors {
		r.FieldErrors[i].Message = c.redact(r.FieldErrors[i].Message)
	}
	return r, err
}

// CreateIndividual is Create for KindIndividualV2: POST
// /v2/customers/individual.
func (c *Client) CreateIndividual(ctx context.Context, body []byte) (CreateResult, error) {
	return c.Create(ctx, KindIndividualV2, body)
}

// CreateBusiness is Create for KindBusinessV2: POST /v2/customers/business.
func (c *Client) CreateBusiness(ctx context.Context, body []byte) (CreateResult, error) {
	return c.Create(ctx, KindBusinessV2, body)
}

// classify reads the answer to POST path.
func classify(path string, a answer) (CreateResult, error) {
	r := CreateResult{HTTPStatus: a.status}
	switch s := a.status; {
	case s >= 200 && s <= 299:
		r.Kind = Created
		body, ok := createdBody(a)
		if !ok {
			// The status alone settles that the customer exists; only
			// its id is lost, and sending again would duplicate it.
			r.Message = "created, but the answer did not carry the customer id"
			return r, nil
		}
		r.CustomerID = body.CustomerID
		r.TosPoliciesURL = body.TosPoliciesURL
	case s == http.StatusUnprocessableEntity, s == http.StatusBadRequest:
		// The individual endpoint refuses a payload with 422 and an
		// "errors" list, the business endpoint with 400 and a "data"
		// object; either is read from either status.
		r.Kind = Rejected
		r.Message = apiMessage(a.body)
		r.FieldErrors = fieldErrors(a.body)
	case s == http.StatusLocked:
		r.Kind = Rejected
		r.Message = apiMessage(a.body)
		if r.Message == "" {
			r.Message = "RELIANCE verification is not available for this client"
		}
		r.FieldErrors = []FieldError{{Pointer: "/verification_type", Message: r.Message}}
	case s == http.StatusBadGateway, s == http.StatusGatewayTimeout:
		// The answer comes from a proxy that lost touch with the API,
		// possibly after handing it the request.
		r.Kind = Unknown
		r.Message = apiMessage(a.body)
		return r, fmt.Errorf("POST %s: HTTP %d from a gateway: %w", path, s, ErrOutcomeUnknown)
	case s == http.StatusTooManyRequests, s == http.StatusServiceUnavailable:
		// Both say the request was not taken (which is why they are
		// retried); these are the last of the retries.
		r.Kind = Failed
		r.Message = apiMessage(a.body)
	case s >= 500:
		// A server error may come after the customer was committed: the
		// failure can be in whatever runs after the insert.
		r.Kind = Unknown
		r.Message = apiMessage(a.body)
		return r, fmt.Errorf("POST %s: HTTP %d: %w", path, s, ErrOutcomeUnknown)
	case s >= 400:
		r.Kind = Rejected
		r.Message = apiMessage(a.body)
	default:
		// A redirect or an informational status: the API did not take it.
		r.Kind = Failed
		r.Message = fmt.Sprintf("unexpected HTTP %d", s)
	}
	if r.Message == "" && r.Kind != Created {
		r.Message = http.StatusText(a.status)
	}
	return r, nil
}

// created is what a successful create answers, bare (as the business
// endpoint documents it) or wrapped in "data" (as the individual one does).
type created struct {
	CustomerID     string `json:"customer_id"`
	TosPoliciesURL string `json:"tos_policies_url"`
}

func createdBody(a answer) (created, bool) {
	if a.err != nil {
		return created{}, false
	}
	var v struct {
		created
		Data *created `json:"data"`
	}
	if json.Unmarshal(a.body, &v) != nil {
		return created{}, false
	}
	if v.Data != nil && v.Data.CustomerID != "" {
		return *v.Data, true
	}
	return v.created, v.CustomerID != ""
}

// fieldErrors reads the vendor's field errors, in each of the shapes its
// endpoints answer with: the individual endpoint's list of one-key objects
// under "errors", like [{"basic_info.email": "..."}]; the {"field":
// ["..."]} object common to Laravel-style APIs, also under "errors"; and
// the business endpoint's {"data": {"associated_parties[0].basic_info.dob":
// "..."}}. Each key becomes a JSON Pointer; keys of one object come in
// sorted order.
func fieldErrors(body []byte) []FieldError {
	var v struct {
		Errors json.RawMessage `json:"errors"`
		Data   json.RawMessage `json:"data"`
	}
	if json.Unmarshal(body, &v) != nil {
		return nil
	}
	var out []FieldError
	add := func(obj map[string]json.RawMessage) {
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			for _, m := range messages(obj[k]) {
				out = append(out, FieldError{Pointer: dottedToPointer(k), Message: m})
			}
		}
	}
	for _, raw := range []json.RawMessage{v.Errors, v.Data} {
		if len(raw) == 0 {
			continue
		}
		var list []map[string]json.RawMessage
		if json.Unmarshal(raw, &list) == nil {
			for _, obj := range list {
				add(obj)
			}
			continue
		}
		var obj map[string]json.RawMessage
		if json.Unmarshal(raw, &obj) == nil {
			add(obj)
		}
	}
	return out
}

func messages(raw json.RawMessage) []string {
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return []string{cleanText(one)}
	}
	var many []string
	if json.Unmarshal(raw, &many) == nil {
		for i := range many {
			many[i] = cleanText(many[i])
		}
		return many
	}
	return nil
}

// dottedToPointer turns the vendor's field names into RFC 6901 pointers:
// "basic_info.tax_info.0.document_id" and
// "associated_parties[0].basic_info.dob" alike. Brackets holding anything
// but digits are part of the name; "~" and "/" in names are escaped.
func dottedToPointer(field string) string {
	var toks []string
	for _, seg := range strings.Split(field, ".") {
		name, idx := splitIndexes(seg)
		if name != "" {
			toks = append(toks, name)
		}
		toks = append(toks, idx...)
	}
	return jsondoc.Pointer(toks...)
}

// splitIndexes splits "parties[0][2]" into "parties" and ["0", "2"]; a
// segment whose brackets do not all hold digits is one name.
func splitIndexes(seg string) (string, []string) {
	var idx []string
	rest := seg
	for strings.HasSuffix(rest, "]") {
		open := strings.LastIndexByte(rest, '[')
		if open < 0 {
			return seg, nil
		}
		n := rest[open+1 : len(rest)-1]
		if n == "" || strings.Trim(n, "0123456789") != "" {
			return seg, nil
		}
		idx = append(idx, n)
		rest = rest[:open]
	}
	slices.Reverse(idx)
	return rest, idx
}
