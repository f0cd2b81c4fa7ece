package kind

import (
	"strconv"

	"github.com/finlint/finlint/internal/jsondoc"
)

// Each calls fn with the pointer and value of every value of doc that
// pattern matches, in document order; a "*" token matches every index of
// an array. Values that are missing are skipped.
func Each(root *jsondoc.Value, pattern string, fn func(ptr string, v *jsondoc.Value)) {
	each(root, "", jsondoc.SplitPointer(pattern), fn)
}

func each(v *jsondoc.Value, at string, toks []string, fn func(string, *jsondoc.Value)) {
	if v == nil {
		return
	}
	if len(toks) == 0 {
		fn(at, v)
		return
	}
	t := toks[0]
	if t == "*" {
		if v.Kind != jsondoc.Array {
			return
		}
		for i, it := range v.Items {
			each(it, at+"/"+strconv.Itoa(i), toks[1:], fn)
		}
		return
	}
	each(v.Get(t), jsondoc.Join(at, t), toks[1:], fn)
}

// Expand returns pattern with its "*" tokens replaced, in order, by the
// indexes of ptr, a pointer pattern matched: the twin of
// "/associated_parties/2/basic_info/first_name" is
// "/associated_parties/2/basic_info/first_name_en".
func Expand(pattern, matched string) string {
	ptoks, mtoks := jsondoc.SplitPointer(pattern), jsondoc.SplitPointer(matched)
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
