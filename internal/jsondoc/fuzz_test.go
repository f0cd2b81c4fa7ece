package jsondoc

import (
	"bytes"
	"encoding/json"
	"errors"
	"github.com/finlint/finlint/internal/fuzzseed"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// edgeCases seed the fuzzers with the inputs parsers most often get wrong.
var edgeCases = []string{
	``, ` `, "\n", "\r\n", `{}`, `[]`, `""`, `0`, `-0`, `-`, `1e400`, `1e-400`, `-0.0e+0`, `01`, `1.`, `.5`, `1e`,
	`NaN`, `Infinity`, `-Infinity`, `{"a": NaN}`, `{"a": "NaN"}`, `true`, `tru`, `nul`, `truex`, `[truex]`,
	`{"a":1,}`, `[1,]`, `{"a" 1}`, `{"a":1 "b":2}`, `{,}`, `[,]`, `{"a":1}{"b":2}`, `{"a":1} x`, `{"a":1}` + "\n",
	"\xef\xbb\xbf{}", "\xef\xbb\xbf", "\xef\xbb{}", "\xff\xfe{\x00}\x00", "\xfe\xff\x00{\x00}", "{\x00}\x00", "\x00{\x00}",
	"{\"a\":\"\x00\"}", `{"a":"\u0000"}`, "{\"a\":\"\xc0\xaf\"}", "{\"a\":\"\xed\xa0\x80\"}", "{\"a\":\"\xf4\x90\x80\x80\"}",
	`{"a":"\ud800"}`, `{"a":"\udc00"}`, `{"a":"\ud800\ud800"}`, `{"a":"\ud83d\ude00"}`, `{"a":"\ud83d\u0041"}`,
	`{"a":"\u12"}`, `{"a":"\u+123"}`, `{"a":"\uD83D\uDE00x"}`, `{"a":"\x"}`, `{"a":"\`, `{"a":"`, `"\/\b\f\n\r\t"`,
	`{"a":1,"a":2}`, `{"a":{"x":1,"x":2},"a":{}}`, `{"":1,"":2}`, `{"a/b":1,"a~b":2,"~0":3,"~1":4}`,
	`{"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"ka":10,"kb":11,"kc":12,"kd":13,"ke":14,"kf":15,"k0":16,"kf":17,"kg":18,"kg":19}`,
	`{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9,"j":10,"k":11,"l":12,"m":13,"n":14,"o":15,"p":16,"a":17,"q":18,"q":19,"b":{"c":1,"c":2}}`,
	"{\r\n  \"a\": [1,\r\n 2],\r\n  \"b\": \"é\"\r\n}\r\n", "{\n\"é\":\n\"日本\"\n,\"x\":tru}", "{\"a\":\"\t\"}",
	strings.Repeat("[", 64) + strings.Repeat("]", 64), strings.Repeat("[", 65) + strings.Repeat("]", 65),
	strings.Repeat(`{"a":`, 65) + "1" + strings.Repeat("}", 65), "\f{}", "{}\f", "\u00a0{}", "{}\u00a0",
}

// FuzzJSONDoc checks Parse against encoding/json and against naive
// recomputations of everything it derives: positions, pointers and
// repeated keys.
//
// Parse and encoding/json disagree on purpose about four kinds of input,
// and the target checks that each disagreement is one of them:
//   - invalid UTF-8, which encoding/json replaces with U+FFFD: the payload
//     must be UTF-8, so Parse stops there;
//   - an unpaired surrogate escape (\ud800), which encoding/json also turns
//     into U+FFFD: no UTF-8 text holds it, so Parse stops there;
//   - a UTF-8 byte order mark, which encoding/json rejects: Parse reports it
//     and reads the value after it;
//   - nesting deeper than 64 levels, which encoding/json allows up to 10,000.
func FuzzJSONDoc(f *testing.F) {
	fuzzseed.AddDir(f, filepath.Join("..", "..", "testdata"))
	for _, s := range edgeCases {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		orig := bytes.Clone(src)
		d := Parse(src, Limits{})
		require.Equal(t, orig, src, "Parse must not modify its input")
		checkDoc(t, src, d)
	})
}

func checkDoc(t *testing.T, src []byte, d *Doc) {
	t.Helper()
	fatal := d.Fatal()
	require.Equal(t, fatal == nil, d.Root != nil, "a tree exactly when there is no fatal problem")
	for _, p := range d.Problems {
		require.True(t, p.Offset >= 0 && p.Offset <= len(src), "problem offset %d outside the input", p.Offset)
		require.NotEmpty(t, p.Msg)
	}

	// Every offset Parse produced, to check positions on.
	var offs []int
	for _, p := range d.Problems {
		offs = append(offs, p.Offset)
	}
	for _, dup := range d.Duplicates {
		offs = append(offs, dup.KeyStart, dup.First)
	}
	if d.Root != nil {
		checkValue(t, src, d.Root, 0, len(src))
		checkLookups(t, d, "", d.Root)
		walkValues(d.Root, func(v *Value) {
			offs = append(offs, v.Start, v.End)
			for _, m := range v.Members {
				offs = append(offs, m.KeyStart)
			}
		})
	}
	for _, off := range offs {
		checkPosition(t, src, d, off)
	}
	// Backwards too, so that counting on from the previous answer is tried
	// where it must not be used.
	for i := len(offs) - 1; i >= 0; i-- {
		checkPosition(t, src, d, offs[i])
	}
	checkPosition(t, src, d, len(src))
	// Any offset, even one inside a character, in increasing order: then
	// Position counts on from its previous answer wherever it may.
	if len(src) <= 512 {
		for off := range len(src) {
			line, col := d.Position(off)
			require.Equal(t, naivePosition(src, off), [2]int{line, col}, "position of offset %d", off)
		}
	}

	checkAgainstEncodingJSON(t, src, d)
}

// checkValue checks that v lies within [lo, hi), that its bytes are what
// its kind says, and the same of its children.
func checkValue(t *testing.T, src []byte, v *Value, lo, hi int) {
	t.Helper()
	require.True(t, lo <= v.Start && v.Start < v.End && v.End <= hi, "value [%d,%d) outside [%d,%d)", v.Start, v.End, lo, hi)
	raw := src[v.Start:v.End]
	switch v.Kind {
	case Null:
		require.Equal(t, "null", string(raw))
	case Bool:
		require.Equal(t, strconv.FormatBool(v.Bool), string(raw))
	case Number:
		require.Equal(t, string(raw), v.Str, "a number keeps its literal")
		require.True(t, json.Valid(raw), "number %q", raw)
	case String:
		var s string
		require.NoError(t, json.Unmarshal(raw, &s), "string %q", raw)
		require.Equal(t, s, v.Str)
	case Array:
		require.Equal(t, byte('['), raw[0])
		require.Equal(t, byte(']'), raw[len(raw)-1])
		at := v.Start + 1
		for _, it := range v.Items {
			checkValue(t, src, it, at, v.End-1)
			at = it.End
		}
	case Object:
		require.Equal(t, byte('{'), raw[0])
		require.Equal(t, byte('}'), raw[len(raw)-1])
		at := v.Start + 1
		for _, m := range v.Members {
			require.True(t, at <= m.KeyStart && m.KeyStart < m.Value.Start, "key of %q out of place", m.Key)
			require.Equal(t, m.Key, keyAt(t, src, m.KeyStart))
			checkValue(t, src, m.Value, m.KeyStart, v.End-1)
			at = m.Value.End
		}
	default:
		t.Fatalf("value of kind %d", v.Kind)
	}
}

// keyAt decodes the JSON string that starts at off.
func keyAt(t *testing.T, src []byte, off int) string {
	t.Helper()
	require.Equal(t, byte('"'), src[off])
	tok, err := json.NewDecoder(bytes.NewReader(src[off:])).Token()
	require.NoError(t, err)
	s, ok := tok.(string)
	require.True(t, ok)
	return s
}

func walkValues(v *Value, fn func(*Value)) {
	fn(v)
	for _, it := range v.Items {
		walkValues(it, fn)
	}
	for _, m := range v.Members {
		walkValues(m.Value, fn)
	}
}

// pointerEscaper is written apart from the package's own, so that the two
// check each other.
var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")

// checkLookups checks that every pointer in the tree leads back to its
// value; of a key that repeats, to its last occurrence.
func checkLookups(t *testing.T, d *Doc, ptr string, v *Value) {
	t.Helper()
	require.Same(t, v, d.Lookup(ptr), "Lookup(%q)", ptr)
	require.Equal(t, v.Start, d.Offset(ptr), "Offset(%q)", ptr)
	for i, it := range v.Items {
		checkLookups(t, d, ptr+"/"+strconv.Itoa(i), it)
	}
	last := map[string]int{}
	for i, m := range v.Members {
		last[m.Key] = i
	}
	for i, m := range v.Members {
		p := ptr + "/" + pointerEscaper.Replace(m.Key)
		if last[m.Key] != i {
			continue // shadowed by a later occurrence
		}
		require.Same(t, v.Get(m.Key), m.Value)
		require.Equal(t, m.KeyStart, d.KeyOffset(p), "KeyOffset(%q)", p)
		checkLookups(t, d, p, m.Value)
	}
	if v.Kind == Object {
		require.Nil(t, d.Lookup(ptr+"/\x00missing"))
		require.Equal(t, v.Start, d.Offset(ptr+"/\x00missing"), "a missing key points at its parent")
	}
}

// checkPosition compares Position with a naive count of line feeds and
// characters, and checks that it lies within the input's lines.
func checkPosition(t *testing.T, src []byte, d *Doc, off int) {
	t.Helper()
	line, col := d.Position(off)
	require.Equal(t, naivePosition(src, off), [2]int{line, col}, "position of offset %d", off)
	start := bytes.LastIndexByte(src[:off], '\n') + 1

	end := len(src)
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		end = off + i
	}
	text := src[start:end]
	require.LessOrEqual(t, col, utf8.RuneCount(text)+1, "column past the end of line %d", line)
	require.Equal(t, strings.TrimSuffix(string(text), "\r"), d.LineText(line))
	require.Equal(t, start, d.LineStart(line))
}

