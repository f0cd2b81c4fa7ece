// Package finapitest is a stand-in for the Fin.com API, for tests only: it
// serves the token, refresh-token, catalogue (per customer type),
// create-individual, create-business and list-customers endpoints over real
// HTTP on 127.0.0.1, and can be told to misbehave in the ways the real API
// and the networks in front of it do (rate limits, outages, slow answers,
// dropped connections, expired tokens).
//
// Every create request it receives is recorded, whatever it answered, so a
// test can assert that each payload reached the server exactly once and
// carried the bearer token.
package finapitest

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/finlint/finlint/rules"
)

// The endpoints the server answers, usable as keys of Script and Hits.
const (
	PathToken          = "/v1/oauth/token"
	PathRefresh        = "/v1/oauth/refresh-token"
	PathOccupations    = "/v1/occupations"
	PathPurposes       = "/v1/purposes"
	PathSourceOfFunds  = "/v1/source-of-funds"
	PathSourceOfWealth = "/v1/source-of-wealth"
	// PathCreate creates individual customers.
	PathCreate = "/v2/customers/individual"
	// PathCreateBusiness creates business customers.
	PathCreateBusiness = "/v2/customers/business"
	PathCustomers      = "/v2/customers"
)

// The customer types, as the vendor spells them.
const (
	TypeIndividual = "INDIVIDUAL"
	TypeBusiness   = "BUSINESS"
)

// UnderAgeMessage is the vendor's message for an associated party younger
// than 18.
const UnderAgeMessage = "Party must be at least 18 years old"

// RelianceMessage is the vendor's 423 message for RELIANCE on a client
// that does not have it.
const RelianceMessage = "RELIANCE is not available for your client"

// Options configures a Server. Zero values give a working default.
type Options struct {
	// ClientID and ClientSecret are the credentials the token endpoint
	// accepts; default "test-client-id" and "test-client-secret".
	ClientID, ClientSecret string
	// TokenTTL and RefreshTTL are the lifetimes of access and refresh
	// tokens; default one hour and one day.
	TokenTTL, RefreshTTL time.Duration
	// WrapToken wraps the token answer in {"data": ...}; the default is the
	// bare object the vendor's schema shows.
	WrapToken bool
	// RFC3339Times answers token times in RFC 3339 rather than the vendor's
	// "2006-01-02 15:04:05+00".
	RFC3339Times bool
	// Now is the server's clock, default time.Now; giving it a skew against
	// the client's clock tests that expiry is judged on the server's terms.
	Now func() time.Time
	// Catalogues maps catalogue ids (rules.Occupations,
	// rules.PurposesIndividual, rules.PurposesBusiness, ...) to their
	// entries, served in the order given. An id the map does not hold is
	// served as DefaultCatalogues has it; one mapped to an empty list
	// serves no entries.
	Catalogues map[string][]rules.RefItem
	// PageCap is the largest page the server hands out, whatever the
	// client asks for; default 7. It applies to catalogues and to the
	// customer list alike.
	PageCap int
	// RelianceEnabled makes RELIANCE verification acceptable; otherwise
	// create answers 423.
	RelianceEnabled bool
	// RejectEmails are basic_info.email values that create answers with a
	// field error: the individual endpoint with a 422 and an "errors"
	// list, the business endpoint with a 400 and a "data" object.
	RejectEmails []string
	// RejectLegalNames are basic_info.legal_name values that the business
	// endpoint answers with a 400 and a field error.
	RejectLegalNames []string
	// WrapBusinessCreated wraps the business endpoint's 201 answer in
	// {"data": ...}; the default is the bare object the vendor documents.
	WrapBusinessCreated bool
}

