package finapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/finlint/finlint/rules"
)

// pageSize is what the client asks for; the server may hand out less.
const pageSize = 100

// maxPages stops a server that never runs out of pages.
const maxPages = 1000

// ErrPagination marks a catalogue whose pages do not add up: the server
// repeats a page, answers another page than asked, or lists fewer entries
// than it announced.
var ErrPagination = errors.New("inconsistent catalogue pages")

// catalogueEndpoint says where a catalogue is listed: its path, the key of
// its entries in the answer's data, and the customer type it is asked for
// with (none for an untyped catalogue).
type catalogueEndpoint struct {
	path string
	key  string
	typ  string
}

func endpointFor(name string) (catalogueEndpoint, bool) {
	switch name {
	case rules.Occupations:
		return catalogueEndpoint{PathOccupations, "occupations", ""}, true
	case rules.PurposesIndividual:
		return catalogueEndpoint{PathPurposes, "purposes", TypeIndividual}, true
	case rules.PurposesBusiness:
		return catalogueEndpoint{PathPurposes, "purposes", TypeBusiness}, true
	case rules.SourceOfFundsIndividual:
		return catalogueEndpoint{PathSourceOfFunds, "source_of_funds", TypeIndividual}, true
	case rules.SourceOfFundsBusiness:
		return catalogueEndpoint{PathSourceOfFunds, "source_of_funds", TypeBusiness}, true
	case rules.SourceOfWealthBusiness:
		return catalogueEndpoint{PathSourceOfWealth, "source_of_wealth", TypeBusiness}, true
	}
	return catalogueEndpoint{}, false
}

type pagination struct {
	CurrentPage int `json:"current_page"`
	PerPage     int `json:"per_page"`
	TotalPage   int `json:"total_page"`
	Total       int `json:"total"`
}

// Fetch downloads every page of the catalogue name, one of the catalogue
// ids of package rules: rules.Occupations (GET /v1/occupations),
// rules.PurposesIndividual and rules.PurposesBusiness (GET /v1/purposes
// with type INDIVIDUAL or BUSINESS), rules.SourceOfFundsIndividual and
// rules.SourceOfFundsBusiness (GET /v1/source-of-funds), and
// rules.SourceOfWealthBusiness (GET /v1/source-of-wealth?type=BUSINESS). No page
// is trusted to be the last because of its size: the server may hand out
// fewer entries than asked for. Paging goes on until the announced total is
// reached, or, without one, until the announced page count is reached or a
// page comes back empty.
func (c *Client) Fetch(ctx context.Context, name string) ([]rules.RefItem, error) {
	ep, ok := endpointFor(name)
	if !ok {
		return nil, fmt.Errorf("unknown catalogue %q", name)
	}
	var all []rules.RefItem
	seen := map[int64]bool{}
	total := 0
	for page := 1; ; page++ {
		if page > maxPages {
			return nil, fmt.Errorf("%s: %w: more than %d pages", name, ErrPagination, maxPages)
		}
		q := url.Values{"per_page": {strconv.Itoa(pageSize)}, "current_page": {strconv.Itoa(page)}}
		if ep.typ != "" {
			q.Set("type", ep.typ)
		}
		body, err := c.get(ctx, ep.path, q)
		if err != nil {
			return nil, fmt.Errorf("%s page %d: %w", name, page, err)
		}
		pg, items, err := decodePage(body, ep.key)
		if err != nil {
			return nil, fmt.Errorf("%s page %d: %w", name, page, err)
		}
		if pg.CurrentPage != 0 && pg.CurrentPage != page {
			return nil, fmt.Errorf("%s: %w: asked for page %d, got page %d", name, ErrPagination, page, pg.CurrentPage)
		}
		if pg.Total > 0 {
			total = pg.Total
		}
		if len(items) == 0 {
			break
		}
		fresh := 0
		for _, it := range items {
			if !seen[it.ID] {
				fresh++
				seen[it.ID] = true
			}
		}
		if fresh == 0 {
			return nil, fmt.Errorf("%s: %w: page %d repeats earlier entries", name, ErrPagination, page)
		}
		all = append(all, items...)
		if total > 0 && len(all) >= total {
			break
		}
		if total == 0 && pg.TotalPage > 0 && page >= pg.TotalPage {
			break
		}
	}
	if total > 0 && len(all) < total {
		return nil, fmt.Errorf("%s: %w: %d entries listed of %d announced", name, ErrPagination, len(all), total)
	}
	return all, nil
}

func decodePage(body []byte, key string) (pagination, []rules.RefItem, error) {
	var envelope struct {
		Data map[string]json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &envelope); err != nil {
		return pagination{}, nil, fmt.Errorf("answer is not a catalogue page: %w", err)
	}
	if envelope.Data == nil {
		return pagination{}, nil, errors.New(`answer is not a catalogue page: no "data"`)
	}
	var pg pagination
	if raw, ok := envelope.Data["pagination"]; ok {
		if err := json.Unmarshal(raw, &pg); err != nil {
			return pagination{}, nil, fmt.Errorf("pagination: %w", err)
		}
	}
	var items []rules.RefItem
	if raw, ok := envelope.Data[key]; ok {
		if err := json.Unmarshal(raw, &items); err != nil {
			return pagination{}, nil, fmt.Errorf("%s: %w", key, err)
		}
	}
	return pg, items, nil
}

// get performs an authenticated GET, retried as reads may be, and returns
// the body of a 2xx answer.
func (c *Client) get(ctx context.Context, path string, q url.Values) ([]byte, error) {
	a, err := c.authed(ctx, readRetryable, func(tok string) answer {
		return c.send(ctx, http.MethodGet, path, q, nil, tok)
	})
	switch {
	case err != nil:
		return nil, fmt.Errorf("GET %s: %w", path, err)
	case a.err != nil:
		return nil, fmt.Errorf("GET %s: %w", path, a.err)
	case a.status < 200 || a.status > 299:
		return nil, c.statusError(http.MethodGet, path, a)
	}
	return a.body, nil
}
