package rules

import (
	"fmt"
	"slices"
	"strings"
)

// Run runs every rule of list that applies to the pass's kind over the pass
// at the severity sev returns for it; a rule at Off is skipped. A rule that panics does not take the others
// down: its panic becomes an error finding at the root.
func Run(p *Pass, list []*Rule, sev func(*Rule) Severity) {
	// One copy of the pass and one budget serve every rule in turn: a
	// copy per rule was a tenth of the allocations of a clean payload.
	q := *p
	b := &budget{}
	for _, r := range list {
		s := r.Severity
		if sev != nil {
			s = sev(r)
		}
		if s == Off || r.Run == nil || !r.AppliesTo(p.Kind) {
			continue
		}
		q.rule, q.severity = r, s
		*b = budget{}
		runOne(&q, r, b)
	}
}

func runOne(p *Pass, r *Rule, b *budget) {
	p.budget = b
	defer func() {
		p.budget = nil
		if v := recover(); v != nil {
			p.Report(Finding{Path: "", Message: fmt.Sprintf("internal error in rule %s: %v; please report it", r.ID, v)})
		}
		if b.dropped > 0 {
			p.Report(Finding{Path: "", Message: fmt.Sprintf("%d more findings of %s in this payload are not shown", b.dropped, r.ID)})
		}
	}()
	r.Run(p)
}

// Lookup returns the rule with id from list, or nil.
func Lookup(list []*Rule, id string) *Rule {
	for _, r := range list {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Sort orders findings by line, column, path, rule and message, so that
// output never depends on the order rules ran in.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		switch {
		case a.Line != b.Line:
			return a.Line - b.Line
		case a.Column != b.Column:
			return a.Column - b.Column
		}
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		if c := strings.Compare(a.Rule, b.Rule); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
}