// Fault is one scripted misbehaviour, consumed by one request to its
// endpoint. Fields combine: Delay first, then Drop or Status.
type Fault struct {
	// Delay waits before answering.
	Delay time.Duration
	// Status answers with this code instead of the normal answer; 200 with
	// Body replaces a successful answer.
	Status int
	// RetryAfter is sent verbatim as the Retry-After header.
	RetryAfter string
	// Body is the answer body for Status; default {"message": status text}.
	Body string
	// Drop closes the connection without an answer once the request has
	// been read.
	Drop bool
	// Commit, on create only, creates the customer first and then acts out
	// Drop or Status, as a server that fails after its database commit (or
	// a gateway that gives up on it) would. With Delay, the customer is
	// created even if the client stopped waiting.
	Commit bool
}

// CreateRequest is one request received by a create endpoint.
type CreateRequest struct {
	// Path is the endpoint: PathCreate or PathCreateBusiness.
	Path          string
	Body          []byte
	Authorization string
	ContentType   string
	Time          time.Time
	// Status is what the server answered; 0 when it dropped the
	// connection.
	Status int
}

// Customer is one customer the server holds.
type Customer struct {
	ID string
	// Type is "INDIVIDUAL" or "BUSINESS".
	Type string
	Body []byte
	// Created is the server's clock when it was created.
	Created time.Time
}

// Server is the running stand-in. Its methods are safe for concurrent use.
type Server struct {
	*httptest.Server

	opts    Options
	closing chan struct{}
	once    sync.Once

	mu        sync.Mutex
	script    map[string][]Fault
	hits      map[string]int
	access    map[string]time.Time
	refresh   map[string]time.Time
	issued    []string
	tokens    int
	refreshes int
	creates   []CreateRequest
	customers []Customer
}

