package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"github.com/finlint/finlint/kinds/individual"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/finlint/finlint/internal/finapi"
	"github.com/finlint/finlint/internal/finapitest"
	"github.com/finlint/finlint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runCLIIn is runCLI from another working directory.
func runCLIIn(t *testing.T, wd string, envVars map[string]string, args ...string) runResult {
	t.Helper()
	vars := map[string]string{"FINLINT_CACHE_DIR": t.TempDir()}
	for k, v := range envVars {
		vars[k] = v
	}
	var out, errb bytes.Buffer
	e := &env{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
		getenv: func(k string) string { return vars[k] },
		now:    func() time.Time { return fixedNow },
		wd:     wd,
		isTTY:  func(any) bool { return false },
	}
	code := run(context.Background(), e, args)
	return runResult{out.String(), errb.String(), code}
}

type listedRow struct {
	Key        string `json:"key"`
	Source     string `json:"source"`
	Record     int    `json:"record"`
	Kind       string `json:"kind"`
	Status     string `json:"status"`
	CustomerID string `json:"customer_id"`
	Via        string `json:"via"`
	Reason     string `json:"reason"`
}

func journalRows(t *testing.T, env map[string]string, args ...string) []listedRow {
	t.Helper()
	r := runCLI(t, nil, env, append([]string{"journal", "list", "--format", "json"}, args...)...)
	require.Equal(t, 0, r.code, r.stderr)
	var rows []listedRow
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rows), r.stdout)
	return rows
}

// unknownBatch submits the batch of batch() with the first valid payload
// lost after the commit and the second answered 500 without one.
func unknownBatch(t *testing.T) (srv *finapitest.Server, env map[string]string, in string) {
	t.Helper()
	srv = newServer(t, finapitest.Options{PageCap: 2})
	srv.Script(finapitest.PathCreate, finapitest.Fault{Drop: true, Commit: true}, finapitest.Fault{Status: 502})
	in, _ = batch(t, t.TempDir())
	env = serverEnv(t, srv)
	env["FINLINT_STATE_DIR"] = t.TempDir()
	r := runCLI(t, nil, env, "lint", "--submit", "--jobs", "1", "--format", "json", in)
	require.Equal(t, 1, r.code, r.stderr)
	require.Equal(t, []string{"unknown", "not-sent", "unknown", "not-sent", "created", "not-sent"}, statuses(submissions(t, r.stdout)))
	return srv, env, in
}

func TestJournalStatusAndList(t *testing.T) {
	_, env, in := unknownBatch(t)
	r := runCLI(t, nil, env, "journal")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "journal:  "+env["FINLINT_STATE_DIR"])
	assert.Contains(t, r.stdout, "API:      "+env["FIN_BASE_URL"])
	assert.Contains(t, r.stdout, "payloads: 3")
	assert.Regexp(t, `created +1\n`, r.stdout)
	assert.Regexp(t, `unknown +2\n`, r.stdout)
	assert.Contains(t, r.stdout, "oldest unknown: ")
	assert.Contains(t, r.stdout, "("+in+":1)")
	assert.Equal(t, r, runCLI(t, nil, env, "journal", "status"), "status is the default")

	rows := journalRows(t, env)
	require.Len(t, rows, 3)
	for i, want := range []string{"unknown", "unknown", "created"} {
		assert.Equal(t, want, rows[i].Status)
		assert.Equal(t, "individual-v2", rows[i].Kind)
		assert.Equal(t, in, rows[i].Source)
		assert.Equal(t, 2*i+1, rows[i].Record)
		assert.Len(t, rows[i].Key, 64)
	}
	assert.NotEmpty(t, rows[2].CustomerID)
	assert.Len(t, journalRows(t, env, "--status", "created"), 1)
	assert.Len(t, journalRows(t, env, "--status", "unknown"), 2)

	r = runCLI(t, nil, env, "journal", "list")
	require.Equal(t, 0, r.code)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	require.Len(t, lines, 4)
	assert.Regexp(t, `^KEY +SOURCE +RECORD +KIND +STATUS +CUSTOMER +TIME$`, lines[0])
	assert.Regexp(t, `^[0-9a-f]{12} +\S+batch.ndjson +1 +individual-v2 +unknown +- +2026-11-26T09:30:00Z$`, lines[1])
	for _, args := range [][]string{{"journal", "list"}, {"journal", "list", "--format", "json"}, {"journal", "status"}} {
		out := runCLI(t, nil, env, args...).stdout
		assert.NotContains(t, out, "4321", "tax ids are never shown")
		assert.NotContains(t, out, "@example.com", "nor who the customer is")
	}

	assert.Equal(t, 2, runCLI(t, nil, env, "journal", "list", "--status", "pending").code)
	assert.Equal(t, 2, runCLI(t, nil, env, "journal", "list", "--format", "xml").code)

	// The journal holds no tax id either.
	files, err := filepath.Glob(filepath.Join(env["FINLINT_STATE_DIR"], "journals", "*.jsonl"))
	require.NoError(t, err)
	require.Len(t, files, 1)
	data, err := os.ReadFile(files[0])
	require.NoError(t, err)
	assert.NotContains(t, string(data), "987-65-4321")
	assert.NotContains(t, string(data), "4321")
}