// naivePosition counts line feeds and characters up to off.
func naivePosition(src []byte, off int) [2]int {
	before := src[:off]
	start := bytes.LastIndexByte(before, '\n') + 1
	return [2]int{bytes.Count(before, []byte("\n")) + 1, utf8.RuneCount(before[start:]) + 1}
}

// checkAgainstEncodingJSON compares the valid/invalid decision, the tree
// and the repeated keys with encoding/json's.
func checkAgainstEncodingJSON(t *testing.T, src []byte, d *Doc) {
	t.Helper()
	clean := len(d.Problems) == 0
	if clean {
		require.True(t, json.Valid(src), "Parse accepted what encoding/json rejects")
	}
	body, bom := src, false
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		body, bom = src[3:], true
	}
	depth := nesting(body)
	comparable := utf8.Valid(src) && depth <= DefaultMaxDepth && !loneSurrogate(body)
	if comparable && !bom {
		require.Equal(t, json.Valid(src), clean, "valid/invalid decision differs from encoding/json")
	}
	if f := d.Fatal(); f != nil {
		switch {
		case strings.Contains(f.Msg, "deeper than"):
			require.Greater(t, depth, DefaultMaxDepth, "depth limit reported below the limit")
		case strings.Contains(f.Msg, "unpaired surrogate"):
			require.True(t, loneSurrogate(body), "unpaired surrogate reported where there is none")
		case strings.Contains(f.Msg, "UTF-8 byte"):
			require.False(t, utf8.Valid(src), "invalid UTF-8 reported in valid UTF-8")
		}
		return
	}
	if bom {
		require.Equal(t, "input starts with a UTF-8 byte order mark; remove it", d.Problems[0].Msg)
	}
	if !utf8.Valid(src) {
		return
	}
	// The value Parse read is the first value encoding/json reads.
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var want any
	require.NoError(t, dec.Decode(&want))
	if len(d.Duplicates) == 0 {
		require.Equal(t, want, d.Root.Interface())
	}
	trailing := len(bytes.TrimLeft(body[dec.InputOffset():], " \t\r\n")) > 0
	require.Equal(t, trailing, hasProblem(d, "after the top-level value"))
	if !trailing && !bom {
		require.Empty(t, d.Problems)
	}

	var base int
	if bom {
		base = 3
	}
	require.Equal(t, refDuplicates(t, body, base), d.Duplicates)
}

