package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/finlint/finlint/internal/finapitest"
	"github.com/finlint/finlint/kinds/business"
	"github.com/finlint/finlint/kinds/individual"
	"github.com/finlint/finlint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func patchedLine(t *testing.T, doc, patch string) string {
	t.Helper()
	out, err := rules.MergePatch(doc, patch)
	require.NoError(t, err)
	return strings.Join(strings.Fields(strings.ReplaceAll(out, "\n", " ")), " ")
}

// A batch of both kinds: each valid payload goes to its own endpoint once,
// the invalid ones to none, and a rerun on the same journal sends nothing.
func TestSubmitMixedKindsEachToItsEndpoint(t *testing.T) {
	srv := newServer(t, finapitest.Options{})
	dir := t.TempDir()
	lines := []string{
		patchedLine(t, individual.Kind.Reference, `{}`),
		patchedLine(t, business.Kind.Reference, `{}`),
		patchedLine(t, business.Kind.Reference, `{"basic_info": {"email": "Finance@HarborPoint.example.com"}}`),
		patchedLine(t, individual.Kind.Reference, `{"basic_info": {"email": "second@example.com"}}`),
		patchedLine(t, business.Kind.Reference, `{"basic_info": {"legal_name": "Second Co", "legal_name_en": "Second Co", "email": "second@co.example.com"}}`),
	}
	in := writeFile(t, dir, "batch.ndjson", strings.Join(lines, "\n")+"\n")
	journal := filepath.Join(dir, "j.jsonl")
	r := runCLI(t, nil, serverEnv(t, srv), "lint", "--submit", "--journal", journal, "--jobs", "1", "--format", "json", in)
	assert.Equal(t, 1, r.code, "one payload has an error: %s", r.stderr)
	assert.Equal(t, []string{"created", "created", "not-sent", "created", "created"}, statuses(submissions(t, r.stdout)))
	o := decodeJSON(t, r.stdout)
	var kinds []string
	for _, res := range o.Results {
		kinds = append(kinds, res.Kind)
	}
	assert.Equal(t, []string{"individual-v2", "business-v2", "business-v2", "individual-v2", "business-v2"}, kinds)

	paths := map[string]int{}
	for _, c := range srv.CreateRequests() {
		paths[c.Path]++
	}
	assert.Equal(t, map[string]int{finapitest.PathCreate: 2, finapitest.PathCreateBusiness: 2}, paths)
	types := map[string]int{}
	for _, c := range srv.Customers() {
		types[c.Type]++
	}
	assert.Equal(t, map[string]int{finapitest.TypeIndividual: 2, finapitest.TypeBusiness: 2}, types)

	r = runCLI(t, nil, serverEnv(t, srv), "lint", "--submit", "--journal", journal, "--format", "json", in)
	assert.Equal(t, []string{"skipped", "skipped", "not-sent", "skipped", "skipped"}, statuses(submissions(t, r.stdout)))
	assert.Len(t, srv.CreateRequests(), 4, "a rerun sends nothing")

	// The journal records each payload's kind.
	r = runCLI(t, nil, serverEnv(t, srv), "journal", "list", "--journal", journal)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, 2, strings.Count(r.stdout, " business-v2 "), r.stdout)
	assert.Equal(t, 2, strings.Count(r.stdout, " individual-v2 "), r.stdout)
}

// The business endpoint's 400 names fields by dotted paths with [N]
// indexes; they become api findings at their JSON Pointer.
func TestSubmitBusinessFieldErrorsBecomeFindings(t *testing.T) {
	srv := newServer(t, finapitest.Options{RejectLegalNames: []string{"Harbor Point Software, Inc."}})
	p := writeFile(t, t.TempDir(), "b.json", business.Kind.Reference)
	r := runCLI(t, nil, serverEnv(t, srv), "lint", "--submit", "--journal", filepath.Join(t.TempDir(), "j.jsonl"), "--format", "json", p)
	assert.Equal(t, 1, r.code)
	subs := submissions(t, r.stdout)
	require.Len(t, subs, 1)
	assert.Equal(t, "failed", subs[0]["status"])
	assert.EqualValues(t, 400, subs[0]["http_status"])
	o := decodeJSON(t, r.stdout)
	var api []string
	for _, f := range o.Results[0].Findings {
		if f.Rule == "api" {
			api = append(api, f.Path)
			assert.Positive(t, f.Line)
		}
	}
	require.NotEmpty(t, api, r.stdout)
	for _, ptr := range api {
		assert.True(t, strings.HasPrefix(ptr, "/"), ptr)
		assert.NotContains(t, ptr, "[", "a JSON Pointer, not a dotted path")
	}
}
