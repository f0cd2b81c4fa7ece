package finlint_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/finlint/finlint/kinds/individual"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/internal/show"
	"github.com/finlint/finlint/internal/source"
	"github.com/finlint/finlint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func newLinter(t *testing.T, o finlint.Options) *finlint.Linter {
	t.Helper()
	if o.Now == nil {
		o.Now = exampleNow
	}
	if o.Catalogues == nil {
		o.Catalogues = rules.ExampleCatalogues()
	}
	l, err := finlint.New(o)
	require.NoError(t, err)
	return l
}

func patched(t *testing.T, patch string) string {
	t.Helper()
	s, err := rules.MergePatch(individual.Kind.Reference, patch)
	require.NoError(t, err)
	return s
}

func TestReferencePayloadIsValid(t *testing.T) {
	res := newLinter(t, finlint.Options{}).Lint(context.Background(), "ref.json", []byte(individual.Kind.Reference))
	assert.True(t, res.Valid)
	assert.Empty(t, res.Findings)
	assert.NotNil(t, res.Findings, "findings serialise as [] not null")
}

// A result names its payload by the payload's own meta_data.reference,
// when that is a string, whatever else is wrong with it.
func TestResultCarriesTheReference(t *testing.T) {
	l := newLinter(t, finlint.Options{})
	for doc, want := range map[string]string{
		patched(t, `{"meta_data": {"reference": "crm-42"}}`):                     "crm-42",
		patched(t, `{"meta_data": {"reference": "crm-43"}, "basic_info": null}`): "crm-43",
		patched(t, `{"meta_data": {"reference": 44}}`):                           "",
		patched(t, `{"meta_data": null}`):                                        "",
		`{"meta_data": {"reference": "x"}, "oops"`:                               "",
		`[{"meta_data": {"reference": "not at the root"}}]`:                      "",
	} {
		assert.Equal(t, want, l.Lint(context.Background(), "p.json", []byte(doc)).Reference, doc)
	}
}

func TestPositionsPointAtValuesAndMissingKeysAtTheirParent(t *testing.T) {
	src := "{\n  \"verification_type\": \"STANDARD\",\n  \"basic_info\": {\n    \"first_name\": \"Zoë\", \"gender\": \"F\"\n  }\n}"
	res := newLinter(t, finlint.Options{}).Lint(context.Background(), "x.json", []byte(src))
	byPath := map[string]rules.Finding{}
	for _, f := range res.Findings {
		if _, seen := byPath[f.Path]; !seen {
			byPath[f.Path] = f
		}
	}
	// "F" is at line 4; the column counts characters, so ë is one.
	g := byPath["/basic_info/gender"]
	assert.Equal(t, [2]int{4, 36}, [2]int{g.Line, g.Column})
	assert.Equal(t, "FEMALE", g.Suggestion)
	// A missing key points at the object that should hold it.
	m := byPath["/basic_info/email"]
	assert.Equal(t, "required-field", m.Rule)
	assert.Equal(t, [2]int{3, 17}, [2]int{m.Line, m.Column})
	m = byPath["/address"]
	assert.Equal(t, [2]int{1, 1}, [2]int{m.Line, m.Column})
	for _, f := range res.Findings {
		assert.Positive(t, f.Line)
		assert.Positive(t, f.Column)
	}
}

func TestBrokenJSONIsAFindingWithPosition(t *testing.T) {
	res := newLinter(t, finlint.Options{}).Lint(context.Background(), "x.json", []byte("{\n  \"a\": 1,\n  \"b\" 2\n}"))
	require.Len(t, res.Findings, 1)
	f := res.Findings[0]
	assert.Equal(t, "json-syntax", f.Rule)
	assert.Equal(t, "", f.Path)
	assert.Equal(t, [2]int{3, 7}, [2]int{f.Line, f.Column})
	assert.False(t, res.Valid)
}

