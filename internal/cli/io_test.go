package cli

import (
	"bufio"
	"context"
	"github.com/finlint/finlint/kinds/individual"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/finlint/finlint"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUnreadableInputsAreReportedInPlace(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.json", individual.Kind.Reference)
	require.NoError(t, os.Symlink(filepath.Join(dir, "loop-b.json"), filepath.Join(dir, "loop-a.json")))
	require.NoError(t, os.Symlink(filepath.Join(dir, "loop-a.json"), filepath.Join(dir, "loop-b.json")))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "folder.json"), 0o755))
	r := runCLI(t, nil, nil, "lint", "--format", "json", good, filepath.Join(dir, "loop-a.json"), filepath.Join(dir, "folder.json"))
	assert.Equal(t, 2, r.code)
	o := decodeJSON(t, r.stdout)
	// folder.json is a directory given by name: it is walked (and empty).
	require.Len(t, o.Results, 2)
	assert.True(t, o.Results[0].Valid)
	assert.Contains(t, o.Results[1].Error, "too many levels of symbolic links")
	assert.Contains(t, r.stderr, "1 input could not be read")
}

func TestFileThatVanishesBeforeItIsReadIsReported(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.json", individual.Kind.Reference)
	b := writeFile(t, dir, "b.json", individual.Kind.Reference)
	fd := &feeder{inputs: collect([]string{dir}, false, nil, nil), limit: finlint.DefaultMaxPayloadSize}
	require.NoError(t, os.Remove(b)) // listed by the walk, gone before it is read
	l, err := finlint.New(finlint.Options{Now: func() time.Time { return fixedNow }})
	require.NoError(t, err)
	var got []string
	require.NoError(t, l.Run(t.Context(), fd.next, func(r finlint.Result) error {
		got = append(got, filepath.Base(r.Source)+":"+r.Error)
		return nil
	}))
	assert.Equal(t, []string{"a.json:", "b.json:cannot read input: no such file or directory"}, got)
	assert.EqualValues(t, 1, fd.failed.Load())
}

// TestClosedStdout runs the real binary into `head -1`: the run stops at
// the broken pipe, says so on standard error and exits 2, without hanging.
func TestClosedStdout(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	// Far more output than the tool buffers and a pipe holds, so that
	// finlint is still writing when the reader goes away.
	stream := filepath.Join(t.TempDir(), "many.ndjson")
	require.NoError(t, os.WriteFile(stream, []byte(strings.Repeat("{\"basic_info\": {\"email\": \"X@Y\"}}\n", 20000)), 0o644))
	cmd := exec.Command(bin, "lint", "--offline", stream)
	cmd.Env = append(os.Environ(), "FINLINT_CACHE_DIR="+t.TempDir())
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	line, err := bufio.NewReader(out).ReadString('\n')
	require.NoError(t, err)
	assert.Contains(t, line, "many.ndjson:")
	out.Close()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatal("finlint hung on a closed standard output")
	}
	assert.Equal(t, 2, cmd.ProcessState.ExitCode())
	assert.Contains(t, stderr.String(), "broken pipe")
}

// An endless stream given as a path is sized up to the limit, not read to
// its end (which never comes).
func TestEndlessInputIsCutAtTheLimit(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	done := make(chan runResult, 1)
	go func() { done <- runCLI(t, nil, nil, "lint", "--format", "json", "--max-size", "1024", "/dev/zero") }()
	select {
	case r := <-done:
		assert.Equal(t, 1, r.code, r.stderr)
		o := decodeJSON(t, r.stdout)
		require.Len(t, o.Results, 1)
		require.Len(t, o.Results[0].Findings, 1)
		assert.Equal(t, "payload-limit", o.Results[0].Findings[0].Rule)
		assert.Contains(t, o.Results[0].Findings[0].Message, "larger than the 1024-byte limit")
	case <-time.After(10 * time.Second):
		t.Fatal("finlint read /dev/zero to no end")
	}
}

// Cancelling (Ctrl-C) stops a run even while it waits for standard input.
func TestCancelWhileStdinBlocks(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	var out, errb strings.Builder
	e := &env{stdin: pr, stdout: &out, stderr: &errb,
		getenv: func(k string) string { return map[string]string{"FINLINT_CACHE_DIR": t.TempDir()}[k] },
		now:    func() time.Time { return fixedNow }, isTTY: func(any) bool { return false }}
	ctx, cancel := context.WithCancel(t.Context())
	code := make(chan int, 1)
	go func() { code <- run(ctx, e, []string{"lint", "--ndjson", "-"}) }()
	time.Sleep(100 * time.Millisecond)
	cancel()
	select {
	case c := <-code:
		assert.Equal(t, 2, c)
		assert.Contains(t, errb.String(), "context canceled")
	case <-time.After(5 * time.Second):
		t.Fatal("the run did not stop while standard input was blocked")
	}
}

// A slow stream (records arriving one by one on a pipe) gets each result
// as its record is read, not when the stream ends: output is buffered for
// speed but flushed as soon as writing pauses.
func TestSlowStreamShowsEachResult(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	cmd := exec.Command(bin, "lint", "--offline", "--format", "ndjson", "--stdin-filename", "live.ndjson", "-")
	cmd.Env = append(os.Environ(), "FINLINT_CACHE_DIR="+t.TempDir())
	in, err := cmd.StdinPipe()
	require.NoError(t, err)
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	defer func() {
		in.Close()
		_ = cmd.Wait()
	}()
	lines := make(chan string)
	go func() {
		r := bufio.NewReader(out)
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				close(lines)
				return
			}
			lines <- line
		}
	}()
	record := strings.Join(strings.Fields(individual.Kind.Reference), " ") + "\n"
	for i := 1; i <= 2; i++ {
		_, err := io.WriteString(in, record)
		require.NoError(t, err)
		select {
		case line := <-lines:
			assert.Contains(t, line, `"record":`+strconv.Itoa(i))
		case <-time.After(10 * time.Second):
			t.Fatalf("record %d: no result while the stream stays open", i)
		}
	}
}
