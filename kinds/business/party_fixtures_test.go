package business

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/finlint/finlint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// partyFixtures are the invalid files whose listed finding is one of the
// party rules', by the check README.md names.
var partyFixtures = map[string]*rules.Rule{
	"ubo-without-ownership.json":        UBOOwnership,
	"ownership-over-100.json":           OwnershipOver100,
	"ownership-over-maximum.json":       OwnershipOver100, // "the total is over 100 too"
	"ownership-exactly-100.json":        OwnershipExactly100,
	"no-party-shareholder-and-ubo.json": ShareholderAndUBO,
	"roles-duplicate.json":              DuplicateRole,
	"party-email-duplicate.json":        PartyEmailUnique,
	"incorporation-date-future.json":    DateNotFuture,
	"relationship-date-future.json":     DateNotFuture,
	"business-phone-other-country.json": BusinessPhoneCountry,
}

// alsoFound are party findings at an invalid file's listed pointer with
// another severity than the listed one, which belongs to the schema.
var alsoFound = map[string]rules.Finding{
	// "with no party, none holds both shareholder and ubo either"
	"associated-parties-empty.json": {Rule: ShareholderAndUBO.ID, Severity: rules.Warning, Path: "/associated_parties"},
}

func runPartyRules(t *testing.T, file string) []rules.Finding {
	t.Helper()
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	var out []rules.Finding
	for _, r := range partyRules {
		out = append(out, runRule(t, r, string(b))...)
	}
	return out
}

func TestPartyRulesOnValidFiles(t *testing.T) {
	files, _ := filepath.Glob(validDir + "/*.json")
	require.NotEmpty(t, files)
	for _, f := range files {
		assert.Empty(t, runPartyRules(t, f), f)
	}
}

// TestPartyRulesOnInvalidFiles: each file README.md attributes to a party
// rule gets that rule's finding, at the listed pointer with the listed
// severity, and nothing else of the party rules; every other file gets
// none of them.
func TestPartyRulesOnInvalidFiles(t *testing.T) {
	cases := readmeCases(t)
	require.NotEmpty(t, cases)
	listed := map[string]bool{}
	for _, c := range cases {
		listed[c.file] = true
		t.Run(strings.TrimSuffix(c.file, ".json"), func(t *testing.T) {
			got := runPartyRules(t, filepath.Join(invalidDir, c.file))
			var want []string
			if r := partyFixtures[c.file]; r != nil {
				assert.Equal(t, c.severity, r.Severity.String(), "the README's severity")
				want = append(want, r.ID+" "+c.severity+" "+c.pointer)
			}
			if f, ok := alsoFound[c.file]; ok {
				assert.Equal(t, c.pointer, f.Path)
				want = append(want, f.Rule+" "+f.Severity.String()+" "+f.Path)
			}
			var have []string
			for _, f := range got {
				have = append(have, f.Rule+" "+f.Severity.String()+" "+f.Path)
			}
			slices.Sort(want)
			slices.Sort(have)
			assert.Equal(t, want, have)
		})
	}
	for f := range partyFixtures {
		assert.True(t, listed[f], "%s is not in README.md", f)
	}
	for f := range alsoFound {
		assert.True(t, listed[f], "%s is not in README.md", f)
	}
}
