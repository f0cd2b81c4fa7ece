package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/finlint/finlint/kinds/business"
	"github.com/finlint/finlint/kinds/individual"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLintKinds(t *testing.T) {
	biz := filepath.Join(repo, "testdata/business/valid")
	ind := filepath.Join(repo, "testdata/valid")

	r := runCLI(t, nil, nil, "lint", "--offline", "--kind", "business-v2", "--format", "json", biz)
	require.Equal(t, 0, r.code, r.stdout+r.stderr)
	o := decodeJSON(t, r.stdout)
	require.NotEmpty(t, o.Results)
	for _, res := range o.Results {
		assert.Equal(t, "business-v2", res.Kind, res.Source)
	}
	assert.Equal(t, map[string]int{"business-v2": len(o.Results)}, o.Kinds)

	// Told apart by shape, one run holds both, and the summary counts each.
	r = runCLI(t, nil, nil, "lint", "--offline", "--format", "json", ind, biz)
	require.Equal(t, 0, r.code, r.stdout+r.stderr)
	o = decodeJSON(t, r.stdout)
	nInd, _ := filepath.Glob(filepath.Join(ind, "*.json"))
	nBiz, _ := filepath.Glob(filepath.Join(biz, "*.json"))
	nNDJSON, _ := filepath.Glob(filepath.Join(ind, "*.ndjson"))
	assert.Equal(t, len(nBiz), o.Kinds["business-v2"])
	assert.GreaterOrEqual(t, o.Kinds["individual-v2"], len(nInd)+len(nNDJSON))
	r = runCLI(t, nil, nil, "lint", "--offline", ind, biz)
	assert.Regexp(t, `\n\d+ payloads \(7 business-v2, \d+ individual-v2\): \d+ valid, 0 invalid`, "\n"+r.stdout)

	// Linted as the wrong kind, a payload fails, at its own pointers.
	r = runCLI(t, nil, nil, "lint", "--offline", "--kind", "individual-v2", "--format", "json", filepath.Join(biz, "usa-minimal-llc.json"))
	assert.Equal(t, 1, r.code)

	r = runCLI(t, nil, nil, "lint", "--kind", "busines-v2", filepath.Join(biz, "usa-minimal-llc.json"))
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, `unknown payload kind "busines-v2": want auto or one of individual-v2, business-v2`)
	assert.Empty(t, r.stdout)
}

func TestLintKindOfNoKnownShape(t *testing.T) {
	p := writeFile(t, t.TempDir(), "odd.json", `{"name": "Maria"}`)
	r := runCLI(t, nil, nil, "lint", "--offline", "--format", "json", p)
	assert.Equal(t, 1, r.code)
	o := decodeJSON(t, r.stdout)
	require.Len(t, o.Results, 1)
	assert.Equal(t, "", o.Results[0].Kind)
	require.Len(t, o.Results[0].Findings, 1)
	assert.Equal(t, "payload-kind", o.Results[0].Findings[0].Rule)
	assert.Equal(t, "", o.Results[0].Findings[0].Path)
}

// A kinds entry of the config names the kind of payloads whose shape does
// not tell, relative to the config's folder, from wherever finlint runs
// and however the path is written; --kind applies to the files no entry
// names.
func TestConfigKinds(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, ".finlint.yaml", "kinds:\n  - files: \"fixtures/biz/**\"\n    kind: business-v2\n")
	// Keys both kinds share: only the config can tell.
	fragment := `{"verification_type": "STANDARD", "basic_info": {"email": "a@example.com"}}`
	p := writeFile(t, dir, "fixtures/biz/a.json", fragment)
	q := writeFile(t, dir, "fixtures/other/b.json", fragment)
	for _, c := range []struct {
		wd   string
		args []string
	}{
		{dir, []string{"fixtures/biz/a.json", "fixtures/other/b.json"}},
		{filepath.Join(dir, "fixtures"), []string{"biz/a.json", "other/b.json"}},
		{filepath.Join(dir, "fixtures", "biz"), []string{p, q}},
	} {
		t.Chdir(c.wd)
		r := runCLIIn(t, c.wd, nil, append([]string{"lint", "--offline", "--format", "json"}, c.args...)...)
		o := decodeJSON(t, r.stdout)
		require.Len(t, o.Results, 2, r.stderr)
		assert.Equal(t, "business-v2", o.Results[0].Kind, "%s %v", c.wd, c.args)
		assert.Equal(t, "", o.Results[1].Kind, "%s %v", c.wd, c.args)

		r = runCLIIn(t, c.wd, nil, append([]string{"lint", "--offline", "--kind", "individual-v2", "--format", "json"}, c.args...)...)
		o = decodeJSON(t, r.stdout)
		assert.Equal(t, "business-v2", o.Results[0].Kind, "the config's entry first")
		assert.Equal(t, "individual-v2", o.Results[1].Kind, "then --kind")
	}

	for _, bad := range []struct{ yaml, want string }{
		{"kinds:\n  - files: \"x/**\"\n    kind: busines-v2\n", `kinds.kind: want one of individual-v2, business-v2, not "busines-v2" (did you mean "business-v2"?)`},
		{"kinds:\n  - files: \"x/**\"\n", "kinds: each entry needs files and kind"},
		{"kinds:\n  - file: \"x/**\"\n    kind: business-v2\n", `kinds: unknown key "file" (did you mean "files"?)`},
		{"kinds: business-v2\n", "kinds: want a list of entries with files and kind"},
	} {
		d := t.TempDir()
		writeFile(t, d, ".finlint.yaml", bad.yaml)
		f := writeFile(t, d, "a.json", individual.Kind.Reference)
		r := runCLIIn(t, d, nil, "lint", "--offline", f)
		assert.Equal(t, 2, r.code, bad.yaml)
		assert.Contains(t, r.stderr, bad.want, bad.yaml)
	}
}

