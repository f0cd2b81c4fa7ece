package cli

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/internal/report"
)

// input is one file (or stdin) to lint.
type input struct {
	source string // as given, or as found under a given directory
	ndjson bool
	err    error // the path could not be read or walked
}

// ndjsonExt are the extensions read as newline-delimited payloads.
var ndjsonExt = []string{".ndjson", ".jsonl"}

func isNDJSONName(p string) bool {
	return slices.Contains(ndjsonExt, strings.ToLower(filepath.Ext(p)))
}

// collect expands the paths given on the command line into inputs, in the
// order given; a directory contributes its *.json, *.ndjson and *.jsonl
// files in lexical order. A path that cannot be read becomes an input
// with err set, so it is reported in its place and the rest still run.
//
// Walking skips hidden files and folders (a name starting with a dot) and
// node_modules folders, unless they are named on the command line, and
// every path excluded reports true for, named or found. A folder that
// yields no payload file is worth a warning: a CI step linting the wrong
// folder would otherwise pass in silence.
func collect(paths []string, forceNDJSON bool, excluded func(string) bool, warn func(format string, args ...any)) []input {
	if excluded == nil {
		excluded = func(string) bool { return false }
	}
	var out []input
	for _, p := range paths {
		if p == "-" {
			out = append(out, input{source: "-", ndjson: forceNDJSON})
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			out = append(out, input{source: p, err: err})
			continue
		}
		if excluded(p) {
			// A named file an exclude matches is skipped in silence
			// (pre-commit names every changed file); a named folder
			// that is excluded whole is worth saying.
			if st.IsDir() && warn != nil {
				warn("%s is excluded (--exclude or the config's exclude): nothing in it is linted", p)
			}
			continue
		}
		if !st.IsDir() {
			out = append(out, input{source: p, ndjson: forceNDJSON || isNDJSONName(p)})
			continue
		}
		// A folder named through a symbolic link is walked: only links
		// met below it are not followed.
		root := p
		if lst, err := os.Lstat(p); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
			root = p + string(filepath.Separator)
		}
		before := len(out)
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				// An unreadable folder below p: report it, keep walking.
				out = append(out, input{source: path, err: err})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if path != root && (skippedName(d) || excluded(path)) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			ext := strings.ToLower(filepath.Ext(path))
			if ext == ".json" || slices.Contains(ndjsonExt, ext) {
				out = append(out, input{source: path, ndjson: forceNDJSON || isNDJSONName(path)})
			}
			return nil
		})
		if err != nil {
			out = append(out, input{source: p, err: err})
		}
		if len(out) == before && warn != nil {
			warn("%s holds no payload files (*.json, *.ndjson, *.jsonl) outside hidden folders, node_modules and excluded paths", p)
		}
	}
	return out
}

// skippedName reports whether a walk passes d by: hidden files and folders,
// and node_modules.
func skippedName(d fs.DirEntry) bool {
	name := d.Name()
	return strings.HasPrefix(name, ".") || (d.IsDir() && name == "node_modules")
}

// feeder yields the payloads of a list of inputs one at a time, opening
// each file only when the previous one is done, so that a walk over many
// files or a huge NDJSON stream never holds more than one file open and one
// payload per worker in memory.
type feeder struct {
	inputs  []input
	stdin   io.Reader
	limit   int
	i       int
	cur     *finlint.Splitter
	curFile io.Closer
	// failed counts inputs that could not be read (exit code 2); workers
	// reading files add to it concurrently.
	failed atomic.Int64
	// stdinName is the source standard input is reported under
	// (--stdin-filename); empty means "-".
	stdinName string
	// kindFor returns the payload kind the config's kinds entries give a
	// source, or "".
	kindFor func(source string) string
}

// next returns the next payload, with the kind the config gives its
// source, if any.
func (f *feeder) next() (finlint.Payload, bool) {
	p, ok := f.nextPayload()
	if ok && f.kindFor != nil {
		p.Kind = f.kindFor(p.Source)
	}
	return p, ok
}

func (f *feeder) nextPayload() (finlint.Payload, bool) {
	for {
		if f.cur != nil {
			if p, ok := f.cur.Next(); ok {
				return p, true
			}
			err := f.cur.Err()
			src := f.name(f.inputs[f.i-1])
			f.closeCur()
			if err != nil {
				f.failed.Add(1)
				return finlint.Payload{Source: src, Err: fmt.Errorf("cannot read input: %w", errors.Unwrap(err))}, true
			}
		}
		if f.i >= len(f.inputs) {
			return finlint.Payload{}, false
		}
		in := f.inputs[f.i]
		f.i++
		if in.err != nil {
			f.failed.Add(1)
			return finlint.Payload{Source: in.source, Err: fmt.Errorf("cannot read input: %w", unwrapPath(in.err))}, true
		}
		if in.source != "-" && !in.ndjson {
			// A whole file is read by the worker that lints it.
			return finlint.Payload{Source: in.source, Read: f.readFile}, true
		}
		var r io.Reader
		if in.source == "-" {
			r = f.stdin
			in.ndjson = in.ndjson || isNDJSONName(f.stdinName)
			if !in.ndjson {
				var ok bool
				r, ok = sniffNDJSON(f.stdin, f.limit)
				in.ndjson = ok
			}
		} else {
			file, err := os.Open(in.source)
			if err != nil {
				f.failed.Add(1)
				return finlint.Payload{Source: in.source, Err: fmt.Errorf("cannot read input: %w", unwrapPath(err))}, true
			}
			r, f.curFile = file, file
		}
		if in.ndjson {
			f.cur = finlint.NewSplitter(r, f.name(in), f.limit)
			continue
		}
		p := readWhole(r, f.name(in), f.limit)
		if p.Err != nil {
			f.failed.Add(1)
		}
		return p, true
	}
}

