package cli

import (
	"fmt"
	"io"
	"time"
)

// progress shows a one-line count on a terminal's standard error while a
// long run goes on. It is shown only when standard output is not that same
// terminal (the findings would interleave with it) and --quiet is off, and
// it is erased when the run ends.
type progress struct {
	w       io.Writer
	now     func() time.Time
	start   time.Time
	last    time.Time
	n       int
	printed bool
}

// newProgress returns nil (no progress) unless it should be shown.
func newProgress(e *env, quiet bool) *progress {
	if quiet || !e.isTTY(e.stderr) || e.isTTY(e.stdout) {
		return nil
	}
	return &progress{w: e.stderr, now: time.Now, start: time.Now()}
}

// tick counts one payload and redraws at most five times a second.
func (p *progress) tick() {
	if p == nil {
		return
	}
	p.n++
	t := p.now()
	if p.printed && t.Sub(p.last) < 200*time.Millisecond {
		return
	}
	p.last, p.printed = t, true
	rate := float64(p.n) / max(t.Sub(p.start).Seconds(), 1e-3)
	fmt.Fprintf(p.w, "\r\x1b[Kfinlint: %d payloads linted (%.0f/s)", p.n, rate)
}

// done erases the line.
func (p *progress) done() {
	if p != nil && p.printed {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
