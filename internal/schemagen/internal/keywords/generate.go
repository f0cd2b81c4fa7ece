// Package keywords is the validator generated from the test schema that
// holds every keyword the generator knows, one property each; the tests
// of internal/schemagen hold it to the JSON Schema library.
package keywords

//go:generate go run github.com/finlint/finlint/internal/schemagen/cmd/schemagen -in ../../testdata/keywords.schema.json -out validate_gen.go -pkg keywords -func Validate
