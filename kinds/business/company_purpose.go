package business

import (
	"strconv"
	"strings"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/rules"
)

const (
	purposeIDPtr      = "/financial_profile/purpose_id"
	purposeRemarksPtr = "/financial_profile/purpose_remarks"
)

// PurposeRemarks reports a purpose of "Other" without purpose_remarks.
var PurposeRemarks = &rules.Rule{
	ID:       "purpose-remarks",
	Title:    "purpose_remarks is required when the purpose is other",
	Severity: rules.Error,
	Kinds:    []string{"business-v2"},
	Source:   "vendor OpenAPI (financial_profile.purpose_remarks: required if purpose represents \"Other\"); SPEC-business semantic rule 8",
	Doc: `When financial_profile.purpose_id is the business purpose whose catalogue
title is "Other" (or begins with "Other", such as "Other (please
specify)"), the vendor requires financial_profile.purpose_remarks to say
what the account is for. A missing, empty or white-space-only value is
reported, at purpose_remarks' own pointer.

The title is looked up in the business purposes catalogue cached by
"finlint refcache refresh" (GET /v1/purposes?type=BUSINESS), compared
ignoring letter case. With no catalogue cached, or an id that is not in it
(reference-id reports that), nothing is checked here. Describe the purpose,
or pick the catalogue purpose that fits.`,
	Bad:  rules.Example{Patch: `{"financial_profile": {"purpose_id": 10, "purpose_remarks": null}}`},
	Good: rules.Example{Patch: `{"financial_profile": {"purpose_id": 10, "purpose_remarks": "Paying overseas contractors"}}`},
	Run: func(p *rules.Pass) {
		if p.Catalogues == nil {
			return
		}
		id, ok := coWholeNumber(p.Lookup(purposeIDPtr))
		if !ok {
			return
		}
		items, ok := p.Catalogues.Items(rules.PurposesBusiness)
		if !ok {
			return
		}
		title, found := "", false
		for _, it := range items {
			if it.ID == id {
				title, found = it.Title, true
				break
			}
		}
		if !found || !strings.HasPrefix(strings.ToLower(strings.TrimSpace(title)), "other") {
			return
		}
		why := "; the API requires it when the purpose is " + strconv.Quote(title) + " (purpose_id " + strconv.FormatInt(id, 10) + ")"
		switch v := p.Lookup(purposeRemarksPtr); {
		case v == nil:
			if fp := p.Lookup("/financial_profile"); fp != nil && fp.Kind == jsondoc.Object {
				p.Reportf(purposeRemarksPtr, "purpose_remarks is missing"+why)
			}
		case v.Kind == jsondoc.String && coBlank(v.Str):
			p.Reportf(purposeRemarksPtr, "purpose_remarks is blank"+why)
		}
	},
}
