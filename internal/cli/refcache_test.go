package cli

import (
	"github.com/finlint/finlint/kinds/individual"
	"testing"

	"github.com/finlint/finlint/internal/finapitest"
	"github.com/finlint/finlint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRefcacheRefreshStatusAndLint(t *testing.T) {
	srv := newServer(t, finapitest.Options{WrapToken: true})
	env := serverEnv(t, srv)

	r := runCLI(t, nil, env, "refcache", "status")
	assert.Equal(t, 0, r.code)
	assert.Contains(t, r.stdout, "nothing cached")

	r = runCLI(t, nil, env, "refcache", "refresh")
	require.Equal(t, 0, r.code, r.stderr)
	// One row a catalogue, in a fixed order: the individual ones first.
	// The test server serves its own business catalogues.
	assert.Regexp(t, `(?m)^CATALOGUE +ITEMS +FETCHED +AGE\n`+
		`occupations +50 +2026-11-26T09:30:00Z +0s\n`+
		`purposes-individual +50 +2026-11-26T09:30:00Z +0s\n`+
		`source-of-funds-individual +50 +2026-11-26T09:30:00Z +0s\n`+
		`purposes-business +10 +2026-11-26T09:30:00Z +0s\n`+
		`source-of-funds-business +9 +2026-11-26T09:30:00Z +0s\n`+
		`source-of-wealth-business +7 +2026-11-26T09:30:00Z +0s\n\z`, r.stdout)
	// 50 items a catalogue at a page cap of 7: every page was followed.
	assert.Equal(t, 8, srv.Hits(finapitest.PathOccupations))
	assert.Equal(t, 8+2, srv.Hits(finapitest.PathPurposes), "both types")
	assert.Equal(t, 1, srv.Hits(finapitest.PathSourceOfWealth))

	r = runCLI(t, nil, env, "refcache", "status")
	assert.Regexp(t, `occupations\s+50\s+2026-11-26T09:30:00Z`, r.stdout)
	assert.Regexp(t, `source-of-wealth-business\s+7\s+2026-11-26T09:30:00Z`, r.stdout)

	// Offline lint uses the cache: an id outside the catalogue is an error
	// naming the nearest titles, and no request is made.
	dir := t.TempDir()
	bad, err := rules.MergePatch(individual.Kind.Reference, `{"financial_profile": {"occupation_id": 77}}`)
	require.NoError(t, err)
	p := writeFile(t, dir, "bad.json", bad)
	before := srv.Hits(finapitest.PathOccupations)
	delete(env, "FIN_CLIENT_ID")
	delete(env, "FIN_CLIENT_SECRET")
	r = runCLI(t, nil, env, "lint", "--offline", "--format", "json", p)
	assert.Equal(t, 1, r.code)
	o := decodeJSON(t, r.stdout)
	require.NotEmpty(t, o.Results[0].Findings)
	f := o.Results[0].Findings[0]
	assert.Equal(t, "reference-id", f.Rule)
	assert.Equal(t, "/financial_profile/occupation_id", f.Path)
	assert.Contains(t, f.Message, "occupations 50")
	assert.Equal(t, before, srv.Hits(finapitest.PathOccupations))
}

func TestRefreshFailureFallsBackToCacheWithWarning(t *testing.T) {
	srv := newServer(t, finapitest.Options{})
	env := serverEnv(t, srv)
	require.Equal(t, 0, runCLI(t, nil, env, "refcache", "refresh").code)
	// A config with a tiny TTL makes the cache stale; the refresh fails.
	dir := t.TempDir()
	cfg := writeFile(t, dir, ".finlint.yaml", "cache-ttl: 1h\n")
	env[nowKey] = "2h"
	srv.Script(finapitest.PathToken, finapitest.Fault{Status: 401})
	p := writeFile(t, dir, "ok.json", individual.Kind.Reference)
	r := runCLI(t, nil, env, "lint", "--config", cfg, p)
	assert.Equal(t, 0, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stderr, "could not be refreshed, using the cached ones")
	assert.NotContains(t, r.stdout, "reference-catalogue")
}

func TestRefcacheRefreshNeedsCredentials(t *testing.T) {
	r := runCLI(t, nil, map[string]string{"FINLINT_CACHE_DIR": t.TempDir()}, "refcache", "refresh")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "FIN_CLIENT_ID")
}

func TestRefcacheRefreshStoresWhatCameThrough(t *testing.T) {
	srv := newServer(t, finapitest.Options{})
	env := serverEnv(t, srv)
	srv.Script(finapitest.PathSourceOfWealth, finapitest.Fault{Status: 404, Body: `{"message":"Not Found"}`})

	r := runCLI(t, nil, env, "refcache", "refresh")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "refresh source-of-wealth-business: ")
	assert.Contains(t, r.stderr, "HTTP 404: Not Found")
	assert.NotContains(t, r.stderr, "purposes-business")
	assert.Regexp(t, `(?m)^purposes-business +10 +2026-11-26T09:30:00Z +0s$`, r.stdout)
	assert.Regexp(t, `(?m)^source-of-wealth-business +- +never +-$`, r.stdout)

	r = runCLI(t, nil, env, "refcache", "status")
	assert.Equal(t, 0, r.code)
	assert.Regexp(t, `(?m)^occupations +50 `, r.stdout)
	assert.Regexp(t, `(?m)^source-of-wealth-business +- +never +-$`, r.stdout)
	assert.NotContains(t, r.stdout, "nothing cached")

	// A lint run finds the cache incomplete, refreshes it, and is whole.
	dir := t.TempDir()
	p := writeFile(t, dir, "ok.json", individual.Kind.Reference)
	r = runCLI(t, nil, env, "lint", p)
	assert.Equal(t, 0, r.code, r.stdout+r.stderr)
	assert.NotContains(t, r.stderr, "warning")
	assert.Equal(t, 2, srv.Hits(finapitest.PathSourceOfWealth))
	r = runCLI(t, nil, env, "refcache", "status")
	assert.Regexp(t, `(?m)^source-of-wealth-business +7 `, r.stdout)
}
