package refcache

import (
	"slices"
	"time"

	"github.com/finlint/finlint/rules"
)

// DefaultTTL is how long a fetched catalogue is trusted before lint
// refreshes it.
const DefaultTTL = 24 * time.Hour

// futureSlack tolerates small clock differences between processes sharing a
// cache; a fetch time further ahead than this means a clock was wrong, and
// the age of such a catalogue is meaningless.
const futureSlack = 5 * time.Minute

type catalogue struct {
	items     []rules.RefItem
	fetchedAt time.Time
}

// Snapshot is the cache of one base URL as read at one moment. It is
// immutable and safe to share between goroutines; it implements
// rules.Catalogues.
type Snapshot struct {
	base string
	cats map[string]catalogue
}

// Items returns a catalogue's entries sorted by ID, and false when the
// catalogue is not cached. The slice is shared: callers must not modify it.
func (s *Snapshot) Items(name string) ([]rules.RefItem, bool) {
	if s == nil {
		return nil, false
	}
	c, ok := s.cats[name]
	if !ok {
		return nil, false
	}
	return slices.Clip(c.items), true
}

var _ rules.Catalogues = (*Snapshot)(nil)

// BaseURL returns the normalised base URL the snapshot belongs to.
func (s *Snapshot) BaseURL() string {
	if s == nil {
		return ""
	}
	return s.base
}

// Empty reports whether no catalogue at all is cached.
func (s *Snapshot) Empty() bool { return s == nil || len(s.cats) == 0 }

// Stale reports whether the snapshot needs a refresh at time now: a
// catalogue is missing, older than ttl, or stamped implausibly far in the
// future (a clock was wrong, so its age cannot be judged).
func (s *Snapshot) Stale(ttl time.Duration, now time.Time) bool {
	if s == nil {
		return true
	}
	for _, name := range Names() {
		c, ok := s.cats[name]
		if !ok {
			return true
		}
		age := now.Sub(c.fetchedAt)
		if age > ttl || age < -futureSlack {
			return true
		}
	}
	return false
}

// CatalogueStatus describes one cached catalogue for `finlint refcache
// status`. Present is false, and the other fields zero, when the catalogue
// is not cached.
type CatalogueStatus struct {
	Name      string
	Present   bool
	Count     int
	FetchedAt time.Time
	Age       time.Duration
}

// Status describes every catalogue, in the order of Names, with ages
// measured at now.
func (s *Snapshot) Status(now time.Time) []CatalogueStatus {
	out := make([]CatalogueStatus, 0, len(Names()))
	for _, name := range Names() {
		st := CatalogueStatus{Name: name}
		if s != nil {
			if c, ok := s.cats[name]; ok {
				st.Present = true
				st.Count = len(c.items)
				st.FetchedAt = c.fetchedAt
				st.Age = now.Sub(c.fetchedAt)
			}
		}
		out = append(out, st)
	}
	return out
}
