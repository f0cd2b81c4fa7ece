package schemagen_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/internal/schemagen/internal/keywords"
	"github.com/finlint/finlint/kinds"
	"github.com/finlint/finlint/kinds/business"
	"github.com/finlint/finlint/kinds/individual"
	"github.com/finlint/finlint/schema"
	"github.com/finlint/finlint/schema/oracle"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// subject is a generated validator and the oracle for the same schema.
type subject struct {
	name      string
	validate  func(*jsondoc.Value) []schema.Error
	oracle    *oracle.Schema
	reference string // a valid payload
}

var (
	subjectsOnce sync.Once
	subjectList  []subject
	subjectsErr  error
)

// subjects returns every kind, and the schema of every keyword the
// generator knows, each compiled once by the oracle.
func subjects(t testing.TB) []subject {
	t.Helper()
	subjectsOnce.Do(func() {
		add := func(name, id string, src []byte, validate func(*jsondoc.Value) []schema.Error, ref string) {
			s, err := oracle.Compile(id, src)
			if err != nil {
				subjectsErr = err
				return
			}
			subjectList = append(subjectList, subject{name, validate, s, ref})
		}
		for _, k := range kinds.All() {
			add(k.Name, k.SchemaID, k.SchemaJSON, k.Validate, k.Reference)
		}
		src, err := os.ReadFile("testdata/keywords.schema.json")
		if err != nil {
			subjectsErr = err
			return
		}
		ref, err := os.ReadFile("testdata/keywords.valid.json")
		if err != nil {
			subjectsErr = err
			return
		}
		var doc struct {
			ID string `json:"$id"`
		}
		if err := json.Unmarshal(src, &doc); err != nil {
			subjectsErr = err
			return
		}
		add("keywords", doc.ID, src, keywords.Validate, string(ref))
	})
	require.NoError(t, subjectsErr)
	require.GreaterOrEqual(t, len(subjectList), 3)
	return subjectList
}

func subjectNamed(t testing.TB, name string) subject {
	t.Helper()
	for _, s := range subjects(t) {
		if s.name == name {
			return s
		}
	}
	t.Fatalf("no subject %s", name)
	return subject{}
}

// askOracle validates root with the library. It reports a panic rather
// than passing it on: the library panics on minimum and maximum when
// math/big refuses a number's literal.
func askOracle(s *oracle.Schema, root *jsondoc.Value) (errs []schema.Error, panicked any) {
	defer func() { panicked = recover() }()
	return s.Validate(root.Interface()), nil
}

// refusedNumber reports whether the document holds a number whose literal
// math/big refuses to read.
func refusedNumber(v *jsondoc.Value) bool {
	switch v.Kind {
	case jsondoc.Number:
		_, ok := new(big.Rat).SetString(v.Str)
		return !ok
	case jsondoc.Array:
		for _, it := range v.Items {
			if refusedNumber(it) {
				return true
			}
		}
	case jsondoc.Object:
		for _, m := range v.Members {
			if refusedNumber(m.Value) {
				return true
			}
		}
	}
	return false
}

// same checks that the generated validator and the oracle give the same
// errors for src; a document jsondoc refuses is no test. It returns false
// when the oracle could not answer.
func same(t testing.TB, s subject, label string, src []byte) bool {
	t.Helper()
	d := jsondoc.Parse(src, jsondoc.Limits{})
	if d.Root == nil {
		return false
	}
	got := s.validate(d.Root)
	want, panicked := askOracle(s.oracle, d.Root)
	if panicked != nil {
		require.True(t, refusedNumber(d.Root), "%s: %s: the oracle panics: %v\n%s", s.name, label, panicked, src)
		return false
	}
	assert.Equal(t, want, got, "%s: %s\n%s", s.name, label, src)
	return true
}

// Every JSON file of the project's fixtures, against every kind and the
// keywords schema: valid and invalid payloads of each kind, and each
// kind's payloads read as another kind's.
func TestGeneratedMatchesOracleOnFixtures(t *testing.T) {
	var files []string
	for _, root := range []string{"../../testdata", "../../kinds", "testdata"} {
		require.NoError(t, filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() && strings.HasSuffix(path, ".json") && !strings.HasSuffix(path, ".schema.json") {
				files = append(files, path)
			}
			return err
		}))
	}
	require.Greater(t, len(files), 90)
	compared := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, s := range subjects(t) {
			if same(t, s, f, src) {
				compared++
			}
		}
	}
	assert.Greater(t, compared, 250)
}

