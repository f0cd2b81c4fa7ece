package finapi

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Lister lists the customers of one type; *Client is one.
type Lister interface {
	Customers(ctx context.Context, typ string) ([]ListedCustomer, error)
}

// Settlement is what Reconcile did with one unsettled payload.
type Settlement struct {
	Entry Entry
	// Status is StatusCreated or StatusAbsent when the journal now says
	// so, or StatusUnknown when it could not be settled (Note says why).
	Status     Status
	CustomerID string
	Note       string
}

// listAttempts is how often a customer scan whose pages do not add up is
// tried again before giving up.
const listAttempts = 3

// Reconcile settles every unsettled payload of j (pending with no outcome,
// or unknown) by looking its customer up in the API's customer list: one
// customer matching its recorded fields is recorded created with that id;
// none at all, once every page was read and the pages added up, is
// recorded absent. Several matches are left unknown for a person to
// settle with the candidate ids in the note, as is a payload whose kind
// cannot be looked up or whose journal line carries no match fields.
//
// The error is set when a list could not be read in full; the
// settlements made before it are returned with it.
func Reconcile(ctx context.Context, api Lister, j *Journal) ([]Settlement, error) {
	var todo []Entry
	for _, e := range j.Entries() {
		if e.Status.Unsettled() {
			todo = append(todo, e)
		}
	}
	lists := map[string][]ListedCustomer{}
	var out []Settlement
	for _, e := range todo {
		s := Settlement{Entry: e, Status: StatusUnknown}
		kind := e.Kind
		if kind == "" {
			// Journals from before the kind was recorded only ever held
			// individual payloads.
			kind = KindIndividualV2
		}
		m, err := matcherFor(kind)
		switch {
		case err != nil:
			s.Note = err.Error() + "; settle it with finlint journal resolve"
		case e.Match == nil || !m.enough(*e.Match):
			s.Note = "the journal holds no fields to look it up by; settle it with finlint journal resolve"
		}
		if s.Note != "" {
			out = append(out, s)
			continue
		}
		list, ok := lists[m.customerType]
		if !ok {
			if list, err = scan(ctx, api, m.customerType); err != nil {
				return out, err
			}
			lists[m.customerType] = list
		}
		var found []ListedCustomer
		for _, c := range list {
			if m.matches(*e.Match, c) {
				found = append(found, c)
			}
		}
		var rec Entry
		switch len(found) {
		case 0:
			rec = Entry{Status: StatusAbsent, Via: "reconcile",
				Reason: fmt.Sprintf("no customer among the %d listed has the same %s", len(list), m.describe)}
		case 1:
			rec = Entry{Status: StatusCreated, Via: "reconcile", CustomerID: found[0].CustomerID, TosPoliciesURL: found[0].TosPoliciesURL,
				Reason: "found by " + m.describe}
		default:
			ids := make([]string, len(found))
			for i, c := range found {
				ids[i] = c.CustomerID
			}
			s.Note = fmt.Sprintf("%d customers have the same %s (%s); settle it with finlint journal resolve", len(found), m.describe, strings.Join(ids, ", "))
			out = append(out, s)
			continue
		}
		if err := j.Outcome(e.Key, rec); err != nil {
			return out, err
		}
		s.Status, s.CustomerID, s.Note = rec.Status, rec.CustomerID, rec.Reason
		out = append(out, s)
	}
	return out, nil
}

func scan(ctx context.Context, api Lister, typ string) ([]ListedCustomer, error) {
	var err error
	for range listAttempts {
		var list []ListedCustomer
		if list, err = api.Customers(ctx, typ); err == nil {
			return list, nil
		}
		if !errors.Is(err, ErrPagination) {
			break
		}
		// The list changed under the scan; a moment later it may not.
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
	return nil, err
}
