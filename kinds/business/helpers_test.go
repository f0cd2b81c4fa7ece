package business

import (
	"testing"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/kind"
	"github.com/finlint/finlint/rules"
	"github.com/stretchr/testify/require"
)

// runRule runs one rule over input as a business payload, on 2026-12-02
// with the documentation examples' catalogues, and returns its findings
// (Offset -1 means the value at Path; positions are added by the linter).
func runRule(t *testing.T, r *rules.Rule, input string, opts ...func(*rules.Pass)) []rules.Finding {
	t.Helper()
	var out []rules.Finding
	p := rules.NewPass(jsondoc.Parse([]byte(input), jsondoc.Limits{}), today, rules.ExampleCatalogues(), rules.Settings{}, &out)
	p.Kind, p.Kinds = Kind, []*kind.Kind{Kind}
	for _, o := range opts {
		o(p)
	}
	rules.Run(p, []*rules.Rule{r}, nil)
	return out
}

// runPatch runs one rule over the reference payload with a JSON merge
// patch applied (arrays are replaced whole, as RFC 7396 says).
func runPatch(t *testing.T, r *rules.Rule, patch string, opts ...func(*rules.Pass)) []rules.Finding {
	t.Helper()
	in, err := rules.MergePatch(Kind.Reference, patch)
	require.NoError(t, err)
	return runRule(t, r, in, opts...)
}