func TestJournalStatusWithoutAJournal(t *testing.T) {
	env := map[string]string{"FINLINT_STATE_DIR": t.TempDir(), "FIN_BASE_URL": "http://127.0.0.1:9"}
	r := runCLI(t, nil, env, "journal", "status")
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "no journal yet")
	rows := journalRows(t, env)
	assert.Empty(t, rows)
	entries, err := os.ReadDir(env["FINLINT_STATE_DIR"])
	require.NoError(t, err)
	assert.Empty(t, entries, "reading creates nothing")
	r = runCLI(t, nil, map[string]string{"FIN_BASE_URL": "http://127.0.0.1:9"}, "journal", "status")
	assert.Equal(t, 2, r.code, "no state folder known: never the working directory")
	assert.Contains(t, r.stderr, "FINLINT_STATE_DIR")
}

func TestJournalReconcileThenResubmit(t *testing.T) {
	srv, env, in := unknownBatch(t)
	// Customers of other people, so that the lookup takes several pages.
	for _, email := range []string{"x1@example.com", "x2@example.com", "x3@example.com"} {
		doc, err := rules.MergePatch(individual.Kind.Reference, `{"basic_info": {"email": "`+email+`"}}`)
		require.NoError(t, err)
		srv.AddCustomer("INDIVIDUAL", []byte(doc))
	}
	r := runCLI(t, nil, env, "journal", "reconcile")
	require.Equal(t, 0, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "reconciled 2: 1 created, 1 absent, 0 still unknown")
	assert.Contains(t, r.stdout, "created, customer "+srv.Customers()[0].ID)
	assert.GreaterOrEqual(t, srv.Hits(finapitest.PathCustomers), 3, "every page of 6 customers, 2 a page")

	rows := journalRows(t, env)
	assert.Equal(t, "created", rows[0].Status)
	assert.Equal(t, srv.Customers()[0].ID, rows[0].CustomerID)
	assert.Equal(t, "reconcile", rows[0].Via)
	assert.Equal(t, "absent", rows[1].Status)
	assert.Empty(t, journalRows(t, env, "--status", "unknown"))

	r = runCLI(t, nil, env, "journal", "reconcile")
	assert.Equal(t, 0, r.code)
	assert.Contains(t, r.stdout, "nothing to reconcile")

	creates := len(srv.CreateRequests())
	r = runCLI(t, nil, env, "lint", "--submit", "--format", "json", in)
	assert.Equal(t, []string{"skipped", "not-sent", "not-sent", "not-sent", "skipped", "not-sent"}, statuses(submissions(t, r.stdout)))
	assert.Len(t, srv.CreateRequests(), creates, "nothing sent again")
}

