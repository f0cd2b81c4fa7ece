package finapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode"
)

// PathCustomers lists the customers of the client.
const PathCustomers = "/v2/customers"

// The customer types of GET /v2/customers.
const (
	TypeIndividual = "INDIVIDUAL"
	TypeBusiness   = "BUSINESS"
)

// ListedCustomer is one customer as GET /v2/customers lists it.
type ListedCustomer struct {
	CustomerID     string `json:"customer_id"`
	Type           string `json:"type"`
	FirstName      string `json:"first_name"`
	LastName       string `json:"last_name"`
	BusinessName   string `json:"business_name"`
	Email          string `json:"email"`
	Phone          string `json:"phone"`
	TosPoliciesURL string `json:"tos_policies_url"`
	CreatedAt      string `json:"created_at"`
}

// Customers downloads every page of GET /v2/customers?type=typ.
//
// A customer the scan misses would be recorded absent and might be created
// again, so the pages must add up: the announced total may not change
// between pages, and the distinct customers seen must be exactly that
// total. Otherwise (customers were created or removed while paging, which
// shifts the pages) the error wraps ErrPagination and the caller should
// try again.
func (c *Client) Customers(ctx context.Context, typ string) ([]ListedCustomer, error) {
	var all []ListedCustomer
	seen := map[string]bool{}
	total := -1
	for page := 1; ; page++ {
		if page > maxPages {
			return nil, fmt.Errorf("customers: %w: more than %d pages", ErrPagination, maxPages)
		}
		q := url.Values{"type": {typ}, "per_page": {strconv.Itoa(pageSize)}, "current_page": {strconv.Itoa(page)}}
		body, err := c.get(ctx, PathCustomers, q)
		if err != nil {
			return nil, fmt.Errorf("customers page %d: %w", page, err)
		}
		var env struct {
			Data *struct {
				Pagination *pagination      `json:"pagination"`
				Customers  []ListedCustomer `json:"customers"`
			} `json:"data"`
		}
		if err := json.Unmarshal(body, &env); err != nil {
			return nil, fmt.Errorf("customers page %d: answer is not a customer page: %w", page, err)
		}
		if env.Data == nil || env.Data.Pagination == nil {
			// Without the total, "every page was read" cannot be known.
			return nil, fmt.Errorf("customers page %d: answer is not a customer page: no pagination", page)
		}
		pg := env.Data.Pagination
		if pg.CurrentPage != 0 && pg.CurrentPage != page {
			return nil, fmt.Errorf("customers: %w: asked for page %d, got page %d", ErrPagination, page, pg.CurrentPage)
		}
		if total >= 0 && pg.Total != total {
			return nil, fmt.Errorf("customers: %w: the total changed from %d to %d while paging", ErrPagination, total, pg.Total)
		}
		total = pg.Total
		for _, cu := range env.Data.Customers {
			if cu.CustomerID == "" {
				return nil, fmt.Errorf("customers page %d: a customer without customer_id", page)
			}
			if !seen[cu.CustomerID] {
				seen[cu.CustomerID] = true
				all = append(all, cu)
			}
		}
		if len(all) > total {
			return nil, fmt.Errorf("customers: %w: %d customers listed of %d announced", ErrPagination, len(all), total)
		}
		if len(all) == total {
			return all, nil
		}
		if len(env.Data.Customers) == 0 || (pg.TotalPage > 0 && page >= pg.TotalPage) {
			return nil, fmt.Errorf("customers: %w: %d customers listed of %d announced", ErrPagination, len(all), total)
		}
	}
}

// Match holds the fields of a payload that identify its customer in GET
// /v2/customers. Which fields are set depends on the payload kind; tax ids
// are never among them.
type Match struct {
	Email     string `json:"email,omitempty"`
	FirstName string `json:"first_name,omitempty"`
	LastName  string `json:"last_name,omitempty"`
	Phone     string `json:"phone,omitempty"`
	LegalName string `json:"legal_name,omitempty"`
}

// ErrNoMatcher means finlint does not know how to look up customers of a
// payload kind.
var ErrNoMatcher = errors.New("no way to look up customers of this kind")

// matcher finds the customer a payload of one kind created.
type matcher struct {
	// customerType is the type GET /v2/customers lists them under.
	customerType string
	// fields reads the identifying fields out of a payload.
	fields func(basicInfo map[string]json.RawMessage) Match
	// enough reports whether m identifies a customer at all.
	enough func(m Match) bool
	// matches compares a listed customer with m.
	matches func(m Match, c ListedCustomer) bool
	// describe names the fields compared, for reports.
	describe string
}

func matcherFor(kind string) (matcher, error) {
	switch kind {
	case KindIndividualV2:
		// The list shows no date of birth or document, so a person is the
		// combination of email, names and phone: two people rarely share
		// all four, and the vendor refuses a second customer with the same
		// email anyway.
		return matcher{
			customerType: TypeIndividual,
			fields: func(b map[string]json.RawMessage) Match {
				return Match{Email: str(b["email"]), FirstName: str(b["first_name"]), LastName: str(b["last_name"]), Phone: str(b["phone"])}
			},
			enough: func(m Match) bool { return m.Email != "" && m.FirstName != "" && m.LastName != "" },
			matches: func(m Match, c ListedCustomer) bool {
				return strings.EqualFold(c.Type, TypeIndividual) &&
					sameEmail(m.Email, c.Email) && sameName(m.FirstName, c.FirstName) &&
					sameName(m.LastName, c.LastName) && samePhone(m.Phone, c.Phone)
			},
			describe: "email, first and last name and phone",
		}, nil
	case KindBusinessV2:
		return matcher{
			customerType: TypeBusiness,
			fields: func(b map[string]json.RawMessage) Match {
				return Match{LegalName: str(b["legal_name"]), Email: str(b["email"])}
			},
			enough: func(m Match) bool { return m.Email != "" && m.LegalName != "" },
			matches: func(m Match, c ListedCustomer) bool {
				return strings.EqualFold(c.Type, TypeBusiness) &&
					sameName(m.LegalName, c.BusinessName) && sameEmail(m.Email, c.Email)
			},
			describe: "legal name and email",
		}, nil
	}
	return matcher{}, fmt.Errorf("%w: %q", ErrNoMatcher, kind)
}

// MatchFields reads the fields reconcile needs to find the customer a
// payload of kind creates. A payload without them (it would not pass the
// linter) gives a Match that finds nothing, not an error; an unknown kind
// is an error wrapping ErrNoMatcher.
func MatchFields(kind string, body []byte) (*Match, error) {
	m, err := matcherFor(kind)
	if err != nil {
		return nil, err
	}
	var doc struct {
		BasicInfo map[string]json.RawMessage `json:"basic_info"`
	}
	_ = json.Unmarshal(body, &doc)
	f := m.fields(doc.BasicInfo)
	return &f, nil
}

func str(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return strings.TrimSpace(s)
}

func sameEmail(a, b string) bool {
	return a != "" && strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

// sameName compares names as people read them: case and runs of spaces
// do not matter.
func sameName(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	return len(fa) > 0 && strings.EqualFold(strings.Join(fa, " "), strings.Join(fb, " "))
}

// samePhone compares the digits only, since the vendor may store
// "+1 415-555-2671" as "+14155552671". A payload without a phone matches
// on the other fields alone.
func samePhone(a, b string) bool {
	digits := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return r
			}
			return -1
		}, s)
	}
	return digits(a) == "" || digits(a) == digits(b)
}
