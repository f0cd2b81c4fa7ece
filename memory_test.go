package finlint_test

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint"
)

// ndjsonGen yields an NDJSON stream of about size bytes, building each
// line when the previous one has been read, so that the stream itself
// never takes more memory than its longest line.
type ndjsonGen struct {
	size, done int64
	lines      int
	line       []byte
	off        int
	valid      string
	invalid    string
	big        []byte
	counts     map[string]int
}

func newNDJSONGen(size int64) *ndjsonGen {
	filler := strings.Repeat("lorem ipsum ", 256) // a few kilobytes a record, like a real one with remarks
	valid := edit(`"meta_data":{`, `"meta_data":{"note":"`+filler+`",`)
	return &ndjsonGen{
		size:    size,
		valid:   valid,
		invalid: strings.Replace(valid, `"maria.garcia@example.com"`, `"Maria.Garcia@example.com"`, 1),
		big:     []byte(`{"meta_data":{"blob":"` + strings.Repeat("z", 2<<20) + `"}}`),
		counts:  map[string]int{},
	}
}

// next appends the next line: mostly valid records, one in ten with a
// finding, now and then broken JSON or a line over the size limit.
func (g *ndjsonGen) next(b []byte) []byte {
	g.lines++
	i := g.lines
	switch {
	case i%5000 == 0:
		g.counts["payload-limit"]++
		return append(append(b, g.big...), '\n')
	case i%97 == 0:
		g.counts["json-syntax"]++
		return append(b, "{\"verification_type\":\n"...)
	case i%10 == 0:
		g.counts["email-lowercase"]++
		return append(append(b, g.invalid...), '\n')
	}
	g.counts["valid"]++
	return append(append(b, strings.Replace(g.valid, "client-ref-abc-001", fmt.Sprintf("ref-%08d", i), 1)...), "\r\n"...)
}

func (g *ndjsonGen) Read(p []byte) (int, error) {
	if g.off == len(g.line) {
		if g.done >= g.size {
			return 0, io.EOF
		}
		g.line, g.off = g.next(g.line[:0]), 0
	}
	n := copy(p, g.line[g.off:])
	g.off += n
	g.done += int64(n)
	return n, nil
}

// TestStreamMemoryStaysFlat lints a generated NDJSON stream of about
// 200 MB on two workers and samples the live heap as results arrive: it
// must stay under a fixed bound and must not grow with the stream.
func TestStreamMemoryStaysFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("lints 200 MB")
	}
	const (
		mib   = 1 << 20
		bound = 64 * mib
	)
	// The race detector makes linting ten times slower; a tenth of the
	// stream still shows whether memory grows with it.
	size := int64(200*mib) / int64(raceFactor())
	gen := newNDJSONGen(size)
	l := newLinter(t, finlint.Options{Jobs: 2})

	var samples []uint64 // live heap after a collection, every sampleEvery results
	const sampleEvery = 500
	records, last := 0, 0
	err := l.LintStream(context.Background(), gen, func(r finlint.Result) error {
		records++
		require.Equal(t, last+1, r.Record, "records are consecutive lines")
		last = r.Record
		if records%sampleEvery == 0 {
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			samples = append(samples, m.HeapAlloc)
		}
		return nil
	})
	require.NoError(t, err)
	require.Equal(t, gen.lines, records, "one result a line")
	require.GreaterOrEqual(t, gen.done, size)
	require.Positive(t, gen.counts["payload-limit"], "the stream has lines over the limit")
	require.GreaterOrEqual(t, len(samples), 10)

	head := len(samples) / 5
	early, late := slices.Max(samples[:head]), slices.Max(samples[head:])
	t.Logf("%d MB, %d records, %d samples: live heap peak %.1f MiB in the first fifth, %.1f MiB after",
		gen.done/1e6, records, len(samples), float64(early)/mib, float64(late)/mib)
	assert.Less(t, late, uint64(bound), "live heap over %d MiB", bound/mib)
	assert.Less(t, late, early+16*mib, "live heap grows with the stream")
}
