package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/finlint/finlint/kinds/individual"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/finlint/finlint/internal/finapi"
	"github.com/finlint/finlint/internal/finapitest"
	"github.com/finlint/finlint/rules"
	"github.com/spf13/cobra"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// catalogues holds the ids the fixtures use among many others, so that
// fetching them takes several pages.
func catalogues() map[string][]rules.RefItem {
	c := map[string][]rules.RefItem{}
	for _, name := range []string{rules.Occupations, rules.PurposesIndividual, rules.SourceOfFundsIndividual} {
		for id := int64(1); id <= 50; id++ {
			c[name] = append(c[name], rules.RefItem{ID: id, Title: fmt.Sprintf("%s %d", name, id)})
		}
	}
	return c
}

func newServer(t *testing.T, o finapitest.Options) *finapitest.Server {
	t.Helper()
	if o.Catalogues == nil {
		o.Catalogues = catalogues()
	}
	s := finapitest.New(o)
	t.Cleanup(s.Close)
	return s
}

func serverEnv(t *testing.T, s *finapitest.Server) map[string]string {
	return map[string]string{
		"FIN_BASE_URL":      s.URL,
		"FIN_CLIENT_ID":     "test-client-id",
		"FIN_CLIENT_SECRET": "test-client-secret",
		"FINLINT_CACHE_DIR": t.TempDir(),
	}
}

// batch writes 3 valid and 3 invalid payloads as one NDJSON file.
func batch(t *testing.T, dir string) (path string, valid [][]byte) {
	t.Helper()
	var lines []string
	for i := range 6 {
		tax := `"tax_info": [{"country_code": "USA", "document_type": "SSN", "document_id": "987-65-4321"}]`
		patch := fmt.Sprintf(`{"basic_info": {"email": "person%d@example.com", %s}, "meta_data": {"reference": "r%d"}}`, i, tax, i)
		if i%2 == 1 {
			patch = fmt.Sprintf(`{"basic_info": {"email": "Person%d@Example.com", %s}}`, i, tax)
		}
		doc, err := rules.MergePatch(individual.Kind.Reference, patch)
		require.NoError(t, err)
		var v any
		require.NoError(t, json.Unmarshal([]byte(doc), &v))
		line, _ := json.Marshal(v)
		lines = append(lines, string(line))
		if i%2 == 0 {
			valid = append(valid, line)
		}
	}
	return writeFile(t, dir, "batch.ndjson", strings.Join(lines, "\n")+"\n"), valid
}