func TestTaxIDsAreNeverPrintedInFull(t *testing.T) {
	in := patched(t, `{"basic_info": {"tax_info": [
		{"country_code": "USA", "document_type": "SSN", "document_id": "987654321"},
		{"country_code": "USA", "document_type": "SSN", "document_id": "987654321"}]}}`)
	res := newLinter(t, finlint.Options{}).Lint(context.Background(), "x.json", []byte(in))
	require.NotEmpty(t, res.Findings)
	show.Source(&res, false)
	for _, f := range res.Findings {
		for _, s := range []string{f.Message, f.Suggestion, f.Context} {
			assert.NotContains(t, s, "987654321")
			assert.NotContains(t, s, "98765")
		}
	}
}

func TestRedactMasksEveryValue(t *testing.T) {
	in := patched(t, `{"basic_info": {"email": "Maria.Garcia@Example.com", "first_name": "José"}}`)
	res := newLinter(t, finlint.Options{Redact: true}).Lint(context.Background(), "x.json", []byte(in))
	require.NotEmpty(t, res.Findings)
	show.Source(&res, true)
	for _, f := range res.Findings {
		for _, s := range []string{f.Message, f.Suggestion, f.Context} {
			assert.NotContains(t, strings.ToLower(s), "maria")
			assert.NotContains(t, s, "José")
			assert.NotContains(t, s, "Jose")
		}
	}
}

func TestSeverityOverridesAndOff(t *testing.T) {
	in := patched(t, `{"basic_info": {"email": "Maria@example.com", "first_nmae": "x"}}`)
	l := newLinter(t, finlint.Options{Severity: map[string]rules.Severity{
		"email-lowercase": rules.Warning,
		"unknown-field":   rules.Off,
	}})
	res := l.Lint(context.Background(), "x.json", []byte(in))
	require.Len(t, res.Findings, 1)
	assert.Equal(t, rules.Warning, res.Findings[0].Severity)
	assert.True(t, res.Valid)

	_, err := finlint.New(finlint.Options{Severity: map[string]rules.Severity{"no-such-rule": rules.Off}})
	assert.ErrorContains(t, err, "no-such-rule")
}

func TestIgnoreEntries(t *testing.T) {
	in := patched(t, `{"basic_info": {"first_nmae": "x"}, "address": {"zip": "1"}}`)
	l := newLinter(t, finlint.Options{Ignore: []finlint.Ignore{
		{Rule: "unknown-field", Files: "fixtures/legacy/**", Paths: []string{"/basic_info/*"}, Reason: "legacy"},
		{Rule: "*", Files: "nowhere/*.json", Reason: "not in this run"},
		{Rule: "email-lowercase", Files: "fixtures/*.json", Reason: "stale"},
	}})
	res := l.Lint(context.Background(), "fixtures/legacy/a/b.json", []byte(in))
	require.Len(t, res.Findings, 1)
	assert.Equal(t, "/address/zip", res.Findings[0].Path)
	res = l.Lint(context.Background(), "fixtures/other.json", []byte(in))
	assert.Len(t, res.Findings, 2)
	// Only an entry whose files were linted and that hid nothing is
	// stale; one whose files were not in the run says nothing.
	unused := l.UnusedIgnores()
	require.Len(t, unused, 1)
	assert.Equal(t, "stale", unused[0].Reason)

	_, err := finlint.New(finlint.Options{Ignore: []finlint.Ignore{{Rule: "unknown-field"}}})
	assert.ErrorContains(t, err, "reason")
}

func TestPayloadLimit(t *testing.T) {
	l := newLinter(t, finlint.Options{MaxPayloadSize: 100})
	res := l.Lint(context.Background(), "big.json", []byte(individual.Kind.Reference))
	require.Len(t, res.Findings, 1)
	assert.Equal(t, "payload-limit", res.Findings[0].Rule)
	assert.False(t, res.Valid)
}

