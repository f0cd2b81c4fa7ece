package cli

import (
	"bufio"
	"encoding/json"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/finlint/finlint/kinds/business"
	"github.com/finlint/finlint/kinds/individual"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// emitStream is a mapper's input: valid records of both kinds, one
// written with unusual spacing and escapes that must come out untouched,
// invalid ones, a broken line, a blank line and a CRLF line ending.
func emitStream(t *testing.T) (stream string, valid, invalid []string) {
	ok1 := patchedLine(t, individual.Kind.Reference, `{"meta_data": {"reference": "ind-1"}}`)
	ok2 := strings.Replace(patchedLine(t, individual.Kind.Reference, `{"meta_data": {"reference": "ind-2"}}`), `"basic_info": {`, `"basic_info" :  {`, 1)
	ok2 = strings.Replace(ok2, `"ind-2"`, `"ind\u002d2"`, 1)
	require.Contains(t, ok2, `"basic_info" :  {`)
	require.Contains(t, ok2, `"ind\u002d2"`)
	biz := patchedLine(t, business.Kind.Reference, `{"meta_data": {"reference": "biz-1"}}`)
	bad1 := patchedLine(t, individual.Kind.Reference, `{"basic_info": {"email": "Maria@Example.com"}, "meta_data": {"reference": "ind-3"}}`)
	bad2 := `{"basic_info": {"email": `
	bad3 := patchedLine(t, individual.Kind.Reference, `{"basic_info": {"dob": "2030-01-01"}}`)
	lines := []string{ok1, bad1, "", ok2, bad2, biz + "\r", bad3}
	return strings.Join(lines, "\n") + "\n", []string{ok1, ok2, biz}, []string{bad1, bad2, bad3}
}

func TestEmitValidAndInvalidAreTheRecordsByteForByte(t *testing.T) {
	stream, valid, invalid := emitStream(t)
	r := runCLI(t, strings.NewReader(stream), nil, "lint", "--offline", "--emit", "valid", "-")
	assert.Equal(t, 0, r.code, "findings do not fail a mapper: %s", r.stderr)
	assert.Equal(t, strings.Join(valid, "\n")+"\n", r.stdout)
	assert.NotContains(t, r.stderr, "payloads:", "no summary")

	r = runCLI(t, strings.NewReader(stream), nil, "lint", "--offline", "--emit", "invalid", "-")
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, strings.Join(invalid, "\n")+"\n", r.stdout)

	// As for --submit, a record with an error never passes, whatever
	// --fail-on says, and neither does one too large to keep.
	r = runCLI(t, strings.NewReader(stream), nil, "lint", "--offline", "--fail-on", "none", "--emit", "valid", "-")
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, strings.Join(valid, "\n")+"\n", r.stdout)
	big := stream + valid[0] + "\n"
	r = runCLI(t, strings.NewReader(big), nil, "lint", "--offline", "--fail-on", "none", "--max-size", "500", "--emit", "valid", "-")
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Empty(t, r.stdout, "every record is over the limit, and none is written, not even as an empty line")
	r = runCLI(t, strings.NewReader(big), nil, "lint", "--offline", "--max-size", "500", "--emit", "invalid", "-")
	assert.Equal(t, strings.Join(invalid[1:2], "\n")+"\n", r.stdout, "only the broken line is short enough to keep")
	assert.Contains(t, r.stderr, "record 1 is larger than --max-size: its bytes were not kept, so --emit invalid leaves it out")
}

func TestEmitResultsIsOneLineARecordNamedByItsReference(t *testing.T) {
	stream, _, _ := emitStream(t)
	r := runCLI(t, strings.NewReader(stream), nil, "lint", "--offline", "--emit", "results", "-")
	assert.Equal(t, 0, r.code, r.stderr)
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	require.Len(t, lines, 6, "one result a record, the blank line none, no summary line:\n%s", r.stdout)
	type result struct {
		Source    string            `json:"source"`
		Record    int               `json:"record"`
		Reference string            `json:"reference"`
		Kind      string            `json:"kind"`
		Valid     bool              `json:"valid"`
		Findings  []json.RawMessage `json:"findings"`
	}
	var got []result
	for _, l := range lines {
		var res result
		require.NoError(t, json.Unmarshal([]byte(l), &res), l)
		got = append(got, res)
	}
	want := []struct {
		record    int
		reference string
		kind      string
		valid     bool
	}{
		{1, "ind-1", "individual-v2", true}, {2, "ind-3", "individual-v2", false}, {4, "ind-2", "individual-v2", true},
		{5, "", "", false}, {6, "biz-1", "business-v2", true}, {7, "client-ref-abc-001", "individual-v2", false},
	}
	for i, w := range want {
		assert.Equal(t, "-", got[i].Source)
		assert.Equal(t, w.record, got[i].Record, lines[i])
		assert.Equal(t, w.reference, got[i].Reference, lines[i])
		assert.Equal(t, w.kind, got[i].Kind, lines[i])
		assert.Equal(t, w.valid, got[i].Valid, lines[i])
	}
	// The same objects --format ndjson prints, less its summary line.
	nd := runCLI(t, strings.NewReader(stream), nil, "lint", "--offline", "--format", "ndjson", "-")
	ndLines := strings.Split(strings.TrimSuffix(nd.stdout, "\n"), "\n")
	assert.Equal(t, ndLines[:len(ndLines)-1], lines)
	assert.Contains(t, ndLines[len(ndLines)-1], `"summary"`)
}

func TestEmitUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--emit", "vaild"}, `not "vaild" (did you mean "valid"?)`},
		{[]string{"--emit", "valid", "--format", "json"}, "--format json would write to standard output, which --emit valid writes"},
		{[]string{"--emit", "results", "--format", "sarif=-"}, "give it a path, as in --format sarif=FILE"},
		{[]string{"--emit", "valid", "--submit"}, "--emit and --submit do not go together"},
		{[]string{"--emit="}, "--emit: want results, valid or invalid, not nothing"},
		{[]string{"--emit", "valid", fixture("valid")}, "is a directory; give its .ndjson files, or - for standard input"},
		{[]string{"--emit", "valid", fixture("valid/us-maria-garcia.json")}, "is not a .ndjson or .jsonl file; add --ndjson if it holds one payload a line"},
	} {
		r := runCLI(t, strings.NewReader(""), nil, append(append([]string{"lint"}, c.args...), "-")...)
		assert.Equal(t, 2, r.code, "%v", c.args)
		assert.Contains(t, r.stderr, c.want, "%v", c.args)
	}
	// A report to a file goes beside the stream, summary and all.
	stream, valid, _ := emitStream(t)
	sarif := filepath.Join(dir, "out.sarif")
	r := runCLI(t, strings.NewReader(stream), nil, "lint", "--offline", "--emit", "valid", "--format", "sarif="+sarif, "-")
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, strings.Join(valid, "\n")+"\n", r.stdout)
	assert.FileExists(t, sarif)
	// A file that says it holds NDJSON, or any file with --ndjson, is read.
	file := writeFile(t, dir, "batch.txt", stream)
	r = runCLI(t, nil, nil, "lint", "--offline", "--emit", "valid", "--ndjson", file)
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, strings.Join(valid, "\n")+"\n", r.stdout)
	r = runCLI(t, nil, nil, "lint", "--offline", "--emit", "valid", writeFile(t, dir, "batch.jsonl", stream))
	assert.Equal(t, strings.Join(valid, "\n")+"\n", r.stdout)
}

// As a mapper, finlint answers each bundle while its input is still open:
// an engine writes a bundle, waits for its lines, and writes the next.
func TestEmitAnswersEachBundleBeforeTheInputEnds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a real process")
	}
	bin := buildBinary(t)
	stream, valid, _ := emitStream(t)
	lines := strings.SplitAfter(stream, "\n")
	cmd := exec.Command(bin, "lint", "--offline", "--emit", "valid", "-")
	cmd.Env = []string{"FINLINT_CACHE_DIR=" + t.TempDir(), "NO_COLOR=1"}
	in, err := cmd.StdinPipe()
	require.NoError(t, err)
	outPipe, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	out := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(outPipe)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			out <- sc.Text()
		}
		close(out)
	}()
	next := func() string {
		select {
		case l := <-out:
			return l
		case <-time.After(10 * time.Second):
			t.Fatal("no line within 10 s while the input is still open")
			return ""
		}
	}
	// First bundle: records 1 to 4, of which two are valid.
	_, err = io.WriteString(in, strings.Join(lines[:4], ""))
	require.NoError(t, err)
	assert.Equal(t, valid[0], next())
	assert.Equal(t, valid[1], next())
	// Second bundle: the rest.
	_, err = io.WriteString(in, strings.Join(lines[4:], ""))
	require.NoError(t, err)
	assert.Equal(t, valid[2], next())
	require.NoError(t, in.Close())
	_, more := <-out
	assert.False(t, more, "nothing after the last valid record")
	require.NoError(t, cmd.Wait(), "exit 0")
}
