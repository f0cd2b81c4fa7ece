package jsondoc

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNumbersKeepTheirLiteral(t *testing.T) {
	d := Parse([]byte(`{"a": 1e20, "b": 42.0, "c": -0, "d": 12345678901234567890123}`), Limits{})
	require.Empty(t, d.Problems)
	for key, want := range map[string]string{"a": "1e20", "b": "42.0", "c": "-0", "d": "12345678901234567890123"} {
		v := d.Root.Get(key)
		assert.Equal(t, Number, v.Kind)
		assert.Equal(t, want, v.Str)
		assert.Equal(t, json.Number(want), v.Interface())
	}
}

func TestPositions(t *testing.T) {
	src := "{\n  \"naïve\": \"日本\",\r\n  \"b\": [1, {\"c\": true}]\n}"
	d := Parse([]byte(src), Limits{})
	require.Empty(t, d.Problems)
	line, col := d.Position(d.Offset("/naïve"))
	assert.Equal(t, [2]int{2, 12}, [2]int{line, col}, "columns count characters, not bytes")
	line, col = d.Position(d.Offset("/b/1/c"))
	assert.Equal(t, [2]int{3, 18}, [2]int{line, col})
	line, col = d.Position(d.KeyOffset("/b"))
	assert.Equal(t, [2]int{3, 3}, [2]int{line, col})
	// A missing key resolves to the nearest parent that exists.
	line, col = d.Position(d.Offset("/b/1/missing"))
	assert.Equal(t, [2]int{3, 12}, [2]int{line, col})
	assert.Equal(t, `  "naïve": "日本",`, d.LineText(2), "CR of CRLF is not part of the line")
	assert.Nil(t, d.Lookup("/b/2"))
	assert.Nil(t, d.Lookup("/b/01"))
}

func TestPointerEscaping(t *testing.T) {
	d := Parse([]byte(`{"a/b": {"m~n": 1}}`), Limits{})
	assert.Equal(t, "/a~1b/m~0n", Pointer("a/b", "m~n"))
	assert.Equal(t, []string{"a/b", "m~n"}, SplitPointer("/a~1b/m~0n"))
	assert.Equal(t, "1", d.Lookup("/a~1b/m~0n").Str)
}

func TestDuplicateKeys(t *testing.T) {
	d := Parse([]byte(`{"a": 1, "b": {"x": 1, "x": 2}, "a": 3}`), Limits{})
	require.Len(t, d.Duplicates, 2)
	assert.Equal(t, "/b/x", d.Duplicates[0].Pointer)
	assert.Equal(t, "/a", d.Duplicates[1].Pointer)
	assert.Equal(t, 1, d.Duplicates[1].First)
	assert.Equal(t, "3", d.Root.Get("a").Str, "the last one wins, as in encoding/json")

	// Objects with many keys switch to a map; detection must not change.
	var b strings.Builder
	b.WriteString("{")
	for i := range 40 {
		b.WriteString(`"k` + string(rune('a'+i%26)) + string(rune('a'+i/26)) + `": 1,`)
	}
	b.WriteString(`"kaa": 2, "kzz": 3, "kab": 4}`)
	d = Parse([]byte(b.String()), Limits{})
	var dups []string
	for _, x := range d.Duplicates {
		dups = append(dups, x.Pointer)
	}
	assert.Equal(t, []string{"/kaa", "/kab"}, dups)
}