func hasProblem(d *Doc, msg string) bool {
	for _, p := range d.Problems {
		if strings.Contains(p.Msg, msg) {
			return true
		}
	}
	return false
}

// refDuplicates finds repeated keys in the first value of src with
// encoding/json's token stream: a set of keys per open object.
func refDuplicates(t *testing.T, src []byte, base int) []Duplicate {
	t.Helper()
	type frame struct {
		object   bool
		ptr      string
		keys     map[string]int
		wantKey  bool
		next     int // index of the next array item
		valuePtr string
	}
	var stack []*frame
	var dups []Duplicate
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	// childPtr is the pointer of the value about to be read.
	childPtr := func() string {
		if len(stack) == 0 {
			return ""
		}
		top := stack[len(stack)-1]
		if top.object {
			return top.valuePtr
		}
		p := top.ptr + "/" + strconv.Itoa(top.next)
		top.next++
		return p
	}
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		if len(stack) > 0 {
			top := stack[len(stack)-1]
			if top.object && top.wantKey {
				if d, ok := tok.(json.Delim); ok && d == '}' {
					stack = stack[:len(stack)-1]
					if len(stack) == 0 {
						return dups
					}
					if top := stack[len(stack)-1]; top.object {
						top.wantKey = true
					}
					continue
				}
				key := tok.(string)
				start := base + int(before) + bytes.IndexByte(src[before:], '"')
				top.valuePtr = top.ptr + "/" + pointerEscaper.Replace(key)
				if first, ok := top.keys[key]; ok {
					dups = append(dups, Duplicate{Pointer: top.valuePtr, KeyStart: start, First: first})
				} else {
					top.keys[key] = start
				}
				top.wantKey = false
				continue
			}
		}
		switch tok {
		case json.Delim('{'):
			ptr := childPtr()
			stack = append(stack, &frame{object: true, ptr: ptr, keys: map[string]int{}, wantKey: true})
			continue
		case json.Delim('['):
			ptr := childPtr()
			stack = append(stack, &frame{ptr: ptr})
			continue
		case json.Delim(']'):
			stack = stack[:len(stack)-1]
		default:
			childPtr()
		}
		if len(stack) == 0 {
			return dups
		}
		if top := stack[len(stack)-1]; top.object {
			top.wantKey = true
		}
	}
	return dups
}