func submissions(t *testing.T, stdout string) []map[string]any {
	t.Helper()
	var o struct {
		Results []struct {
			Submission map[string]any `json:"submission"`
		} `json:"results"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &o), stdout)
	var out []map[string]any
	for _, r := range o.Results {
		out = append(out, r.Submission)
	}
	return out
}

func statuses(subs []map[string]any) []string {
	var out []string
	for _, s := range subs {
		out = append(out, fmt.Sprint(s["status"]))
	}
	return out
}

func TestSubmitSendsValidOnesOnceAndRerunSendsNothing(t *testing.T) {
	srv := newServer(t, finapitest.Options{})
	srv.Script(finapitest.PathCreate, finapitest.Fault{Status: http.StatusTooManyRequests, RetryAfter: "1"})
	dir := t.TempDir()
	in, valid := batch(t, dir)
	journal := filepath.Join(dir, "journal.jsonl")
	env := serverEnv(t, srv)

	r := runCLI(t, nil, env, "lint", "--submit", "--journal", journal, "--format", "json", in)
	assert.Equal(t, 1, r.code, r.stderr)
	assert.Equal(t, []string{"created", "not-sent", "created", "not-sent", "created", "not-sent"}, statuses(submissions(t, r.stdout)))

	customers := srv.Customers()
	require.Len(t, customers, 3)
	idOf := map[string]string{} // body -> customer id; requests run concurrently
	for _, c := range customers {
		idOf[string(c.Body)] = c.ID
	}
	for _, v := range valid {
		assert.Contains(t, idOf, string(v), "the body is sent byte for byte, once")
	}
	reqs := srv.CreateRequests()
	assert.Len(t, reqs, 4, "three payloads and one retry after the 429")
	for _, q := range reqs {
		assert.True(t, strings.HasPrefix(q.Authorization, "Bearer "))
		assert.Equal(t, "application/json", q.ContentType)
	}
	assert.Equal(t, 1, srv.Hits(finapitest.PathToken), "one token serves the whole run")

	// The same command again sends nothing more.
	r = runCLI(t, nil, env, "lint", "--submit", "--journal", journal, "--format", "json", in)
	assert.Equal(t, 1, r.code)
	assert.Equal(t, []string{"skipped", "not-sent", "skipped", "not-sent", "skipped", "not-sent"}, statuses(submissions(t, r.stdout)))
	assert.Len(t, srv.CreateRequests(), 4)
	subs := submissions(t, r.stdout)
	assert.Equal(t, idOf[string(valid[0])], subs[0]["customer_id"])
}

func TestSubmitAllValidExitsZero(t *testing.T) {
	srv := newServer(t, finapitest.Options{})
	dir := t.TempDir()
	p := writeFile(t, dir, "one.json", individual.Kind.Reference)
	r := runCLI(t, nil, serverEnv(t, srv), "lint", "--submit", "--journal", filepath.Join(dir, "j.jsonl"), p)
	assert.Equal(t, 0, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "1 submitted (1 created)")
	// The catalogues were fetched (all pages) on the way: no info about them.
	assert.NotContains(t, r.stdout, "reference-catalogue")
}

func TestSubmitAPIFieldErrorsBecomeFindings(t *testing.T) {
	srv := newServer(t, finapitest.Options{RejectEmails: []string{"maria.garcia@example.com"}, RelianceEnabled: false})
	dir := t.TempDir()
	a := writeFile(t, dir, "a.json", individual.Kind.Reference)
	rel, err := rules.MergePatch(individual.Kind.Reference, `{"verification_type": "RELIANCE", "basic_info": {"email": "other@example.com"}}`)
	require.NoError(t, err)
	b := writeFile(t, dir, "b.json", rel)
	r := runCLI(t, nil, serverEnv(t, srv), "lint", "--submit", "--journal", filepath.Join(dir, "j.jsonl"), "--format", "json", a, b)
	assert.Equal(t, 1, r.code)
	o := decodeJSON(t, r.stdout)
	require.Len(t, o.Results, 2)
	var api []string
	for _, res := range o.Results {
		assert.False(t, res.Valid)
		for _, f := range res.Findings {
			if f.Rule == "api" {
				api = append(api, fmt.Sprintf("%s %s %d:%d", res.Source[len(dir)+1:], f.Path, f.Line, f.Column))
			}
		}
	}
	assert.Equal(t, []string{"a.json /basic_info/email 8:14", "b.json /verification_type 44:24"}, api)
	assert.Equal(t, []string{"failed", "failed"}, statuses(submissions(t, r.stdout)))
	assert.Empty(t, srv.Customers())
}

func TestSubmitLostAnswerIsUnknownAndNeverResent(t *testing.T) {
	srv := newServer(t, finapitest.Options{})
	srv.Script(finapitest.PathCreate, finapitest.Fault{Drop: true, Commit: true})
	dir := t.TempDir()
	p := writeFile(t, dir, "one.json", individual.Kind.Reference)
	journal := filepath.Join(dir, "j.jsonl")
	env := serverEnv(t, srv)
	r := runCLI(t, nil, env, "lint", "--submit", "--journal", journal, "--format", "json", p)
	assert.Equal(t, 1, r.code)
	assert.Equal(t, []string{"unknown"}, statuses(submissions(t, r.stdout)))
	r = runCLI(t, nil, env, "lint", "--submit", "--journal", journal, "--format", "json", p)
	assert.Equal(t, 1, r.code)
	assert.Equal(t, []string{"unknown"}, statuses(submissions(t, r.stdout)))
	assert.Len(t, srv.CreateRequests(), 1, "a payload whose outcome is unknown is never sent again")
	assert.Len(t, srv.Customers(), 1)
}

// A 500 may come after the vendor committed the customer: it is unknown,
// never sent again by a rerun, and reconcile finds the customer.
func TestSubmitServerErrorIsUnknownUntilReconciled(t *testing.T) {
	srv := newServer(t, finapitest.Options{})
	srv.Script(finapitest.PathCreate, finapitest.Fault{Status: 500, Commit: true})
	dir := t.TempDir()
	p := writeFile(t, dir, "one.json", individual.Kind.Reference)
	journal := filepath.Join(dir, "j.jsonl")
	env := serverEnv(t, srv)
	r := runCLI(t, nil, env, "lint", "--submit", "--journal", journal, "--format", "json", p)
	assert.Equal(t, 1, r.code)
	subs := submissions(t, r.stdout)
	assert.Equal(t, []string{"unknown"}, statuses(subs))
	assert.EqualValues(t, 500, subs[0]["http_status"])
	assert.Equal(t, 1, decodeJSON(t, r.stdout).Summary["submitted"])

	r = runCLI(t, nil, env, "lint", "--submit", "--journal", journal, "--format", "json", p)
	assert.Equal(t, 1, r.code)
	assert.Equal(t, []string{"unknown"}, statuses(submissions(t, r.stdout)))
	assert.Len(t, srv.CreateRequests(), 1, "a 500 is neither retried nor resent: the API may have acted on it")

	r = runCLI(t, nil, env, "journal", "reconcile", "--journal", journal)
	require.Equal(t, 0, r.code, r.stdout+r.stderr)
	require.Len(t, srv.Customers(), 1)
	id := srv.Customers()[0].ID
	assert.Contains(t, r.stdout, "created, customer "+id)
	assert.Contains(t, r.stdout, "reconciled 1: 1 created, 0 absent, 0 still unknown")

	r = runCLI(t, nil, env, "lint", "--submit", "--journal", journal, "--format", "json", p)
	assert.Equal(t, 0, r.code, r.stderr)
	subs = submissions(t, r.stdout)
	assert.Equal(t, []string{"skipped"}, statuses(subs))
	assert.Equal(t, id, subs[0]["customer_id"])
	assert.Len(t, srv.CreateRequests(), 1)
}

// A 500 from a server that did not commit: reconcile finds nothing and
// records absent, and only --resend-absent sends the payload again.
func TestSubmitAbsentIsResentOnlyWhenAsked(t *testing.T) {
	srv := newServer(t, finapitest.Options{})
	srv.Script(finapitest.PathCreate, finapitest.Fault{Status: 500})
	dir := t.TempDir()
	p := writeFile(t, dir, "one.json", individual.Kind.Reference)
	journal := filepath.Join(dir, "j.jsonl")
	env := serverEnv(t, srv)
	r := runCLI(t, nil, env, "lint", "--submit", "--journal", journal, "--format", "json", p)
	assert.Equal(t, []string{"unknown"}, statuses(submissions(t, r.stdout)))

	r = runCLI(t, nil, env, "journal", "reconcile", "--journal", journal)
	require.Equal(t, 0, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, ": absent (no customer among the 0 listed")
	assert.Contains(t, r.stderr, "run reconcile again before --resend-absent", "sent moments ago by the test clock")

	r = runCLI(t, nil, env, "lint", "--submit", "--journal", journal, "--format", "json", p)
	assert.Equal(t, 1, r.code)
	subs := submissions(t, r.stdout)
	assert.Equal(t, []string{"not-sent"}, statuses(subs))
	assert.Contains(t, subs[0]["error"], "--resend-absent")
	assert.Len(t, srv.CreateRequests(), 1)

	r = runCLI(t, nil, env, "lint", "--submit", "--resend-absent", "--journal", journal, "--format", "json", p)
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, []string{"created"}, statuses(submissions(t, r.stdout)))
	assert.Len(t, srv.Customers(), 1)
	r = runCLI(t, nil, env, "lint", "--submit", "--resend-absent", "--journal", journal, "--format", "json", p)
	assert.Equal(t, []string{"skipped"}, statuses(submissions(t, r.stdout)))
	assert.Len(t, srv.CreateRequests(), 2)
}

// The same bytes twice in one run are sent once; the second copy is
// not-sent (not "created by an earlier run"), and the counts add up.
func TestSubmitSameBytesTwiceInOneRun(t *testing.T) {
	srv := newServer(t, finapitest.Options{})
	dir := t.TempDir()
	a := writeFile(t, dir, "a.json", individual.Kind.Reference)
	b := writeFile(t, dir, "b.json", individual.Kind.Reference)
	r := runCLI(t, nil, serverEnv(t, srv), "lint", "--submit", "--jobs", "1", "--journal", filepath.Join(dir, "j.jsonl"), "--format", "json", a, b)
	assert.Equal(t, 1, r.code)
	subs := submissions(t, r.stdout)
	assert.Equal(t, []string{"created", "not-sent"}, statuses(subs))
	assert.Contains(t, subs[1]["error"], "the same bytes as "+a)
	sum := decodeJSON(t, r.stdout).Summary
	assert.Equal(t, 1, sum["submitted"])
	assert.Equal(t, sum["submitted"], sum["created"]+sum["failed"]+sum["unknown"])
	assert.Len(t, srv.Customers(), 1)
}

// With no --journal, runs from different working directories share the
// API's journal in the state folder: every payload is created once.
func TestSubmitDefaultJournalIsSharedAcrossFolders(t *testing.T) {
	srv := newServer(t, finapitest.Options{})
	in, valid := batch(t, t.TempDir())
	home := t.TempDir()
	env := serverEnv(t, srv)
	env["HOME"] = home
	if runtime.GOOS == "windows" {
		env["LocalAppData"] = home
	}
	for i, wd := range []string{t.TempDir(), t.TempDir()} {
		r := runCLIIn(t, wd, env, "lint", "--submit", "--format", "json", in)
		assert.Equal(t, 1, r.code, r.stderr)
		want := "created"
		if i > 0 {
			want = "skipped"
		}
		assert.Equal(t, []string{want, "not-sent", want, "not-sent", want, "not-sent"}, statuses(submissions(t, r.stdout)))
		entries, err := os.ReadDir(wd)
		require.NoError(t, err)
		assert.Empty(t, entries, "nothing is written to the working directory")
	}
	assert.Len(t, srv.Customers(), len(valid))
	assert.Len(t, srv.CreateRequests(), len(valid))
	if runtime.GOOS == "linux" {
		files, err := filepath.Glob(filepath.Join(home, ".local", "state", "finlint", "journals", "127.0.0.1-*.jsonl"))
		require.NoError(t, err)
		assert.Len(t, files, 1)
	}

	// Another API gets a journal of its own.
	other := newServer(t, finapitest.Options{})
	env2 := serverEnv(t, other)
	env2["HOME"] = home
	r := runCLIIn(t, t.TempDir(), env2, "lint", "--submit", "--format", "json", in)
	assert.Equal(t, []string{"created", "not-sent", "created", "not-sent", "created", "not-sent"}, statuses(submissions(t, r.stdout)))

	// And a journal of one API is refused for another.
	st := t.TempDir()
	env["FINLINT_STATE_DIR"] = st
	require.Equal(t, 1, runCLI(t, nil, env, "lint", "--submit", "--format", "json", in).code)
	files, err := filepath.Glob(filepath.Join(st, "journals", "*.jsonl"))
	require.NoError(t, err)
	require.Len(t, files, 1)
	r = runCLI(t, nil, env2, "lint", "--submit", "--journal", files[0], in)
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "records submissions to "+srv.URL)
}

// A damaged journal is never read as "nothing was sent".
func TestSubmitDamagedJournal(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "one.json", individual.Kind.Reference)
	good := `{"time":"2026-11-26T09:00:00Z","key":"aaaa","source":"x.json","status":"pending"}` + "\n"

	t.Run("a corrupt middle line stops the run before any request", func(t *testing.T) {
		srv := newServer(t, finapitest.Options{})
		journal := writeFile(t, t.TempDir(), "j.jsonl", good+"{not json\n"+good)
		r := runCLI(t, nil, serverEnv(t, srv), "lint", "--submit", "--journal", journal, p)
		assert.Equal(t, 2, r.code)
		assert.Contains(t, r.stderr, journal)
		assert.Contains(t, r.stderr, "line 2")
		assert.Empty(t, srv.CreateRequests())
		assert.Zero(t, srv.Hits(finapitest.PathToken), "not even a token was asked for")
		assert.Zero(t, srv.Hits(finapitest.PathOccupations))
		for _, args := range [][]string{{"journal", "status"}, {"journal", "list"}, {"journal", "reconcile"}} {
			r := runCLI(t, nil, serverEnv(t, srv), append(args, "--journal", journal)...)
			assert.Equal(t, 2, r.code, args)
			assert.Contains(t, r.stderr, "line 2", args)
		}
		assert.Zero(t, srv.Hits(finapitest.PathCustomers))
	})

	t.Run("a torn last line is reported and the run goes on", func(t *testing.T) {
		srv := newServer(t, finapitest.Options{})
		journal := writeFile(t, t.TempDir(), "j.jsonl", good+`{"time":"2026-11-26T09:00:01Z","key":"bbbb","sta`)
		r := runCLI(t, nil, serverEnv(t, srv), "lint", "--submit", "--journal", journal, "--format", "json", p)
		assert.Equal(t, 0, r.code, r.stderr)
		assert.Contains(t, r.stderr, "warning: journal "+journal+": line 2 was torn")
		assert.Equal(t, []string{"created"}, statuses(submissions(t, r.stdout)))
		assert.Len(t, srv.Customers(), 1)
	})
}