// name is the source an input is reported under.
func (f *feeder) name(in input) string {
	return stdinName(in.source, f.stdinName)
}

// stdinName is source, unless it is standard input and --stdin-filename
// gave it a name.
func stdinName(source, name string) string {
	if source == "-" && name != "" {
		return name
	}
	return source
}

// The help of --stdin-filename, for lint and for fix, and of --kind.
const (
	kindHelp = "payload `KIND` of every input the config's kinds entries do not name: individual-v2, business-v2, " +
		"or auto to tell each payload's kind from its shape"
	stdinFilenameHelp = "report standard input as `NAME` in every format, and match config globs against it " +
		"(a .ndjson or .jsonl NAME is read as NDJSON); without it, standard input is - and, in SARIF, " +
		"which needs a file URI, " + report.StdinName + " (" + report.StdinNDJSONName + " when read as NDJSON)"
	fixStdinFilenameHelp = "report standard input's remaining findings as `NAME`, and match config globs against it " +
		"(a .ndjson or .jsonl NAME is read as NDJSON)"
)

// readFile fills a whole-file payload; it runs on a lint worker.
func (f *feeder) readFile(p *finlint.Payload) {
	if data, size, ok, err := readRegular(p.Source, f.limit); ok {
		switch {
		case err != nil:
			f.failed.Add(1)
			p.Err = fmt.Errorf("cannot read input: %w", unwrapPath(err))
		case data == nil && size > int64(f.limit):
			p.Data, p.Size = nil, size
		default:
			p.Data = data
		}
		return
	}
	file, err := os.Open(p.Source)
	if err != nil {
		f.failed.Add(1)
		p.Err = fmt.Errorf("cannot read input: %w", unwrapPath(err))
		return
	}
	defer file.Close()
	st, err := file.Stat()
	if err == nil && st.IsDir() {
		f.failed.Add(1)
		p.Err = errors.New("cannot read input: is a directory")
		return
	}
	kind := p.Kind
	hint := 0
	if err == nil && st.Mode().IsRegular() {
		hint = int(min(st.Size(), int64(f.limit)))
	}
	*p = readWholeHint(file, p.Source, f.limit, hint)
	p.Kind = kind
	if p.Err != nil {
		f.failed.Add(1)
	}
}

func (f *feeder) closeCur() {
	if f.curFile != nil {
		f.curFile.Close()
		f.curFile = nil
	}
	f.cur = nil
}

// readWhole reads a whole-file payload, keeping at most limit+1 bytes: a
// larger file is sized, not held.
func readWhole(r io.Reader, source string, limit int) finlint.Payload {
	return readWholeHint(r, source, limit, 0)
}

// readWholeHint is readWhole for an input of about hint bytes (a regular
// file's size): read into one buffer of that size, not one grown from 512
// bytes by copies and further reads.
func readWholeHint(r io.Reader, source string, limit, hint int) finlint.Payload {
	data, err := readAll(io.LimitReader(r, int64(limit)+1), hint+1)
	if err != nil {
		return finlint.Payload{Source: source, Err: fmt.Errorf("cannot read input: %w", unwrapPath(err))}
	}
	if len(data) <= limit {
		return finlint.Payload{Source: source, Data: data}
	}
	// Too large. A regular file says its size; a stream (a pipe,
	// /dev/zero) is not read on, since it may never end: its size is
	// reported as "larger than the limit".
	size := int64(len(data))
	if f, ok := r.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			size = st.Size()
		}
	}
	return finlint.Payload{Source: source, Size: size}
}

// readAll is io.ReadAll starting from a buffer of size bytes; the extra
// byte a caller asks beyond the expected size lets the read that finds the
// end need no bigger buffer.
func readAll(r io.Reader, size int) ([]byte, error) {
	b := make([]byte, 0, max(size, 512))
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}

// sniffNDJSON decides whether stdin is newline-delimited: its first line is
// a complete JSON object and another non-blank line follows. It returns a
// reader that still yields everything read.
func sniffNDJSON(r io.Reader, limit int) (io.Reader, bool) {
	br := bufio.NewReaderSize(r, 64<<10)
	var first []byte
	for {
		chunk, err := br.ReadSlice('\n')
		first = append(first, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) && len(first) <= limit {
			continue
		}
		break
	}
	rest := io.MultiReader(bytes.NewReader(first), br)
	if !looksLikeRecord(first) || len(first) > limit {
		return rest, false
	}
	// Look past blank lines for a second value.
	for {
		b, err := br.Peek(1)
		if err != nil || len(b) == 0 {
			return io.MultiReader(bytes.NewReader(first), br), false
		}
		if b[0] == ' ' || b[0] == '\t' || b[0] == '\r' || b[0] == '\n' {
			c, _ := br.ReadByte()
			first = append(first, c)
			continue
		}
		return io.MultiReader(bytes.NewReader(first), br), true
	}
}

// looksLikeRecord says whether a line is one whole JSON object, judged by
// its brackets and strings alone, so that a first record with a broken
// value or bad bytes still counts: a pretty-printed document's first line
// ("{") never does.
func looksLikeRecord(line []byte) bool {
	line = bytes.TrimSpace(line)
	if len(line) < 2 || line[0] != '{' || line[len(line)-1] != '}' {
		return false
	}
	depth, inString := 0, false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
			if depth == 0 && i != len(line)-1 {
				return false // a second value on the same line
			}
		}
	}
	return depth == 0 && !inString
}

// unwrapPath drops the *PathError wrapper: the source is printed beside
// the message already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