// New starts a server on 127.0.0.1. Close it when done.
func New(opts Options) *Server {
	if opts.ClientID == "" {
		opts.ClientID = "test-client-id"
	}
	if opts.ClientSecret == "" {
		opts.ClientSecret = "test-client-secret"
	}
	if opts.TokenTTL <= 0 {
		opts.TokenTTL = time.Hour
	}
	if opts.RefreshTTL <= 0 {
		opts.RefreshTTL = 24 * time.Hour
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	cats := DefaultCatalogues()
	for name, items := range opts.Catalogues {
		cats[name] = items
	}
	opts.Catalogues = cats
	if opts.PageCap <= 0 {
		opts.PageCap = 7
	}
	s := &Server{
		opts:    opts,
		closing: make(chan struct{}),
		script:  map[string][]Fault{},
		hits:    map[string]int{},
		access:  map[string]time.Time{},
		refresh: map[string]time.Time{},
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+PathToken, s.handleToken)
	mux.HandleFunc("POST "+PathRefresh, s.handleRefresh)
	mux.HandleFunc("GET "+PathOccupations, s.catalogueHandler("occupations", map[string]string{"": rules.Occupations}))
	mux.HandleFunc("GET "+PathPurposes, s.catalogueHandler("purposes", map[string]string{
		TypeIndividual: rules.PurposesIndividual, TypeBusiness: rules.PurposesBusiness}))
	mux.HandleFunc("GET "+PathSourceOfFunds, s.catalogueHandler("source_of_funds", map[string]string{
		TypeIndividual: rules.SourceOfFundsIndividual, TypeBusiness: rules.SourceOfFundsBusiness}))
	// The vendor lists sources of wealth for both types; finlint checks only
	// the business one, and the individual one is empty unless given.
	mux.HandleFunc("GET "+PathSourceOfWealth, s.catalogueHandler("source_of_wealth", map[string]string{
		TypeIndividual: "source-of-wealth-individual", TypeBusiness: rules.SourceOfWealthBusiness}))
	mux.HandleFunc("POST "+PathCreate, s.createHandler(PathCreate, TypeIndividual))
	mux.HandleFunc("POST "+PathCreateBusiness, s.createHandler(PathCreateBusiness, TypeBusiness))
	mux.HandleFunc("GET "+PathCustomers, s.handleCustomers)
	s.Server = httptest.NewServer(mux)
	return s
}

// Close stops the server, cutting short any scripted delay.
func (s *Server) Close() {
	s.once.Do(func() { close(s.closing) })
	s.Server.Close()
}

// DefaultCatalogues returns sample catalogues large enough to need several
// pages at the default page cap, listed out of id order as a server may.
// The individual ones are generated ("Purpose 1" to "Purpose 9", ...); the
// business ones read like the vendor's, and their ids are those of the
// vendor's business example: purpose 3, sources of funds 1 and 5 (also 4),
// source of wealth 2. Purpose 10 and source of wealth 7 are "Other".
func DefaultCatalogues() map[string][]rules.RefItem {
	gen := func(n int, title string, step int64) []rules.RefItem {
		out := make([]rules.RefItem, 0, n)
		for i := n; i >= 1; i-- {
			out = append(out, rules.RefItem{ID: int64(i) * step, Title: fmt.Sprintf("%s %d", title, i)})
		}
		return out
	}
	titled := func(titles ...string) []rules.RefItem {
		out := make([]rules.RefItem, 0, len(titles))
		for i := len(titles); i >= 1; i-- {
			out = append(out, rules.RefItem{ID: int64(i), Title: titles[i-1]})
		}
		return out
	}
	return map[string][]rules.RefItem{
		rules.Occupations:             gen(23, "Occupation", 3),
		rules.PurposesIndividual:      gen(9, "Purpose", 1),
		rules.SourceOfFundsIndividual: gen(15, "Source of funds", 2),
		rules.PurposesBusiness: titled("Business operations", "Payroll", "Cross-border B2B payments", "Treasury management",
			"Investments", "Supplier payments", "Receiving customer payments", "E-commerce settlement", "Intercompany transfers", "Other"),
		rules.SourceOfFundsBusiness: titled("Business revenue", "Investment capital", "Loans", "Software licensing revenue",
			"Sale of assets", "Grants", "Shareholder funds", "Retained earnings", "Other"),
		rules.SourceOfWealthBusiness: titled("Business dividends or profits", "Investment income", "Real estate", "Inheritance",
			"Salary", "Sale of business", "Other"),
	}
}

// Script queues faults for path; each request to path takes the next one,
// and once the queue is empty the endpoint behaves normally again.
func (s *Server) Script(path string, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.script[path] = append(s.script[path], faults...)
}

// Hits returns how many requests reached path.
func (s *Server) Hits(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// TokensIssued returns how many tokens the token endpoint issued.
func (s *Server) TokensIssued() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tokens
}

// Refreshes returns how many token pairs the refresh endpoint issued.
func (s *Server) Refreshes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.refreshes
}

// Secrets returns every access and refresh token issued so far, for tests
// that check none of them leaks into an error or a file.
func (s *Server) Secrets() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.issued)
}

// RevokeTokens forgets every access token, so the next request with one
// gets a 401. Refresh tokens stay valid.
func (s *Server) RevokeTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.access)
}

// CreateRequests returns every request the create endpoint received, in
// arrival order.
func (s *Server) CreateRequests() []CreateRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := slices.Clone(s.creates)
	for i := range out {
		out[i].Body = slices.Clone(out[i].Body)
	}
	return out
}

// AddCustomer creates a customer of typ ("INDIVIDUAL" or "BUSINESS") from
// body as if another client of the API had, and returns its id; the list
// shows it like any other.
func (s *Server) AddCustomer(typ string, body []byte) string {
	id := uuid()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.customers = append(s.customers, Customer{ID: id, Type: typ, Body: slices.Clone(body), Created: s.opts.Now()})
	return id
}

// Customers returns every customer created, in creation order.
func (s *Server) Customers() []Customer {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.customers)
}

// next takes the path's next fault and counts the hit.
func (s *Server) next(path string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits[path]++
	q := s.script[path]
	if len(q) == 0 {
		return Fault{}, false
	}
	s.script[path] = q[1:]
	return q[0], true
}

