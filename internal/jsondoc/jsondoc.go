// Package jsondoc reads a JSON document in one pass over its bytes and keeps
// what a linter needs that encoding/json throws away: the byte offset of every
// key and value, the literal text of every number, repeated keys, and the
// exact place of the first syntax fault.
package jsondoc

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

// Kind is the JSON type of a Value.
type Kind uint8

// The JSON types.
const (
	Null Kind = iota + 1
	Bool
	Number
	String
	Array
	Object
)

var kindNames = [...]string{"invalid", "null", "boolean", "number", "string", "array", "object"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "invalid"
}

// Value is one JSON value with its place in the source.
type Value struct {
	Kind Kind
	// Str holds a string's decoded text, or a number's literal exactly as
	// written, so that 1e20 and 42.0 are never rounded or reformatted.
	Str     string
	Bool    bool
	Items   []*Value
	Members []Member
	// Start and End are the byte offsets of the value in the source.
	Start, End int
	// index finds the members of an object with many keys, so that looking
	// up each of its keys is not quadratic in their number.
	index map[string]keyIndex
}

// keyIndex is where a key of a large object first and last appears.
type keyIndex struct {
	first int // KeyStart of the first occurrence
	last  int // index in Members of the last occurrence
}

// smallObject is the most members an object has before it gets an index;
// below it a linear scan is cheaper than a map.
const smallObject = 16

// Member is one key of an object, in source order.
type Member struct {
	Key      string
	KeyStart int
	Value    *Value
}

// Get returns the value of key in an object, or nil. When a key repeats, the
// last one wins, as in encoding/json and most JSON parsers in production.
func (v *Value) Get(key string) *Value {
	if m := v.member(key); m != nil {
		return m.Value
	}
	return nil
}

// member returns the last member with key, or nil.
func (v *Value) member(key string) *Member {
	if v == nil || v.Kind != Object {
		return nil
	}
	if v.index != nil {
		if e, ok := v.index[key]; ok {
			return &v.Members[e.last]
		}
		return nil
	}
	for i := len(v.Members) - 1; i >= 0; i-- {
		if v.Members[i].Key == key {
			return &v.Members[i]
		}
	}
	return nil
}

// Text returns a string value and true, or "" and false for any other kind.
func (v *Value) Text() (string, bool) {
	if v == nil || v.Kind != String {
		return "", false
	}
	return v.Str, true
}

// Interface converts the value to the plain Go form that JSON Schema
// validators take: map[string]any, []any, json.Number, string, bool, nil.
func (v *Value) Interface() any {
	switch v.Kind {
	case Null:
		return nil
	case Bool:
		return v.Bool
	case Number:
		return json.Number(v.Str)
	case String:
		return v.Str
	case Array:
		a := make([]any, len(v.Items))
		for i, it := range v.Items {
			a[i] = it.Interface()
		}
		return a
	case Object:
		m := make(map[string]any, len(v.Members))
		for _, mb := range v.Members {
			m[mb.Key] = mb.Value.Interface()
		}
		return m
	}
	return nil
}

// Problem is a fault in the bytes themselves. A fatal one means no value tree
// could be built.
type Problem struct {
	Offset int
	Msg    string
	Fatal  bool
}

// Duplicate is a key that appears again in the same object.
type Duplicate struct {
	Pointer  string // pointer of the key (the same for both occurrences)
	KeyStart int    // offset of the repeated key
	First    int    // offset of its first occurrence
}

// Doc is a parsed document.
type Doc struct {
	Src []byte
	// Root is nil when a fatal problem stopped the parse.
	Root       *Value
	Problems   []Problem
	Duplicates []Duplicate
	// notPlain is set when some string or key holds a character outside
	// printable ASCII (a control character, DEL, or anything non-ASCII).
	notPlain bool
	lines    []int
	// last is the previous Position answer: asked in offset order, as the
	// linter does, columns on one long line are counted once, not once per
	// finding (a minified payload is a single line).
	last struct{ off, line, col int }
	// blocks are the pooled blocks the values were carved from, handed
	// back by Release; vused is how much of the last one was used.
	blocks []*valueBlock
	vused  int
	// mblocks and iblocks are the pooled member and item blocks, with
	// the same count of the last one's use.
	mblocks []*memberBlock
	mused   int
	iblocks []*itemBlock
	iused   int
}