func TestJournalReconcileNeedsCredentialsAndTheSameAPI(t *testing.T) {
	_, env, _ := unknownBatch(t)
	noCreds := map[string]string{"FIN_BASE_URL": env["FIN_BASE_URL"], "FINLINT_STATE_DIR": env["FINLINT_STATE_DIR"]}
	r := runCLI(t, nil, noCreds, "journal", "reconcile")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "needs FIN_CLIENT_ID")

	// The journal of one API, looked up at another, would find nothing
	// and call everything absent.
	files, _ := filepath.Glob(filepath.Join(env["FINLINT_STATE_DIR"], "journals", "*.jsonl"))
	require.Len(t, files, 1)
	other := newServer(t, finapitest.Options{})
	r = runCLI(t, nil, serverEnv(t, other), "journal", "reconcile", "--journal", files[0])
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "records submissions to")
	assert.Zero(t, other.Hits(finapitest.PathCustomers))
	assert.Len(t, journalRows(t, env, "--status", "unknown"), 2)
}

func TestJournalResolveByHand(t *testing.T) {
	_, env, _ := unknownBatch(t)
	rows := journalRows(t, env)
	first, second := rows[0].Key, rows[1].Key

	cases := []struct {
		args []string
		want string
	}{
		{[]string{first[:8]}, "either --created"},
		{[]string{first[:8], "--absent"}, "needs --reason"},
		{[]string{first[:8], "--absent", "--reason", "x", "--created", "c"}, "either --created"},
		{[]string{first[:2], "--created", "c-1"}, "at least 4"},
		{[]string{"ffffffffff", "--created", "c-1"}, "no payload"},
		{[]string{first[:8], "--created", "c 1"}, "customer id"},
	}
	for _, c := range cases {
		r := runCLI(t, nil, env, append([]string{"journal", "resolve"}, c.args...)...)
		assert.Equal(t, 2, r.code, c.args)
		assert.Contains(t, r.stderr, c.want, c.args)
	}

	r := runCLI(t, nil, env, "journal", "resolve", first[:8], "--created", "cust-42", "--reason", "seen in the dashboard")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "was unknown, now created")
	r = runCLI(t, nil, env, "journal", "resolve", second, "--absent", "--reason", "support confirmed")
	require.Equal(t, 0, r.code, r.stderr)

	rows = journalRows(t, env)
	assert.Equal(t, listedRow{Key: first, Source: rows[0].Source, Record: 1, Kind: "individual-v2", Status: "created", CustomerID: "cust-42", Via: "resolve", Reason: "seen in the dashboard"}, rows[0])
	assert.Equal(t, "absent", rows[1].Status)
	assert.Equal(t, "support confirmed", rows[1].Reason)

	r = runCLI(t, nil, env, "journal", "resolve", first[:8], "--absent", "--reason", "oops")
	assert.Equal(t, 2, r.code, "a created customer is not undone by hand")
	assert.Contains(t, r.stderr, "already created")
}

func TestJournalCommandsTakeTheLock(t *testing.T) {
	_, env, _ := unknownBatch(t)
	files, _ := filepath.Glob(filepath.Join(env["FINLINT_STATE_DIR"], "journals", "*.jsonl"))
	require.Len(t, files, 1)
	held, err := finapi.OpenJournal(files[0])
	require.NoError(t, err)
	defer held.Close()
	for _, args := range [][]string{{"status"}, {"list"}, {"reconcile"}, {"resolve", "abcd", "--created", "x"}} {
		r := runCLI(t, nil, env, append([]string{"journal"}, args...)...)
		assert.Equal(t, 2, r.code, args)
		assert.Contains(t, r.stderr, "another finlint run", args)
	}
}
