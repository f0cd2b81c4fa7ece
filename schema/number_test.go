package schema_test

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/finlint/finlint/schema"
	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// literals returns JSON number literals of every shape: signs, leading
// and trailing zeros, fractions, exponents up to and past the million
// math/big accepts, and exponents past an int64.
func literals() []string {
	out := []string{
		"0", "-0", "0.0", "-0.0e5", "0e99999999999999999999", "1e99999999999999999999", "1", "-1", "42", "42.0", "42.5",
		"1e2", "1E+2", "1e-2", "100e-2", "1.50", "0.0001", "12345678901234567890", "-12345678901234567890.000",
		"1e1000000", "1e1000001", "10e999999", "1.5e-999999", "0.5e-1000000", "1e-1000001", "123e-1000003",
		"-1e-9223372036854775808", "1e9223372036854775807", "1e9223372036854775808", "0.000e-9223372036854775809",
		"100.0000000000000000001", "1000", "999.9999999", "1000.0000001", "-1.5", "-1.50000", "-1.4999999999",
	}
	rng := rand.New(rand.NewPCG(7, 7))
	digits := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte(byte('0' + rng.IntN(10)))
		}
		return b.String()
	}
	for range 3000 {
		var b strings.Builder
		if rng.IntN(3) == 0 {
			b.WriteByte('-')
		}
		switch in := digits(1 + rng.IntN(6)); {
		case rng.IntN(4) == 0:
			b.WriteByte('0')
		default:
			b.WriteString(strings.TrimLeft(in, "0") + "1")
		}
		if rng.IntN(2) == 0 {
			b.WriteString("." + digits(1+rng.IntN(8)))
			if rng.IntN(2) == 0 {
				b.WriteString(strings.Repeat("0", rng.IntN(4)))
			}
		}
		if rng.IntN(2) == 0 {
			b.WriteString([]string{"e", "E", "e+", "e-", "E-"}[rng.IntN(5)])
			b.WriteString(fmt.Sprint(rng.IntN(30)))
		}
		out = append(out, b.String())
	}
	return out
}

// IsInteger is math/big's verdict, which the library takes: the exact
// value, and no verdict at all for a literal it refuses.
func TestIsIntegerIsRats(t *testing.T) {
	for _, s := range literals() {
		r, ok := new(big.Rat).SetString(s)
		assert.Equal(t, ok && r.IsInt(), schema.IsInteger(s), s)
	}
}

// Compare is math/big's comparison wherever math/big reads both numbers.
func TestCompareIsRats(t *testing.T) {
	lits := literals()
	rats := map[string]*big.Rat{}
	for _, s := range lits {
		if r, ok := new(big.Rat).SetString(s); ok {
			rats[s] = r
		}
	}
	bounds := []string{"0", "-1.5", "100", "1e3", "0.001", "1234567", "-0"}
	for _, b := range bounds {
		rats[b], _ = new(big.Rat).SetString(b)
	}
	for i, a := range lits {
		x, ok := rats[a]
		if !ok {
			continue
		}
		for _, b := range append(bounds, lits[(i*7919)%len(lits)]) {
			if y, ok := rats[b]; ok {
				assert.Equal(t, x.Cmp(y), schema.Compare(a, b), "%s <=> %s", a, b)
			}
		}
	}
	// Past what math/big reads, the exact value still decides.
	assert.Equal(t, 1, schema.Compare("1e1000001", "100"))
	assert.Equal(t, -1, schema.Compare("-1e1000001", "-100"))
	assert.Equal(t, -1, schema.Compare("1e-1000001", "0.001"))
	assert.Equal(t, 1, schema.Compare("1e-1000001", "0"))
	assert.Equal(t, 0, schema.Compare("0e99999999999999999999", "-0"))
	assert.Equal(t, 1, schema.Compare("1e99999999999999999999", "1e1000001"))
}

func TestRatString(t *testing.T) {
	for _, s := range literals() {
		r, ok := new(big.Rat).SetString(s)
		if !ok {
			assert.Equal(t, s, schema.RatString(s), "written as it is")
			continue
		}
		if len(s) < 40 && !strings.Contains(s, "99999") && !strings.Contains(s, "000000") {
			assert.Equal(t, r.RatString(), schema.RatString(s), s)
		}
	}
}

// ParseFloat rounds as Rat.Float64 does, which the library's messages use.
func TestParseFloatIsRats(t *testing.T) {
	for _, s := range literals() {
		r, ok := new(big.Rat).SetString(s)
		if !ok || strings.Contains(s, "99999") {
			continue
		}
		want, _ := r.Float64()
		assert.Equal(t, want, schema.ParseFloat(s), s)
	}
}

// The library's messages write numbers with its English printer; the
// generated code writes them the same way without linking it.
func TestFormatIsThePrinters(t *testing.T) {
	p := message.NewPrinter(language.English)
	floats := []float64{0, 1, -1, 5, 100, 999999, 1e6, 1234567, 1234.5, 12345.678901234567, 0.1, 0.0001, 0.00011,
		0.00009999, 1e-7, 1e20, 1e21, 1e100, 5e-324, math.MaxFloat64, math.SmallestNonzeroFloat64, -0.5,
		-1234567.125, math.Inf(1), math.Inf(-1), math.Copysign(0, -1), 1.5e300, 123456.7, 100000.5}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		floats = append(floats, math.Float64frombits(rng.Uint64()))
		floats = append(floats, float64(rng.IntN(1e9))/float64(1+rng.IntN(1000)))
	}
	for _, f := range floats {
		if math.IsNaN(f) {
			continue
		}
		assert.Equal(t, strings.ToLower(p.Sprintf("%v", f)), schema.FormatFloat(f), "%g", f)
	}
	for _, n := range []int{0, 7, 999, 1000, 12345, 123456, 1234567, 1000000000, -5, -1234} {
		assert.Equal(t, p.Sprintf("%d", n), schema.FormatInt(n), n)
	}
}
