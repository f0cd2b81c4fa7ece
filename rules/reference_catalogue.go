package rules

import (
	"slices"
	"strings"
)

// ReferenceCatalogue reports, once per payload, that reference ids went
// unchecked because their catalogue is not cached. It is off by default:
// the linter's run-level notice (finlint.Linter.Notices) says the same once
// per run.
var ReferenceCatalogue = &Rule{
	ID:       "reference-catalogue",
	Title:    "reference ids are checked only against cached catalogues",
	Severity: Off,
	Source:   "SPEC semantic rule 7; CONTRACT reference cache",
	Doc: `occupation_id, purpose_id and source_of_fund_ids are checked by
reference-id against the vendor's catalogues, which finlint never embeds:
they differ between sandbox and production and change over time. When a
catalogue the payload needs is not in the local cache, its ids cannot be
checked. That is not a fault of the payload, and it is true of every
payload of the run alike, so by default finlint says it once per run: one
notice on standard error (and in the top-level "notices" of the json and
ndjson formats, in SARIF's tool notifications, as a GitHub notice). Turn
this rule on (--rule reference-catalogue=info) to have it said on each
payload instead, as a finding at financial_profile.

In a business payload they are purpose_id, source_of_fund_ids and
source_of_wealth_ids, in the catalogues for businesses.

To fetch the catalogues, set FIN_CLIENT_ID and FIN_CLIENT_SECRET (and
FIN_BASE_URL for the environment you send to) and run
"finlint refcache refresh"; lint then refreshes them itself when they are
older than the cache TTL, unless --offline.

The failing example runs with no catalogue cached, the fixed one with all
three; the rule is shown turned on.`,
	Bad:  Example{Patch: `{}`, NoCatalogues: true},
	Good: Example{Patch: `{}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{}`, NoCatalogues: true},
		Good: Example{Patch: `{}`},
	}},
	Run: func(p *Pass) {
		var fields, missing []string
		for _, t := range referenceTargets(p) {
			if p.Catalogues != nil {
				if _, ok := p.Catalogues.Items(t.catalogue); ok {
					continue
				}
			}
			f := field(t.ptr)
			if t.list {
				f = field(parentPointer(t.ptr))
			}
			if !slices.Contains(fields, f) {
				fields = append(fields, f)
			}
			if c := CatalogueTitle(t.catalogue); !slices.Contains(missing, c) {
				missing = append(missing, c)
			}
		}
		if len(fields) == 0 {
			return
		}
		verb, noun := "was", "catalogue is"
		if len(fields) > 1 {
			verb = "were"
		}
		if len(missing) > 1 {
			noun = "catalogues are"
		}
		p.Reportf("/financial_profile", refJoinAnd(fields)+" "+verb+" not checked: the "+refJoinAnd(missing)+" "+noun+
			" not cached")
	},
}

// refJoinAnd joins words as an English list: "a", "a and b", "a, b and c".
func refJoinAnd(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
