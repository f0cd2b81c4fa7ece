package report

import (
	"strconv"
	"unicode/utf8"
)

// appendResult appends a result with no submission or error (almost every
// result of a run) as encoding/json would write its jsonResult, with HTML
// characters unescaped, indented by prefix and indent as SetIndent would,
// or compact when both are empty. It is the reflection-free path of the
// json and ndjson formats; TestResultMatchesEncodingJSON and
// FuzzResultMatchesEncodingJSON hold it to the encoder's bytes. ok is false
// for a result it does not cover.
func appendResult(b []byte, r *Result, prefix, indent string) (out []byte, ok bool) {
	if r.Submission != nil || r.Error != "" {
		return b, false
	}
	compact := prefix == "" && indent == ""
	nl := func(b []byte, depth int) []byte {
		if compact {
			return b
		}
		b = append(b, '\n')
		b = append(b, prefix...)
		for range depth {
			b = append(b, indent...)
		}
		return b
	}
	key := func(b []byte, first bool, depth int, k string) []byte {
		if !first {
			b = append(b, ',')
		}
		b = nl(b, depth)
		b = append(b, '"')
		b = append(b, k...)
		b = append(b, '"', ':')
		if !compact {
			b = append(b, ' ')
		}
		return b
	}
	b = append(b, '{')
	b = key(b, true, 1, "source")
	b = appendJSONString(b, r.Source)
	if r.Record != 0 {
		b = key(b, false, 1, "record")
		b = strconv.AppendInt(b, int64(r.Record), 10)
	}
	if r.Reference != "" {
		b = key(b, false, 1, "reference")
		b = appendJSONString(b, r.Reference)
	}
	if r.Kind != "" {
		b = key(b, false, 1, "kind")
		b = appendJSONString(b, r.Kind)
	}
	b = key(b, false, 1, "valid")
	b = strconv.AppendBool(b, r.Valid)
	b = key(b, false, 1, "findings")
	b = append(b, '[')
	for i := range r.Findings {
		f := &r.Findings[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = nl(b, 2)
		b = append(b, '{')
		b = key(b, true, 3, "rule")
		b = appendJSONString(b, f.Rule)
		b = key(b, false, 3, "severity")
		b = appendJSONString(b, f.Severity.String())
		b = key(b, false, 3, "path")
		b = appendJSONString(b, f.Path)
		b = key(b, false, 3, "message")
		b = appendJSONString(b, f.Message)
		b = key(b, false, 3, "line")
		b = strconv.AppendInt(b, int64(f.Line), 10)
		b = key(b, false, 3, "column")
		b = strconv.AppendInt(b, int64(f.Column), 10)
		if f.Suggestion != "" {
			b = key(b, false, 3, "suggestion")
			b = appendJSONString(b, f.Suggestion)
		}
		b = nl(b, 2)
		b = append(b, '}')
	}
	if len(r.Findings) > 0 {
		b = nl(b, 1)
	}
	b = append(b, ']')
	b = nl(b, 0)
	return append(b, '}'), true
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as encoding/json writes a string with HTML
// escaping off: quotes, backslashes and control characters escaped (\n, \r
// and \t by name, \b and \f too, the rest as \u00XX), invalid UTF-8 as
// \ufffd, and U+2028 and U+2029 escaped for JavaScript.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