// TestRunKeepsInputOrder lints many payloads of varying cost on 1 and 8
// workers: the results must come back in input order and be identical.
func TestRunKeepsInputOrder(t *testing.T) {
	var payloads []finlint.Payload
	for i := range 300 {
		data := patched(t, fmt.Sprintf(`{"meta_data": {"reference": "r%d"}}`, i))
		if i%3 == 0 {
			data = patched(t, fmt.Sprintf(`{"basic_info": {"email": "R%d@X.COM", "phone": "+1 415 555 2671"}}`, i))
		}
		if i%7 == 0 {
			data = "{broken"
		}
		payloads = append(payloads, finlint.Payload{Source: fmt.Sprintf("p%03d.json", i), Data: []byte(data)})
	}
	collect := func(jobs int) []finlint.Result {
		l := newLinter(t, finlint.Options{Jobs: jobs})
		i := 0
		var out []finlint.Result
		err := l.Run(context.Background(), func() (finlint.Payload, bool) {
			if i == len(payloads) {
				return finlint.Payload{}, false
			}
			i++
			return payloads[i-1], true
		}, func(r finlint.Result) error {
			r.Data = nil
			out = append(out, r)
			return nil
		})
		require.NoError(t, err)
		return out
	}
	one, eight := collect(1), collect(8)
	require.Len(t, one, len(payloads))
	for i, r := range one {
		assert.Equal(t, payloads[i].Source, r.Source)
	}
	assert.Equal(t, one, eight)
}

// TestRunWithPreparesOnTheWorkers: prepare sees every result before fn
// does, on the workers (two run at once), and fn still gets them in order.
func TestRunWithPreparesOnTheWorkers(t *testing.T) {
	l := newLinter(t, finlint.Options{Jobs: 2})
	var running, most atomic.Int32
	both := make(chan struct{})
	var once sync.Once
	i := 0
	var got []string
	err := l.RunWith(context.Background(), func() (finlint.Payload, bool) {
		if i == 20 {
			return finlint.Payload{}, false
		}
		i++
		return finlint.Payload{Source: fmt.Sprintf("p%02d.json", i), Data: []byte(individual.Kind.Reference)}, true
	}, func(r *finlint.Result) {
		n := running.Add(1)
		defer running.Add(-1)
		if n > most.Load() {
			most.Store(n)
		}
		if n == 2 {
			once.Do(func() { close(both) })
		}
		select { // wait, briefly, for the other worker to be here too
		case <-both:
		case <-time.After(2 * time.Second):
		}
		r.Source += " prepared"
	}, func(r finlint.Result) error {
		got = append(got, r.Source)
		return nil
	})
	require.NoError(t, err)
	require.Len(t, got, 20)
	for i, s := range got {
		assert.Equal(t, fmt.Sprintf("p%02d.json prepared", i+1), s)
	}
	assert.EqualValues(t, 2, most.Load(), "prepare ran on both workers at once")
}

func TestRunStopsWhenCallbackFails(t *testing.T) {
	l := newLinter(t, finlint.Options{Jobs: 4})
	n := 0
	stop := errors.New("enough")
	err := l.Run(context.Background(), func() (finlint.Payload, bool) {
		return finlint.Payload{Source: "x", Data: []byte(individual.Kind.Reference)}, true // endless
	}, func(finlint.Result) error {
		n++
		if n == 10 {
			return stop
		}
		return nil
	})
	assert.ErrorIs(t, err, stop)
	assert.Equal(t, 10, n)
}

func TestLintStreamRecordsAndLines(t *testing.T) {
	good := strings.ReplaceAll(strings.ReplaceAll(individual.Kind.Reference, "\n", ""), "  ", "")
	bad := strings.Replace(good, `"maria.garcia@example.com"`, `"MARIA@example.com"`, 1)
	in := good + "\r\n\n" + bad + "\n{\"a\":\n" + good
	l := newLinter(t, finlint.Options{Jobs: 3})
	var got []string
	err := l.LintStream(context.Background(), strings.NewReader(in), func(r finlint.Result) error {
		for _, f := range r.Findings {
			got = append(got, fmt.Sprintf("%d %d:%d %s", r.Record, f.Line, f.Column, f.Rule))
		}
		if len(r.Findings) == 0 {
			got = append(got, fmt.Sprintf("%d ok", r.Record))
		}
		return nil
	})
	require.NoError(t, err)
	col := strings.Index(bad, `"MARIA`) + 1
	assert.Equal(t, []string{
		"1 ok",
		fmt.Sprintf("3 3:%d email-lowercase", col),
		"4 4:6 json-syntax",
		"5 ok",
	}, got)
}

