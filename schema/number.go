package schema

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// The JSON Schema library reads a number by handing its literal to
// math/big's Rat.SetString, which refuses an exponent whose power of ten
// would pass a million (the size of the number it would build), and it
// judges "integer" by the exact value, so that 42.0 and 1e2 are integers.
// The functions here read literals the same way without building the
// number, which is what lets a generated validator check a valid payload
// without allocating.

// literal is a JSON number literal taken apart without rounding.
type literal struct {
	neg  bool
	intp string // digits before the point
	frac string // digits after it
	// exp is the exponent; expFits says it fits in an int64, as
	// Rat.SetString needs. A larger one is held at ±maxExp, which keeps
	// every comparison with a bound of ordinary size exact.
	exp     int64
	expFits bool
}

const maxExp = 1 << 50

// parseLiteral splits a JSON number literal; ok is false for anything else.
func parseLiteral(s string) (l literal, ok bool) {
	i := 0
	if i < len(s) && s[i] == '-' {
		l.neg = true
		i++
	}
	start := i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	l.intp = s[start:i]
	if l.intp == "" {
		return l, false
	}
	if i < len(s) && s[i] == '.' {
		i++
		start = i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		l.frac = s[start:i]
		if l.frac == "" {
			return l, false
		}
	}
	l.expFits = true
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		neg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			neg = s[i] == '-'
			i++
		}
		start = i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		digits := s[start:i]
		if digits == "" {
			return l, false
		}
		digits = strings.TrimLeft(digits, "0")
		limit := "9223372036854775807"
		if neg {
			limit = "9223372036854775808"
		}
		l.expFits = len(digits) < len(limit) || len(digits) == len(limit) && digits <= limit
		for j := 0; j < len(digits) && l.exp < maxExp; j++ {
			l.exp = l.exp*10 + int64(digits[j]-'0')
		}
		l.exp = min(l.exp, maxExp)
		if neg {
			l.exp = -l.exp
		}
	}
	return l, i == len(s)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// zero reports whether every digit of the literal is 0.
func (l literal) zero() bool {
	return strings.Trim(l.intp, "0") == "" && strings.Trim(l.frac, "0") == ""
}

// ratOK reports whether Rat.SetString accepts the literal: its exponent
// fits in an int64 and, unless the value is 0, the power of ten it comes
// to, once the fraction digits are counted in, is at most a million
// either way.
func (l literal) ratOK() bool {
	if !l.expFits {
		return false
	}
	if l.zero() {
		return true
	}
	_, ok := l.pow10()
	return ok
}

// pow10 returns e such that the value is the digits of intp and frac,
// read as an integer, times 10^e; ok is false when |e| passes a million.
func (l literal) pow10() (e int64, ok bool) {
	if l.exp >= maxExp || l.exp <= -maxExp {
		return 0, false
	}
	e = l.exp - int64(len(l.frac))
	return e, e >= -1e6 && e <= 1e6
}

// IsInteger reports whether a JSON number literal is an integer as the
// library judges it: by its exact value, so "42.0" and "1e2" are, but not
// when Rat.SetString refuses the literal.
func IsInteger(s string) bool {
	if plainInteger(s) {
		return true
	}
	l, ok := parseLiteral(s)
	if !ok || !l.ratOK() {
		return false
	}
	if l.zero() {
		return true
	}
	e, _ := l.pow10()
	if e >= 0 {
		return true
	}
	// The value is an integer when its digits end in at least -e zeros.
	zeros := int64(len(l.frac) - len(strings.TrimRight(l.frac, "0")))
	if zeros == int64(len(l.frac)) {
		zeros += int64(len(l.intp) - len(strings.TrimRight(l.intp, "0")))
	}
	return zeros >= -e
}

