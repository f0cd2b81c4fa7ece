package fuzz

import (
	"bytes"
	"context"
	"github.com/finlint/finlint/internal/fuzzseed"
	"github.com/finlint/finlint/kinds/individual"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/rules"
)

// now pins the date so that age checks do not drift between runs.
func now() time.Time { return time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC) }

func newLinter(tb testing.TB, o finlint.Options) *finlint.Linter {
	tb.Helper()
	o.Now = now
	o.Catalogues = rules.ExampleCatalogues()
	l, err := finlint.New(o)
	require.NoError(tb, err)
	return l
}

// minified is the reference payload on one line, as in an NDJSON stream.
var minified = func() string {
	var b bytes.Buffer
	for line := range strings.SplitSeq(individual.Kind.Reference, "\n") {
		b.WriteString(strings.TrimSpace(line))
	}
	return b.String()
}()

// lintSeeds are payloads that reach the rules, not just the parser.
var lintSeeds = []string{
	``, ` `, `{}`, `[]`, `null`, `"x"`, "\xef\xbb\xbf{}", "\xff\xfe{\x00}\x00",
	`{"basic_info": {"tax_info": [{"document_id": "987654321"}, {"document_id": "987654321"}]}}`,
	`{"basic_info": {"first_name": "José", "last_name": "Мария", "tax_info": [{}]}, "address": {"street_line_1": "Königstraße 1"}}`,
	`{"basic_info": {"first_name": "x", "first_name": "y"}, "basic_info": {}}`,
	`{"a~b": {"c/d": 1}, "financial_profile": {"occupation_id": 1e400, "purpose_id": -0, "monthly_volume_usd": 1e-400, "source_of_fund_ids": [42.0, 1, 1]}}`,
	"{\r\n  \"verification_type\": \"RELIANCE\",\r\n  \"basic_info\": {\"email\": \"A@B\", \"phone\": \"+1 415\"}\r\n}",
	minified,
	strings.Replace(minified, `"maria.garcia@example.com"`, `"Maria@Example.COM"`, 1),
	strings.Replace(minified, `"USA"`, `"US"`, 1) + " trailing",
}

// FuzzLint lints arbitrary bytes: it must not panic, every finding must
// point at a place that exists, and the result must not depend on the
// number of workers.
func FuzzLint(f *testing.F) {
	fuzzseed.AddDir(f, filepath.Join("..", "testdata"))
	for _, s := range lintSeeds {
		f.Add([]byte(s))
	}
	one := newLinter(f, finlint.Options{Jobs: 1})
	four := newLinter(f, finlint.Options{Jobs: 4})
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, data []byte) {
		res := one.Lint(ctx, "payload.json", data)
		checkResult(t, data, res)

		// Several payloads, so that workers finish out of order.
		batch := [][]byte{data, data[:len(data)/2], []byte(minified), data}
		byOne, byFour := runAll(t, one, batch), runAll(t, four, batch)
		require.Equal(t, byOne, byFour, "results depend on the number of workers")
		res.Data = nil
		require.Equal(t, res, byOne[0], "Run and Lint disagree")
	})
}

func runAll(t *testing.T, l *finlint.Linter, batch [][]byte) []finlint.Result {
	t.Helper()
	i := 0
	var out []finlint.Result
	err := l.Run(context.Background(), func() (finlint.Payload, bool) {
		if i == len(batch) {
			return finlint.Payload{}, false
		}
		i++
		return finlint.Payload{Source: "payload.json", Data: batch[i-1]}, true
	}, func(r finlint.Result) error {
		r.Data = nil
		out = append(out, r)
		return nil
	})
	require.NoError(t, err)
	require.Len(t, out, len(batch))
	return out
}

// checkResult checks what holds for every result, whatever the input.
// underShadowedKey reports whether ptr runs through a key that repeats in
// its object, so that it may name a copy other than the last.
func underShadowedKey(doc *jsondoc.Doc, ptr string) bool {
	toks := jsondoc.SplitPointer(ptr)
	for i := 1; i <= len(toks); i++ {
		for _, d := range doc.Duplicates {
			if d.Pointer == jsondoc.Pointer(toks[:i]...) {
				return true
			}
		}
	}
	return false
}