func TestSubmitRefusedCredentialsStopTheRun(t *testing.T) {
	srv := newServer(t, finapitest.Options{})
	dir := t.TempDir()
	p := writeFile(t, dir, "one.json", individual.Kind.Reference)
	env := serverEnv(t, srv)
	env["FIN_CLIENT_SECRET"] = "wrong-secret"
	r := runCLI(t, nil, env, "lint", "--submit", "--journal", filepath.Join(dir, "j.jsonl"), p)
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "401")
	assert.Empty(t, srv.CreateRequests())
	assert.NotContains(t, r.stdout+r.stderr, "wrong-secret")
}

func TestSubmitRefusesUnsafeSetups(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "one.json", individual.Kind.Reference)
	j := filepath.Join(dir, "j.jsonl")
	base := map[string]string{"FIN_CLIENT_ID": "id", "FIN_CLIENT_SECRET": "secret", "FINLINT_CACHE_DIR": t.TempDir()}
	with := func(k, v string) map[string]string {
		m := map[string]string{}
		for a, b := range base {
			m[a] = b
		}
		m[k] = v
		return m
	}
	cases := []struct {
		env  map[string]string
		args []string
		want string
	}{
		{with("FIN_BASE_URL", "http://api.example.com"), nil, "http://"},
		{with("FIN_BASE_URL", "https://api.fin.com"), nil, "needs --yes"},
		{map[string]string{"FINLINT_CACHE_DIR": t.TempDir()}, nil, "needs FIN_CLIENT_ID"},
		{with("FIN_BASE_URL", "http://127.0.0.1:1"), []string{"--rate", "0"}, "--rate"},
		{with("FIN_BASE_URL", "http://127.0.0.1:1"), []string{"--offline"}, "do not go together"},
	}
	for _, c := range cases {
		args := append([]string{"lint", "--submit", "--journal", j}, c.args...)
		r := runCLI(t, nil, c.env, append(args, p)...)
		assert.Equal(t, 2, r.code, c.want)
		assert.Contains(t, r.stderr, c.want)
		assert.NotContains(t, r.stderr, "secret")
	}
}