// A tax id written as a number, or repeated under a second document_id key,
// is as secret as a string one: it never reaches a message, a suggestion or
// a source line.
func TestTaxIDsOfAnyShapeAreNeverPrinted(t *testing.T) {
	in := `{"basic_info": {"tax_info": [
  {"country_code": "USA", "document_type": "SSN", "document_id": 987654321},
  {"country_code": "USA", "document_type": "TIN", "document_id": "555443333", "document_id": "111223333"}]}}`
	res := newLinter(t, finlint.Options{}).Lint(context.Background(), "x.json", []byte(in))
	require.NotEmpty(t, res.Findings)
	show.Source(&res, false)
	for _, f := range res.Findings {
		require.NotEmpty(t, f.Context, f.Rule)
		for _, s := range []string{f.Message, f.Suggestion, f.Context} {
			for _, id := range []string{"98765", "55544", "11122"} {
				assert.NotContains(t, s, id, "%s: %q", f.Rule, s)
			}
		}
	}
	masked := source.MaskTaxIDs([]byte(in))
	for _, id := range []string{"98765", "55544", "11122"} {
		assert.NotContains(t, masked, id)
	}
	assert.Contains(t, masked, `"document_id": *****4321`)
}

// TestRunWindow: Run holds at most 32 payloads a worker, and no more than
// 16 MiB of payloads however many that is, while fn is slow.
func TestRunWindow(t *testing.T) {
	for _, c := range []struct {
		size, jobs, most, count, least int
	}{
		{100, 2, 2*32 + 2, 300, 40},  // small ones: the count bounds it (+1 in fn, +1 in the reader's hand)
		{1 << 20, 1, 16 + 1, 40, 0},  // 1 MiB ones: the bytes do
		{4 << 20, 2, 2*4 + 1, 20, 0}, // beyond the budget a payload: still 4 a worker
	} {
		l := newLinter(t, finlint.Options{Jobs: c.jobs, MaxPayloadSize: 8 << 20})
		data := []byte(strings.Repeat(" ", c.size-2) + "{}")
		var read, done, most atomic.Int64
		n := 0
		err := l.Run(context.Background(), func() (finlint.Payload, bool) {
			if n == c.count {
				return finlint.Payload{}, false
			}
			n++
			if held := read.Add(1) - done.Load(); held > most.Load() {
				most.Store(held)
			}
			return finlint.Payload{Source: "p.json", Data: data}, true
		}, func(finlint.Result) error {
			time.Sleep(50 * time.Microsecond) // a slow writer: the window fills
			done.Add(1)
			return nil
		})
		require.NoError(t, err)
		assert.LessOrEqual(t, most.Load(), int64(c.most), "%+v", c)
		assert.GreaterOrEqual(t, most.Load(), int64(c.least), "%+v: a slow fn does not stall the workers at 4 a worker", c)
	}
}

// Passes is --submit's verdict: never a payload with an error or without
// its bytes, whatever failOn says; otherwise no finding at or above it.
func TestPasses(t *testing.T) {
	warn := []rules.Finding{{Rule: "unknown-field", Severity: rules.Warning}}
	for _, c := range []struct {
		r      finlint.Result
		failOn rules.Severity
		want   bool
	}{
		{finlint.Result{Valid: true, Data: []byte("{}")}, rules.Error, true},
		{finlint.Result{Valid: true, Data: []byte("{}"), Findings: warn}, rules.Error, true},
		{finlint.Result{Valid: true, Data: []byte("{}"), Findings: warn}, rules.Warning, false},
		{finlint.Result{Valid: true, Data: []byte("{}"), Findings: warn}, rules.Off, true},
		{finlint.Result{Valid: false, Data: []byte("{}")}, rules.Off, false},
		{finlint.Result{Valid: true}, rules.Off, false},
		{finlint.Result{Valid: true, Data: []byte("{}"), Error: "unreadable"}, rules.Off, false},
	} {
		assert.Equal(t, c.want, c.r.Passes(c.failOn), "%+v at %v", c.r, c.failOn)
	}
}