func checkResult(t *testing.T, data []byte, res finlint.Result) {
	t.Helper()
	require.Empty(t, res.Error)
	require.NotNil(t, res.Findings)
	require.True(t, slices.IsSortedFunc(res.Findings, func(a, b rules.Finding) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Column - b.Column
	}), "findings are sorted by position")

	doc := jsondoc.Parse(data, jsondoc.Limits{})
	lines := bytes.Split(data, []byte("\n"))
	dups := map[string]bool{}
	for _, d := range doc.Duplicates {
		dups[d.Pointer] = true
	}
	secrets := taxIDs(doc.Root)
	valid := true
	for _, f := range res.Findings {
		require.NotEmpty(t, f.Rule)
		require.NotEmpty(t, f.Message, "%s at %q", f.Rule, f.Path)
		require.NotContains(t, f.Message, "internal error", "a rule panicked")
		valid = valid && f.Severity != rules.Error

		require.True(t, f.Line >= 1 && f.Line <= len(lines), "%s at %q: line %d of %d", f.Rule, f.Path, f.Line, len(lines))
		width := utf8.RuneCount(lines[f.Line-1])
		require.True(t, f.Column >= 1 && f.Column <= width+1, "%s at %q: column %d on a line of %d characters", f.Rule, f.Path, f.Column, width)

		require.True(t, f.Path == "" || f.Path[0] == '/', "%q is not a JSON Pointer", f.Path)
		switch {
		case f.Path == "" || doc.Lookup(f.Path) != nil:
		case f.Rule == "duplicate-key":
			// The repeat of a key inside an object that is itself a
			// repeated key's earlier value cannot be looked up.
			require.True(t, dups[f.Path], "duplicate-key at %q, which is not a repeated key", f.Path)
		case len(doc.Duplicates) > 0 && underShadowedKey(doc, f.Path):
			// The text rules check every copy of a repeated key (each at
			// its own offset); a pointer can only name the last copy.
		default:
			// A missing key is reported at its own pointer, below an
			// object that exists (required-field, transliteration-missing,
			// and the rules that require a key only in some cases).
			toks := jsondoc.SplitPointer(f.Path)
			parent := doc.Lookup(jsondoc.Pointer(toks[:len(toks)-1]...))
			require.NotNil(t, parent, "%s at %q: the path does not resolve, nor its parent", f.Rule, f.Path)
			require.Equal(t, jsondoc.Object, parent.Kind, "%s at %q", f.Rule, f.Path)
			require.Nil(t, parent.Get(toks[len(toks)-1]), "%s at %q: the key is there", f.Rule, f.Path)
		}

		for _, id := range secrets {
			require.NotContains(t, f.Message, id, "a tax id in a message")
			require.NotContains(t, f.Suggestion, id, "a tax id in a suggestion")
		}
	}
	require.Equal(t, valid, res.Valid)
}

// taxIDs returns the tax document ids of a payload long enough to be
// masked: every document_id of a tax_info entry, wherever the entry is (a
// business's parties have their own).
func taxIDs(root *jsondoc.Value) []string {
	var ids []string
	var walk func(v *jsondoc.Value, key string)
	walk = func(v *jsondoc.Value, key string) {
		if v == nil {
			return
		}
		switch v.Kind {
		case jsondoc.Array:
			for _, it := range v.Items {
				if key == "tax_info" {
					if s, ok := it.Get("document_id").Text(); ok && utf8.RuneCountInString(s) > 4 {
						ids = append(ids, s)
					}
				}
				walk(it, "")
			}
		case jsondoc.Object:
			for _, m := range v.Members {
				walk(m.Value, m.Key)
			}
		}
	}
	walk(root, "")
	return ids
}

// ndjsonSeeds are streams with the line endings and gaps real files have.
var ndjsonSeeds = []string{
	"", "\n", "\r\n", "\n\n\n", " \t\r\n\t \n", "\f\n", "\u00a0\n", "{}", "{}\n", "{}\r\n", "{}\r", "{}\n\n{}",
	"{}\r\n\r\n{}\r\n", "{\"a\":\n1}\n", "\n\n{}", "{}\n" + strings.Repeat(" ", 100) + "\n{}",
	minified + "\n" + minified + "\r\n\n" + minified,
	"{\"a\": \"" + strings.Repeat("x", 100) + "\"}\r\n{}\n" + strings.Repeat("y", 49) + "\r\n" + strings.Repeat("z", 48) + "\r\n",
}

// FuzzNDJSON reads arbitrary bytes as an NDJSON stream: each non-blank line
// must give the result Lint gives for that line alone, at its line number.
// It runs with the default size limit and with a tiny one, so that lines
// over the limit are common.
func FuzzNDJSON(f *testing.F) {
	fuzzseed.AddDir(f, filepath.Join("..", "testdata"))
	for _, s := range ndjsonSeeds {
		f.Add([]byte(s))
	}
	linters := []*finlint.Linter{
		newLinter(f, finlint.Options{Jobs: 3}),
		newLinter(f, finlint.Options{Jobs: 2, MaxPayloadSize: 48}),
	}
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, l := range linters {
			var got []finlint.Result
			err := l.LintStream(ctx, bytes.NewReader(data), func(r finlint.Result) error {
				r.Data = nil
				got = append(got, r)
				return nil
			})
			require.NoError(t, err)
			require.Equal(t, expectStream(l, data), got)
		}
	})
}

// expectStream lints each line of data on its own, as the stream reader
// should: lines end at LF, a CR before the LF is not part of the line, and
// a line of nothing but JSON white space is no payload.
func expectStream(l *finlint.Linter, data []byte) []finlint.Result {
	var want []finlint.Result
	lines := bytes.Split(data, []byte("\n"))
	for i, line := range lines {
		if i < len(lines)-1 {
			line = bytes.TrimSuffix(line, []byte("\r"))
		}
		if len(bytes.Trim(line, " \t\r\n")) == 0 {
			continue
		}
		r := l.Lint(context.Background(), "", line)
		r.Record, r.Data = i+1, nil
		for j := range r.Findings {
			r.Findings[j].Line += i
		}
		want = append(want, r)
	}
	return want
}
