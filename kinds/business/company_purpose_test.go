package business

import (
	"testing"

	"github.com/finlint/finlint/rules"
)

// coPurposeCatalogues has business purposes whose titles begin with "Other".
type coPurposeCatalogues struct{}

func (coPurposeCatalogues) Items(name string) ([]rules.RefItem, bool) {
	if name != rules.PurposesBusiness {
		return nil, false
	}
	return []rules.RefItem{{ID: 3, Title: "Cross-border B2B payments"}, {ID: 11, Title: " others (please specify)"}, {ID: 12, Title: "Payroll"}}, true
}

func TestPurposeRemarks(t *testing.T) {
	const why = `; the API requires it when the purpose is "Other" (purpose_id 10)`
	coExpect(t, PurposeRemarks, runPatch(t, PurposeRemarks, `{"financial_profile": {"purpose_id": 10, "purpose_remarks": null}}`),
		coFinding{Path: purposeRemarksPtr, Message: "purpose_remarks is missing" + why})
	coExpect(t, PurposeRemarks, runPatch(t, PurposeRemarks, `{"financial_profile": {"purpose_id": 1e1, "purpose_remarks": " \u2003 "}}`),
		coFinding{Path: purposeRemarksPtr, Message: "purpose_remarks is blank" + why})
	withPurposes := func(p *rules.Pass) { p.Catalogues = coPurposeCatalogues{} }
	coExpect(t, PurposeRemarks, runPatch(t, PurposeRemarks, `{"financial_profile": {"purpose_id": 11.0, "purpose_remarks": ""}}`, withPurposes),
		coFinding{Path: purposeRemarksPtr, Message: `purpose_remarks is blank; the API requires it when the purpose is " others (please specify)" (purpose_id 11)`})
	for _, ok := range []string{
		`{"financial_profile": {"purpose_id": 10}}`,                          // the reference payload has remarks
		`{"financial_profile": {"purpose_remarks": null}}`,                   // purpose 3 is not Other
		`{"financial_profile": {"purpose_id": 99, "purpose_remarks": null}}`, // unknown: reference-id's
		`{"financial_profile": {"purpose_id": "10", "purpose_remarks": null}}`,
		`{"financial_profile": {"purpose_id": 10, "purpose_remarks": 5}}`, // a type error: the schema's
	} {
		coExpect(t, PurposeRemarks, runPatch(t, PurposeRemarks, ok))
	}
	coExpect(t, PurposeRemarks, runPatch(t, PurposeRemarks, `{"financial_profile": {"purpose_id": 12, "purpose_remarks": null}}`, withPurposes))
	// No catalogue: nothing to go by.
	coExpect(t, PurposeRemarks, runPatch(t, PurposeRemarks, `{"financial_profile": {"purpose_id": 10, "purpose_remarks": null}}`, coNoCatalogues))
	coExpect(t, PurposeRemarks, runPatch(t, PurposeRemarks, `{"financial_profile": {"purpose_id": 10, "purpose_remarks": null}}`,
		func(p *rules.Pass) { p.Catalogues = coEmptyCatalogues{} }))
}

type coEmptyCatalogues struct{}

func (coEmptyCatalogues) Items(string) ([]rules.RefItem, bool) { return nil, false }