// memberBlockLen and itemBlockLen are the lengths of pooled member and
// item blocks; an object or array with more gets a block of its own size,
// which is not pooled.
const (
	memberBlockLen = 64
	itemBlockLen   = 64
)

type (
	memberBlock [memberBlockLen]Member
	itemBlock   [itemBlockLen]*Value
)

var (
	memberBlocks = sync.Pool{New: func() any { return new(memberBlock) }}
	itemBlocks   = sync.Pool{New: func() any { return new(itemBlock) }}
)

// valueBlockLen is the number of Values in a pooled block: a typical
// payload of one or two KiB fits in one.
const valueBlockLen = 128

type valueBlock [valueBlockLen]Value

var valueBlocks = sync.Pool{New: func() any { return new(valueBlock) }}

// Release hands the document's values back for the next Parse to use.
// The caller must hold no Value, Member or item of the document after it:
// every one of them is cleared. The strings taken from the document stay
// valid. A document that is not released is simply collected.
func (d *Doc) Release() {
	putBlocks(&valueBlocks, d.blocks, d.vused, func(b *valueBlock) []Value { return b[:] })
	putBlocks(&memberBlocks, d.mblocks, d.mused, func(b *memberBlock) []Member { return b[:] })
	putBlocks(&itemBlocks, d.iblocks, d.iused, func(b *itemBlock) []*Value { return b[:] })
	d.blocks, d.mblocks, d.iblocks, d.Root = nil, nil, nil, nil
}

// putBlocks clears the used part of each block (all of every one but the
// last, used entries of that) and hands it back to pool.
func putBlocks[B, T any](pool *sync.Pool, blocks []*B, used int, entries func(*B) []T) {
	for i, b := range blocks {
		e := entries(b)
		if i == len(blocks)-1 {
			e = e[:used]
		}
		clear(e)
		pool.Put(b)
	}
}

// Limits bound the work one document may cause.
type Limits struct {
	// MaxDepth is the deepest nesting of arrays and objects allowed; 0 means 64.
	MaxDepth int
}

// MaxNumberLength is the longest number literal Parse accepts.
const MaxNumberLength = 1000

// DefaultMaxDepth is the nesting limit when Limits.MaxDepth is zero.
const DefaultMaxDepth = 64

// Parse reads src. It never panics and always returns a Doc; faults are in
// Doc.Problems.
func Parse(src []byte, lim Limits) *Doc {
	if lim.MaxDepth <= 0 {
		lim.MaxDepth = DefaultMaxDepth
	}
	d := &Doc{Src: src}
	p := parser{src: src, doc: d, maxDepth: lim.MaxDepth, text: string(src)}
	// The stacks are scratch space, the same size from one payload to the
	// next: they are reused rather than grown again for every document.
	sc := scratchPool.Get().(*scratch)
	p.path, p.mstack, p.istack = sc.path[:0], sc.mstack[:0], sc.istack[:0]
	p.run()
	// Cleared, so that the pool holds no pointer into this document.
	clear(p.path[:cap(p.path)])
	clear(p.mstack[:cap(p.mstack)])
	clear(p.istack[:cap(p.istack)])
	sc.path, sc.mstack, sc.istack = p.path, p.mstack, p.istack
	scratchPool.Put(sc)
	return d
}