func (s *Server) wait(r *http.Request, d time.Duration, ignoreClient bool) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	done := r.Context().Done()
	if ignoreClient {
		done = nil
	}
	select {
	case <-t.C:
	case <-done:
	case <-s.closing:
	}
}

// apply acts out a fault's answer; it reports whether the request has been
// answered (or dropped).
func (s *Server) apply(w http.ResponseWriter, f Fault) bool {
	if f.Drop {
		drop(w)
		return true
	}
	if f.Status == 0 {
		return false
	}
	if f.RetryAfter != "" {
		w.Header().Set("Retry-After", f.RetryAfter)
	}
	body := f.Body
	if body == "" {
		body = messageBody(http.StatusText(f.Status))
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(f.Status)
	_, _ = io.WriteString(w, body)
	return true
}

func drop(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
	}
	// net/http closes the connection (or resets the stream) without an
	// answer when a handler aborts this way.
	panic(http.ErrAbortHandler)
}

func messageBody(msg string) string {
	b, _ := json.Marshal(map[string]string{"message": msg})
	return string(b)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func (s *Server) formatTime(t time.Time) string {
	if s.opts.RFC3339Times {
		return t.UTC().Format(time.RFC3339)
	}
	return t.UTC().Format("2006-01-02 15:04:05") + "+00"
}

// issue makes a token pair. The vendor's times have whole seconds, so the
// server judges expiry against the same truncated instants it announces.
func (s *Server) issue() map[string]string {
	now := s.opts.Now().Truncate(time.Second)
	at, rt := "at_"+randomHex(24), "rt_"+randomHex(24)
	ate, rte := now.Add(s.opts.TokenTTL), now.Add(s.opts.RefreshTTL)
	s.access[at] = ate
	s.refresh[rt] = rte
	s.issued = append(s.issued, at, rt)
	return map[string]string{
		"access_token":      at,
		"access_token_ttl":  s.formatTime(ate),
		"refresh_token":     rt,
		"refresh_token_ttl": s.formatTime(rte),
		"current_time":      s.formatTime(now),
	}
}

func (s *Server) tokenAnswer(w http.ResponseWriter, tok map[string]string) {
	if s.opts.WrapToken {
		writeJSON(w, http.StatusOK, map[string]any{"data": tok})
		return
	}
	writeJSON(w, http.StatusOK, tok)
}

func (s *Server) handleToken(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f, _ := s.next(PathToken)
	s.wait(r, f.Delay, false)
	if s.apply(w, f) {
		return
	}
	var in struct {
		ClientID     string `json:"client_id"`
		ClientSecret string `json:"client_secret"`
	}
	if err := json.Unmarshal(body, &in); err != nil || in.ClientID == "" || in.ClientSecret == "" {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{
			"message": "The client id and client secret fields are required.",
			"errors":  []map[string]string{{"client_id": "The client id field is required."}},
		})
		return
	}
	if in.ClientID != s.opts.ClientID || in.ClientSecret != s.opts.ClientSecret {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"message": "Authentication failed"})
		return
	}
	s.mu.Lock()
	s.tokens++
	tok := s.issue()
	s.mu.Unlock()
	s.tokenAnswer(w, tok)
}

func (s *Server) handleRefresh(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f, _ := s.next(PathRefresh)
	s.wait(r, f.Delay, false)
	if s.apply(w, f) {
		return
	}
	var in struct {
		RefreshToken string `json:"refresh_token"`
	}
	_ = json.Unmarshal(body, &in)
	s.mu.Lock()
	exp, ok := s.refresh[in.RefreshToken]
	if !ok || !s.opts.Now().Before(exp) {
		s.mu.Unlock()
		writeJSON(w, http.StatusUnauthorized, map[string]string{"message": "Authentication failed"})
		return
	}
	// Refresh tokens rotate: the old one is spent.
	delete(s.refresh, in.RefreshToken)
	s.refreshes++
	tok := s.issue()
	s.mu.Unlock()
	s.tokenAnswer(w, tok)
}

