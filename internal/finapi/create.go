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
	// Created: the API created the customer (HTTP 200).
	Created
	// Rejected: the API refused the payload (422, 423 or another 4xx).
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

// CreateResult is the outcome of CreateIndividual.
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

// CreateIndividual sends body, byte for byte, as the JSON of POST
// /v2/customers/individual.
//
// The error is non-nil when the kind is Unknown (wrapping
// ErrOutcomeUnknown) or NotSent, and when the API kept answering 401
// (ErrUnauthorized, kind Failed or NotSent): then no later request with
// these credentials will fare better.
func (c *Client) CreateIndividual(ctx context.Context, body []byte) (CreateResult, error) {
	a, err := c.authed(ctx, createRetryable, func(tok string) answer {
		return c.send(ctx, http.MethodPost, PathCreate, nil, body, tok)
	})
	if err != nil {
		if a.status == http.StatusUnauthorized {
			return CreateResult{Kind: Failed, HTTPStatus: a.status, Message: c.redact(apiMessage(a.body))},
				fmt.Errorf("POST %s: %w", PathCreate, err)
		}
		// No token to send with: the request did not leave.
		return CreateResult{Kind: NotSent}, fmt.Errorf("POST %s: %w", PathCreate, err)
	}
	if a.status == 0 {
		if a.sent {
			return CreateResult{Kind: Unknown}, fmt.Errorf("POST %s: %w: %w", PathCreate, ErrOutcomeUnknown, a.err)
		}
		return CreateResult{Kind: NotSent}, fmt.Errorf("POST %s: not sent: %w", PathCreate, a.err)
	}
	r, err := classify(a)
	r.Message = c.redact(r.Message)
	for i := range r.FieldErrors {
		r.FieldErrors[i].Message = c.redact(r.FieldErrors[i].Message)
	}
	return r, err
}

func classify(a answer) (CreateResult, error) {
	r := CreateResult{HTTPStatus: a.status}
	switch s := a.status; {
	case s >= 200 && s <= 299:
		r.Kind = Created
		var ok struct {
			Data struct {
				CustomerID     string `json:"customer_id"`
				TosPoliciesURL string `json:"tos_policies_url"`
			} `json:"data"`
		}
		if a.err != nil || json.Unmarshal(a.body, &ok) != nil || ok.Data.CustomerID == "" {
			// The status alone settles that the customer exists; only
			// its id is lost, and sending again would duplicate it.
			r.Message = "created, but the answer did not carry the customer id"
			return r, nil
		}
		r.CustomerID = ok.Data.CustomerID
		r.TosPoliciesURL = ok.Data.TosPoliciesURL
	case s == http.StatusUnprocessableEntity:
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
		return r, fmt.Errorf("POST %s: HTTP %d from a gateway: %w", PathCreate, s, ErrOutcomeUnknown)
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
		return r, fmt.Errorf("POST %s: HTTP %d: %w", PathCreate, s, ErrOutcomeUnknown)
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

// fieldErrors reads the vendor's field errors, a list of one-key objects
// like [{"basic_info.email": "..."}], and also the {"field": ["..."]} form
// common to Laravel-style APIs.
func fieldErrors(body []byte) []FieldError {
	var v struct {
		Errors json.RawMessage `json:"errors"`
	}
	if json.Unmarshal(body, &v) != nil || len(v.Errors) == 0 {
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
	var list []map[string]json.RawMessage
	if json.Unmarshal(v.Errors, &list) == nil {
		for _, obj := range list {
			add(obj)
		}
		return out
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(v.Errors, &obj) == nil {
		add(obj)
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

// dottedToPointer turns the vendor's "basic_info.tax_info.0.document_id"
// (or "tax_info[0]") into an RFC 6901 pointer.
func dottedToPointer(field string) string {
	field = strings.NewReplacer("[", ".", "]", "").Replace(field)
	var toks []string
	for _, t := range strings.Split(field, ".") {
		if t != "" {
			toks = append(toks, t)
		}
	}
	return jsondoc.Pointer(toks...)
}
