package schemagen_test

import (
	"bytes"
	"go/format"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/finlint/finlint/internal/schemagen"
	"github.com/finlint/finlint/schema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func generate(t *testing.T, src string) ([]byte, error) {
	t.Helper()
	return schemagen.Generate(schemagen.Config{Source: []byte(src), Name: "test.schema.json", Package: "p", Func: "validate"})
}

// wrap puts a schema under a property of a draft 2020-12 document.
func wrap(prop string) string {
	return `{"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.com/t.json", "properties": {"p": ` + prop + `}}`
}

// A keyword the generator does not know stops it, naming the keyword and
// where it sits, rather than being skipped.
func TestUnsupportedSchemasFail(t *testing.T) {
	cases := []struct{ schema, want string }{
		{wrap(`{"const": 1}`), `#/properties/p: keyword "const" is not supported`},
		{wrap(`{"oneOf": [{}]}`), `"oneOf"`},
		{wrap(`{"anyOf": [{}]}`), `"anyOf"`},
		{wrap(`{"not": {}}`), `"not"`},
		{wrap(`{"if": {}, "then": {}}`), `"if"`},
		{wrap(`{"uniqueItems": true}`), `"uniqueItems"`},
		{wrap(`{"maxItems": 1}`), `"maxItems"`},
		{wrap(`{"exclusiveMinimum": 0}`), `"exclusiveMinimum"`},
		{wrap(`{"multipleOf": 2}`), `"multipleOf"`},
		{wrap(`{"patternProperties": {"a": {}}}`), `"patternProperties"`},
		{wrap(`{"unevaluatedProperties": false}`), `"unevaluatedProperties"`},
		{wrap(`{"prefixItems": [{}]}`), `"prefixItems"`},
		{wrap(`{"dependentRequired": {}}`), `"dependentRequired"`},
		{wrap(`{"additionalProperties": {"type": "string"}}`), `a schema there is not supported`},
		{wrap(`{"items": true}`), `#/properties/p/items: a schema must be an object here, not a boolean schema`},
		{wrap(`false`), `a boolean schema`},
		{wrap(`{"format": "hostname"}`), `format "hostname" is not supported`},
		{wrap(`{"type": "integer", "enum": [1, 2]}`), `enum values other than strings`},
		{wrap(`{"enum": ["a"]}`), `enum is supported only beside "type": "string"`},
		{wrap(`{"$ref": "other.json"}`), `refuses it`},
		{`{"$id": "https://example.com/t.json", "properties": {"p": {"$ref": "#/properties/q"}, "q": {}}}`, `only references to #/$defs/<name>`},
		{wrap(`{"$defs": {"a": {}}}`), `$defs is supported only at the top`},
		{wrap(`{"minLength": 1.5}`), `refuses it`},
		{wrap(`{"minLength": 1e1}`), `only a non-negative integer written without a fraction`},
		{wrap(`{"pattern": "(?=a)"}`), `look-around`},
		{wrap(`{"type": "nope"}`), `refuses it`},
		{wrap(`{"properties": {"a b": {}}}`), `property "a b"`},
		{`{"$id": "https://example.com/t.json", "$defs": {"u": {"const": 1}}}`, `#/$defs/u: keyword "const"`},
		{`{"$id": "https://example.com/t.json", "$ref": "#/$defs/a", "$defs": {"a": {"allOf": [{"$ref": "#/$defs/b"}]}, "b": {"$ref": "#/$defs/a"}}}`, `make a cycle`},
		{`{"$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://example.com/t.json"}`, `only draft 2020-12`},
		{`{"type": "object"}`, `no $id`},
		{`{"type": `, `test.schema.json`},
		{`true`, `must be an object`},
	}
	for _, c := range cases {
		_, err := generate(t, c.schema)
		if assert.Error(t, err, c.schema) {
			assert.Contains(t, err.Error(), c.want, c.schema)
		}
	}
	_, err := schemagen.Generate(schemagen.Config{Source: []byte(wrap(`{}`)), Package: "p", Func: "not a name"})
	assert.Error(t, err)
}

