package schemagen_test

import (
	"testing"

	"github.com/finlint/finlint/kinds/individual"
)

// BenchmarkGeneratedValidate checks the individual reference payload, once
// parsed, with the generated validator and with the oracle, as the linter
// did before: converting the document for the library, then validating.
func BenchmarkGeneratedValidate(b *testing.B) {
	s := subjectNamed(b, individual.Kind.Name)
	root := parse(b, individual.Kind.Reference)
	b.Run("generated", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if errs := s.validate(root); errs != nil {
				b.Fatal(errs)
			}
		}
	})
	b.Run("oracle", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if errs := s.oracle.Validate(root.Interface()); errs != nil {
				b.Fatal(errs)
			}
		}
	})
}
