package finlint_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint/kinds"
)

// BenchmarkLintValidKind lints each kind's clean reference payload: the
// cost of a payload is per kind, and a kind that is far dearer than the
// others shows here.
func BenchmarkLintValidKind(b *testing.B) {
	for _, k := range kinds.All() {
		b.Run(k.Name, func(b *testing.B) {
			l := benchLinter(b, 1)
			data := []byte(k.Reference)
			require.Empty(b, l.Lint(context.Background(), "ref.json", data).Findings)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				l.Lint(context.Background(), "ref.json", data)
			}
			reportRate(b, 1)
		})
	}
}
