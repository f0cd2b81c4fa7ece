package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/finlint/finlint/internal/finapitest"
	"github.com/finlint/finlint/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// buildBinary compiles the real command once per test binary.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "finlint")
	cmd := exec.Command("go", "build", "-o", bin, "../../cmd/finlint")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))
	return bin
}

// TestSubmitKilledMidFlightNeverCreatesTwice kills a real finlint process
// with SIGKILL while its requests are in flight (the server commits them
// slowly), then runs it again on the same journal: no payload may be
// created twice, and every payload's outcome is either in the journal or
// reported unknown.
func TestSubmitKilledMidFlightNeverCreatesTwice(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills a real process")
	}
	bin := buildBinary(t)
	srv := newServer(t, finapitest.Options{})
	var faults []finapitest.Fault
	for range 3 {
		faults = append(faults, finapitest.Fault{Delay: 3 * time.Second, Commit: true})
	}
	srv.Script(finapitest.PathCreate, faults...)

	dir := t.TempDir()
	var lines []string
	for i := range 8 {
		doc, err := rules.MergePatch(rules.ReferencePayload, fmt.Sprintf(`{"basic_info": {"email": "p%d@example.com"}}`, i))
		require.NoError(t, err)
		var v any
		require.NoError(t, json.Unmarshal([]byte(doc), &v))
		b, _ := json.Marshal(v)
		lines = append(lines, string(b))
	}
	in := writeFile(t, dir, "batch.ndjson", strings.Join(lines, "\n")+"\n")
	journal := filepath.Join(dir, "journal.jsonl")
	environ := append(os.Environ(),
		"FIN_BASE_URL="+srv.URL, "FIN_CLIENT_ID=test-client-id", "FIN_CLIENT_SECRET=test-client-secret",
		"FINLINT_CACHE_DIR="+t.TempDir(), "NO_COLOR=1")

	cmd := exec.Command(bin, "lint", "--submit", "--journal", journal, "--jobs", "3", "--rate", "50", "--format", "json", in)
	cmd.Env = environ
	require.NoError(t, cmd.Start())
	deadline := time.Now().Add(20 * time.Second)
	for len(srv.CreateRequests()) < 3 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	require.Len(t, srv.CreateRequests(), 3, "three requests in flight")
	require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
	_ = cmd.Wait()
	time.Sleep(3500 * time.Millisecond) // let the slow server commit what it received

	cmd = exec.Command(bin, "lint", "--submit", "--journal", journal, "--format", "json", in)
	cmd.Env = environ
	out, _ := cmd.Output()
	subs := submissions(t, string(out))
	require.Len(t, subs, 8)

	created := map[string]int{}
	for _, c := range srv.Customers() {
		created[string(c.Body)]++
	}
	for i, line := range lines {
		assert.LessOrEqual(t, created[line], 1, "payload %d created twice", i)
		status := subs[i]["status"]
		assert.Contains(t, []any{"created", "skipped", "unknown"}, status, "payload %d", i)
		if status == "unknown" {
			assert.Equal(t, 1, created[line], "an unknown payload was in flight when the run died")
		}
	}
	data, err := os.ReadFile(journal)
	require.NoError(t, err)
	assert.NotContains(t, string(data), "test-client-secret")
}