// scratch is a parser's stacks, kept between documents.
type scratch struct {
	path   []string
	mstack []Member
	istack []*Value
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// PlainText reports whether every string and key of the document is
// printable ASCII: no control character, no DEL, nothing beyond U+007F.
// The text rules skip their walk over every value when it is.
func (d *Doc) PlainText() bool { return d.Root != nil && !d.notPlain }

// Fatal returns the first fatal problem, or nil.
func (d *Doc) Fatal() *Problem {
	for i := range d.Problems {
		if d.Problems[i].Fatal {
			return &d.Problems[i]
		}
	}
	return nil
}

type parser struct {
	src      []byte
	pos      int
	doc      *Doc
	maxDepth int
	depth    int
	// path holds the unescaped tokens down to the value being parsed; a
	// pointer is built from it only when a repeated key needs one.
	path []string
	// text is src as one string: a string without escapes, a key and a
	// number literal are slices of it rather than copies of their own.
	text string
	// The values, members and items of the document are carved out of
	// a few large blocks instead of being allocated one by one; members
	// and items are gathered on a stack while their container is read,
	// then copied into a block at their final length.
	values  []Value
	members []Member
	items   []*Value
	mstack  []Member
	istack  []*Value
}

// newValue returns a zeroed Value from the current block, a pooled one
// (see Doc.Release).
func (p *parser) newValue() *Value {
	if len(p.values) == cap(p.values) {
		b := valueBlocks.Get().(*valueBlock)
		p.doc.blocks = append(p.doc.blocks, b)
		p.values = b[:0]
	}
	p.values = p.values[:len(p.values)+1]
	p.doc.vused = len(p.values)
	return &p.values[len(p.values)-1]
}

// keep copies the members gathered since base into a block and drops them
// from the stack.
func (p *parser) keepMembers(base int) []Member {
	ms := p.mstack[base:]
	n := len(ms)
	if n > memberBlockLen {
		out := make([]Member, n)
		copy(out, ms)
		clear(ms)
		p.mstack = p.mstack[:base]
		return out
	}
	if cap(p.members)-len(p.members) < n {
		b := memberBlocks.Get().(*memberBlock)
		p.doc.mblocks = append(p.doc.mblocks, b)
		p.members = b[:0]
	}
	out := p.members[len(p.members) : len(p.members)+n : len(p.members)+n]
	copy(out, ms)
	p.members = p.members[:len(p.members)+n]
	p.doc.mused = len(p.members)
	clear(ms)
	p.mstack = p.mstack[:base]
	return out
}

func (p *parser) keepItems(base int) []*Value {
	is := p.istack[base:]
	n := len(is)
	if n > itemBlockLen {
		out := make([]*Value, n)
		copy(out, is)
		clear(is)
		p.istack = p.istack[:base]
		return out
	}
	if cap(p.items)-len(p.items) < n {
		b := itemBlocks.Get().(*itemBlock)
		p.doc.iblocks = append(p.doc.iblocks, b)
		p.items = b[:0]
	}
	out := p.items[len(p.items) : len(p.items)+n : len(p.items)+n]
	copy(out, is)
	p.items = p.items[:len(p.items)+n]
	p.doc.iused = len(p.items)
	clear(is)
	p.istack = p.istack[:base]
	return out
}

type fault struct{}

func (p *parser) fail(off int, format string, args ...any) {
	p.doc.Problems = append(p.doc.Problems, Problem{Offset: off, Msg: fmt.Sprintf(format, args...), Fatal: true})
	panic(fault{})
}

func (p *parser) run() {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(fault); !ok {
				panic(r)
			}
			p.doc.Root = nil
		}
	}()
	src := p.src
	switch {
	case len(src) >= 4 && (string(src[:4]) == "\xFF\xFE\x00\x00" || string(src[:4]) == "\x00\x00\xFE\xFF"):
		p.fail(0, "input is UTF-32; encode it as UTF-8")
	case len(src) >= 2 && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF):
		p.fail(0, "input is UTF-16; encode it as UTF-8")
	case wideEncoding(src) != "":
		p.fail(0, "input looks like %s (NUL bytes between characters); encode it as UTF-8", wideEncoding(src))
	case len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF:
		p.doc.Problems = append(p.doc.Problems, Problem{Offset: 0, Msg: "input starts with a UTF-8 byte order mark; remove it"})
		p.pos = 3
	}
	p.skipSpace()
	if p.pos >= len(src) {
		if len(src) == 0 {
			p.fail(0, "empty input: expected a JSON object")
		}
		p.fail(p.pos, "no JSON value: expected a JSON object")
	}
	root := p.value()
	p.doc.Root = root
	p.skipSpace()
	if p.pos < len(src) {
		p.doc.Problems = append(p.doc.Problems, Problem{Offset: p.pos, Msg: "unexpected data after the top-level value"})
	}
}

