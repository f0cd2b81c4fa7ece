package business

import (
	"encoding/json"
	"math/big"
	"strconv"
	"testing"

	"github.com/finlint/finlint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withShares sets the first party's share and adds the corporate
// shareholders' shares, all given as JSON number literals.
func withShares(t *testing.T, party0 string, corporate ...string) string {
	return editReference(t, func(doc map[string]any) {
		party(doc, 0)["ownership_info"].(map[string]any)["percentage_of_ownership"] = json.Number(party0)
		var cs []any
		for i, c := range corporate {
			cs = append(cs, map[string]any{
				"entity_name":               "Holding " + strconv.Itoa(i),
				"entity_name_en":            "Holding " + strconv.Itoa(i),
				"registration_country_code": "USA",
				"ownership_percentage":      json.Number(c),
			})
		}
		if cs != nil {
			doc["holding_structure"] = map[string]any{"has_material_intermediary_ownership": true, "corporate_shareholders": cs}
		}
	})
}

func runBoth(t *testing.T, in string) (over, exactly []rules.Finding) {
	return runRule(t, OwnershipOver100, in), runRule(t, OwnershipExactly100, in)
}

func TestOwnershipOver100(t *testing.T) {
	over, exactly := runBoth(t, withShares(t, "75", "40"))
	assert.Empty(t, exactly)
	f := one(t, OwnershipOver100, over)
	assert.Equal(t, rules.Error, f.Severity)
	assert.Equal(t, "/holding_structure/corporate_shareholders/0/ownership_percentage", f.Path)
	assert.Equal(t, "corporate_shareholders[0].ownership_percentage takes the total ownership to 115, over 100 (associated_parties[0] 75 + corporate_shareholders[0] 40)", f.Message)

	// The share that takes it over is reported, not the last one.
	over, _ = runBoth(t, withShares(t, "75", "20", "10", "0"))
	f = one(t, OwnershipOver100, over)
	assert.Equal(t, "/holding_structure/corporate_shareholders/1/ownership_percentage", f.Path)
	assert.Equal(t, "corporate_shareholders[1].ownership_percentage takes the total ownership to 105, over 100 (associated_parties[0] 75 + corporate_shareholders[0] 20 + corporate_shareholders[1] 10 + corporate_shareholders[2] 0)", f.Message)

	// One share over the maximum is over 100 on its own.
	over, _ = runBoth(t, withShares(t, "120"))
	f = one(t, OwnershipOver100, over)
	assert.Equal(t, "/associated_parties/0/ownership_info/percentage_of_ownership", f.Path)
	assert.Equal(t, "associated_parties[0].ownership_info.percentage_of_ownership takes the total ownership to 120, over 100 (associated_parties[0] 120)", f.Message)

	// Decimals are exact.
	over, exactly = runBoth(t, withShares(t, "33.333", "66.6675"))
	assert.Empty(t, exactly)
	assert.Contains(t, one(t, OwnershipOver100, over).Message, "to 100.0005, over 100 (associated_parties[0] 33.333 + corporate_shareholders[0] 66.6675)")

	over, exactly = runBoth(t, withShares(t, "75", "24.99999999999999999"))
	assert.Empty(t, over)
	assert.Empty(t, exactly)
}

func TestOwnershipExactly100(t *testing.T) {
	over, exactly := runBoth(t, withShares(t, "75", "25"))
	assert.Empty(t, over)
	f := one(t, OwnershipExactly100, exactly)
	assert.Equal(t, rules.Warning, f.Severity)
	assert.Equal(t, "/holding_structure/corporate_shareholders/0/ownership_percentage", f.Path)
	assert.Equal(t, "corporate_shareholders[0].ownership_percentage brings the total ownership to exactly 100 (associated_parties[0] 75 + corporate_shareholders[0] 25); the vendor asks for less than 100", f.Message)

	// 0.1 + 0.2 + 99.7 is 100 exactly, though not in binary floating point.
	over, exactly = runBoth(t, withShares(t, "0.1", "0.2", "99.7"))
	assert.Empty(t, over)
	assert.Equal(t, "/holding_structure/corporate_shareholders/1/ownership_percentage", one(t, OwnershipExactly100, exactly).Path)

	// The vendor's example: 60 + 40 and a corporate shareholder of 0. The
	// share that makes 100 is the 40; exponents and trailing zeros count.
	in := editReference(t, func(doc map[string]any) {
		party(doc, 0)["ownership_info"].(map[string]any)["percentage_of_ownership"] = json.Number("6.0e1")
		secondParty(t, doc)["ownership_info"].(map[string]any)["percentage_of_ownership"] = json.Number("40.00")
		doc["holding_structure"] = map[string]any{"corporate_shareholders": []any{map[string]any{"ownership_percentage": json.Number("0")}}}
	})
	over, exactly = runBoth(t, in)
	assert.Empty(t, over)
	f = one(t, OwnershipExactly100, exactly)
	assert.Equal(t, "/associated_parties/1/ownership_info/percentage_of_ownership", f.Path)
	assert.Equal(t, "associated_parties[1].ownership_info.percentage_of_ownership brings the total ownership to exactly 100 (associated_parties[0] 6.0e1 + associated_parties[1] 40.00 + corporate_shareholders[0] 0); the vendor asks for less than 100", f.Message)
}

func TestOwnershipListsAtMostTenShares(t *testing.T) {
	in := editReference(t, func(doc map[string]any) {
		party(doc, 0)["ownership_info"].(map[string]any)["percentage_of_ownership"] = json.Number("10")
		var cs []any
		for range 11 {
			cs = append(cs, map[string]any{"ownership_percentage": json.Number("10")})
		}
		doc["holding_structure"] = map[string]any{"corporate_shareholders": cs}
	})
	f := one(t, OwnershipOver100, runRule(t, OwnershipOver100, in))
	assert.Equal(t, "/holding_structure/corporate_shareholders/9/ownership_percentage", f.Path)
	assert.Equal(t, "corporate_shareholders[9].ownership_percentage takes the total ownership to 120, over 100 (associated_parties[0] 10 + corporate_shareholders[0] 10 + corporate_shareholders[1] 10 + corporate_shareholders[2] 10 + corporate_shareholders[3] 10 + corporate_shareholders[4] 10 + corporate_shareholders[5] 10 + corporate_shareholders[6] 10 + corporate_shareholders[7] 10 + corporate_shareholders[8] 10 + and 2 more)", f.Message)
}

func TestOwnershipToleratesAnyShape(t *testing.T) {
	for _, in := range []string{
		`{}`, `[]`, `{"associated_parties": "x", "holding_structure": []}`,
		`{"associated_parties": [null, {"ownership_info": []}, {"ownership_info": {"percentage_of_ownership": "100"}}]}`,
		`{"holding_structure": {"corporate_shareholders": [1, {"ownership_percentage": true}, {"ownership_percentage": null}]}}`,
		`{"holding_structure": {"corporate_shareholders": [{"ownership_percentage": 1e999}]}}`,
	} {
		over, exactly := runBoth(t, in)
		assert.Empty(t, over, in)
		assert.Empty(t, exactly, in)
	}
	// A sole owner of 100: the warning, at the only share; corporate
	// shareholders that are no array add nothing.
	over, exactly := runBoth(t, `{"associated_parties": [{"ownership_info": {"percentage_of_ownership": 100}}], "holding_structure": {"corporate_shareholders": {"ownership_percentage": 5}}}`)
	assert.Empty(t, over)
	f := one(t, OwnershipExactly100, exactly)
	assert.Equal(t, "/associated_parties/0/ownership_info/percentage_of_ownership", f.Path)
	// A negative share (the schema's) counts: 120 - 20 is 100, made so by
	// the -20.
	f = one(t, OwnershipExactly100, runRule(t, OwnershipExactly100, `{"associated_parties": [{"ownership_info": {"percentage_of_ownership": 120}}, {"ownership_info": {"percentage_of_ownership": -20}}]}`))
	assert.Equal(t, "/associated_parties/1/ownership_info/percentage_of_ownership", f.Path)
}

func TestDecimal(t *testing.T) {
	for lit, want := range map[string]string{
		"115": "115", "100.0005": "100.0005", "1.50": "1.5", "-2.25": "-2.25", "1e2": "100",
		"0.000000000001": "0.000000000001", "0.0000000000001": "0.000000000000…",
		"1e30": "100000000000000000000000…",
	} {
		r, ok := new(big.Rat).SetString(lit)
		require.True(t, ok, lit)
		assert.Equal(t, want, decimal(r), lit)
	}
	// A rational that is no finite decimal (no sum of literals is one).
	assert.Equal(t, "0.333333333333…", decimal(big.NewRat(1, 3)))
}