// fix checks a payload as its kind: a business's email is lowercased, and
// a fragment whose shape names no kind is fixed only once --kind names it.
func TestFixKind(t *testing.T) {
	dir := t.TempDir()
	doc := strings.Replace(business.Kind.Reference, `"email": "finance@harborpoint.example.com"`, `"email": "Finance@HarborPoint.example.com"`, 1)
	require.NotEqual(t, business.Kind.Reference, doc)
	p := writeFile(t, dir, "b.json", doc)
	r := runCLI(t, nil, nil, "fix", "--write", p)
	assert.NotEqual(t, 2, r.code, r.stderr)
	assert.Equal(t, business.Kind.Reference, readString(t, p), "told from its shape, then fixed")

	fragment := `{"verification_type": "STANDARD", "basic_info": {"email": "Finance@HarborPoint.example.com"}}`
	q := writeFile(t, dir, "f.json", fragment)
	runCLI(t, nil, nil, "fix", "--write", q)
	assert.Equal(t, fragment, readString(t, q), "of no known kind: nothing is fixed")
	r = runCLI(t, nil, nil, "fix", "--write", "--kind", "business-v2", q)
	assert.NotEqual(t, 2, r.code, r.stderr)
	assert.Equal(t, strings.Replace(fragment, "Finance@HarborPoint", "finance@harborpoint", 1), readString(t, q))
}

func TestSchemaAndRulesNameKinds(t *testing.T) {
	r := runCLI(t, nil, nil, "schema", "--kind", "business-v2")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, string(business.SchemaJSON), r.stdout)
	r = runCLI(t, nil, nil, "schema")
	assert.Equal(t, string(individual.Kind.SchemaJSON), r.stdout, "individual-v2 by default")
	r = runCLI(t, nil, nil, "schema", "--kind", "nope")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "want one of individual-v2, business-v2")

	r = runCLI(t, nil, nil, "rules")
	require.Equal(t, 0, r.code)
	assert.Regexp(t, `(?m)^RULE +SEVERITY +KINDS +TITLE$`, r.stdout)
	assert.Regexp(t, `(?m)^json-syntax +error +all +`, r.stdout)
	assert.Regexp(t, `(?m)^address-country +\w+ +individual-v2 +`, r.stdout)
	assert.Regexp(t, `(?m)^party-phone-country +\w+ +business-v2 +`, r.stdout)
	assert.Regexp(t, `(?m)^industry-code +\w+ +business-v2 +`, r.stdout)

	r = runCLI(t, nil, nil, "rules", "--format", "json")
	require.Equal(t, 0, r.code)
	var rows []struct {
		ID       string   `json:"id"`
		Severity string   `json:"severity"`
		Kinds    []string `json:"kinds"`
		Title    string   `json:"title"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rows))
	byID := map[string][]string{}
	for _, row := range rows {
		byID[row.ID] = row.Kinds
		assert.NotEmpty(t, row.Title, row.ID)
	}
	assert.Equal(t, []string{"individual-v2", "business-v2"}, byID["non-blank"])
	assert.Equal(t, []string{"individual-v2"}, byID["address-country"])
	assert.Equal(t, []string{"individual-v2", "business-v2"}, byID["ssn-format"], "a party's SSN too")
	assert.Equal(t, 2, runCLI(t, nil, nil, "rules", "--format", "xml").code)
}
