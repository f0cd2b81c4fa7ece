package schema

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Loc is where a value sits in the payload: its key or index, and the Loc
// of the value that holds it, up to the root, which is a nil *Loc. A
// generated validator makes one on its stack for every value it descends
// into and spells it as a JSON Pointer only when it reports an error
// there, so that a valid payload costs no allocation.
type Loc struct {
	up    *Loc
	key   string
	index int // -1 for a key
}

// Key returns the location of the member key of the object at l.
func (l *Loc) Key(key string) Loc { return Loc{up: l, key: key, index: -1} }

// Index returns the location of item i of the array at l.
func (l *Loc) Index(i int) Loc { return Loc{up: l, index: i} }

// Pointer returns l as an RFC 6901 JSON Pointer; the root is "".
func (l *Loc) Pointer() string {
	// The pointer is written from its last token back, into a buffer of
	// its exact length: a walk up the chain that keeps nothing of it, so
	// that the Locs a validator makes stay on its stack.
	n := 0
	for p := l; p != nil; p = p.up {
		n += 1 + p.tokenLen()
	}
	buf := make([]byte, n)
	for p := l; p != nil; p = p.up {
		t := p.tokenLen()
		p.writeToken(buf[n-t : n])
		n -= t + 1
		buf[n] = '/'
	}
	return string(buf)
}

// tokenLen is the length of l's token, escaped.
func (l *Loc) tokenLen() int {
	if l.index >= 0 {
		n := 1
		for i := l.index; i >= 10; i /= 10 {
			n++
		}
		return n
	}
	n := len(l.key)
	for i := 0; i < len(l.key); i++ {
		if l.key[i] == '~' || l.key[i] == '/' {
			n++
		}
	}
	return n
}

// writeToken writes l's token, escaped ("~" as "~0", "/" as "~1"), into
// buf, which is its length.
func (l *Loc) writeToken(buf []byte) {
	if l.index >= 0 {
		i := len(buf)
		for v := l.index; ; v /= 10 {
			i--
			buf[i] = byte('0' + v%10)
			if v < 10 {
				break
			}
		}
		return
	}
	j := 0
	for i := 0; i < len(l.key); i++ {
		switch c := l.key[i]; c {
		case '~', '/':
			buf[j] = '~'
			buf[j+1] = "01"[strings.IndexByte("~/", c)]
			j += 2
		default:
			buf[j] = c
			j++
		}
	}
}

// The functions below report one failed keyword each, as the JSON Schema
// library words it, at the value at at, for the schema in $defs/def (or
// inline when def is ""). Generated validators call them only once a check
// has failed.

// AddType reports a value of JSON type got where the schema wants one of
// the types want, listed in the library's order.
func AddType(errs *[]Error, at *Loc, def, got string, want ...string) {
	w := slices.Clone(want)
	*errs = append(*errs, Error{
		Pointer: at.Pointer(), Keyword: "type", Def: def, Got: got, Want: w,
		Message: "must be " + article(strings.Join(w, " or ")) + ", not " + article(got),
	})
}

// article puts "a" or "an" before a type name, or nothing before null.
func article(t string) string {
	switch {
	case t == "null":
		return "null"
	case strings.IndexByte("aeiou", t[0]) >= 0:
		return "an " + t
	}
	return "a " + t
}

// AddEnum reports a string that is none of the values want.
func AddEnum(errs *[]Error, at *Loc, def, got string, want []string) {
	msg := "must be one of " + strings.Join(want, ", ")
	if len(want) > 8 {
		msg = "must be one of the allowed values"
	}
	*errs = append(*errs, Error{
		Pointer: at.Pointer(), Keyword: "enum", Def: def, Got: got, Want: slices.Clone(want), Message: msg,
	})
}

// AddFormat reports a string that is not of the format called format.
func AddFormat(errs *[]Error, at *Loc, def, got, format string) {
	msg := "must be a valid " + format
	if format == "date" {
		msg = "must be a real calendar date written YYYY-MM-DD"
	}
	*errs = append(*errs, Error{
		Pointer: at.Pointer(), Keyword: "format", Def: def, Got: got, Want: []string{format}, Message: msg,
	})
}

// AddPattern reports a string that does not match pattern, which is
// quoted as the schema writes it (ECMA-262), not as Go reads it.
func AddPattern(errs *[]Error, at *Loc, def, got, pattern string) {
	*errs = append(*errs, Error{
		Pointer: at.Pointer(), Keyword: "pattern", Def: def, Got: got, Want: []string{pattern}, Message: "must match " + pattern,
	})
}

// AddRequired reports that the object at at has no member key.
func AddRequired(errs *[]Error, at *Loc, def, key string) {
	k := at.Key(key)
	*errs = append(*errs, Error{Pointer: k.Pointer(), Keyword: "required", Def: def, Message: "missing required field"})
}

// AddUnknown reports a member key of the object at at that its schema
// does not define, with the keys it does define.
func AddUnknown(errs *[]Error, at *Loc, def, key string, known []string) {
	k := at.Key(key)
	*errs = append(*errs, Error{
		Pointer: k.Pointer(), Keyword: "additionalProperties", Def: def, Known: slices.Clone(known), Message: "unknown field",
	})
}

// AddMinItems reports an array with fewer than want items.
func AddMinItems(errs *[]Error, at *Loc, def string, want int) {
	plural := "s"
	if want == 1 {
		plural = ""
	}
	*errs = append(*errs, Error{
		Pointer: at.Pointer(), Keyword: "minItems", Def: def, Want: []string{strconv.Itoa(want)},
		Message: fmt.Sprintf("must have at least %d item%s", want, plural),
	})
}

// AddMinimum reports a number, the literal got, below want, a bound
// written as the library writes a fraction ("0", "-3/2").
func AddMinimum(errs *[]Error, at *Loc, def, got, want string) {
	*errs = append(*errs, Error{
		Pointer: at.Pointer(), Keyword: "minimum", Def: def, Got: RatString(got), Want: []string{want},
		Message: "must be at least " + want,
	})
}

// AddMaximum reports a number, the literal got, above the bound whose
// literal is want. The library words this one with neither Got nor Want.
func AddMaximum(errs *[]Error, at *Loc, def, got, want string) {
	*errs = append(*errs, Error{
		Pointer: at.Pointer(), Keyword: "maximum", Def: def,
		Message: "maximum: got " + formatFloat(parseFloat(got)) + ", want " + formatFloat(parseFloat(want)),
	})
}

// AddMinLength and AddMaxLength report a string of got characters (code
// points, an invalid UTF-8 byte counting as one) against the bound want.
func AddMinLength(errs *[]Error, at *Loc, def string, got, want int) {
	*errs = append(*errs, Error{
		Pointer: at.Pointer(), Keyword: "minLength", Def: def,
		Message: "minlength: got " + formatInt(got) + ", want " + formatInt(want),
	})
}

// AddMaxLength: see AddMinLength.
func AddMaxLength(errs *[]Error, at *Loc, def string, got, want int) {
	*errs = append(*errs, Error{
		Pointer: at.Pointer(), Keyword: "maxLength", Def: def,
		Message: "maxlength: got " + formatInt(got) + ", want " + formatInt(want),
	})
}

// Length is the length of a string as minLength and maxLength count it:
// in code points, each byte of invalid UTF-8 counting as one.
func Length(s string) int { return utf8.RuneCountInString(s) }
