package finlint_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"github.com/finlint/finlint/kinds/individual"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/internal/show"
	"github.com/finlint/finlint/rules"
)

// compact is the reference payload on one line, keys in their written
// order, so that a byte index i is column i+1.
var compact = func() string {
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(individual.Kind.Reference)); err != nil {
		panic(err)
	}
	return b.String()
}()

// edit returns the compact reference payload with each old, new pair of
// strings replaced once.
func edit(oldNew ...string) string {
	s := compact
	for i := 0; i < len(oldNew); i += 2 {
		if !strings.Contains(s, oldNew[i]) {
			panic("reference payload has no " + oldNew[i])
		}
		s = strings.Replace(s, oldNew[i], oldNew[i+1], 1)
	}
	return s
}

// col is the 1-based column of the first needle in a one-line ASCII
// payload, plus skip bytes.
func col(s, needle string, skip int) int {
	i := strings.Index(s, needle)
	if i < 0 {
		panic("no " + needle + " in payload")
	}
	return i + skip + 1
}

// pos is the 1-based line and column of the first needle in s, plus skip
// bytes, counting characters.
func pos(s, needle string, skip int) (int, int) {
	i := strings.Index(s, needle)
	if i < 0 {
		panic("no " + needle + " in payload")
	}
	i += skip
	start := strings.LastIndexByte(s[:i], '\n') + 1
	return strings.Count(s[:i], "\n") + 1, utf8.RuneCountInString(s[start:i]) + 1
}

// hit is what a test pins of a finding.
type hit struct {
	Rule    string
	Path    string
	Line    int
	Column  int
	Message string
}

func hitsOf(fs []rules.Finding) []hit {
	out := []hit{}
	for _, f := range fs {
		out = append(out, hit{f.Rule, f.Path, f.Line, f.Column, f.Message})
	}
	return out
}

// outcome is what a test pins of a result.
type outcome struct {
	Record int
	Valid  bool
	Hits   []hit
}

func syntax(line, column int, msg string) []outcome {
	return []outcome{{Hits: []hit{{"json-syntax", "", line, column, msg}}}}
}

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	out := make([]byte, 0, 2*len(units))
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

// raceFactor stretches deadlines when the race detector slows everything.
func raceFactor() time.Duration {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "-race" && s.Value == "true" {
				return 10
			}
		}
	}
	return 1
}

// heapPeak samples the live heap as a stream is read.
type heapPeak struct {
	base, peak uint64
}

func newHeapPeak() *heapPeak {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return &heapPeak{base: m.HeapAlloc}
}

// sample measures the live heap: it collects first, so that garbage not
// yet swept (and other tests' leftovers) does not count as held memory.
func (h *heapPeak) sample() {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	h.peak = max(h.peak, m.HeapAlloc)
}

// growth is how far the heap rose above where it was at the start.
func (h *heapPeak) growth() int64 { return int64(h.peak) - int64(h.base) }

// longLine yields n bytes of one NDJSON line (a string value of x's, no
// line end) without ever holding them, and samples the live heap every
// 8 MiB.
type longLine struct {
	n, done int
	heap    *heapPeak
}

func (r *longLine) Read(p []byte) (int, error) {
	if r.done == r.n {
		return 0, io.EOF
	}
	k := min(len(p), r.n-r.done)
	for i := range p[:k] {
		p[i] = 'x'
	}
	if r.done == 0 && k >= 2 {
		copy(p, `["`)
	}
	if r.done+k == r.n && k >= 2 {
		copy(p[k-2:], `"]`)
	}
	if r.done>>23 != (r.done+k)>>23 { // every 8 MiB
		r.heap.sample()
	}
	r.done += k
	return k, nil
}

