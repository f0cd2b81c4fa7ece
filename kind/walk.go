package kind

import (
	"strconv"
	"strings"

	"github.com/finlint/finlint/internal/jsondoc"
)

// Each calls fn with the pointer and value of every value of doc that
// pattern matches, in document order; a "*" token matches every index of
// an array. Values that are missing are skipped.
//
// Each runs for every role of every payload, so it builds no pointer it
// does not hand to fn, and a pattern without "*" is its own pointer.
func Each(root *jsondoc.Value, pattern string, fn func(ptr string, v *jsondoc.Value)) {
	if !hasStar(pattern) {
		v := root
		for rest := pattern; rest != "" && v != nil; {
			var t string
			t, rest = nextToken(rest)
			v = v.Get(t)
		}
		if v != nil {
			fn(pattern, v)
		}
		return
	}
	var buf [64]byte
	each(root, buf[:0], pattern, fn)
}

func each(v *jsondoc.Value, at []byte, rest string, fn func(string, *jsondoc.Value)) {
	for rest != "" && v != nil {
		var t string
		t, rest = nextToken(rest)
		if t == "*" {
			if v.Kind != jsondoc.Array {
				return
			}
			for i, it := range v.Items {
				each(it, strconv.AppendInt(append(at, '/'), int64(i), 10), rest, fn)
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

// nextToken returns the first reference token of a non-empty pointer,
// unescaped, and the rest of the pointer: a walk reads its pattern token
// by token, with no slice of tokens to build.
func nextToken(ptr string) (tok, rest string) {
	ptr = ptr[1:]
	if i := strings.IndexByte(ptr, '/'); i >= 0 {
		tok, rest = ptr[:i], ptr[i:]
	} else {
		tok = ptr
	}
	if strings.IndexByte(tok, '~') >= 0 {
		tok = jsondoc.SplitPointer("/" + tok)[0] // rare: no pattern escapes today
	}
	return tok, rest
}

// hasStar reports whether a pattern has a "*" token.
func hasStar(pattern string) bool {
	for {
		i := strings.Index(pattern, "/*")
		if i < 0 {
			return false
		}
		if i+2 == len(pattern) || pattern[i+2] == '/' {
			return true
		}
		pattern = pattern[i+2:]
	}
}

// Expand returns pattern with its "*" tokens replaced, in order, by the
// indexes of ptr, a pointer pattern matched: the twin of
// "/associated_parties/2/basic_info/first_name" is
// "/associated_parties/2/basic_info/first_name_en".
func Expand(pattern, matched string) string {
	if !hasStar(pattern) {
		return pattern
	}
	ptoks := jsondoc.SplitPointer(pattern)
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
	if !hasStar(pattern) {
		return pattern == ptr
	}
	ptoks, toks := jsondoc.SplitPointer(pattern), jsondoc.SplitPointer(ptr)
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
