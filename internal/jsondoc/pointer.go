package jsondoc

import "strings"

var (
	escaper   = strings.NewReplacer("~", "~0", "/", "~1")
	unescaper = strings.NewReplacer("~1", "/", "~0", "~")
)

// AppendToken appends one reference token to a JSON Pointer, escaping it as
// RFC 6901 requires ("~" as "~0", "/" as "~1").
func AppendToken(ptr []byte, tok string) []byte {
	ptr = append(ptr, '/')
	// A byte loop: ContainsAny builds a set for every call, and pointers
	// are built on every payload.
	for i := 0; i < len(tok); i++ {
		if tok[i] == '~' || tok[i] == '/' {
			return append(ptr, escaper.Replace(tok)...)
		}
	}
	return append(ptr, tok...)
}

// Pointer builds a JSON Pointer from unescaped tokens.
func Pointer(toks ...string) string {
	var b []byte
	for _, t := range toks {
		b = AppendToken(b, t)
	}
	return string(b)
}

// Join appends unescaped tokens to an existing pointer.
func Join(ptr string, toks ...string) string {
	b := []byte(ptr)
	for _, t := range toks {
		b = AppendToken(b, t)
	}
	return string(b)
}

// SplitPointer returns the unescaped tokens of a JSON Pointer; "" has none.
func SplitPointer(ptr string) []string {
	if ptr == "" {
		return nil
	}
	toks := strings.Split(strings.TrimPrefix(ptr, "/"), "/")
	for i, t := range toks {
		if strings.Contains(t, "~") {
			toks[i] = unescaper.Replace(t)
		}
	}
	return toks
}