// wideEncoding names the encoding of a JSON text whose first four bytes
// have the NUL pattern of UTF-16 or UTF-32 (RFC 4627 §3: the first two
// characters of a JSON text are ASCII), or "". Two bytes are not enough:
// "[\x00" is a UTF-8 text with a NUL in it, a syntax error at 1:2.
func wideEncoding(src []byte) string {
	if len(src) < 4 {
		return ""
	}
	z := [4]bool{src[0] == 0, src[1] == 0, src[2] == 0, src[3] == 0}
	switch z {
	case [4]bool{true, true, true, false}, [4]bool{false, true, true, true}:
		return "UTF-32"
	case [4]bool{true, false, true, false}, [4]bool{false, true, false, true}:
		return "UTF-16"
	}
	return ""
}

func (p *parser) skipSpace() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) describe(off int) string {
	if off >= len(p.src) {
		return "end of input"
	}
	c := p.src[off]
	switch {
	case c == 0:
		return "NUL byte"
	case c < 0x20:
		return fmt.Sprintf("control character %#02x", c)
	case c < utf8.RuneSelf:
		return strconv.QuoteRune(rune(c))
	}
	r, n := utf8.DecodeRune(p.src[off:])
	if r == utf8.RuneError && n <= 1 { // a bad byte, not a real U+FFFD
		return fmt.Sprintf("invalid UTF-8 byte %#02x", c)
	}
	return strconv.QuoteRune(r)
}

func (p *parser) value() *Value {
	if p.pos >= len(p.src) {
		p.fail(p.pos, "unexpected end of input: expected a value")
	}
	switch c := p.src[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		start := p.pos
		s := p.str()
		v := p.newValue()
		*v = Value{Kind: String, Str: s, Start: start, End: p.pos}
		return v
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	case c == 't':
		return p.literal("true", Value{Kind: Bool, Bool: true})
	case c == 'f':
		return p.literal("false", Value{Kind: Bool})
	case c == 'n':
		return p.literal("null", Value{Kind: Null})
	}
	if p.hasWord("NaN") || p.hasWord("Infinity") || p.hasWord("-Infinity") {
		p.fail(p.pos, "NaN and Infinity are not JSON numbers")
	}
	p.fail(p.pos, "unexpected %s: expected a value", p.describe(p.pos))
	return nil
}

func (p *parser) hasWord(w string) bool {
	return strings.HasPrefix(string(p.src[p.pos:min(len(p.src), p.pos+len(w))]), w)
}

func (p *parser) literal(word string, lit Value) *Value {
	if !p.hasWord(word) {
		p.fail(p.pos, "invalid literal: expected %s", word)
	}
	v := p.newValue()
	*v = lit
	v.Start = p.pos
	p.pos += len(word)
	v.End = p.pos
	return v
}

func (p *parser) enter() {
	p.depth++
	if p.depth > p.maxDepth {
		p.fail(p.pos, "nesting deeper than %d levels", p.maxDepth)
	}
}