// TestHostileInputs gives each hostile input its defined result: the rule,
// path, position and message of every finding, within a deadline, so that
// a hang fails one case instead of the whole run. docs/hostile-input.md
// describes the same results for users.
func TestHostileInputs(t *testing.T) {
	const mib = 1 << 20
	// The 100 MB inputs are built only when their case runs, so that they
	// are not all alive at once.
	hugeDefault := func() []byte {
		return []byte(`{"meta_data":{"blob":"` + strings.Repeat("x", 100*mib) + `"}}`)
	}
	hugeDefaultSize := len(`{"meta_data":{"blob":""}}`) + 100*mib
	hugeReference := func() []byte {
		return []byte(edit(`"client-ref-abc-001"`, `"`+strings.Repeat("x", 100*mib)+`"`))
	}

	var keys, items strings.Builder
	for i := range 10000 {
		fmt.Fprintf(&keys, `"k%d":%d,`, i, i)
	}
	manyKeys := edit(`{"verification_type"`, `{`+keys.String()+`"verification_type"`)
	freeKeys := edit(`"meta_data":{`, `"meta_data":{`+keys.String())
	for i := range 100000 {
		fmt.Fprintf(&items, "%d,", i+1)
	}
	manyItems := edit(`"source_of_fund_ids":[1,5]`, `"source_of_fund_ids":[`+strings.TrimSuffix(items.String(), ",")+`]`)
	topArray := "[" + strings.TrimSuffix(items.String(), ",") + "]"

	upper := edit(`"maria.garcia@example.com"`, `"Maria@example.com"`)
	upperMsg := `email "Maria@example.com" has upper-case letters; the API accepts only lowercase`
	crlf := strings.ReplaceAll(strings.Replace(individual.Kind.Reference, `"maria.garcia@example.com"`, `"Maria@example.com"`, 1), "\n", "\r\n")
	crlfLine, crlfCol := pos(crlf, `"Maria@`, 0)
	trailing := "\"country\": \"USA\",\r\n  }"
	crlfBroken := strings.Replace(strings.ReplaceAll(individual.Kind.Reference, "\n", "\r\n"), "\"country\": \"USA\"\r\n  }", trailing, 1)
	brokenLine, brokenCol := pos(crlfBroken, trailing, len(trailing)-1)

	okLine, badLine := compact, edit(`"maria.garcia@example.com"`, `"MARIA@example.com"`)
	tooLong := `{"meta_data":{"blob":"` + strings.Repeat("y", 2*mib) + `"}}`
	stream := "\n" + okLine + "\r\n\r\n" + badLine + "\n \t \n\f\n" + tooLong + "\r\n" + okLine

	numberAt := func(s, key string) int { return col(s, `"`+key+`":`, len(key)+3) }
	nanStrings := edit(`"monthly_volume_usd":5000`, `"monthly_volume_usd":"NaN"`, `"occupation_id":42`, `"occupation_id":"Infinity"`)
	refLimit := fmt.Sprintf("payload is %d bytes, over the %d-byte limit; it was not parsed", hugeDefaultSize, finlint.DefaultMaxPayloadSize)

	type hostileCase struct {
		name  string
		opts  finlint.Options
		input string
		// build, when set, makes the input instead, when the case runs.
		build func() []byte
		// stream, when set, is read with LintStream instead of input.
		stream func(*heapPeak) io.Reader
		want   []outcome
		// check replaces want where there are too many findings to list.
		check    func(t *testing.T, res []finlint.Result, heap *heapPeak)
		deadline time.Duration
	}
	cases := []hostileCase{
		{
			name:  "array nested 10,000 deep",
			input: strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
			want:  syntax(1, 65, "nesting deeper than 64 levels"),
		},
		{
			name:  "object nested 10,000 deep",
			input: strings.Repeat(`{"a":`, 10000) + "1" + strings.Repeat("}", 10000),
			want:  syntax(1, 5*64+1, "nesting deeper than 64 levels"),
		},
		{
			name:  "100 MB string at the default limit",
			build: hugeDefault,
			want:  []outcome{{Hits: []hit{{"payload-limit", "", 1, 1, refLimit}}}},
		},
		{
			name:     "100 MB string with the limit raised",
			opts:     finlint.Options{MaxPayloadSize: 200 * mib},
			build:    hugeReference,
			want:     []outcome{{Valid: true, Hits: []hit{}}},
			deadline: 10 * time.Second,
		},
		{
			name:  "1e400 in an integer field",
			input: edit(`"occupation_id":42`, `"occupation_id":1e400`),
			want: []outcome{{Hits: []hit{
				{"integer-range", "/financial_profile/occupation_id", 1, numberAt(compact, "occupation_id"), "occupation_id 1e400 is above the signed 64-bit range (-9223372036854775808 to 9223372036854775807); no server can hold it"},
			}}},
		},
		{
			name:  "1e400 in monthly_volume_usd is as much an error",
			input: edit(`"monthly_volume_usd":5000`, `"monthly_volume_usd":1e400`),
			want: []outcome{{Hits: []hit{
				{"integer-range", "/financial_profile/monthly_volume_usd", 1, numberAt(compact, "monthly_volume_usd"), "monthly_volume_usd 1e400 is above the signed 64-bit range (-9223372036854775808 to 9223372036854775807); no server can hold it"},
			}}},
		},
		{
			name:  "42.0 in an integer field stays a warning",
			input: edit(`"monthly_volume_usd":5000`, `"monthly_volume_usd":42.0`),
			want: []outcome{{Valid: true, Hits: []hit{
				{"integer-literal", "/financial_profile/monthly_volume_usd", 1, numberAt(compact, "monthly_volume_usd"), "monthly_volume_usd is written 42.0; write it as a plain integer"},
			}}},
		},
		{
			name:  "-0 in an integer field",
			input: edit(`"purpose_id":3`, `"purpose_id":-0`),
			want: []outcome{{Hits: []hit{
				{"reference-id", "/financial_profile/purpose_id", 1, numberAt(compact, "purpose_id"), `purpose_id -0 is not in the purposes catalogue; nearest: 1 "Personal Savings", 3 "Family Support"`},
			}}},
		},
		{
			name:  "1e-400 in an integer field",
			input: edit(`"monthly_volume_usd":5000`, `"monthly_volume_usd":1e-400`),
			want: []outcome{{Hits: []hit{
				{"field-type", "/financial_profile/monthly_volume_usd", 1, numberAt(compact, "monthly_volume_usd"), "monthly_volume_usd must be an integer, not a number"},
			}}},
		},
		{
			name:  "NaN as a bare word",
			input: edit(`"monthly_volume_usd":5000`, `"monthly_volume_usd":NaN`),
			want:  syntax(1, numberAt(compact, "monthly_volume_usd"), "NaN and Infinity are not JSON numbers"),
		},
		{
			name:  "Infinity as a bare word",
			input: edit(`"occupation_id":42`, `"occupation_id":Infinity`),
			want:  syntax(1, numberAt(compact, "occupation_id"), "NaN and Infinity are not JSON numbers"),
		},
		{
			name:  "-Infinity as a bare word",
			input: edit(`"purpose_id":3`, `"purpose_id":-Infinity`),
			want:  syntax(1, numberAt(compact, "purpose_id"), "NaN and Infinity are not JSON numbers"),
		},
		{
			name:  "NaN and Infinity as strings",
			input: nanStrings,
			want: []outcome{{Hits: []hit{
				{"field-type", "/financial_profile/occupation_id", 1, numberAt(nanStrings, "occupation_id"), "occupation_id must be an integer, not a string"},
				{"field-type", "/financial_profile/monthly_volume_usd", 1, numberAt(nanStrings, "monthly_volume_usd"), "monthly_volume_usd must be an integer, not a string"},
			}}},
		},
		{
			// The byte order mark is one (invisible) character; the finding
			// points just after it, and the value behind it is still checked.
			name:  "UTF-8 byte order mark",
			input: "\xef\xbb\xbf" + upper,
			want: []outcome{{Hits: []hit{
				{"json-syntax", "", 1, 1, "input starts with a UTF-8 byte order mark; remove it"},
				{"email-lowercase", "/basic_info/email", 1, col(upper, `"Maria@`, 0) + 1, upperMsg},
			}}},
		},
		{
			name:  "UTF-16 LE with a byte order mark",
			input: string(utf16Bytes(compact, false, true)),
			want:  syntax(1, 1, "input is UTF-16; encode it as UTF-8"),
		},
		{
			name:  "UTF-16 BE with a byte order mark",
			input: string(utf16Bytes(compact, true, true)),
			want:  syntax(1, 1, "input is UTF-16; encode it as UTF-8"),
		},
		{
			name:  "UTF-16 LE without a byte order mark",
			input: string(utf16Bytes(compact, false, false)),
			want:  syntax(1, 1, "input looks like UTF-16 (NUL bytes between characters); encode it as UTF-8"),
		},
		{
			name:  "UTF-16 BE without a byte order mark",
			input: string(utf16Bytes(compact, true, false)),
			want:  syntax(1, 1, "input looks like UTF-16 (NUL bytes between characters); encode it as UTF-8"),
		},
		{
			name:  "UTF-32 BE without a byte order mark",
			input: "\x00\x00\x00{\x00\x00\x00}",
			want:  syntax(1, 1, "input looks like UTF-32 (NUL bytes between characters); encode it as UTF-8"),
		},
		{
			name:  "NUL byte inside a string",
			input: edit(`"Maria"`, "\"Ma\x00ria\""),
			want:  syntax(1, col(compact, `"Maria"`, 3), "unescaped NUL byte in string"),
		},
		{
			name:  "NUL escaped inside a string",
			input: edit(`"Maria"`, `"Ma\u0000ria"`),
			want: []outcome{{Hits: []hit{
				{"control-character", "/basic_info/first_name", 1, col(compact, `"Maria"`, 0), "first_name has a control character, U+0000 (NUL)"},
			}}},
		},
		{
			name:  "NUL byte right after the opening bracket",
			input: "[\x00" + compact[1:],
			want:  syntax(1, 2, "unexpected NUL byte: expected a value"),
		},
		{
			name:  "NUL byte after the object",
			input: compact + "\x00",
			want:  syntax(1, len(compact)+1, "unexpected data after the top-level value"),
		},
		{
			name:  "NUL byte before the object",
			input: "\x00" + compact,
			want:  syntax(1, 1, "unexpected NUL byte: expected a value"),
		},
		{
			name:  "CRLF line ends",
			input: crlf,
			want: []outcome{{Hits: []hit{
				{"email-lowercase", "/basic_info/email", crlfLine, crlfCol, upperMsg},
			}}},
		},
		{
			name:  "CRLF line ends and a syntax fault",
			input: crlfBroken,
			want:  syntax(brokenLine, brokenCol, "trailing comma before '}'"),
		},
		{
			name:  "empty file",
			input: "",
			want:  syntax(1, 1, "empty input: expected a JSON object"),
		},
		{
			name:  "white space only",
			input: " \r\n\t\n  ",
			want:  syntax(3, 3, "no JSON value: expected a JSON object"),
		},
		{
			name:  "unpaired high surrogate escape",
			input: edit(`"Maria"`, `"Ma\ud800ria"`),
			want:  syntax(1, col(compact, `"Maria"`, 3), `invalid \u escape: unpaired surrogate`),
		},
		{
			name:  "unpaired low surrogate escape",
			input: edit(`"Maria"`, `"Ma\udc00ria"`),
			want:  syntax(1, col(compact, `"Maria"`, 3), `invalid \u escape: unpaired surrogate`),
		},
		{
			name:  "high surrogate escape followed by a letter",
			input: edit(`"Maria"`, `"Ma\ud800\u0041ria"`),
			want:  syntax(1, col(compact, `"Maria"`, 3), `invalid \u escape: unpaired surrogate`),
		},
		{
			name:  "overlong UTF-8",
			input: edit(`"Maria"`, "\"Ma\xc0\xafria\""),
			want:  syntax(1, col(compact, `"Maria"`, 3), "invalid UTF-8 byte 0xc0 in string; the payload must be UTF-8"),
		},
		{
			name:  "surrogate encoded in UTF-8",
			input: edit(`"Maria"`, "\"Ma\xed\xa0\x80ria\""),
			want:  syntax(1, col(compact, `"Maria"`, 3), "invalid UTF-8 byte 0xed in string; the payload must be UTF-8"),
		},
		{
			name:  "10,000 keys in a free-form object",
			input: freeKeys,
			want:  []outcome{{Valid: true, Hits: []hit{}}},
		},
		{
			name:  "10,000 unknown keys in one object",
			input: manyKeys,
			check: func(t *testing.T, res []finlint.Result, _ *heapPeak) {
				require.Len(t, res, 1)
				fs := res[0].Findings
				// The first findings (rules.MaxFindingsPerRule) and a count
				// of the rest, at the root, sorted first.
				require.Len(t, fs, rules.MaxFindingsPerRule+1)
				assert.True(t, res[0].Valid, "unknown fields are warnings")
				assert.Equal(t, hit{"unknown-field", "", 1, 1, "9900 more findings of unknown-field in this payload are not shown"}, hitsOf(fs[:1])[0])
				assert.Equal(t, hit{"unknown-field", "/k0", 1, col(manyKeys, `"k0":`, 5), `unknown field "k0"`}, hitsOf(fs[1:2])[0])
				for i := 2; i < len(fs); i++ {
					require.Equal(t, "unknown-field", fs[i].Rule)
					require.Greater(t, fs[i].Column, fs[i-1].Column)
				}
			},
		},
		{
			name:  "100,000 items in an array",
			input: manyItems,
			check: func(t *testing.T, res []finlint.Result, _ *heapPeak) {
				require.Len(t, res, 1)
				fs := res[0].Findings
				require.Len(t, fs, rules.MaxFindingsPerRule+1, "the first unknown ids and a count of the rest")
				first := col(manyItems, `"source_of_fund_ids":[`, 22)
				assert.Equal(t, hit{"reference-id", "", 1, 1, "99897 more findings of reference-id in this payload are not shown"}, hitsOf(fs[:1])[0])
				assert.Equal(t, hit{"reference-id", "/financial_profile/source_of_fund_ids/1", 1, first + 2,
					`source_of_fund_ids[1] 2 is not in the source-of-funds catalogue; nearest: 1 "Employment Income", 5 "Savings"`}, hitsOf(fs[1:2])[0])
				// The source line is cut to a window around each finding.
				show.Source(&res[0], false)
				assert.LessOrEqual(t, utf8.RuneCountInString(res[0].Findings[len(fs)-1].Context), 122)
			},
		},
		{
			name:  "100,000 items at the top level",
			input: topArray,
			want:  syntax(1, 1, "the top-level value must be an object, not an array"),
		},
		{
			name: "NDJSON with blank lines, CRLF, a form feed, a line over the limit and no final line feed",
			stream: func(*heapPeak) io.Reader {
				return strings.NewReader(stream)
			},
			want: []outcome{
				{Record: 2, Valid: true, Hits: []hit{}},
				{Record: 4, Hits: []hit{{"email-lowercase", "/basic_info/email", 4, col(badLine, `"MARIA@`, 0), `email "MARIA@example.com" has upper-case letters; the API accepts only lowercase`}}},
				{Record: 6, Hits: []hit{{"json-syntax", "", 6, 1, "unexpected control character 0x0c: expected a value"}}},
				{Record: 7, Hits: []hit{{"payload-limit", "", 7, 1, fmt.Sprintf("payload is %d bytes, over the %d-byte limit; it was not parsed", len(tooLong), finlint.DefaultMaxPayloadSize)}}},
				{Record: 8, Valid: true, Hits: []hit{}},
			},
		},
		{
			name: "NDJSON line of 256 MiB is counted, not held",
			stream: func(h *heapPeak) io.Reader {
				return io.MultiReader(strings.NewReader(okLine+"\n"), &longLine{n: 256 * mib, heap: h}, strings.NewReader("\r\n"+okLine))
			},
			check: func(t *testing.T, res []finlint.Result, heap *heapPeak) {
				assert.Equal(t, []outcome{
					{Record: 1, Valid: true, Hits: []hit{}},
					{Record: 2, Hits: []hit{{"payload-limit", "", 2, 1, fmt.Sprintf("payload is %d bytes, over the %d-byte limit; it was not parsed", 256*mib, finlint.DefaultMaxPayloadSize)}}},
					{Record: 3, Valid: true, Hits: []hit{}},
				}, outcomes(res))
				assert.Less(t, heap.growth(), int64(16*mib), "the long line was held in memory")
			},
			deadline: 10 * time.Second,
		},
	}

	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := newLinter(t, c.opts)
			deadline := c.deadline
			if deadline == 0 {
				// Generous: on a loaded 2-core machine a case that takes
				// 50 ms alone can take a second. A hang is what this catches.
				deadline = 10 * time.Second
			}
			deadline *= raceFactor()
			data := []byte(c.input)
			if c.build != nil {
				data = c.build()
			}
			heap := newHeapPeak()
			done := make(chan []finlint.Result, 1)
			go func() {
				var res []finlint.Result
				if c.stream != nil {
					err := l.LintStream(context.Background(), c.stream(heap), func(r finlint.Result) error {
						r.Data = nil
						res = append(res, r)
						return nil
					})
					if err != nil {
						res = append(res, finlint.Result{Error: err.Error()})
					}
				} else {
					r := l.Lint(context.Background(), "hostile.json", data)
					r.Data = nil
					res = append(res, r)
				}
				done <- res
			}()
			var res []finlint.Result
			select {
			case res = <-done:
			case <-time.After(deadline):
				t.Fatalf("no result after %v", deadline)
			}
			if c.check != nil {
				c.check(t, res, heap)
				return
			}
			assert.Equal(t, c.want, outcomes(res))
		})
	}
}