// The output is gofmt'ed, says it is generated, and is the same every
// time: map order in the schema must not show in it.
func TestOutputIsStable(t *testing.T) {
	src, err := os.ReadFile("testdata/keywords.schema.json")
	require.NoError(t, err)
	first, err := generate(t, string(src))
	require.NoError(t, err)
	formatted, err := format.Source(first)
	require.NoError(t, err)
	assert.Equal(t, string(formatted), string(first))
	assert.Regexp(t, regexp.MustCompile(`(?m)^// Code generated .* DO NOT EDIT\.$`), string(first))
	for range 5 {
		again, err := generate(t, string(src))
		require.NoError(t, err)
		require.True(t, bytes.Equal(first, again), "the output changes from one run to the next")
	}
}

// What the generated code does, and does not, for the shapes of schema
// that need no code: email is left to a rule, a schema that is only a
// $ref is its target, annotations assert nothing.
func TestOutputShape(t *testing.T) {
	out, err := generate(t, wrap(`{"type": "string", "format": "email", "description": "d"}`))
	require.NoError(t, err)
	assert.NotContains(t, string(out), "AddFormat")
	assert.NotContains(t, string(out), `"regexp"`, "no pattern, no regexp import")

	out, err = generate(t, `{"$id": "https://example.com/t.json", "properties": {"p": {"$ref": "#/$defs/w", "title": "t"}}, "$defs": {"w": {"type": "string", "pattern": "^\\S+$"}}}`)
	require.NoError(t, err)
	assert.Contains(t, string(out), "validateDefW(m.Value, &c, errs)", "the property calls the definition itself")
	assert.NotContains(t, string(out), "func validateP(")
	assert.Contains(t, string(out), `regexp.MustCompile("^[^\\t-\\r \\x{85}`, "translated from ECMA-262 when generated")

	out, err = generate(t, wrap(`{"title": "t"}`))
	require.NoError(t, err)
	assert.NotContains(t, string(out), "func validateP(")
}

func kw(t *testing.T, doc string) []schema.Error {
	t.Helper()
	s := subjectNamed(t, "keywords")
	root := parse(t, doc)
	want, panicked := askOracle(s.oracle, root)
	require.Nil(t, panicked)
	got := s.validate(root)
	assert.Equal(t, want, got, "generated against the oracle: %s", doc)
	return got
}

