package finapi_test

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint/internal/finapi"
)

func openJournal(t *testing.T, path string) *finapi.Journal {
	t.Helper()
	j, err := finapi.OpenJournal(path, finapi.WithClock(func() time.Time { return t0 }))
	require.NoError(t, err)
	t.Cleanup(func() { _ = j.Close() })
	return j
}

func readLines(t *testing.T, path string) []map[string]any {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var out []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		var m map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &m), sc.Text())
		out = append(out, m)
	}
	return out
}

func TestKey(t *testing.T) {
	body := []byte(`{"a":1}`)
	sum := sha256.Sum256(body)
	assert.Equal(t, hex.EncodeToString(sum[:]), finapi.Key(body))
	assert.NotEqual(t, finapi.Key(body), finapi.Key([]byte(`{"a":1} `)), "bytes, not meaning")
}

func TestJournalRerunSemantics(t *testing.T) {
	path := filepath.Join(t.TempDir(), "finlint-journal.jsonl")
	created, pendingOnly, rejected, unknown := finapi.Key([]byte("a")), finapi.Key([]byte("b")), finapi.Key([]byte("c")), finapi.Key([]byte("d"))

	j := openJournal(t, path)
	_, ok := j.Lookup(created)
	assert.False(t, ok)

	require.NoError(t, j.Pending(created, "in.ndjson", 1))
	e, ok := j.Lookup(created)
	require.True(t, ok)
	assert.Equal(t, finapi.StatusPending, e.Status)
	assert.False(t, e.Status.MaySend())
	require.NoError(t, j.Outcome(created, finapi.EntryFor(finapi.CreateResult{
		Kind: finapi.Created, HTTPStatus: 200, CustomerID: "cust-1", TosPoliciesURL: "https://tos/1",
	}, nil)))

	require.NoError(t, j.Pending(pendingOnly, "in.ndjson", 2))

	require.NoError(t, j.Pending(rejected, "in.ndjson", 3))
	require.NoError(t, j.Outcome(rejected, finapi.EntryFor(finapi.CreateResult{
		Kind: finapi.Rejected, HTTPStatus: 422, Message: "invalid",
		FieldErrors: []finapi.FieldError{{Pointer: "/basic_info/email", Message: "lower case"}},
	}, nil)))

	require.NoError(t, j.Pending(unknown, "b.json", 0))
	require.NoError(t, j.Outcome(unknown, finapi.EntryFor(finapi.CreateResult{Kind: finapi.Unknown}, finapi.ErrOutcomeUnknown)))
	require.NoError(t, j.Close())

	// The next run sees what the last one did.
	j2 := openJournal(t, path)
	e, ok = j2.Lookup(created)
	require.True(t, ok)
	assert.Equal(t, finapi.StatusCreated, e.Status)
	assert.Equal(t, "cust-1", e.CustomerID)
	assert.Equal(t, "https://tos/1", e.TosPoliciesURL)
	assert.Equal(t, 200, e.HTTPStatus)
	assert.Equal(t, "in.ndjson", e.Source, "the outcome line carries its source")
	assert.Equal(t, 1, e.Record)
	assert.True(t, e.Time.Equal(t0))
	assert.False(t, e.Status.MaySend())

	e, ok = j2.Lookup(pendingOnly)
	require.True(t, ok)
	assert.Equal(t, finapi.StatusPending, e.Status, "no outcome: reported unknown by the caller")
	assert.False(t, e.Status.MaySend())

	e, ok = j2.Lookup(rejected)
	require.True(t, ok)
	assert.Equal(t, finapi.StatusRejected, e.Status)
	assert.Equal(t, "invalid; /basic_info/email: lower case", e.Error)
	assert.True(t, e.Status.MaySend())

	e, ok = j2.Lookup(unknown)
	require.True(t, ok)
	assert.Equal(t, finapi.StatusUnknown, e.Status)
	assert.Contains(t, e.Error, "outcome is unknown")
	assert.False(t, e.Status.MaySend())

	// A rejected payload sent again and created: the latest line wins.
	require.NoError(t, j2.Pending(rejected, "in.ndjson", 3))
	require.NoError(t, j2.Outcome(rejected, finapi.Entry{Status: finapi.StatusCreated, CustomerID: "cust-2"}))
	e, _ = j2.Lookup(rejected)
	assert.Equal(t, finapi.StatusCreated, e.Status)

	lines := readLines(t, path)
	assert.Len(t, lines, 9)
	for _, l := range lines {
		for k := range l {
			assert.Contains(t, []string{"time", "key", "source", "record", "status", "http_status", "customer_id", "tos_policies_url", "error"}, k)
		}
	}
}