func (p *parser) object() *Value {
	p.enter()
	v := p.newValue()
	*v = Value{Kind: Object, Start: p.pos}
	p.pos++
	var index map[string]keyIndex // built once the object has many keys
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == '}' {
		p.pos++
		v.End = p.pos
		p.depth--
		return v
	}
	depth := len(p.path)
	p.path = append(p.path, "")
	base := len(p.mstack)
	for {
		members := p.mstack[base:]
		p.skipSpace()
		if p.pos >= len(p.src) {
			p.fail(p.pos, "unexpected end of input: expected a key or '}'")
		}
		if p.src[p.pos] != '"' {
			p.fail(p.pos, "unexpected %s: expected a key in double quotes", p.describe(p.pos))
		}
		keyStart := p.pos
		key := p.str()
		p.path[depth] = key
		if index == nil && len(members) >= smallObject {
			index = make(map[string]keyIndex, 2*len(members))
			for i, m := range members {
				e, ok := index[m.Key]
				if !ok {
					e.first = m.KeyStart
				}
				e.last = i
				index[m.Key] = e
			}
		}
		first := -1
		if index != nil {
			e, ok := index[key]
			if ok {
				first = e.first
			} else {
				e.first = keyStart
			}
			e.last = len(members)
			index[key] = e
		} else {
			for i := range members {
				if members[i].Key == key {
					first = members[i].KeyStart
					break
				}
			}
		}
		if first >= 0 {
			p.doc.Duplicates = append(p.doc.Duplicates, Duplicate{Pointer: Pointer(p.path...), KeyStart: keyStart, First: first})
		}
		p.skipSpace()
		if p.pos >= len(p.src) || p.src[p.pos] != ':' {
			p.fail(p.pos, "unexpected %s: expected ':' after key", p.describe(p.pos))
		}
		p.pos++
		p.skipSpace()
		val := p.value()
		p.mstack = append(p.mstack, Member{Key: key, KeyStart: keyStart, Value: val})
		p.skipSpace()
		if p.pos >= len(p.src) {
			p.fail(p.pos, "unexpected end of input: expected ',' or '}'")
		}
		switch p.src[p.pos] {
		case ',':
			p.pos++
			p.skipSpace()
			if p.pos < len(p.src) && p.src[p.pos] == '}' {
				p.fail(p.pos, "trailing comma before '}'")
			}
		case '}':
			p.pos++
			v.End = p.pos
			v.Members = p.keepMembers(base)
			v.index = index
			p.path = p.path[:depth]
			p.depth--
			return v
		default:
			p.fail(p.pos, "unexpected %s: expected ',' or '}'", p.describe(p.pos))
		}
	}
}

func (p *parser) array() *Value {
	p.enter()
	v := p.newValue()
	*v = Value{Kind: Array, Start: p.pos}
	p.pos++
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == ']' {
		p.pos++
		v.End = p.pos
		p.depth--
		return v
	}
	depth := len(p.path)
	p.path = append(p.path, "")
	base := len(p.istack)
	for {
		p.skipSpace()
		p.path[depth] = strconv.Itoa(len(p.istack) - base)
		it := p.value()
		p.istack = append(p.istack, it)
		p.skipSpace()
		if p.pos >= len(p.src) {
			p.fail(p.pos, "unexpected end of input: expected ',' or ']'")
		}
		switch p.src[p.pos] {
		case ',':
			p.pos++
			p.skipSpace()
			if p.pos < len(p.src) && p.src[p.pos] == ']' {
				p.fail(p.pos, "trailing comma before ']'")
			}
		case ']':
			p.pos++
			v.End = p.pos
			v.Items = p.keepItems(base)
			p.path = p.path[:depth]
			p.depth--
			return v
		default:
			p.fail(p.pos, "unexpected %s: expected ',' or ']'", p.describe(p.pos))
		}
	}
}

