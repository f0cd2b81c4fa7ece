package finlint_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"github.com/finlint/finlint/kinds/individual"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/rules"
	"github.com/finlint/finlint/schema/oracle"
)

// invalidPatch breaks the reference payload in ten places, one finding
// each: the cost of an invalid payload is mostly in building findings.
const invalidPatch = `{
  "verification_type": "standard",
  "basic_info": {
    "first_nmae": "Maria",
    "dob": "1990-02-30",
    "email": "Maria.Garcia@Example.com",
    "phone": "+1 415 555 2671",
    "secondary_nationality": "USA",
    "gender": "F"
  },
  "address": {"subdivision_code": "CA", "postal_code": 94103},
  "financial_profile": {"occupation_id": 99}
}`

func benchLinter(b *testing.B, jobs int) *finlint.Linter {
	b.Helper()
	l, err := finlint.New(finlint.Options{Now: exampleNow, Catalogues: rules.ExampleCatalogues(), Jobs: jobs})
	require.NoError(b, err)
	return l
}

func invalidPayload(b *testing.B) []byte {
	b.Helper()
	s, err := rules.MergePatch(individual.Kind.Reference, invalidPatch)
	require.NoError(b, err)
	return []byte(s)
}

func reportRate(b *testing.B, perOp int) {
	b.ReportMetric(float64(b.N*perOp)/b.Elapsed().Seconds(), "payloads/s")
}

func BenchmarkLintValid(b *testing.B) {
	l := benchLinter(b, 1)
	data := []byte(individual.Kind.Reference)
	require.Empty(b, l.Lint(context.Background(), "ref.json", data).Findings)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		l.Lint(context.Background(), "ref.json", data)
	}
	reportRate(b, 1)
}

func BenchmarkLintInvalid(b *testing.B) {
	l := benchLinter(b, 1)
	data := invalidPayload(b)
	res := l.Lint(context.Background(), "bad.json", data)
	require.Len(b, res.Findings, 10, "%v", res.Findings)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		l.Lint(context.Background(), "bad.json", data)
	}
	reportRate(b, 1)
}

// BenchmarkLintStream lints an NDJSON stream of 1,000 records, nine valid
// ones to one with ten findings, on one worker per CPU.
func BenchmarkLintStream(b *testing.B) {
	const records = 1000
	l := benchLinter(b, 0)
	bad := bytes.ReplaceAll(invalidPayload(b), []byte("\n"), nil)
	var stream bytes.Buffer
	for i := range records {
		if i%10 == 9 {
			stream.Write(bad)
		} else {
			fmt.Fprintf(&stream, "%s\n", strings.Replace(compact, "client-ref-abc-001", fmt.Sprintf("ref-%06d", i), 1))
			continue
		}
		stream.WriteByte('\n')
	}
	b.SetBytes(int64(stream.Len()))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := l.LintStream(context.Background(), bytes.NewReader(stream.Bytes()), func(finlint.Result) error {
			n++
			return nil
		})
		if err != nil || n != records {
			b.Fatalf("%d records, %v", n, err)
		}
	}
	reportRate(b, records)
}

// BenchmarkBaselineSchemaOnly is the yardstick for BenchmarkLintValid: what
// a generic JSON Schema validator does with the same payload (encoding/json,
// then the same schema compiled by the JSON Schema library), with no
// positions, no rules and no suggestions. `make bench` prints both so their
// ratio can be quoted.
func BenchmarkBaselineSchemaOnly(b *testing.B) {
	data := []byte(individual.Kind.Reference)
	sch, err := oracle.Compile(individual.Kind.SchemaID, individual.Kind.SchemaJSON)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var v any
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil {
			b.Fatal(err)
		}
		if errs := sch.Validate(v); len(errs) != 0 {
			b.Fatal(errs)
		}
	}
	reportRate(b, 1)
}

// BenchmarkBaselineDecode is the other yardstick for BenchmarkLintValid: a
// bare encoding/json decode of the same payload into any, which checks
// nothing. The goal is LintValid at most twice its time.
func BenchmarkBaselineDecode(b *testing.B) {
	data := []byte(individual.Kind.Reference)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			b.Fatal(err)
		}
	}
	reportRate(b, 1)
}