// nesting returns the deepest nesting of arrays and objects in src,
// skipping strings.
func nesting(src []byte) int {
	depth, deepest, inString := 0, 0, false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '[' || c == '{':
			depth++
			deepest = max(deepest, depth)
		case c == ']' || c == '}':
			depth--
		}
	}
	return deepest
}

// loneSurrogate reports whether a string in src holds a \u escape of a
// UTF-16 surrogate that is not half of a high-low pair.
func loneSurrogate(src []byte) bool {
	hex := func(i int) (rune, bool) {
		if i+6 > len(src) || src[i] != '\\' || src[i+1] != 'u' {
			return 0, false
		}
		v, err := strconv.ParseUint(string(src[i+2:i+6]), 16, 16)
		return rune(v), err == nil
	}
	inString := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case !inString:
			inString = c == '"'
		case c == '"':
			inString = false
		case c == '\\':
			r, ok := hex(i)
			switch {
			case !ok:
				i++ // a one-letter escape
			case r >= 0xDC00 && r <= 0xDFFF:
				return true
			case r >= 0xD800 && r <= 0xDBFF:
				r2, ok := hex(i + 6)
				if !ok || r2 < 0xDC00 || r2 > 0xDFFF {
					return true
				}
				i += 11
			default:
				i += 5
			}
		}
	}
	return false
}

// TestFuzzHelpers keeps the fuzz target's own references honest.
func TestFuzzHelpers(t *testing.T) {
	assert.Equal(t, 3, nesting([]byte(`[{"a":"[[[[",  "b":[1]}]`)))
	assert.True(t, loneSurrogate([]byte(`"\ud800"`)))
	assert.True(t, loneSurrogate([]byte(`"\udc00\ud800"`)))
	assert.True(t, loneSurrogate([]byte(`"\ud800\u0041"`)))
	assert.False(t, loneSurrogate([]byte(`"\ud83d\ude00 \\ud800"`)))
	assert.False(t, loneSurrogate([]byte(`\ud800`)), "outside a string it is not an escape")

	src := []byte(`{"a":1,"b":{"x":[{"y":1,"y":2}],"x":3},"a":4}`)
	want := []Duplicate{
		{Pointer: "/b/x/0/y", KeyStart: strings.Index(string(src), `"y":2`), First: strings.Index(string(src), `"y":1`)},
		{Pointer: "/b/x", KeyStart: strings.Index(string(src), `"x":3`), First: strings.Index(string(src), `"x":[`)},
		{Pointer: "/a", KeyStart: strings.Index(string(src), `"a":4`), First: 1},
	}
	assert.Equal(t, want, refDuplicates(t, src, 0))
	assert.Equal(t, want, Parse(src, Limits{}).Duplicates)
}