func TestJournalOutcomeMustBeAnOutcome(t *testing.T) {
	j := openJournal(t, filepath.Join(t.TempDir(), "j.jsonl"))
	assert.Error(t, j.Outcome("k", finapi.Entry{Status: finapi.StatusPending}))
	assert.Error(t, j.Outcome("k", finapi.Entry{Status: "done"}))
	assert.Error(t, j.Outcome("k", finapi.Entry{}))
	assert.Error(t, j.Pending("", "x", 0))
}

func TestJournalNeverHoldsThePayload(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.jsonl")
	j := openJournal(t, path)
	body := []byte(`{"basic_info":{"tax_info":[{"document_id":"123-45-6789"}],"email":"secret.person@example.com"}}`)
	k := finapi.Key(body)
	require.NoError(t, j.Pending(k, "p.json", 0))
	require.NoError(t, j.Outcome(k, finapi.Entry{Status: finapi.StatusCreated, CustomerID: "c"}))
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.NotContains(t, string(data), "123-45-6789")
	assert.NotContains(t, string(data), "secret.person")
	info, err := os.Stat(path)
	require.NoError(t, err)
	if runtime.GOOS != "windows" {
		assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	}
}

func TestJournalTornLastLine(t *testing.T) {
	dir := t.TempDir()
	good := fmt.Sprintf(`{"time":"2025-09-03T08:50:57Z","key":"%s","source":"a.json","status":"pending"}`+"\n"+
		`{"time":"2025-09-03T08:50:58Z","key":"%s","status":"created","customer_id":"c1"}`+"\n", "k1", "k1")

	t.Run("partial line is cut off", func(t *testing.T) {
		path := filepath.Join(dir, "torn.jsonl")
		require.NoError(t, os.WriteFile(path, []byte(good+`{"time":"2025-09-03T08:51:00Z","key":"k2","sta`), 0o600))
		j := openJournal(t, path)
		e, ok := j.Lookup("k1")
		require.True(t, ok)
		assert.Equal(t, finapi.StatusCreated, e.Status)
		_, ok = j.Lookup("k2")
		assert.False(t, ok, "a pending line that never finished was never acted on")

		require.NoError(t, j.Pending("k3", "b.json", 0))
		require.NoError(t, j.Close())
		lines := readLines(t, path) // every line parses: nothing glued to the torn one
		require.Len(t, lines, 3)
		assert.Equal(t, "k3", lines[2]["key"])
	})

	t.Run("whole entry without its newline is kept", func(t *testing.T) {
		path := filepath.Join(dir, "nonl.jsonl")
		require.NoError(t, os.WriteFile(path, []byte(good+`{"time":"2025-09-03T08:51:00Z","key":"k2","status":"pending"}`), 0o600))
		j := openJournal(t, path)
		e, ok := j.Lookup("k2")
		require.True(t, ok)
		assert.Equal(t, finapi.StatusPending, e.Status)
		require.NoError(t, j.Outcome("k2", finapi.Entry{Status: finapi.StatusUnknown}))
		require.NoError(t, j.Close())
		lines := readLines(t, path)
		require.Len(t, lines, 4)
		assert.Equal(t, "unknown", lines[3]["status"])
	})

	t.Run("corrupt line in the middle is an error", func(t *testing.T) {
		path := filepath.Join(dir, "bad.jsonl")
		require.NoError(t, os.WriteFile(path, []byte(good+"garbage\n"+good), 0o600))
		_, err := finapi.OpenJournal(path)
		require.ErrorIs(t, err, finapi.ErrJournalCorrupt)
		assert.Contains(t, err.Error(), path)
		assert.Contains(t, err.Error(), "line 3")
	})

	t.Run("unknown status is an error", func(t *testing.T) {
		path := filepath.Join(dir, "status.jsonl")
		require.NoError(t, os.WriteFile(path, []byte(`{"key":"k","status":"sent"}`+"\n"), 0o600))
		_, err := finapi.OpenJournal(path)
		require.ErrorIs(t, err, finapi.ErrJournalCorrupt)
	})

	t.Run("blank lines are ignored", func(t *testing.T) {
		path := filepath.Join(dir, "blank.jsonl")
		require.NoError(t, os.WriteFile(path, []byte("\n"+good+"\n\n"), 0o600))
		j := openJournal(t, path)
		_, ok := j.Lookup("k1")
		assert.True(t, ok)
	})
}