func outcomes(res []finlint.Result) []outcome {
	var out []outcome
	for _, r := range res {
		o := outcome{Record: r.Record, Valid: r.Valid, Hits: hitsOf(r.Findings)}
		if r.Error != "" {
			o.Hits = append(o.Hits, hit{Rule: "(error)", Message: r.Error})
		}
		out = append(out, o)
	}
	return out
}

// A tax id that begins with another one must still be masked whole: masking
// the shorter one first would leave five characters of the longer showing.
func TestTaxIDThatExtendsAnotherIsMaskedWhole(t *testing.T) {
	in := patched(t, `{"basic_info": {"email": "123456789", "tax_info": [
		{"country_code": "USA", "document_type": "TIN", "document_id": "12345678"},
		{"country_code": "USA", "document_type": "TIN", "document_id": "123456789"}]}}`)
	res := newLinter(t, finlint.Options{}).Lint(context.Background(), "x.json", []byte(in))
	var quoted bool
	for _, f := range res.Findings {
		for _, s := range []string{f.Message, f.Suggestion} {
			assert.NotContains(t, s, "56789")
			assert.NotContains(t, s, "5678\"")
			quoted = quoted || strings.Contains(s, `"*****6789"`)
		}
	}
	assert.True(t, quoted, "the email quotes the longer id, masked: %v", hitsOf(res.Findings))
}

