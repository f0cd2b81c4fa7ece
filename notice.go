package finlint

import (
	"slices"
	"strings"
	"sync/atomic"

	"github.com/finlint/finlint/kind"
	"github.com/finlint/finlint/rules"
)

// Notice is a run-level message: something true of a whole run, said once
// instead of on every payload it touches.
type Notice struct {
	// ID names what the notice is about: "reference-catalogue" when
	// reference ids went unchecked because a catalogue is not cached.
	ID string `json:"id"`
	// Kind is the payload kind the notice is about, if any.
	Kind    string `json:"kind,omitempty"`
	Message string `json:"message"`
}

// uncheckedRefs is, for one kind, the catalogues its reference ids need and
// that are not available, and whether a payload of the kind has been
// linted.
type uncheckedRefs struct {
	kind    *kind.Kind
	missing []string // catalogue titles, in the kind's order
	seen    atomic.Bool
}

// planNotices finds, for every kind, the catalogues it needs that the
// options do not provide. Nothing is noted when reference-id is off: then
// no id would have been checked anyway.
func (l *Linter) planNotices() {
	if r := rules.Lookup(l.list, rules.ReferenceID.ID); r == nil || l.SeverityOf(r) == rules.Off {
		return
	}
	for _, k := range l.kinds {
		u := &uncheckedRefs{kind: k}
		for _, ref := range k.Roles.References {
			if l.opts.Catalogues != nil {
				if _, ok := l.opts.Catalogues.Items(ref.Catalogue); ok {
					continue
				}
			}
			if t := rules.CatalogueTitle(ref.Catalogue); !slices.Contains(u.missing, t) {
				u.missing = append(u.missing, t)
			}
		}
		if len(u.missing) > 0 {
			l.unchecked = append(l.unchecked, u)
		}
	}
}

// noteKind records that a payload of kind k was linted.
func (l *Linter) noteKind(k *kind.Kind) {
	for _, u := range l.unchecked {
		if u.kind == k {
			if !u.seen.Load() {
				u.seen.Store(true)
			}
			return
		}
	}
}

// Notices returns the run-level notices of what the linter has linted so
// far: for each kind linted whose reference catalogues are not all
// available, one notice that its reference ids were not checked against
// them. Ask at the end of a run; the list only grows.
func (l *Linter) Notices() []Notice {
	var out []Notice
	for _, u := range l.unchecked {
		if !u.seen.Load() {
			continue
		}
		noun := "catalogue is"
		if len(u.missing) > 1 {
			noun = "catalogues are"
		}
		out = append(out, Notice{
			ID:      rules.ReferenceCatalogue.ID,
			Kind:    u.kind.Name,
			Message: u.kind.Name + " reference ids were not checked: the " + joinAnd(u.missing) + " " + noun + " not cached",
		})
	}
	return out
}

// joinAnd joins words as an English list: "a", "a and b", "a, b and c".
func joinAnd(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