// plainInteger reports whether s is digits, with a minus sign or not.
func plainInteger(s string) bool {
	if len(s) > 0 && s[0] == '-' {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// Compare compares the exact values of two JSON number literals and
// returns -1, 0 or +1. A literal Rat.SetString refuses (an exponent past a
// million) is still compared by its value: the library cannot compare it
// at all, and such a number is beyond every bound a schema sets. A string
// that is no number compares as 0.
func Compare(a, b string) int {
	x, okA := parseLiteral(a)
	y, okB := parseLiteral(b)
	if !okA || !okB {
		return 0
	}
	sx, sy := x.sign(), y.sign()
	if sx != sy || sx == 0 {
		return cmpInt(sx, sy)
	}
	c := compareMagnitude(x, y)
	if sx < 0 {
		c = -c
	}
	return c
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (l literal) sign() int {
	switch {
	case l.zero():
		return 0
	case l.neg:
		return -1
	}
	return 1
}

// digits is the significant digits of a non-zero literal, those of intp
// then those of frac with leading and trailing zeros left out, and the
// power of ten of the point before the first of them: the value is
// 0.d₁d₂… × 10^point.
type digits struct {
	a, b  string
	point int64
}

func (l literal) digits() digits {
	a := strings.TrimLeft(l.intp, "0")
	b := l.frac
	point := int64(len(a))
	if a == "" {
		t := strings.TrimLeft(b, "0")
		point = -int64(len(b) - len(t))
		b = t
	}
	if b = strings.TrimRight(b, "0"); b == "" {
		a = strings.TrimRight(a, "0")
	}
	return digits{a: a, b: b, point: point + l.exp}
}

func (d digits) at(i int) byte {
	if i < len(d.a) {
		return d.a[i]
	}
	return d.b[i-len(d.a)]
}

func (d digits) len() int { return len(d.a) + len(d.b) }

// compareMagnitude compares the absolute values of two non-zero literals.
func compareMagnitude(x, y literal) int {
	dx, dy := x.digits(), y.digits()
	if dx.point != dy.point {
		if dx.point < dy.point {
			return -1
		}
		return 1
	}
	n := min(dx.len(), dy.len())
	for i := 0; i < n; i++ {
		if c := cmpInt(int(dx.at(i)), int(dy.at(i))); c != 0 {
			return c
		}
	}
	return cmpInt(dx.len(), dy.len())
}

// RatString writes a number literal as the library writes a value it
// reports, a Rat: "42" or "-3/2". A literal Rat.SetString refuses is
// written as it is.
func RatString(s string) string {
	if l, ok := parseLiteral(s); !ok || !l.ratOK() {
		return s
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return s
	}
	return r.RatString()
}

// parseFloat returns the float64 nearest to a number literal, as
// Rat.Float64 does: ±Inf past the largest one.
func parseFloat(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// formatFloat writes f as the library's messages do (its English
// message.Printer's %v, lowercased): the shortest digits that read back
// as f, in groups of three ("1,234.5"), or in scientific notation with a
// superscript exponent of two digits at least ("1.5×10⁰⁶") from a million
// up and below 0.0001; infinities as "∞" and "-∞".
func formatFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "∞"
	case math.IsInf(f, -1):
		return "-∞"
	case math.IsNaN(f):
		return "nan"
	}
	var b strings.Builder
	if math.Signbit(f) && f != 0 {
		b.WriteByte('-')
	}
	if f == 0 {
		b.WriteByte('0')
		return b.String()
	}
	// strconv's shortest digits, "d.ddde±x", are the ones the printer uses.
	e := strconv.FormatFloat(math.Abs(f), 'e', -1, 64)
	mant, exps, _ := strings.Cut(e, "e")
	ds := strings.Replace(mant, ".", "", 1)
	exp, _ := strconv.Atoi(exps)
	if exp < -4 || exp >= 6 {
		b.WriteString(ds[:1])
		if len(ds) > 1 {
			b.WriteByte('.')
			b.WriteString(ds[1:])
		}
		b.WriteString("×10")
		if exp < 0 {
			b.WriteString("⁻")
			exp = -exp
		}
		s := strconv.Itoa(exp)
		if len(s) < 2 {
			s = "0" + s
		}
		for _, c := range s {
			b.WriteString(superscript[c-'0'])
		}
		return b.String()
	}
	intPart, fracPart := "0", ""
	switch {
	case exp < 0:
		fracPart = strings.Repeat("0", -exp-1) + ds
	case exp+1 >= len(ds):
		intPart = ds + strings.Repeat("0", exp+1-len(ds))
	default:
		intPart, fracPart = ds[:exp+1], ds[exp+1:]
	}
	b.WriteString(group(intPart))
	if fracPart != "" {
		b.WriteByte('.')
		b.WriteString(fracPart)
	}
	return b.String()
}

var superscript = [10]string{"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"}

// formatInt writes n as the printer's %d does: in groups of three.
func formatInt(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + group(s[1:])
	}
	return group(s)
}

// group puts a comma between each group of three digits, from the right.
func group(ds string) string {
	if len(ds) <= 3 {
		return ds
	}
	var b strings.Builder
	first := len(ds) % 3
	if first == 0 {
		first = 3
	}
	b.WriteString(ds[:first])
	for i := first; i < len(ds); i += 3 {
		b.WriteByte(',')
		b.WriteString(ds[i : i+3])
	}
	return b.String()
}
