package individual

// The validator of the kind's schema is generated from it; the tests of
// internal/schemagen fail when validate_gen.go is not what this line
// writes.
//go:generate go run github.com/finlint/finlint/internal/schemagen/cmd/schemagen -in individual-v2.schema.json -out validate_gen.go -pkg individual