// replacements are the values a mutation puts in place of another: one
// of every JSON type anywhere, and where the value is a number or a
// string, the numbers or strings each keyword judges differently.
var replacements = struct{ anywhere, numbers, strings []string }{
	anywhere: []string{`null`, `true`, `0`, `1.5`, `""`, `"x"`, `[]`, `[{}]`, `{}`, `{"a": 1}`},
	numbers: []string{
		`false`, `-0`, `-1`, `42.0`, `1e2`, `-0.0e5`, `1E-7`, `100.0000000000000000001`, `12345678901234567890`,
		`1e400`, `-1e400`, `1e1000001`, `-2.5e-1000001`, `[1]`,
	},
	strings: []string{
		`" "`, `"\u00a0\u3000"`, `"é"`, `"ab"`, `"` + strings.Repeat("a", 300) + `"`, `"` + strings.Repeat("é", 60) + `"`,
		`"1990-02-30"`, `"2024-02-29"`, `"2024-2-29"`, `"not a uri"`, `"http://exa mple.com"`, `"https://example.com/a?b#c"`,
		`"http://[::1]:80/"`, `"http://[fe80::1%25en0]/"`, `"http://::1/"`, `"STANDARD"`, `"ubo"`, `"US-CA"`, `"+14155552671"`,
		`["x", null]`,
	},
}

// mutation is one change to a payload, at ptr: replace the value there
// with val, drop the member or item there, add the member key: val to
// the object there, or repeat the member there with val, before or after
// it.
type mutation struct {
	op       string // replace, drop, add, before, after
	ptr, key string
	val      string
}

func (m mutation) String() string {
	return fmt.Sprintf("%s %s %s %.40s", m.op, m.ptr, m.key, m.val)
}

// render writes v, at ptr, with the mutations applied.
func render(b *bytes.Buffer, v *jsondoc.Value, ptr string, muts []mutation) {
	for _, m := range muts {
		if m.op == "replace" && m.ptr == ptr {
			b.WriteString(m.val)
			return
		}
	}
	has := func(op, p string) (mutation, bool) {
		for _, m := range muts {
			if m.op == op && m.ptr == p {
				return m, true
			}
		}
		return mutation{}, false
	}
	switch v.Kind {
	case jsondoc.Object:
		b.WriteByte('{')
		n := 0
		sep := func() {
			if n > 0 {
				b.WriteByte(',')
			}
			n++
		}
		member := func(key string, write func()) {
			sep()
			k, _ := json.Marshal(key)
			b.Write(k)
			b.WriteByte(':')
			write()
		}
		for _, mb := range v.Members {
			p := jsondoc.Join(ptr, mb.Key)
			if _, ok := has("drop", p); ok {
				continue
			}
			if m, ok := has("before", p); ok {
				member(mb.Key, func() { b.WriteString(m.val) })
			}
			member(mb.Key, func() { render(b, mb.Value, p, muts) })
			if m, ok := has("after", p); ok {
				member(mb.Key, func() { b.WriteString(m.val) })
			}
		}
		for _, m := range muts {
			if m.op == "add" && m.ptr == ptr {
				member(m.key, func() { b.WriteString(m.val) })
			}
		}
		b.WriteByte('}')
	case jsondoc.Array:
		b.WriteByte('[')
		n := 0
		for i, it := range v.Items {
			p := jsondoc.Join(ptr, strconv.Itoa(i))
			if _, ok := has("drop", p); ok {
				continue
			}
			if n > 0 {
				b.WriteByte(',')
			}
			n++
			render(b, it, p, muts)
		}
		b.WriteByte(']')
	case jsondoc.String:
		s, _ := json.Marshal(v.Str)
		b.Write(s)
	case jsondoc.Number:
		b.WriteString(v.Str)
	case jsondoc.Bool:
		b.WriteString(strconv.FormatBool(v.Bool))
	case jsondoc.Null:
		b.WriteString("null")
	}
}