// The flags that shape a submission are a usage error without --submit:
// a user who wrote --journal and forgot --submit must not believe that
// anything was sent.
func TestSubmissionFlagsNeedSubmit(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "one.json", individual.Kind.Reference)
	env := map[string]string{"FINLINT_CACHE_DIR": t.TempDir()}
	for _, args := range [][]string{
		{"--journal", filepath.Join(dir, "j.jsonl")},
		{"--rate", "2"},
		{"--yes"},
		{"--resend-absent"},
	} {
		r := runCLI(t, nil, env, append(append([]string{"lint", "--offline"}, args...), p)...)
		assert.Equal(t, 2, r.code, args)
		assert.Contains(t, r.stderr, args[0]+" shapes a submission: it needs --submit")
		assert.Empty(t, r.stdout, "nothing linted")
	}
	assert.NoFileExists(t, filepath.Join(dir, "j.jsonl"))
	assert.Equal(t, 0, runCLI(t, nil, env, "lint", "--offline", p).code)
}

func TestSubmitJournalIsExclusive(t *testing.T) {
	srv := newServer(t, finapitest.Options{})
	dir := t.TempDir()
	p := writeFile(t, dir, "one.json", individual.Kind.Reference)
	journal := filepath.Join(dir, "j.jsonl")
	held, err := finapi.OpenJournal(journal)
	require.NoError(t, err)
	defer held.Close()
	r := runCLI(t, nil, serverEnv(t, srv), "lint", "--submit", "--journal", journal, p)
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "another finlint run")
	assert.Empty(t, srv.CreateRequests())
}