func (p *parser) number() *Value {
	start := p.pos
	src := p.src
	i := p.pos
	if src[i] == '-' {
		i++
	}
	switch {
	case i < len(src) && src[i] == '0':
		i++
		if i < len(src) && src[i] >= '0' && src[i] <= '9' {
			p.fail(start, "invalid number: leading zero")
		}
	case i < len(src) && src[i] >= '1' && src[i] <= '9':
		for i < len(src) && src[i] >= '0' && src[i] <= '9' {
			i++
		}
	default:
		if p.pos+1 < len(src) && (p.hasWord("-Infinity") || p.hasWord("-NaN")) {
			p.fail(start, "NaN and Infinity are not JSON numbers")
		}
		p.fail(i, "invalid number: expected a digit")
	}
	if i < len(src) && src[i] == '.' {
		i++
		if i >= len(src) || src[i] < '0' || src[i] > '9' {
			p.fail(i, "invalid number: expected a digit after '.'")
		}
		for i < len(src) && src[i] >= '0' && src[i] <= '9' {
			i++
		}
	}
	if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
		i++
		if i < len(src) && (src[i] == '+' || src[i] == '-') {
			i++
		}
		if i >= len(src) || src[i] < '0' || src[i] > '9' {
			p.fail(i, "invalid number: expected a digit in the exponent")
		}
		for i < len(src) && src[i] >= '0' && src[i] <= '9' {
			i++
		}
	}
	if i-start > MaxNumberLength {
		// No id or amount is this long, and exact arithmetic on it (the
		// schema's, the rules') would cost time quadratic in its length.
		p.fail(start, "number literal of %d characters; at most %d are accepted", i-start, MaxNumberLength)
	}
	p.pos = i
	v := p.newValue()
	*v = Value{Kind: Number, Str: p.text[start:i], Start: start, End: i}
	return v
}

// str reads a string starting at the opening quote and returns its text.
func (p *parser) str() string {
	src := p.src
	start := p.pos
	i := p.pos + 1
	// Fast path: no escapes and plain ASCII.
	for i < len(src) {
		c := src[i]
		if c == '"' {
			p.pos = i + 1
			return p.text[start+1 : i]
		}
		if c == '\\' || c < 0x20 || c >= 0x7f {
			break
		}
		i++
	}
	var b []byte
	b = append(b, src[start+1:i]...)
	for {
		if i >= len(src) {
			p.fail(start, "unterminated string")
		}
		c := src[i]
		switch {
		case c == '"':
			p.pos = i + 1
			return string(b)
		case c == '\\':
			if i+1 >= len(src) {
				p.fail(start, "unterminated string")
			}
			e := src[i+1]
			switch e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				p.doc.notPlain = true
				b = append(b, '\b')
			case 'f':
				p.doc.notPlain = true
				b = append(b, '\f')
			case 'n':
				p.doc.notPlain = true
				b = append(b, '\n')
			case 'r':
				p.doc.notPlain = true
				b = append(b, '\r')
			case 't':
				p.doc.notPlain = true
				b = append(b, '\t')
			case 'u':
				r, n := p.unicodeEscape(i)
				if r < 0x20 || r >= 0x7f {
					p.doc.notPlain = true
				}
				b = utf8.AppendRune(b, r)
				i += n
				continue
			default:
				p.fail(i, "invalid escape %s in string", p.describe(i+1))
			}
			i += 2
		case c < 0x20:
			p.fail(i, "unescaped %s in string", p.describe(i))
		case c < utf8.RuneSelf:
			if c == 0x7f {
				p.doc.notPlain = true
			}
			b = append(b, c)
			i++
		default:
			p.doc.notPlain = true
			r, n := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && n <= 1 {
				p.fail(i, "invalid UTF-8 byte %#02x in string; the payload must be UTF-8", c)
			}
			b = append(b, src[i:i+n]...)
			i += n
		}
	}
}

// unicodeEscape decodes \uXXXX at i (and a following low surrogate) and
// returns the rune and the number of bytes read.
func (p *parser) unicodeEscape(i int) (rune, int) {
	hex := func(at int) rune {
		if at+6 > len(p.src) {
			p.fail(at, "invalid \\u escape: expected 4 hex digits")
		}
		v, err := strconv.ParseUint(string(p.src[at+2:at+6]), 16, 32)
		if err != nil {
			p.fail(at, "invalid \\u escape: expected 4 hex digits")
		}
		return rune(v)
	}
	r := hex(i)
	if utf16.IsSurrogate(r) {
		if r < 0xDC00 && i+12 <= len(p.src) && p.src[i+6] == '\\' && p.src[i+7] == 'u' {
			if r2 := hex(i + 6); r2 >= 0xDC00 && r2 <= 0xDFFF {
				return utf16.DecodeRune(r, r2), 12
			}
		}
		p.fail(i, "invalid \\u escape: unpaired surrogate")
	}
	return r, 6
}