// authorized checks the bearer token against the server's clock.
func (s *Server) authorized(r *http.Request) bool {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	exp, ok := s.access[tok]
	return ok && s.opts.Now().Before(exp)
}

func unauthorized(w http.ResponseWriter) {
	writeJSON(w, http.StatusUnauthorized, map[string]string{"message": "Unauthenticated."})
}

// catalogueHandler serves the catalogue endpoint whose entries are listed
// under key, choosing the catalogue by the type parameter: byType maps
// each accepted type to a catalogue id, "" for an untyped endpoint.
func (s *Server) catalogueHandler(key string, byType map[string]string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		f, _ := s.next(r.URL.Path)
		s.wait(r, f.Delay, false)
		if s.apply(w, f) {
			return
		}
		if !s.authorized(r) {
			unauthorized(w)
			return
		}
		q := r.URL.Query()
		name, ok := byType[""]
		if !ok {
			if name, ok = byType[q.Get("type")]; !ok {
				writeJSON(w, http.StatusUnprocessableEntity, map[string]any{
					"message": "The selected type is invalid.",
					"errors":  []map[string]string{{"type": "The selected type is invalid."}},
				})
				return
			}
		}
		perPage, err1 := intParam(q.Get("per_page"), 10)
		page, err2 := intParam(q.Get("current_page"), 1)
		if err1 != nil || err2 != nil || perPage < 1 || perPage > 512 || page < 1 {
			writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"message": "Invalid pagination."})
			return
		}
		perPage = min(perPage, s.opts.PageCap)
		all := s.opts.Catalogues[name]
		from := min((page-1)*perPage, len(all))
		to := min(from+perPage, len(all))
		pageItems := all[from:to]
		if pageItems == nil {
			pageItems = []rules.RefItem{}
		}
		writeJSON(w, http.StatusOK, map[string]any{"data": map[string]any{
			"pagination": map[string]int{
				"current_page": page,
				"per_page":     perPage,
				"total_page":   (len(all) + perPage - 1) / perPage,
				"total":        len(all),
			},
			key: pageItems,
		}})
	}
}

func intParam(v string, def int) (int, error) {
	if v == "" {
		return def, nil
	}
	return strconv.Atoi(v)
}

// createHandler serves the create endpoint at path, which creates
// customers of type typ.
func (s *Server) createHandler(path, typ string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { s.handleCreate(w, r, path, typ) }
}

func (s *Server) handleCreate(w http.ResponseWriter, r *http.Request, path, typ string) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	s.mu.Lock()
	idx := len(s.creates)
	s.creates = append(s.creates, CreateRequest{
		Path:          path,
		Body:          body,
		Authorization: r.Header.Get("Authorization"),
		ContentType:   r.Header.Get("Content-Type"),
		Time:          s.opts.Now(),
	})
	s.mu.Unlock()
	answered := func(status int) {
		s.mu.Lock()
		s.creates[idx].Status = status
		s.mu.Unlock()
	}

	f, _ := s.next(path)
	// A committing server goes on with its work whether or not the client
	// is still listening; that is what makes a timeout ambiguous.
	s.wait(r, f.Delay, f.Commit)
	if f.Commit {
		status, answer := s.process(r, typ, body)
		switch {
		case f.Drop:
			drop(w)
		case f.Status != 0:
			s.apply(w, f)
			answered(f.Status)
		default:
			answered(status)
			writeJSON(w, status, answer)
		}
		return
	}
	if r.Context().Err() != nil {
		// The client gave up during the delay, before anything was done.
		return
	}
	if s.apply(w, f) {
		if !f.Drop {
			answered(f.Status)
		}
		return
	}
	status, answer := s.process(r, typ, body)
	answered(status)
	writeJSON(w, status, answer)
}