// mutations returns every single mutation of the payload at every
// pointer: each replacement that fits each value, the removal of each member and
// item, unknown keys (escaped ones, and enough of them, repeated, to
// make jsondoc index the object), and each member repeated with null
// before and after it.
func mutations(root *jsondoc.Value) []mutation {
	var out []mutation
	var walk func(v *jsondoc.Value, ptr string)
	walk = func(v *jsondoc.Value, ptr string) {
		rs := replacements.anywhere
		switch v.Kind {
		case jsondoc.Number:
			rs = append(rs[:len(rs):len(rs)], replacements.numbers...)
		case jsondoc.String:
			rs = append(rs[:len(rs):len(rs)], replacements.strings...)
		}
		for _, r := range rs {
			out = append(out, mutation{op: "replace", ptr: ptr, val: r})
		}
		if ptr != "" {
			out = append(out, mutation{op: "drop", ptr: ptr})
		}
		switch v.Kind {
		case jsondoc.Object:
			out = append(out,
				mutation{op: "add", ptr: ptr, key: "zz_unknown", val: `1`},
				mutation{op: "add", ptr: ptr, key: "a/b~c", val: `{}`},
				mutation{op: "add", ptr: ptr, key: "", val: `""`})
			for i := range 20 {
				out = append(out, mutation{op: "add", ptr: ptr, key: fmt.Sprintf("k%d", i%13), val: strconv.Itoa(i)})
			}
			for _, m := range v.Members {
				p := jsondoc.Join(ptr, m.Key)
				out = append(out, mutation{op: "before", ptr: p, val: `null`}, mutation{op: "after", ptr: p, val: `null`})
				walk(m.Value, p)
			}
		case jsondoc.Array:
			for i, it := range v.Items {
				walk(it, jsondoc.Join(ptr, strconv.Itoa(i)))
			}
		}
	}
	walk(root, "")
	return out
}

// group turns a run of "add" mutations of one test into a single
// payload: the twenty numbered keys go in together.
func group(muts []mutation) [][]mutation {
	var out [][]mutation
	for i := 0; i < len(muts); i++ {
		m := muts[i]
		if m.op == "add" && strings.HasPrefix(m.key, "k") {
			j := i
			for j < len(muts) && muts[j].op == "add" && muts[j].ptr == m.ptr && strings.HasPrefix(muts[j].key, "k") {
				j++
			}
			out = append(out, muts[i:j])
			i = j - 1
			continue
		}
		out = append(out, []mutation{m})
	}
	return out
}

func parse(t testing.TB, s string) *jsondoc.Value {
	t.Helper()
	d := jsondoc.Parse([]byte(s), jsondoc.Limits{})
	require.NotNil(t, d.Root, s)
	return d.Root
}

// Each reference payload, mutated once at every pointer in every way
// mutations knows, then mutated at several pointers at once, where the
// errors of one payload must come out in the oracle's order.
func TestGeneratedMatchesOracleOnMutations(t *testing.T) {
	for _, s := range subjects(t) {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			root := parse(t, s.reference)
			require.Empty(t, s.validate(root), "the reference payload is valid")
			singles := mutations(root)
			compared, refused := 0, 0
			var b bytes.Buffer
			try := func(muts []mutation) {
				b.Reset()
				render(&b, root, "", muts)
				if same(t, s, fmt.Sprint(muts), b.Bytes()) {
					compared++
				} else {
					refused++
				}
			}
			for _, muts := range group(singles) {
				try(muts)
			}
			rng := rand.New(rand.NewPCG(1, uint64(len(s.name))))
			for range 600 {
				n := 2 + rng.IntN(4)
				var muts []mutation
				for range n {
					muts = append(muts, singles[rng.IntN(len(singles))])
				}
				try(muts)
			}
			t.Logf("%d payloads compared, %d the oracle could not answer", compared, refused)
			assert.Greater(t, compared, 1000)
		})
	}
}

