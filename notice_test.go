package finlint_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/kinds/business"
	"github.com/finlint/finlint/kinds/individual"
	"github.com/finlint/finlint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// someCatalogues has the listed catalogues of the examples, and no other.
type someCatalogues []string

func (s someCatalogues) Items(name string) ([]rules.RefItem, bool) {
	for _, n := range s {
		if n == name {
			return rules.ExampleCatalogues().Items(name)
		}
	}
	return nil, false
}

// With no catalogue cached, each kind linted gets one notice for the run,
// however many payloads it had, and no payload a finding.
func TestNoticesOncePerKind(t *testing.T) {
	l, err := finlint.New(finlint.Options{Now: exampleNow})
	require.NoError(t, err)
	assert.Empty(t, l.Notices(), "nothing linted, nothing to say")
	for range 3 {
		res := l.Lint(context.Background(), "p.json", []byte(individual.Kind.Reference))
		assert.Empty(t, res.Findings, "no per-payload reference-catalogue finding by default")
	}
	assert.Equal(t, []finlint.Notice{{
		ID: "reference-catalogue", Kind: "individual-v2",
		Message: "individual-v2 reference ids were not checked: the occupations, purposes and source-of-funds catalogues are not cached",
	}}, l.Notices())
	l.Lint(context.Background(), "b.json", []byte(business.Kind.Reference))
	ns := l.Notices()
	require.Len(t, ns, 2)
	assert.Equal(t, "business-v2 reference ids were not checked: the purposes, source-of-funds and source-of-wealth catalogues are not cached", ns[1].Message)

	// One catalogue missing: named alone.
	l, err = finlint.New(finlint.Options{Now: exampleNow, Catalogues: someCatalogues{rules.Occupations, rules.SourceOfFundsIndividual}})
	require.NoError(t, err)
	l.Lint(context.Background(), "p.json", []byte(individual.Kind.Reference))
	require.Len(t, l.Notices(), 1)
	assert.Equal(t, "individual-v2 reference ids were not checked: the purposes catalogue is not cached", l.Notices()[0].Message)

	// All cached, or reference-id off: nothing to say.
	l, err = finlint.New(finlint.Options{Now: exampleNow, Catalogues: rules.ExampleCatalogues()})
	require.NoError(t, err)
	l.Lint(context.Background(), "p.json", []byte(individual.Kind.Reference))
	assert.Empty(t, l.Notices())
	l, err = finlint.New(finlint.Options{Now: exampleNow, Severity: map[string]rules.Severity{"reference-id": rules.Off}})
	require.NoError(t, err)
	l.Lint(context.Background(), "p.json", []byte(individual.Kind.Reference))
	assert.Empty(t, l.Notices())

	// Turned on, the rule reports on each payload again.
	l, err = finlint.New(finlint.Options{Now: exampleNow, Severity: map[string]rules.Severity{"reference-catalogue": rules.Info}})
	require.NoError(t, err)
	res := l.Lint(context.Background(), "p.json", []byte(individual.Kind.Reference))
	require.Len(t, res.Findings, 1)
	assert.Equal(t, "reference-catalogue", res.Findings[0].Rule)
}

// An ignore entry with a Base matches sources relative to it, whatever
// form the source is given in.
func TestIgnoreBase(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(root, "fixtures", "legacy"), 0o755))
	in := patched(t, `{"basic_info": {"first_nmae": "x"}}`)
	l := newLinter(t, finlint.Options{
		Dir:    filepath.Join(root, "fixtures"),
		Ignore: []finlint.Ignore{{Rule: "unknown-field", Files: "fixtures/legacy/**", Base: root, Reason: "legacy"}},
	})
	for source, hidden := range map[string]bool{
		"legacy/a.json":   true,
		"./legacy/a.json": true,
		filepath.Join(root, "fixtures", "legacy", "a.json"): true,
		"../fixtures/legacy/a.json":                         true,
		"fixtures/legacy/a.json":                            false, // relative to Dir, not to Base
		"current/a.json":                                    false,
		"-":                                                 false,
	} {
		res := l.Lint(context.Background(), source, []byte(in))
		assert.Equal(t, hidden, len(res.Findings) == 0, source)
	}
}