func (s *Server) createdAnswer(typ, id string) (int, any) {
	c := map[string]string{
		"customer_id":      id,
		"tos_policies_url": "https://orchestration.fin.com/orchestration-customer-tos?customer_id=" + id + "&tos_policies_value=" + randomHex(8),
	}
	if typ == TypeBusiness {
		// The vendor documents a bare 201 for businesses.
		if s.opts.WrapBusinessCreated {
			return http.StatusCreated, map[string]any{"data": c}
		}
		return http.StatusCreated, c
	}
	return http.StatusOK, map[string]any{"data": c}
}

// process validates a create request the way the vendor does for the
// cases tests need, and creates the customer when it passes.
func (s *Server) process(r *http.Request, typ string, body []byte) (int, any) {
	if !s.authorized(r) {
		return http.StatusUnauthorized, map[string]string{"message": "Unauthenticated."}
	}
	if typ == TypeBusiness {
		return s.processBusiness(body)
	}
	var in struct {
		VerificationType string `json:"verification_type"`
		BasicInfo        struct {
			Email string `json:"email"`
		} `json:"basic_info"`
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&in); err != nil {
		return http.StatusUnprocessableEntity, map[string]any{
			"message": "The request body is not valid JSON.",
			"errors":  []map[string]string{},
		}
	}
	if in.VerificationType == "RELIANCE" && !s.opts.RelianceEnabled {
		return http.StatusLocked, map[string]string{"message": RelianceMessage}
	}
	if slices.Contains(s.opts.RejectEmails, in.BasicInfo.Email) {
		return http.StatusUnprocessableEntity, map[string]any{
			"message": "The basic info.email has already been taken.",
			"errors": []map[string]string{
				{"basic_info.email": "The basic info.email has already been taken."},
			},
		}
	}
	return s.createdAnswer(TypeIndividual, s.AddCustomer(TypeIndividual, body))
}

// processBusiness answers POST /v2/customers/business as the vendor's
// OpenAPI documents it: 400 {"status", "message", "data": {dotted field:
// message}} for a refusal, 423 for RELIANCE, 201 for a creation. It
// refuses the emails and legal names of the options, an associated party
// younger than 18 on the server's clock, and a missing physical address
// when is_incorporated_address_same is false.
func (s *Server) processBusiness(body []byte) (int, any) {
	var in struct {
		VerificationType string `json:"verification_type"`
		BasicInfo        struct {
			LegalName string `json:"legal_name"`
			Email     string `json:"email"`
		} `json:"basic_info"`
		Addresses struct {
			Same     *bool           `json:"is_incorporated_address_same"`
			Physical json.RawMessage `json:"physical_address"`
		} `json:"addresses"`
		Parties []struct {
			BasicInfo struct {
				DOB string `json:"dob"`
			} `json:"basic_info"`
		} `json:"associated_parties"`
	}
	if err := json.Unmarshal(body, &in); err != nil {
		return http.StatusBadRequest, map[string]any{"status": http.StatusBadRequest, "message": "Malformed JSON request body"}
	}
	if in.VerificationType == "RELIANCE" && !s.opts.RelianceEnabled {
		return http.StatusLocked, map[string]any{"status": http.StatusLocked, "message": RelianceMessage}
	}
	fields := map[string]string{}
	if slices.Contains(s.opts.RejectEmails, in.BasicInfo.Email) {
		fields["basic_info.email"] = "Email has already been taken"
	}
	if slices.Contains(s.opts.RejectLegalNames, in.BasicInfo.LegalName) {
		fields["basic_info.legal_name"] = "Legal name has already been taken"
	}
	if in.Addresses.Same != nil && !*in.Addresses.Same && (len(in.Addresses.Physical) == 0 || string(in.Addresses.Physical) == "null") {
		fields["addresses.physical_address"] = "Required when is_incorporated_address_same is false"
	}
	today := s.opts.Now().UTC()
	for i, p := range in.Parties {
		dob, err := time.Parse(time.DateOnly, p.BasicInfo.DOB)
		if err == nil && dob.AddDate(18, 0, 0).After(today) {
			fields[fmt.Sprintf("associated_parties[%d].basic_info.dob", i)] = UnderAgeMessage
		}
	}
	if len(fields) > 0 {
		return http.StatusBadRequest, map[string]any{"status": http.StatusBadRequest, "message": "Validation failed", "data": fields}
	}
	return s.createdAnswer(TypeBusiness, s.AddCustomer(TypeBusiness, body))
}

