package kind_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/kind"
	"github.com/finlint/finlint/kinds"
	"github.com/finlint/finlint/kinds/business"
	"github.com/finlint/finlint/kinds/individual"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func root(t *testing.T, s string) *jsondoc.Value {
	t.Helper()
	d := jsondoc.Parse([]byte(s), jsondoc.Limits{})
	require.NotNil(t, d.Root, s)
	return d.Root
}

func TestDetect(t *testing.T) {
	both := []*kind.Kind{individual.Kind, business.Kind}
	cases := []struct {
		name, doc string
		want      *kind.Kind
	}{
		{"individual reference", individual.Kind.Reference, individual.Kind},
		{"business reference", business.Kind.Reference, business.Kind},
		{"an individual fragment, by keys only its schema knows", `{"basic_info": {"email": "a@example.com", "gender": "FEMALE"}}`, individual.Kind},
		{"a business fragment", `{"basic_info": {"legal_name": "Acme Inc"}}`, business.Kind},
		{"keys both schemas know, as much of one as of the other", `{"basic_info": {"email": "a@example.com"}}`, nil},
		{"nothing either knows", `{"name": "Maria"}`, nil},
		{"empty", `{}`, nil},
		{"not an object", `[1]`, nil},
		{"names and a legal name alike", `{"basic_info": {"first_name": "A", "legal_name": "B"}}`, nil},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, kind.Detect(root(t, c.doc), both), c.name)
		// The order of the kinds never changes the verdict.
		assert.Equal(t, c.want, kind.Detect(root(t, c.doc), []*kind.Kind{business.Kind, individual.Kind}), c.name)
	}
	assert.Nil(t, kind.Detect(nil, both))
}

func TestEachExpandMatch(t *testing.T) {
	doc := root(t, `{"parties": [{"name": "a"}, {"x": 1}, {"name": "c"}], "one": {"name": "d"}}`)
	var got []string
	kind.Each(doc, "/parties/*/name", func(ptr string, v *jsondoc.Value) { got = append(got, ptr+"="+v.Str) })
	assert.Equal(t, []string{"/parties/0/name=a", "/parties/2/name=c"}, got)
	got = nil
	kind.Each(doc, "/one/name", func(ptr string, v *jsondoc.Value) { got = append(got, ptr) })
	assert.Equal(t, []string{"/one/name"}, got)
	kind.Each(doc, "/one/*/name", func(string, *jsondoc.Value) { t.Fatal("an object is not an array") })
	// Only a whole "*" token is a star: "/*x" and "/x*" are keys.
	odd := root(t, `{"*x": {"a*": 1}, "list": [5, 6], "s": {"*": 2}}`)
	got = nil
	collect := func(ptr string, v *jsondoc.Value) { got = append(got, ptr+"="+v.Str) }
	kind.Each(odd, "/*x/a*", collect)
	kind.Each(odd, "/list/*", collect)
	kind.Each(odd, "/*x/*", collect)
	assert.Equal(t, []string{"/*x/a*=1", "/list/0=5", "/list/1=6"}, got)

	assert.Equal(t, "/parties/2/name_en", kind.Expand("/parties/*/name_en", "/parties/2/name"))
	assert.Equal(t, "/a/1/b/3/c_en", kind.Expand("/a/*/b/*/c_en", "/a/1/b/3/c"))
	assert.True(t, kind.Match("/parties/*/name", "/parties/12/name"))
	assert.False(t, kind.Match("/parties/*/name", "/parties/x/name"))
	assert.False(t, kind.Match("/parties/*/name", "/parties/1/name/x"))
	assert.True(t, business.Kind.IsTaxDocumentID("/associated_parties/0/basic_info/tax_info/1/document_id"))
	assert.False(t, individual.Kind.IsTaxDocumentID("/associated_parties/0/basic_info/tax_info/1/document_id"))
}

// Every kind brings the validator of its schema, and its reference
// payload passes it and carries its markers. A nil Validate would only
// show as a panic on the first payload of the kind.
func TestEveryKindValidatesAndItsReferenceIsItself(t *testing.T) {
	all := kinds.All()
	require.NotEmpty(t, all)
	for _, k := range all {
		require.NotNil(t, k.Validate, "%s has no Validate", k.Name)
		r := root(t, k.Reference)
		assert.Empty(t, k.Validate(r), k.Name)
		errs := k.Validate(root(t, `[]`))
		require.Len(t, errs, 1, k.Name)
		assert.Equal(t, "must be an object, not an array", errs[0].Message, "%s: the validator checks something", k.Name)
		for _, m := range k.Markers {
			assert.NotNil(t, r.Get(jsondoc.SplitPointer(m)[0]), "%s marker %s", k.Name, m)
		}
	}
}

// The merged tree Detect walks scores every kind as walking each kind's
// own tree does: over every fixture, with the kinds in either order.
func TestMergedScoresEqualOneByOne(t *testing.T) {
	var files []string
	for _, dir := range []string{"../testdata/valid", "../testdata/invalid", "../testdata/business/valid", "../testdata/business/invalid"} {
		m, err := filepath.Glob(filepath.Join(dir, "*.json"))
		require.NoError(t, err)
		files = append(files, m...)
	}
	require.Greater(t, len(files), 50)
	all := kinds.All()
	reversed := []*kind.Kind{all[1], all[0]}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		d := jsondoc.Parse(data, jsondoc.Limits{})
		if d.Root == nil {
			continue
		}
		for _, ks := range [][]*kind.Kind{all, reversed, all[:1]} {
			one, merged := kind.Scores(d.Root, ks)
			assert.Equal(t, one, merged, f)
		}
	}
}
