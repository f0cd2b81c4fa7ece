package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/finlint/finlint/internal/report"
	"github.com/finlint/finlint/rules"
)

// The --emit modes: what lint writes to standard output, one line at a
// time, when it runs as a stream mapper inside a data engine (Spark's
// rdd.pipe, Hadoop streaming, a shell pipeline).
const (
	emitResults = "results" // one ndjson result a record
	emitValid   = "valid"   // the records that pass, byte for byte
	emitInvalid = "invalid" // the records that do not, byte for byte
)

var emitModes = []string{emitResults, emitValid, emitInvalid}

const emitHelp = "run as a stream mapper: read every input as NDJSON and write to standard output, as each record is done, `WHAT`: " +
	"results (one ndjson result a record, no summary line), valid (the records --submit would send, byte for byte: no error, and no finding at or above --fail-on) or invalid (the others); findings do not change the exit code"

// checkEmit says whether --emit can run with the other flags: it owns
// standard output, and submitting is a job of its own.
func checkEmit(e *env, f *lintFlags, args []string, changed func(string) bool) error {
	if f.emit == "" {
		if changed("emit") {
			return usageErr("--emit: want results, valid or invalid, not nothing")
		}
		return nil
	}
	if !slices.Contains(emitModes, f.emit) {
		return usageErr("--emit: want results, valid or invalid, not %q%s", f.emit, didYouMean(f.emit, emitModes))
	}
	if f.submit {
		return usageErr("--emit and --submit do not go together: submit the valid records a mapper emitted in a step of their own")
	}
	// Lines of a pretty-printed file are no records: a mapper reads
	// NDJSON, from standard input or a file that says it holds some.
	for _, a := range args {
		if a == "-" {
			continue
		}
		if st, err := os.Stat(absFrom(e.wd, a)); err == nil && st.IsDir() {
			return usageErr("--emit reads NDJSON records: %s is a directory; give its .ndjson files, or - for standard input", a)
		}
		if ext := strings.ToLower(filepath.Ext(a)); ext != ".ndjson" && ext != ".jsonl" && !f.ndjson {
			return usageErr("--emit reads NDJSON records: %s is not a .ndjson or .jsonl file; add --ndjson if it holds one payload a line", a)
		}
	}
	for _, s := range f.formats {
		if _, path, _ := formatSpec(s); path == "" {
			return usageErr("--format %s would write to standard output, which --emit %s writes: give it a path, as in --format %s=FILE", s, f.emit, strings.TrimSuffix(s, "=-"))
		}
	}
	return nil
}

// emitter writes what --emit asks for, one line a record, in input order.
// Its output is flushed whenever the records stop coming for a moment
// (bufferedOutput's idle flush), so that an engine feeding it one bundle
// at a time gets that bundle's lines without closing the stream.
type emitter struct {
	mode   string
	failOn rules.Severity
	out    *output // standard output, as an ndjson report with no summary
	warnf  func(format string, args ...any)
}

func (em *emitter) write(r *report.Result) error {
	if em.mode == emitResults {
		return em.out.format.Result(r)
	}
	if r.Error != "" {
		return nil // an input that could not be read is no record; the exit code says so
	}
	if r.Passes(em.failOn) != (em.mode == emitValid) {
		return nil
	}
	if r.Data == nil && em.mode == emitInvalid {
		// A record larger than --max-size is judged by its size alone and
		// its bytes are not kept.
		em.warnf("%s: record %d is larger than --max-size: its bytes were not kept, so --emit invalid leaves it out", r.Source, r.Record)
		return nil
	}
	if _, err := em.out.buf.Write(r.Data); err != nil {
		return err
	}
	_, err := em.out.buf.Write([]byte{'\n'})
	return err
}

func (em *emitter) finish() error {
	if err := em.out.buf.Flush(); err != nil {
		return fmt.Errorf("writing --emit %s to standard output: %w", em.mode, err)
	}
	return nil
}
