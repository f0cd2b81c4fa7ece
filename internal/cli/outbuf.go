package cli

import (
	"bufio"
	"io"
	"sync"
	"time"
)

// idleFlush is how long output may wait in the buffer once nothing more
// is being written: short enough that a result of a slow stream (a tail
// of a log, a person typing) shows at once, long enough that a busy run
// writes in large blocks rather than one system call a result.
const idleFlush = 50 * time.Millisecond

// bufferedOutput buffers a report's output and flushes it when the buffer
// fills, when writing has paused for idleFlush, and at Flush. A write error
// found by a flush in the background is returned by the next Write or
// Flush, so that a closed pipe still ends the run.
type bufferedOutput struct {
	mu    sync.Mutex
	w     *bufio.Writer
	timer *time.Timer
	err   error
}

func newBufferedOutput(w io.Writer) *bufferedOutput {
	b := &bufferedOutput{w: bufio.NewWriterSize(w, 64<<10)}
	b.timer = time.AfterFunc(time.Hour, b.flushIdle)
	b.timer.Stop()
	return b
}

func (b *bufferedOutput) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return 0, b.err
	}
	n, err := b.w.Write(p)
	if err != nil {
		b.err = err
		return n, err
	}
	b.timer.Reset(idleFlush)
	return n, nil
}

func (b *bufferedOutput) flushIdle() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err == nil {
		b.err = b.w.Flush()
	}
}

// Flush writes out what is buffered and stops the idle flush.
func (b *bufferedOutput) Flush() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.timer.Stop()
	if b.err == nil {
		b.err = b.w.Flush()
	}
	return b.err
}
