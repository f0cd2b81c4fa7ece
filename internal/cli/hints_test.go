package cli

import (
	"strings"
	"testing"

	"github.com/finlint/finlint/kinds/individual"
	"github.com/stretchr/testify/assert"
)

// The library's messages name nothing of the CLI; the CLI adds what to
// run or set, in every format.
func TestHintsAreAddedWhereTheCLIPrints(t *testing.T) {
	dir := t.TempDir()
	rel := writeFile(t, dir, "r.json", strings.Replace(individual.Kind.Reference, `"STANDARD"`, `"RELIANCE"`, 1))
	big := writeFile(t, dir, "big.json", individual.Kind.Reference)
	odd := writeFile(t, dir, "odd.json", `{"name": "x"}`)
	for _, format := range []string{"text", "json"} {
		r := runCLI(t, nil, nil, "lint", "--offline", "--max-size", "100", "--format", format, big)
		assert.Contains(t, r.stdout, "it was not parsed (raise the limit with --max-size)", format)
		r = runCLI(t, nil, nil, "lint", "--offline", "--format", format, rel, odd)
		assert.Contains(t, r.stdout, "unless it is enabled for your client; if it is, set reliance-enabled: true in .finlint.yaml", format)
		assert.Contains(t, r.stderr, "not cached; run `finlint refcache refresh` with FIN_CLIENT_ID and FIN_CLIENT_SECRET set", format)
		assert.Contains(t, r.stdout, "name its kind with --kind, or a kinds entry of .finlint.yaml", format)
		r = runCLI(t, nil, nil, "lint", "--offline", "--rule", "reference-catalogue=info", "--format", format, rel)
		assert.Contains(t, r.stdout, "not cached; run `finlint refcache refresh` with FIN_CLIENT_ID and FIN_CLIENT_SECRET set", format)
	}
}