func TestSyntaxFaults(t *testing.T) {
	cases := []struct {
		in   string
		msg  string
		line int
		col  int
	}{
		{``, "empty input", 1, 1},
		{"  \n ", "no JSON value", 2, 2},
		{`{"a": 1,}`, "trailing comma", 1, 9},
		{`{"a" 1}`, "expected ':'", 1, 6},
		{`{"a": 01}`, "leading zero", 1, 7},
		{`{"a": NaN}`, "NaN", 1, 7},
		{`{"a": -Infinity}`, "NaN and Infinity", 1, 7},
		{"{\"a\": \"x\ty\"}", "unescaped control character", 1, 9},
		{`{"a": "\x"}`, "invalid escape", 1, 8},
		{`{"a": "\ud800"}`, "unpaired surrogate", 1, 8},
		{`{"a": "abc`, "unterminated string", 1, 7},
		{`{"a": [1, 2}`, "expected ',' or ']'", 1, 12},
		{"{\"a\": \"caf\xe9\"}", "invalid UTF-8", 1, 11},
		{"\xff\xfe{\x00}\x00", "UTF-16", 1, 1},
		{"{\x00\"\x00", "UTF-16", 1, 1},
		{"\x00{\x00\"", "UTF-16", 1, 1},
		{" \x00{\x00", "UTF-16", 1, 1},
		{"{\x00\x00\x00", "UTF-32", 1, 1},
		{"\x00\x00\x00{", "UTF-32", 1, 1},
		{"\xff\xfe\x00\x00{\x00\x00\x00", "UTF-32", 1, 1},
		// A NUL after one ASCII character is a NUL, not a wide encoding.
		{"[\x00]", "unexpected NUL byte", 1, 2},
		{"[\x00", "unexpected NUL byte", 1, 2},
		{"{\x00}", "unexpected NUL byte", 1, 2},
		{"{\x00\"a\": 1}", "unexpected NUL byte", 1, 2},
		{`{"a": tru}`, "expected true", 1, 7},
	}
	for _, c := range cases {
		d := Parse([]byte(c.in), Limits{})
		f := d.Fatal()
		require.NotNil(t, f, "%q", c.in)
		assert.Contains(t, f.Msg, c.msg, "%q", c.in)
		line, col := d.Position(f.Offset)
		assert.Equal(t, [2]int{c.line, c.col}, [2]int{line, col}, "%q", c.in)
		assert.Nil(t, d.Root)
	}
}

func TestRecoverableFaultsKeepTheTree(t *testing.T) {
	d := Parse([]byte("\xef\xbb\xbf{\"a\": 1} {}"), Limits{})
	require.NotNil(t, d.Root)
	require.Len(t, d.Problems, 2)
	assert.Contains(t, d.Problems[0].Msg, "byte order mark")
	assert.Contains(t, d.Problems[1].Msg, "after the top-level value")
	assert.Equal(t, 12, d.Problems[1].Offset)
	assert.Nil(t, d.Fatal())
}

func TestDepthLimit(t *testing.T) {
	deep := strings.Repeat("[", 10000) + strings.Repeat("]", 10000)
	d := Parse([]byte(deep), Limits{})
	f := d.Fatal()
	require.NotNil(t, f)
	assert.Contains(t, f.Msg, "deeper than 64")
	d = Parse([]byte(`{"a":[[[1]]]}`), Limits{MaxDepth: 3})
	require.NotNil(t, d.Fatal())
	d = Parse([]byte(`{"a":[[1]]}`), Limits{MaxDepth: 3})
	assert.Nil(t, d.Fatal())
}

func TestAgreesWithEncodingJSON(t *testing.T) {
	for _, s := range []string{
		`{"a": "\u00e9\n\"\\\/", "b": [true, false, null, -1.5e-3], "c": {"d": "\ud83d\ude00"}}`,
		`{"k": "日本語", "e": {}, "f": []}`,
	} {
		d := Parse([]byte(s), Limits{})
		require.Nil(t, d.Fatal())
		var want any
		dec := json.NewDecoder(strings.NewReader(s))
		dec.UseNumber()
		require.NoError(t, dec.Decode(&want))
		assert.Equal(t, want, d.Root.Interface())
	}
}

func TestPlainText(t *testing.T) {
	for in, want := range map[string]bool{
		`{"a": "plain ~ text", "b": ["x\"y\\z\/"]}`: true,
		`{"a": "é"}`:          false,
		`{"a": "\u00e9"}`:     false,
		`{"a": "x\ny"}`:       false,
		`{"a": "\u0007"}`:     false,
		"{\"a\": \"x\x7fy\"}": false,
		`{"a": "\t"}`:         false,
		`{"ключ": 1}`:         false,
		`[1, 2]`:              true,
		`{"a": `:              false, // no tree at all
	} {
		assert.Equal(t, want, Parse([]byte(in), Limits{}).PlainText(), in)
	}
}

func TestOverlongNumberIsRefusedQuickly(t *testing.T) {
	long := `{"a": ` + strings.Repeat("9", 900_000) + `}`
	d := Parse([]byte(long), Limits{})
	require.NotNil(t, d.Fatal())
	assert.Contains(t, d.Fatal().Msg, "number literal of 900000 characters")
	line, col := d.Position(d.Fatal().Offset)
	assert.Equal(t, [2]int{1, 7}, [2]int{line, col})
	ok := Parse([]byte(`{"a": `+strings.Repeat("9", MaxNumberLength)+`}`), Limits{})
	assert.Nil(t, ok.Fatal())
}
