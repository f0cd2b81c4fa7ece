package kind

import (
	"strconv"
	"strings"
	"sync"

	"github.com/finlint/finlint/internal/jsondoc"
)

// Each calls fn with the pointer and value of every value of doc that
// pattern matches, in document order; a "*" token matches every index of
// an array. Values that are missing are skipped.
//
// Each runs for every role of every payload, so it builds no pointer it
// does not hand to fn, and a pattern without "*" is its own pointer.
func Each(root *jsondoc.Value, pattern string, fn func(ptr string, v *jsondoc.Value)) {
	toks := tokens(pattern)
	if !hasStar(toks) {
		if v := lookupTokens(root, toks); v != nil {
			fn(pattern, v)
		}
		return
	}
	var buf [64]byte
	each(root, buf[:0], toks, fn)
}

func each(v *jsondoc.Value, at []byte, toks []string, fn func(string, *jsondoc.Value)) {
	for len(toks) > 0 && v != nil {
		t := toks[0]
		toks = toks[1:]
		if t == "*" {
			if v.Kind != jsondoc.Array {
				return
			}
			for i, it := range v.Items {
				each(it, strconv.AppendInt(append(at, '/'), int64(i), 10), toks, fn)
			}
			return
		}
		v = v.Get(t)
		at = jsondoc.AppendToken(at, t)
	}
	if v != nil {
		fn(string(at), v)
	}
}

// patterns holds each pattern's tokens: the patterns are the kinds' own
// few constants, split once rather than on every payload.
var patterns sync.Map // string -> []string

func tokens(pattern string) []string {
	if t, ok := patterns.Load(pattern); ok {
		return t.([]string)
	}
	t := jsondoc.SplitPointer(pattern)
	patterns.Store(pattern, t)
	return t
}

func hasStar(toks []string) bool {
	for _, t := range toks {
		if t == "*" {
			return true
		}
	}
	return false
}

// Expand returns pattern with its "*" tokens replaced, in order, by the
// indexes of ptr, a pointer pattern matched: the twin of
// "/associated_parties/2/basic_info/first_name" is
// "/associated_parties/2/basic_info/first_name_en".
func Expand(pattern, matched string) string {
	ptoks := tokens(pattern)
	if !hasStar(ptoks) {
		return pattern
	}
	mtoks := jsondoc.SplitPointer(matched)
	var idx []string
	for i, t := range ptoks {
		if t == "*" && i < len(mtoks) {
			idx = append(idx, mtoks[i])
		}
	}
	out := make([]string, len(ptoks))
	for i, t := range ptoks {
		if t == "*" && len(idx) > 0 {
			t, idx = idx[0], idx[1:]
		}
		out[i] = t
	}
	return jsondoc.Pointer(out...)
}

// Match reports whether ptr is one of the pointers pattern matches.
func Match(pattern, ptr string) bool {
	ptoks := tokens(pattern)
	if !hasStar(ptoks) {
		return pattern == ptr || (strings.Contains(ptr, "~") && equalTokens(ptoks, jsondoc.SplitPointer(ptr)))
	}
	toks := jsondoc.SplitPointer(ptr)
	if len(ptoks) != len(toks) {
		return false
	}
	for i, t := range ptoks {
		if t == "*" {
			if !isIndex(toks[i]) {
				return false
			}
			continue
		}
		if t != toks[i] {
			return false
		}
	}
	return true
}

func equalTokens(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func isIndex(t string) bool {
	if t == "" {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return true
}

// IsTaxDocumentID reports whether ptr is the document_id of an entry of
// one of the kind's tax_info arrays.
