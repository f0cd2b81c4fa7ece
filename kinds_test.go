package finlint_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/internal/show"
	"github.com/finlint/finlint/internal/source"
	"github.com/finlint/finlint/kinds/business"
	"github.com/finlint/finlint/kinds/individual"
	"github.com/finlint/finlint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

// Each kind's valid fixtures are valid as that kind, whether it is named
// or told from their shape, and every result names its kind.
func TestKindsOfTheValidFixtures(t *testing.T) {
	for _, c := range []struct{ dir, kind string }{
		{"testdata/valid", "individual-v2"},
		{"testdata/business/valid", "business-v2"},
	} {
		files, err := filepath.Glob(filepath.Join(c.dir, "*.json"))
		require.NoError(t, err)
		require.NotEmpty(t, files)
		for _, opt := range []string{"", "auto", c.kind} {
			l := newLinter(t, finlint.Options{Kind: opt})
			for _, f := range files {
				data, err := os.ReadFile(f)
				require.NoError(t, err)
				res := l.Lint(context.Background(), f, data)
				assert.Equal(t, c.kind, res.Kind, "%s as %q", f, opt)
				for _, fd := range res.Findings {
					assert.NotEqual(t, rules.Error, fd.Severity, "%s as %q: %s %s %s", f, opt, fd.Rule, fd.Path, fd.Message)
				}
			}
		}
	}
}

// A payload linted as the other kind is reported, not passed: naming the
// kind wins over the shape.
func TestNamedKindWinsOverShape(t *testing.T) {
	l := newLinter(t, finlint.Options{Kind: "business-v2"})
	res := l.Lint(context.Background(), "p.json", []byte(individual.Kind.Reference))
	assert.Equal(t, "business-v2", res.Kind)
	assert.False(t, res.Valid)
	var rulesSeen []string
	for _, f := range res.Findings {
		rulesSeen = append(rulesSeen, f.Rule)
	}
	assert.Contains(t, rulesSeen, "required-field")
	assert.Contains(t, rulesSeen, "unknown-field")

	_, err := finlint.New(finlint.Options{Kind: "beneficiary-v1"})
	assert.ErrorContains(t, err, `unknown payload kind "beneficiary-v1": want auto or one of individual-v2, business-v2`)
}

// One NDJSON stream may mix kinds; a record of no known shape gets one
// payload-kind error at "" that names the kinds' markers.
func TestMixedStream(t *testing.T) {
	in := oneLine(individual.Kind.Reference) + "\n" + oneLine(business.Kind.Reference) + "\n" + `{"name": "Maria"}` + "\n"
	l := newLinter(t, finlint.Options{Jobs: 2})
	var got []finlint.Result
	require.NoError(t, l.LintStream(context.Background(), strings.NewReader(in), func(r finlint.Result) error {
		got = append(got, r)
		return nil
	}))
	require.Len(t, got, 3)
	assert.Equal(t, "individual-v2", got[0].Kind)
	assert.True(t, got[0].Valid)
	assert.Equal(t, "business-v2", got[1].Kind)
	assert.True(t, got[1].Valid, "%v", got[1].Findings)
	assert.Equal(t, "", got[2].Kind)
	assert.False(t, got[2].Valid)
	require.Len(t, got[2].Findings, 1)
	f := got[2].Findings[0]
	assert.Equal(t, "payload-kind", f.Rule)
	assert.Equal(t, "", f.Path)
	assert.Equal(t, [2]int{3, 1}, [2]int{f.Line, f.Column})
	assert.Equal(t, "the payload is of no known kind: individual-v2 payloads have basic_info.first_name, basic_info.last_name, basic_info.dob, address or financial_profile.occupation_id; business-v2 payloads have basic_info.legal_name, basic_info.entity_type, addresses or associated_parties; name its kind", f.Message)
}

// Tax ids are masked wherever a kind keeps them: a business's and each
// party's.
func TestBusinessTaxIDsAreMasked(t *testing.T) {
	masked := source.MaskTaxIDs([]byte(business.Kind.Reference))
	assert.NotContains(t, masked, "84-1234567")
	assert.NotContains(t, masked, "536-21-4478")
	assert.Contains(t, masked, `"******4567"`)
	assert.Contains(t, masked, `"*******4478"`)

	// A finding that quotes a party's tax id shows its last four only.
	doc := strings.Replace(business.Kind.Reference, `"description": "`, `"description": "536-21-4478\u0007 `, 1)
	require.NotEqual(t, business.Kind.Reference, doc)
	res := newLinter(t, finlint.Options{}).Lint(context.Background(), "b.json", []byte(doc))
	require.NotEmpty(t, res.Findings)
	show.Source(&res, false)
	for _, f := range res.Findings {
		require.NotEmpty(t, f.Context, f.Rule)
		assert.NotContains(t, f.Message+f.Suggestion+f.Context, "536-21-4478", f.Rule)
	}
}

// Every invalid business fixture gets, from the whole linter, a finding at
// the pointer and of the severity its index (testdata/business/invalid/
// README.md) lists, whether its kind is named or told from its shape; the
// payloads the index calls errors are not valid.
func TestBusinessInvalidFixtures(t *testing.T) {
	index, err := os.ReadFile("testdata/business/invalid/README.md")
	require.NoError(t, err)
	today := func() time.Time { return time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC) }
	n := 0
	for _, line := range strings.Split(string(index), "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 6 || !strings.HasPrefix(strings.TrimSpace(cells[1]), "`") {
			continue
		}
		file := strings.Trim(strings.TrimSpace(cells[1]), "`")
		ptr := strings.Trim(strings.TrimSpace(cells[2]), "`")
		sev, err := rules.ParseSeverity(strings.TrimSpace(cells[4]))
		require.NoError(t, err, line)
		data, err := os.ReadFile(filepath.Join("testdata/business/invalid", file))
		require.NoError(t, err)
		n++
		for _, k := range []string{"auto", "business-v2"} {
			res := newLinter(t, finlint.Options{Kind: k, Now: today}).Lint(context.Background(), file, data)
			assert.Equal(t, "business-v2", res.Kind, file)
			found := false
			for _, f := range res.Findings {
				found = found || f.Path == ptr && f.Severity == sev
			}
			assert.True(t, found, "%s (%s): no %s at %s; got %v", file, k, sev, ptr, res.Findings)
			if sev == rules.Error {
				assert.False(t, res.Valid, file)
			}
		}
	}
	assert.GreaterOrEqual(t, n, 50)
}