func TestJournalLockedBySecondOpen(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("no flock here")
	}
	path := filepath.Join(t.TempDir(), "j.jsonl")
	j := openJournal(t, path)
	_, err := finapi.OpenJournal(path)
	require.ErrorIs(t, err, finapi.ErrJournalLocked)
	assert.Contains(t, err.Error(), path)

	require.NoError(t, j.Close())
	j2, err := finapi.OpenJournal(path)
	require.NoError(t, err, "closing releases the lock")
	require.NoError(t, j2.Close())
}

const journalHelperEnv = "FINAPI_TEST_JOURNAL_HELPER"

// TestJournalHelperProcess is not a test on its own: it is the second
// process of TestJournalLockedAcrossProcesses.
func TestJournalHelperProcess(t *testing.T) {
	path := os.Getenv(journalHelperEnv)
	if path == "" {
		t.Skip("helper process only")
	}
	j, err := finapi.OpenJournal(path)
	switch {
	case errors.Is(err, finapi.ErrJournalLocked):
		fmt.Println("RESULT locked:", err)
	case err != nil:
		fmt.Println("RESULT error:", err)
	default:
		fmt.Println("RESULT opened")
		_ = j.Close()
	}
}

func TestJournalLockedAcrossProcesses(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("no flock here")
	}
	path := filepath.Join(t.TempDir(), "j.jsonl")
	child := func() string {
		cmd := exec.Command(os.Args[0], "-test.run=^TestJournalHelperProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), journalHelperEnv+"="+path)
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, string(out))
		for _, line := range strings.Split(string(out), "\n") {
			if r, ok := strings.CutPrefix(line, "RESULT "); ok {
				return r
			}
		}
		t.Fatalf("no result from the helper: %s", out)
		return ""
	}
	j := openJournal(t, path)
	got := child()
	assert.True(t, strings.HasPrefix(got, "locked:"), got)
	assert.Contains(t, got, path)

	require.NoError(t, j.Close())
	assert.Equal(t, "opened", child())
}

func TestJournalConcurrentWriters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j.jsonl")
	j := openJournal(t, path)
	const n = 40
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			k := finapi.Key([]byte(fmt.Sprint(i)))
			assert.NoError(t, j.Pending(k, "many.ndjson", i+1))
			assert.NoError(t, j.Outcome(k, finapi.Entry{Status: finapi.StatusCreated, CustomerID: fmt.Sprint("c", i)}))
		}()
	}
	wg.Wait()
	require.NoError(t, j.Close())

	lines := readLines(t, path)
	require.Len(t, lines, 2*n)
	j2 := openJournal(t, path)
	for i := 0; i < n; i++ {
		e, ok := j2.Lookup(finapi.Key([]byte(fmt.Sprint(i))))
		require.True(t, ok)
		assert.Equal(t, finapi.StatusCreated, e.Status)
		assert.Equal(t, fmt.Sprint("c", i), e.CustomerID)
		assert.Equal(t, i+1, e.Record)
	}
}

func TestJournalClosedRefusesWrites(t *testing.T) {
	j, err := finapi.OpenJournal(filepath.Join(t.TempDir(), "j.jsonl"))
	require.NoError(t, err)
	require.NoError(t, j.Close())
	require.NoError(t, j.Close())
	assert.Error(t, j.Pending("k", "s", 0))
}

func TestJournalMissingFolder(t *testing.T) {
	_, err := finapi.OpenJournal(filepath.Join(t.TempDir(), "no", "such", "j.jsonl"))
	assert.ErrorIs(t, err, os.ErrNotExist)
}
