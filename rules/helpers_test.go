package rules

import (
	"github.com/finlint/finlint/kind"
	"github.com/finlint/finlint/kinds/individual"
	"testing"
	"time"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/stretchr/testify/require"
)

// testNow is the fixed "today" of rule tests.
var testNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// fakeCatalogues serves the catalogue ids the reference payload uses.
type fakeCatalogues map[string][]RefItem

func (f fakeCatalogues) Items(name string) ([]RefItem, bool) {
	it, ok := f[name]
	return it, ok
}

// testCatalogues are the documentation examples' catalogues.
var testCatalogues = fakeCatalogues(exampleItems)

type runOpt func(*Pass)

func withSettings(s Settings) runOpt     { return func(p *Pass) { p.Settings = s } }
func withCatalogues(c Catalogues) runOpt { return func(p *Pass) { p.Catalogues = c } }
func withNow(t time.Time) runOpt         { return func(p *Pass) { p.Now = t } }

// ReferencePayload is the individual kind's reference payload, which most
// rule tests patch.
var ReferencePayload = individual.Kind.Reference

// check runs one rule over input (a whole document) and returns its findings
// with Offset resolved, as the engine leaves them.
func check(t *testing.T, r *Rule, input string, opts ...runOpt) []Finding {
	t.Helper()
	var out []Finding
	p := NewPass(jsondoc.Parse([]byte(input), jsondoc.Limits{}), testNow, testCatalogues, Settings{}, &out)
	p.Kind, p.Kinds = individual.Kind, []*kind.Kind{individual.Kind}
	for _, o := range opts {
		o(p)
	}
	Run(p, []*Rule{r}, (*Rule).OnSeverity)
	return out
}

// checkPatch runs one rule over the reference payload with a JSON merge
// patch applied.
func checkPatch(t *testing.T, r *Rule, patch string, opts ...runOpt) []Finding {
	t.Helper()
	in, err := MergePatch(ReferencePayload, patch)
	require.NoError(t, err)
	return check(t, r, in, opts...)
}

// brief is a finding reduced to what rule tests assert.
type brief struct {
	Path       string
	Severity   Severity
	Suggestion string
}

func briefs(fs []Finding) []brief {
	out := make([]brief, 0, len(fs))
	for _, f := range fs {
		out = append(out, brief{f.Path, f.Severity, f.Suggestion})
	}
	return out
}
