package cli

import (
	"encoding/json"
	"fmt"
	"github.com/finlint/finlint/kinds/individual"
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
// slowly, whatever becomes of the client), runs it again on the same
// journal, reconciles, and runs it once more: no payload may be created
// twice, the in-flight ones are reported unknown until reconcile finds
// them, and in the end every payload is created once and nothing is left
// unknown. It uses the default journal, in the state folder.
func TestSubmitKilledMidFlightNeverCreatesTwice(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills a real process")
	}
	bin := buildBinary(t)
	srv := newServer(t, finapitest.Options{PageCap: 3})
	var faults []finapitest.Fault
	for range 3 {
		faults = append(faults, finapitest.Fault{Delay: 3 * time.Second, Commit: true})
	}
	srv.Script(finapitest.PathCreate, faults...)

	dir := t.TempDir()
	var lines []string
	for i := range 8 {
		doc, err := rules.MergePatch(individual.Kind.Reference, fmt.Sprintf(`{"basic_info": {"email": "p%d@example.com"}}`, i))
		require.NoError(t, err)
		var v any
		require.NoError(t, json.Unmarshal([]byte(doc), &v))
		b, _ := json.Marshal(v)
		lines = append(lines, string(b))
	}
	in := writeFile(t, dir, "batch.ndjson", strings.Join(lines, "\n")+"\n")
	state := t.TempDir()
	environ := append(os.Environ(),
		"FIN_BASE_URL="+srv.URL, "FIN_CLIENT_ID=test-client-id", "FIN_CLIENT_SECRET=test-client-secret",
		"FINLINT_CACHE_DIR="+t.TempDir(), "FINLINT_STATE_DIR="+state, "NO_COLOR=1")
	finlint := func(args ...string) (string, int) {
		cmd := exec.Command(bin, args...)
		cmd.Env = environ
		cmd.Dir = t.TempDir() // each run from a folder of its own
		out, err := cmd.Output()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else {
			require.NoError(t, err)
		}
		return string(out), code
	}

	cmd := exec.Command(bin, "lint", "--submit", "--jobs", "3", "--rate", "50", "--format", "json", in)
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
	require.Len(t, srv.Customers(), 3)

	created := func() map[string]int {
		n := map[string]int{}
		for _, c := range srv.Customers() {
			n[string(c.Body)]++
		}
		return n
	}
	out, _ := finlint("lint", "--submit", "--format", "json", in)
	subs := submissions(t, out)
	require.Len(t, subs, 8)
	for i, line := range lines {
		assert.LessOrEqual(t, created()[line], 1, "payload %d created twice", i)
		status := subs[i]["status"]
		assert.Contains(t, []any{"created", "skipped", "unknown"}, status, "payload %d", i)
		if status == "unknown" {
			assert.Equal(t, 1, created()[line], "an unknown payload was in flight when the run died")
		}
	}

	out, code := finlint("journal", "reconcile")
	assert.Equal(t, 0, code, out)
	out, code = finlint("lint", "--submit", "--format", "json", in)
	assert.Equal(t, 0, code, out)
	for i, s := range submissions(t, out) {
		assert.Equal(t, "skipped", s["status"], "payload %d", i)
	}
	for i, line := range lines {
		assert.Equal(t, 1, created()[line], "payload %d is created exactly once", i)
	}
	out, code = finlint("journal", "list", "--format", "json")
	require.Equal(t, 0, code)
	var rows []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &rows))
	require.Len(t, rows, 8)
	for _, r := range rows {
		assert.Equal(t, "created", r["status"], r["key"])
	}
	journals, err := filepath.Glob(filepath.Join(state, "journals", "*.jsonl"))
	require.NoError(t, err)
	require.Len(t, journals, 1)
	data, err := os.ReadFile(journals[0])
	require.NoError(t, err)
	assert.NotContains(t, string(data), "test-client-secret")
}
