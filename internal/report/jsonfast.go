package report

import (
	"strconv"
	"unicode/utf8"
)

// appendCleanResult appends a result with no findings, submission or error
// (most results of a run) as encoding/json would write its jsonResult, with
// HTML characters unescaped, indented by prefix and indent as SetIndent
// would, or compact when both are empty. It is the reflection-free path of
// the json and ndjson formats; TestCleanResultMatchesEncodingJSON and
// FuzzCleanResultMatchesEncodingJSON hold it to the encoder's bytes. ok is
// false for a result it does not cover.
func appendCleanResult(b []byte, r *Result, prefix, indent string) (out []byte, ok bool) {
	if len(r.Findings) != 0 || r.Submission != nil || r.Error != "" {
		return b, false
	}
	compact := prefix == "" && indent == ""
	field := func(b []byte, first bool, key string) []byte {
		if !first {
			b = append(b, ',')
		}
		if !compact {
			b = append(b, '\n')
			b = append(b, prefix...)
			b = append(b, indent...)
		}
		b = append(b, '"')
		b = append(b, key...)
		b = append(b, '"', ':')
		if !compact {
			b = append(b, ' ')
		}
		return b
	}
	b = append(b, '{')
	b = field(b, true, "source")
	b = appendJSONString(b, r.Source)
	if r.Record != 0 {
		b = field(b, false, "record")
		b = strconv.AppendInt(b, int64(r.Record), 10)
	}
	if r.Kind != "" {
		b = field(b, false, "kind")
		b = appendJSONString(b, r.Kind)
	}
	b = field(b, false, "valid")
	b = strconv.AppendBool(b, r.Valid)
	b = field(b, false, "findings")
	b = append(b, '[', ']')
	if !compact {
		b = append(b, '\n')
		b = append(b, prefix...)
	}
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