// listed is a customer as GET /v2/customers shows it: a few fields of its
// basic_info, read from the body it was created with.
func listed(c Customer) map[string]any {
	var in struct {
		BasicInfo struct {
			FirstName              string `json:"first_name"`
			LastName               string `json:"last_name"`
			LegalName              string `json:"legal_name"`
			Email                  string `json:"email"`
			Phone                  string `json:"phone"`
			CountryOfResidence     string `json:"country_of_residence"`
			CountryOfIncorporation string `json:"country_of_incorporation"`
		} `json:"basic_info"`
	}
	_ = json.Unmarshal(c.Body, &in)
	b := in.BasicInfo
	ts := c.Created.UTC().Format(time.RFC3339)
	out := map[string]any{
		"customer_id":      c.ID,
		"type":             c.Type,
		"email":            b.Email,
		"phone":            b.Phone,
		"customer_status":  "INCOMPLETE",
		"tos_policies_url": "https://orchestration.fin.com/orchestration-customer-tos?customer_id=" + c.ID,
		"created_at":       ts,
		"updated_at":       ts,
	}
	if c.Type == "BUSINESS" {
		out["business_name"] = b.LegalName
		out["country_of_incorporation"] = b.CountryOfIncorporation
	} else {
		out["first_name"] = b.FirstName
		out["last_name"] = b.LastName
		out["country_of_residence"] = b.CountryOfResidence
	}
	return out
}

// handleCustomers lists the customers of one type, newest first, in pages
// no larger than PageCap whatever per_page asks for, as the vendor's
// OpenAPI describes GET /v2/customers.
func (s *Server) handleCustomers(w http.ResponseWriter, r *http.Request) {
	f, _ := s.next(PathCustomers)
	s.wait(r, f.Delay, false)
	if s.apply(w, f) {
		return
	}
	if !s.authorized(r) {
		unauthorized(w)
		return
	}
	q := r.URL.Query()
	typ := q.Get("type")
	if typ != "INDIVIDUAL" && typ != "BUSINESS" {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{
			"message": "The type field is required.",
			"errors":  []map[string]string{{"type": "The selected type is invalid."}},
		})
		return
	}
	perPage, err1 := intParam(q.Get("per_page"), 10)
	page, err2 := intParam(q.Get("current_page"), 1)
	if err1 != nil || err2 != nil || perPage < 1 || perPage > 512 || page < 1 {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"message": "Invalid pagination."})
		return
	}
	perPage = min(perPage, s.opts.PageCap)
	s.mu.Lock()
	var all []Customer
	for i := len(s.customers) - 1; i >= 0; i-- {
		if s.customers[i].Type == typ {
			all = append(all, s.customers[i])
		}
	}
	s.mu.Unlock()
	from := min((page-1)*perPage, len(all))
	to := min(from+perPage, len(all))
	items := make([]map[string]any, 0, to-from)
	for _, c := range all[from:to] {
		items = append(items, listed(c))
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": map[string]any{
		"pagination": map[string]int{
			"current_page": page,
			"per_page":     perPage,
			"total_page":   max(1, (len(all)+perPage-1)/perPage),
			"total":        len(all),
		},
		"customers": items,
	}})
}

func uuid() string {
	h := randomHex(16)
	return h[0:8] + "-" + h[8:12] + "-4" + h[13:16] + "-a" + h[17:20] + "-" + h[20:32]
}