// Each keyword on the values it judges differently, held to the oracle
// and to what the library is known to say.
func TestKeywords(t *testing.T) {
	type E = schema.Error
	cases := []struct {
		doc  string
		want []E
	}{
		{`{"typeInteger": 42.0, "typeIntegerOrNumber": 1.5, "typeNumber": -0}`, nil},
		{`{"typeInteger": 1e2}`, nil},
		{`{"typeInteger": 1.5}`, []E{{Pointer: "/typeInteger", Keyword: "type", Got: "number", Want: []string{"integer"}, Message: "must be an integer, not a number"}}},
		{`{"typeInteger": 1e1000001}`, []E{{Pointer: "/typeInteger", Keyword: "type", Got: "number", Want: []string{"integer"}, Message: "must be an integer, not a number"}}},
		{`{"typeMany": "x"}`, []E{{Pointer: "/typeMany", Keyword: "type", Got: "string", Want: []string{"null", "integer", "object"}, Message: "must be a null or integer or object, not a string"}}},
		{`{"typeIntegerOrString": [], "typeNull": {}}`, []E{
			{Pointer: "/typeIntegerOrString", Keyword: "type", Got: "array", Want: []string{"integer", "string"}, Message: "must be an integer or string, not an array"},
			{Pointer: "/typeNull", Keyword: "type", Got: "object", Want: []string{"null"}, Message: "must be null, not an object"},
		}},
		{`{"enumFew": "d"}`, []E{{Pointer: "/enumFew", Keyword: "enum", Got: "d", Want: []string{"a", "b", "c"}, Message: "must be one of a, b, c"}}},
		{`{"enumMany": "ten"}`, []E{{Pointer: "/enumMany", Keyword: "enum", Got: "ten", Want: []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}, Message: "must be one of the allowed values"}}},
		// A wrong enum value, type or format is the schema's one error.
		{`{"enumThenLength": "much too long"}`, []E{{Pointer: "/enumThenLength", Keyword: "enum", Got: "much too long", Want: []string{"long enough"}, Message: "must be one of long enough"}}},
		{`{"dateThenPattern": "2024-13-01"}`, []E{{Pointer: "/dateThenPattern", Keyword: "format", Got: "2024-13-01", Want: []string{"date"}, Message: "must be a real calendar date written YYYY-MM-DD"}}},
		{`{"dateThenPattern": "2024-12-01"}`, []E{{Pointer: "/dateThenPattern", Keyword: "pattern", Got: "2024-12-01", Want: []string{"^1"}, Message: "must match ^1"}}},
		{`{"dateAnyType": 5, "uriAnyType": null, "email": "@"}`, nil},
		{`{"uri": "/relative"}`, []E{{Pointer: "/uri", Keyword: "format", Got: "/relative", Want: []string{"uri"}, Message: "must be a valid uri"}}},
		{`{"uri": "http://::1/"}`, []E{{Pointer: "/uri", Keyword: "format", Got: "http://::1/", Want: []string{"uri"}, Message: "must be a valid uri"}}},
		{`{"uri": "http://[fe80::1%25en0]/"}`, []E{{Pointer: "/uri", Keyword: "format", Got: "http://[fe80::1%25en0]/", Want: []string{"uri"}, Message: "must be a valid uri"}}},
		// Lengths count code points; the printer groups digits.
		{`{"lengths": "é"}`, []E{{Pointer: "/lengths", Keyword: "minLength", Message: "minlength: got 1, want 2"}}},
		{`{"lengths": "😀😀😀😀"}`, nil},
		{`{"lengthsAnyType": "` + strings.Repeat("é", 1001) + `", "patternAnyType": 1}`, []E{{Pointer: "/lengthsAnyType", Keyword: "maxLength", Message: "maxlength: got 1,001, want 1,000"}}},
		{`{"pattern": "ab 1\n"}`, []E{{Pointer: "/pattern", Keyword: "pattern", Got: "ab 1\n", Want: []string{`^[a-z]+\s\d.$`}, Message: `must match ^[a-z]+\s\d.$`}}},
		{`{"pattern": "ab\u30001x", "patternUnicode": "éé", "patternAnyType": "\u00a0\u2028"}`, []E{{Pointer: "/patternAnyType", Keyword: "pattern", Got: "\u00a0\u2028", Want: []string{`\S`}, Message: `must match \S`}}},
		{`{"numbers": -2}`, []E{{Pointer: "/numbers", Keyword: "minimum", Got: "-2", Want: []string{"-3/2"}, Message: "must be at least -3/2"}}},
		{`{"numbers": -1.75}`, []E{{Pointer: "/numbers", Keyword: "minimum", Got: "-7/4", Want: []string{"-3/2"}, Message: "must be at least -3/2"}}},
		{`{"numbers": 1e400}`, []E{{Pointer: "/numbers", Keyword: "maximum", Message: "maximum: got ∞, want 1,000"}}},
		{`{"numbers": 1000.5}`, []E{{Pointer: "/numbers", Keyword: "maximum", Message: "maximum: got 1,000.5, want 1,000"}}},
		{`{"numbersAnyType": 0.0011}`, []E{{Pointer: "/numbersAnyType", Keyword: "maximum", Message: "maximum: got 0.0011, want 0.001"}}},
		{`{"integerMinimum": 2000000}`, []E{{Pointer: "/integerMinimum", Keyword: "maximum", Message: "maximum: got 2×10⁰⁶, want 1.234567×10⁰⁶"}}},
		{`{"integerMinimum": 9.0}`, []E{{Pointer: "/integerMinimum", Keyword: "minimum", Got: "9", Want: []string{"10"}, Message: "must be at least 10"}}},
		{`{"array": [6]}`, []E{
			{Pointer: "/array", Keyword: "minItems", Want: []string{"2"}, Message: "must have at least 2 items"},
			{Pointer: "/array/0", Keyword: "maximum", Message: "maximum: got 6, want 5"},
		}},
		{`{"arrayAnyType": [], "typeArray": "x"}`, []E{
			{Pointer: "/arrayAnyType", Keyword: "minItems", Want: []string{"1"}, Message: "must have at least 1 item"},
			{Pointer: "/typeArray", Keyword: "type", Got: "string", Want: []string{"array"}, Message: "must be an array, not a string"},
		}},
		// Unknown keys are escaped in the pointer, listed with the keys
		// the object knows, and reported once however often they repeat.
		{`{"object": {"a": "", "b": "ab", "a/b~c": 1, "a/b~c": 2}}`, []E{{Pointer: "/object/a~1b~0c", Keyword: "additionalProperties", Known: []string{"a", "b", "c", "d"}, Message: "unknown field"}}},
		{`{"object": {}}`, []E{
			{Pointer: "/object/a", Keyword: "required", Message: "missing required field"},
			{Pointer: "/object/b", Keyword: "required", Message: "missing required field"},
		}},
		// The last of repeated keys is the one checked.
		{`{"object": {"a": 1, "a": "x", "b": "abcd", "b": "ab"}}`, nil},
		{`{"object": {"a": "x", "a": 1, "b": "ab"}}`, []E{{Pointer: "/object/a", Keyword: "type", Got: "number", Want: []string{"string"}, Message: "must be a string, not a number"}}},
		{`{"closedEmpty": {"k": 1}, "closedNoProperties": {"k": 1}}`, []E{
			{Pointer: "/closedEmpty/k", Keyword: "additionalProperties", Known: []string{}, Message: "unknown field"},
			{Pointer: "/closedNoProperties/k", Keyword: "additionalProperties", Message: "unknown field"},
		}},
		{`{"closedRequired": {"z": 1}}`, []E{{Pointer: "/closedRequired/z", Keyword: "additionalProperties", Message: "unknown field"}}},
		{`{"closedRequired": {}, "requiredOnly": {}, "objectAnyType": []}`, []E{
			{Pointer: "/closedRequired/z", Keyword: "required", Message: "missing required field"},
			{Pointer: "/requiredOnly/r", Keyword: "required", Message: "missing required field"},
		}},
		// The $ref's errors come before the schema's own, then allOf's,
		// in order: the order two errors at one pointer keep.
		{`{"refWithSiblings": "Q"}`, []E{
			{Pointer: "/refWithSiblings", Keyword: "minLength", Message: "minlength: got 1, want 3"},
			{Pointer: "/refWithSiblings", Keyword: "pattern", Def: "word", Got: "Q", Want: []string{"^[a-z]+$"}, Message: "must match ^[a-z]+$"},
			{Pointer: "/refWithSiblings", Keyword: "pattern", Got: "Q", Want: []string{"^w"}, Message: "must match ^w"},
		}},
		{`{"allOf": 7}`, []E{
			{Pointer: "/allOf", Keyword: "type", Def: "word", Got: "number", Want: []string{"string"}, Message: "must be a string, not a number"},
			{Pointer: "/allOf", Keyword: "type", Got: "number", Want: []string{"string"}, Message: "must be a string, not a number"},
			{Pointer: "/allOf", Keyword: "type", Def: "short", Got: "number", Want: []string{"string"}, Message: "must be a string, not a number"},
		}},
		{`{"allOfWithSiblings": "C"}`, []E{
			{Pointer: "/allOfWithSiblings", Keyword: "pattern", Got: "C", Want: []string{"b"}, Message: "must match b"},
			{Pointer: "/allOfWithSiblings", Keyword: "pattern", Got: "C", Want: []string{"a"}, Message: "must match a"},
			{Pointer: "/allOfWithSiblings", Keyword: "pattern", Def: "word", Got: "C", Want: []string{"^[a-z]+$"}, Message: "must match ^[a-z]+$"},
		}},
		{`{"refToRef": 1}`, []E{{Pointer: "/refToRef", Keyword: "type", Def: "word", Got: "number", Want: []string{"string"}, Message: "must be a string, not a number"}}},
		// Errors inside a definition name it, however deep.
		{`{"nested": {"left": "x", "right": 0, "list": [{"left": "", "right": -1, "x": 0}]}}`, []E{
			{Pointer: "/nested/list/0/left", Keyword: "pattern", Def: "word", Got: "", Want: []string{"^[a-z]+$"}, Message: "must match ^[a-z]+$"},
			{Pointer: "/nested/list/0/right", Keyword: "minimum", Def: "pair", Got: "-1", Want: []string{"0"}, Message: "must be at least 0"},
			{Pointer: "/nested/list/0/x", Keyword: "additionalProperties", Def: "pair", Known: []string{"left", "list", "right"}, Message: "unknown field"},
		}},
		{`{"annotated": 1, "empty": null, "object": {"a": "", "b": "ab", "c": 1, "d": null}}`, []E{{Pointer: "/annotated", Keyword: "type", Got: "number", Want: []string{"string"}, Message: "must be a string, not a number"}}},
		{`[]`, []E{{Keyword: "type", Got: "array", Want: []string{"object"}, Message: "must be an object, not an array"}}},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, kw(t, c.doc), c.doc)
	}
}