// Where math/big refuses a number, the library panics on its minimum or
// maximum; the generated validator compares the number's exact value.
func TestGeneratedAnswersWhereTheOracleCannot(t *testing.T) {
	s := subjectNamed(t, "keywords")
	for _, c := range []struct {
		doc  string
		want []schema.Error
	}{
		{`{"numbers": 1e1000001}`, []schema.Error{{Pointer: "/numbers", Keyword: "maximum", Message: "maximum: got ∞, want 1,000"}}},
		{`{"numbers": -1e1000001}`, []schema.Error{{Pointer: "/numbers", Keyword: "minimum", Got: "-1e1000001", Want: []string{"-3/2"}, Message: "must be at least -3/2"}}},
		{`{"numbersAnyType": 1e-1000001}`, nil},
		{`{"numbersAnyType": -1e-1000001}`, []schema.Error{{Pointer: "/numbersAnyType", Keyword: "minimum", Got: "-1e-1000001", Want: []string{"0"}, Message: "must be at least 0"}}},
		// As an integer, such a number is refused before any bound.
		{`{"integerMinimum": 1e1000001}`, []schema.Error{{Pointer: "/integerMinimum", Keyword: "type", Got: "number", Want: []string{"integer"}, Message: "must be an integer, not a number"}}},
	} {
		root := parse(t, c.doc)
		_, panicked := askOracle(s.oracle, root)
		if !strings.Contains(c.doc, "integerMinimum") {
			assert.NotNil(t, panicked, "%s: the library cannot answer", c.doc)
		}
		assert.Equal(t, c.want, s.validate(root), c.doc)
	}
	p := subjectNamed(t, business.Kind.Name)
	ref := parse(t, p.reference)
	var b bytes.Buffer
	render(&b, ref, "", []mutation{{op: "replace", ptr: "/associated_parties/0/ownership_info/percentage_of_ownership", val: `1e1000001`}})
	assert.Equal(t, []schema.Error{{
		Pointer: "/associated_parties/0/ownership_info/percentage_of_ownership", Keyword: "maximum", Def: "percentage",
		Message: "maximum: got ∞, want 100",
	}}, p.validate(parse(t, b.String())))
}

// fuzzSeeds adds the reference payload of a subject, the fixtures of its
// kind and a few mutations of each as seeds.
func fuzzSeeds(f *testing.F, s subject, fixtures ...string) {
	f.Add([]byte(s.reference))
	docs := []string{s.reference}
	for _, glob := range fixtures {
		files, err := filepath.Glob(glob)
		require.NoError(f, err)
		for _, file := range files {
			src, err := os.ReadFile(file)
			require.NoError(f, err)
			f.Add(src)
			docs = append(docs, string(src))
		}
	}
	rng := rand.New(rand.NewPCG(2, 3))
	for _, doc := range docs[:min(len(docs), 8)] {
		d := jsondoc.Parse([]byte(doc), jsondoc.Limits{})
		if d.Root == nil {
			continue
		}
		muts := mutations(d.Root)
		for range 8 {
			var b bytes.Buffer
			render(&b, d.Root, "", []mutation{muts[rng.IntN(len(muts))], muts[rng.IntN(len(muts))]})
			f.Add(b.Bytes())
		}
	}
}

func fuzzSame(f *testing.F, s subject) {
	f.Fuzz(func(t *testing.T, data []byte) {
		same(t, s, "fuzz input", data)
	})
}

func FuzzGeneratedMatchesOracleIndividual(f *testing.F) {
	s := subjectNamed(f, individual.Kind.Name)
	fuzzSeeds(f, s, "../../testdata/valid/*.json", "../../testdata/invalid/*.json")
	fuzzSame(f, s)
}

func FuzzGeneratedMatchesOracleBusiness(f *testing.F) {
	s := subjectNamed(f, business.Kind.Name)
	fuzzSeeds(f, s, "../../testdata/business/valid/*.json", "../../testdata/business/invalid/*.json")
	fuzzSame(f, s)
}

func FuzzGeneratedMatchesOracleKeywords(f *testing.F) {
	s := subjectNamed(f, "keywords")
	fuzzSeeds(f, s)
	for _, doc := range []string{
		`{"typeInteger": 1.0e1, "lengths": "\ud83d\ude00é", "pattern": "ab 1\u2028"}`,
		`{"object": {"a": 1, "a": "x", "b": "abcd", "b": "ab"}, "allOf": 7, "refWithSiblings": "Q"}`,
		`{"uri": "HTTP://[::1%25eth0]/", "date": "2024-02-30", "numbers": 1000.0000001}`,
	} {
		f.Add([]byte(doc))
	}
	fuzzSame(f, s)
}

// Every kind is compared: a kind added to kinds.All has its validator
// held to the oracle like the others.
func TestEveryKindIsASubject(t *testing.T) {
	var names []string
	for _, s := range subjects(t) {
		names = append(names, s.name)
	}
	for _, k := range kinds.All() {
		assert.Contains(t, names, k.Name)
	}
}