// Masking a value in the source line shows one '*' a character, so the
// caret still points at the right column after a masked non-ASCII value.
func TestRedactedContextKeepsTheCaretInPlace(t *testing.T) {
	in := edit(`"secondary_nationality":"MEX","gender":"FEMALE"`, `"secondary_nationality":"MÉX","gender":"F"`)
	res := newLinter(t, finlint.Options{Redact: true}).Lint(context.Background(), "x.json", []byte(in))
	show.Source(&res, true)
	var g *rules.Finding
	for i := range res.Findings {
		if res.Findings[i].Path == "/basic_info/gender" {
			g = &res.Findings[i]
		}
	}
	require.NotNil(t, g, "%v", hitsOf(res.Findings))
	line, column := pos(in, `"F"`, 0)
	assert.Equal(t, [2]int{line, column}, [2]int{g.Line, g.Column})
	ctx := []rune(g.Context)
	require.Less(t, g.ContextColumn, len(ctx))
	assert.Equal(t, `"*"`, string(ctx[g.ContextColumn-1:g.ContextColumn+2]), "caret at the masked value in %q", g.Context)
	assert.NotContains(t, g.Context, "MÉX")
}

// TestHugeValueInEveryField puts a 200 KB value, ASCII and not, in every
// string field of the reference payload in turn: no rule may take more
// than linear time on it (a country-name lookup once took 20 s).
func TestHugeValueInEveryField(t *testing.T) {
	l := newLinter(t, finlint.Options{})
	var fields [][2]string
	var doc map[string]any
	require.NoError(t, json.Unmarshal([]byte(individual.Kind.Reference), &doc))
	for _, sec := range []string{"basic_info", "address", "financial_profile"} {
		for k, v := range doc[sec].(map[string]any) {
			if _, ok := v.(string); ok {
				fields = append(fields, [2]string{sec, k})
			}
		}
	}
	fields = append(fields, [2]string{"verification_type", ""})
	require.Greater(t, len(fields), 15)
	for _, fill := range []string{"U", "é", "Ж", "1", "+"} {
		value, _ := json.Marshal(strings.Repeat(fill, 200_000/len(fill)))
		for _, f := range fields {
			patch := `{"` + f[0] + `": {"` + f[1] + `": ` + string(value) + `}}`
			if f[1] == "" {
				patch = `{"` + f[0] + `": ` + string(value) + `}`
			}
			data := patched(t, patch)
			start := time.Now()
			res := l.Lint(context.Background(), "huge.json", []byte(data))
			assert.Less(t, time.Since(start), 5*time.Second*raceFactor(), "%s/%s filled with %q", f[0], f[1], fill)
			assert.False(t, res.Valid && fill == "é", "%s/%s", f[0], f[1])
		}
	}
}