// Position returns the 1-based line and column of a byte offset. Columns
// count characters, not bytes. Offsets past the end are clamped to it.
func (d *Doc) Position(off int) (line, col int) {
	if d.lines == nil {
		d.lines = append(d.lines, 0)
		for i, c := range d.Src {
			if c == '\n' {
				d.lines = append(d.lines, i+1)
			}
		}
	}
	off = max(0, min(off, len(d.Src)))
	lo, hi := 0, len(d.lines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	// Counting on from the previous answer is exact only from the start of
	// a character.
	if c := d.last; c.line == lo+1 && c.off <= off && (c.off == len(d.Src) || utf8.RuneStart(d.Src[c.off])) {
		col = c.col + utf8.RuneCount(d.Src[c.off:off])
	} else {
		col = utf8.RuneCount(d.Src[d.lines[lo]:off]) + 1
	}
	d.last.off, d.last.line, d.last.col = off, lo+1, col
	return lo + 1, col
}

// LineText returns the text of a 1-based line without its line ending.
func (d *Doc) LineText(line int) string {
	if d.lines == nil {
		d.Position(0)
	}
	if line < 1 || line > len(d.lines) {
		return ""
	}
	start := d.lines[line-1]
	end := len(d.Src)
	if line < len(d.lines) {
		end = d.lines[line] - 1
	}
	return strings.TrimSuffix(string(d.Src[start:end]), "\r")
}

// LineStart returns the byte offset where a 1-based line starts.
func (d *Doc) LineStart(line int) int {
	if d.lines == nil {
		d.Position(0)
	}
	if line < 1 {
		return 0
	}
	if line > len(d.lines) {
		return len(d.Src)
	}
	return d.lines[line-1]
}

// Lookup returns the value at an RFC 6901 pointer, or nil.
func (d *Doc) Lookup(ptr string) *Value {
	v, _, rest := d.resolve(ptr)
	if rest {
		return nil
	}
	return v
}

// Offset returns the offset a finding at ptr points to: the value there; for
// a key that is missing, the nearest object or array that exists above it.
func (d *Doc) Offset(ptr string) int {
	v, m, _ := d.resolve(ptr)
	if m != nil {
		return m.Value.Start
	}
	if v == nil {
		return 0
	}
	return v.Start
}

// KeyOffset returns the offset of the key of the member at ptr, or the
// value's offset when ptr names an array item or the root.
func (d *Doc) KeyOffset(ptr string) int {
	_, m, rest := d.resolve(ptr)
	if m != nil && !rest {
		return m.KeyStart
	}
	return d.Offset(ptr)
}

// resolve walks ptr as far as it exists. It returns the deepest value found,
// the member that holds it when the last step was an object key, and whether
// some of ptr could not be followed.
func (d *Doc) resolve(ptr string) (*Value, *Member, bool) {
	v := d.Root
	if v == nil {
		return nil, nil, ptr != ""
	}
	var m *Member
	// Token by token, as SplitPointer would cut them, without building
	// the slice: rules look values up on every payload.
	rest := strings.TrimPrefix(ptr, "/")
	for more := ptr != ""; more; {
		var tok string
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			tok, rest = rest[:i], rest[i+1:]
		} else {
			tok, more = rest, false
		}
		if strings.IndexByte(tok, '~') >= 0 {
			tok = unescaper.Replace(tok)
		}
		switch v.Kind {
		case Object:
			next := v.member(tok)
			if next == nil {
				return v, nil, true
			}
			m, v = next, next.Value
		case Array:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(v.Items) || (len(tok) > 1 && tok[0] == '0') {
				return v, nil, true
			}
			m, v = nil, v.Items[i]
		default:
			return v, nil, true
		}
	}
	return v, m, false
}
