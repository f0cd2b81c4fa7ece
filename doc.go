// Package finlint checks the JSON body of Fin.com's Create Individual
// Customer V2 call (POST /v2/customers/individual) before it is sent.
//
// A payload travels one way: bytes, then a document (internal/jsondoc),
// then findings (the JSON Schema in package schema and the checks in
// package rules), each finding with an RFC 6901 pointer, a 1-based line and
// column, a severity and, where a fix is known, a suggestion.
//
// A Linter is built once and is safe for concurrent use:
//
//	l, err := finlint.New(finlint.Options{})
//	res := l.Lint(ctx, "payload.json", data)
//	if !res.Valid { ... }
//
// LintStream reads newline-delimited payloads and Run lints any sequence of
// payloads on several workers, handing results back in input order.
package finlint
