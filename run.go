package finlint

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
)

// Run lints the payloads next yields on Options.Jobs workers and calls fn
// with each result in input order, whatever the number of workers. At most
// 32 payloads per worker, and 16 MiB of payloads in all (but never fewer
// than 4 per worker), are held at once, so memory stays flat however long
// the sequence is. next returns false when there are no more payloads.
// Run stops early, returning fn's error, when fn fails, and returns
// ctx.Err() when the context ends, at once even when next is blocked in a
// read (the goroutine calling next then ends when next returns).
func (l *Linter) Run(ctx context.Context, next func() (Payload, bool), fn func(Result) error) error {
	return l.RunWith(ctx, next, nil, fn)
}

// RunWith is Run with a step of the caller's own on the workers: prepare,
// when not nil, is called with each result on the worker that linted it,
// before the results are put back in input order. Work a caller does on
// every result (rendering its findings, say) then runs in parallel, and fn,
// which runs on one goroutine, is left with what must be done in order.
// prepare must be safe to call from several goroutines at once.
func (l *Linter) RunWith(ctx context.Context, next func() (Payload, bool), prepare func(*Result), fn func(Result) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := l.opts.Jobs
	type job struct {
		p   Payload
		out chan Result
	}
	// The window of payloads in flight is wide, so that one slow payload
	// does not hold up the workers behind it while its result is awaited
	// (with 4 a worker, 2 workers spent a quarter of an NDJSON run idle),
	// and bounded in bytes, so that wide payloads do not fill memory.
	type slot struct {
		out    chan Result
		tokens int
	}
	window := jobs * windowPerWorker
	work := make(chan job, window)
	order := make(chan slot, window)
	budget := make(chan struct{}, max(windowBytes/tokenBytes, jobs*minPerWorker))
	cost := func(p Payload) int {
		return min(max(1, (len(p.Data)+tokenBytes-1)/tokenBytes), cap(budget)/(jobs*minPerWorker))
	}
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				res := l.lint(ctx, j.p)
				if prepare != nil {
					prepare(&res)
				}
				j.out <- res
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(work)
		for {
			p, ok := next()
			if !ok {
				return
			}
			s := slot{out: make(chan Result, 1), tokens: cost(p)}
			for range s.tokens {
				select {
				case budget <- struct{}{}:
				case <-ctx.Done():
					return
				}
			}
			select {
			case order <- s:
			case <-ctx.Done():
				return
			}
			select {
			case work <- job{p, s.out}:
			case <-ctx.Done():
				return
			}
		}
	}()
	var err error
	for {
		var s slot
		var ok bool
		select {
		case s, ok = <-order:
		case <-ctx.Done():
			// next may be blocked in a read that nothing can interrupt
			// (a terminal, a pipe): return now rather than wait for it.
			// The producer and workers end as soon as next returns.
			if err != nil {
				return err
			}
			return ctx.Err()
		}
		if !ok {
			break
		}
		var res Result
		select {
		case res = <-s.out:
		case <-ctx.Done():
		}
		if err == nil && ctx.Err() == nil {
			if err = fn(res); err != nil {
				cancel()
			}
		}
		for range s.tokens {
			<-budget
		}
	}
	wg.Wait()
	if err != nil {
		return err
	}
	return ctx.Err()
}

// The window of payloads Run holds: windowPerWorker a worker at most, and
// windowBytes of payload bytes (counted in tokens of tokenBytes), but room
// for at least minPerWorker payloads a worker however large they are.
const (
	windowPerWorker = 32
	minPerWorker    = 4
	windowBytes     = 16 << 20
	tokenBytes      = 16 << 10
)

// LintStream lints newline-delimited payloads read from r, one per line,
// and calls fn with each result in input order; Record is the 1-based line
// number. Blank lines are skipped. A line longer than the payload limit is
// reported with a payload-limit finding and skipped without being held in
// memory.
func (l *Linter) LintStream(ctx context.Context, r io.Reader, fn func(Result) error) error {
	sp := NewSplitter(r, "", l.opts.MaxPayloadSize)
	err := l.Run(ctx, sp.Next, fn)
	if err == nil {
		err = sp.Err()
	}
	return err
}

// Splitter cuts an NDJSON stream into payloads, one a non-blank line,
// without ever holding more than one line (up to the limit) in memory.
type Splitter struct {
	r      *bufio.Reader
	source string
	limit  int
	line   int
	err    error
}

// NewSplitter reads r; each payload is named source. Lines longer than
// limit bytes are not kept: their payload carries only the size.
func NewSplitter(r io.Reader, source string, limit int) *Splitter {
	if limit <= 0 {
		limit = DefaultMaxPayloadSize
	}
	return &Splitter{r: bufio.NewReaderSize(r, 64<<10), source: source, limit: limit}
}

// Err returns the read error that ended the stream, if any.
func (s *Splitter) Err() error { return s.err }

// Next returns the next non-blank line as a payload.
func (s *Splitter) Next() (Payload, bool) {
	for s.err == nil {
		data, size, err := s.readLine()
		if err != nil && !errors.Is(err, io.EOF) {
			s.err = fmt.Errorf("%s: line %d: %w", s.source, s.line+1, err)
			return Payload{}, false
		}
		if size == 0 && errors.Is(err, io.EOF) {
			s.err = io.EOF
			break
		}
		s.line++
		if errors.Is(err, io.EOF) {
			s.err = io.EOF
		}
		if size > int64(len(data)) {
			return Payload{Source: s.source, Record: s.line, Size: size}, true
		}
		// Only JSON's own white space makes a line blank: a line of form
		// feeds or no-break spaces is a broken payload, not a gap.
		if len(bytes.Trim(data, " \t\r\n")) == 0 {
			continue
		}
		return Payload{Source: s.source, Record: s.line, Data: data}, true
	}
	if errors.Is(s.err, io.EOF) {
		s.err = nil
	}
	return Payload{}, false
}

// readLine returns one line without its line ending (LF or CRLF) and the
// line's full size. Past the limit the bytes are counted, not kept, so a
// huge line costs no memory; its data is then nil. A blank line comes back
// empty with size 0, however long it was.
func (s *Splitter) readLine() ([]byte, int64, error) {
	var buf []byte
	var size int64
	var prev byte // last byte of the previous chunk
	blank := true // nothing but JSON white space so far
	for {
		chunk, err := s.r.ReadSlice('\n')
		size += int64(len(chunk))
		blank = blank && len(bytes.Trim(chunk, " \t\r\n")) == 0
		if size <= int64(s.limit)+2 {
			buf = append(buf, chunk...)
		} else {
			buf = nil
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			prev = chunk[len(chunk)-1]
			continue
		}
		if n := len(chunk); n > 0 && chunk[n-1] == '\n' {
			size--
			if len(buf) > 0 {
				buf = buf[:len(buf)-1]
			}
			// The CR of a CRLF is not part of the line, even when the line
			// was too long to keep.
			if n >= 2 && chunk[n-2] == '\r' || n == 1 && prev == '\r' {
				size--
				if len(buf) > 0 {
					buf = buf[:len(buf)-1]
				}
			}
		}
		if buf == nil && blank {
			// Too long to keep, but there is nothing to lint in it either.
			buf, size = []byte{}, 0
		}
		return buf, size, err
	}
}