func TestSubmitNeverLeaksSecretsOrTokens(t *testing.T) {
	srv := newServer(t, finapitest.Options{RejectEmails: []string{"person2@example.com"}})
	srv.Script(finapitest.PathCreate, finapitest.Fault{Status: 503, RetryAfter: "0"}, finapitest.Fault{Status: 401})
	dir := t.TempDir()
	in, _ := batch(t, dir)
	journal := filepath.Join(dir, "j.jsonl")
	env := serverEnv(t, srv)
	var all bytes.Buffer
	for _, format := range []string{"text", "json", "ndjson", "sarif", "junit", "github"} {
		r := runCLI(t, nil, env, "lint", "--submit", "--journal", journal, "--format", format, in)
		all.WriteString(r.stdout + r.stderr)
	}
	data, err := os.ReadFile(journal)
	require.NoError(t, err)
	all.Write(data)
	secrets := append(srv.Secrets(), "test-client-secret")
	require.NotEmpty(t, srv.Secrets())
	for _, s := range secrets {
		assert.NotContains(t, all.String(), s)
	}
	assert.NotContains(t, all.String(), "987-65-4321", "tax ids are masked")
	assert.NotContains(t, all.String(), "65-4321")
}

// Neither --fail-on none nor a baseline that accepts the errors makes a
// payload with errors due for submission: the API would refuse it, or take
// it in a form nobody meant.
func TestSubmitNeverSendsPayloadsWithErrors(t *testing.T) {
	srv := newServer(t, finapitest.Options{})
	dir := t.TempDir()
	in, valid := batch(t, dir)
	env := serverEnv(t, srv)
	bl := filepath.Join(dir, "baseline.json")
	require.Equal(t, 1, runCLI(t, nil, env, "lint", "--write-baseline", bl, in).code)

	r := runCLI(t, nil, env, "lint", "--submit", "--journal", filepath.Join(dir, "j1.jsonl"), "--fail-on", "none", "--baseline", bl, "--format", "json", in)
	assert.Equal(t, 0, r.code, "every payload that was due was created; the rest were accepted")
	assert.Equal(t, []string{"created", "not-sent", "created", "not-sent", "created", "not-sent"}, statuses(submissions(t, r.stdout)))
	assert.Len(t, srv.Customers(), len(valid))
	o := decodeJSON(t, r.stdout)
	assert.Equal(t, 3, o.Summary["submitted"])
	for _, res := range o.Results {
		assert.Empty(t, res.Findings, "the baseline hides the accepted findings in the report")
	}
}

func TestSubmitFlagsRegister(t *testing.T) {
	var f submitFlags
	cmd := &cobra.Command{Use: "x", RunE: func(*cobra.Command, []string) error { return nil }}
	addSubmitFlags(cmd, &f)
	assert.Equal(t, submitFlags{rate: 5}, f, "defaults")
	assert.Contains(t, cmd.Flags().Lookup("journal").Usage, "state folder")
	cmd.SetArgs([]string{"--journal", "j.jsonl", "--rate", "2", "--yes", "--resend-absent"})
	require.NoError(t, cmd.Execute())
	assert.Equal(t, submitFlags{journal: "j.jsonl", rate: 2, yes: true, resendAbsent: true}, f)
}
