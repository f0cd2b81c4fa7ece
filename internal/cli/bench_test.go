package cli

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/finlint/finlint/internal/corpus"
)

// BenchmarkCLICorpus runs the real lint command over a generated corpus of
// 10,000 payload files (written once per run under a temporary folder), as a
// CI job would, with JSON output discarded.
func BenchmarkCLICorpus(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.WriteFiles(dir, 10000, 1); err != nil {
		b.Fatal(err)
	}
	cache := b.TempDir()
	b.ResetTimer()
	for b.Loop() {
		e := &env{
			stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard,
			getenv: func(k string) string {
				if k == "FINLINT_CACHE_DIR" {
					return cache
				}
				return ""
			},
			now: time.Now, isTTY: func(any) bool { return false },
		}
		if code := run(b.Context(), e, []string{"lint", "--offline", "--format", "json", dir}); code != 1 {
			b.Fatalf("exit code %d", code)
		}
	}
	b.ReportMetric(float64(10000*b.N)/b.Elapsed().Seconds(), "payloads/s")
}

// BenchmarkCLINDJSON runs the real lint command over a generated stream of
// 20,000 NDJSON records on standard input, with JSON output discarded: the
// path a data pipeline's pre-flight takes.
func BenchmarkCLINDJSON(b *testing.B) {
	const records = 20000
	var stream strings.Builder
	if err := corpus.WriteNDJSON(&stream, records, 1); err != nil {
		b.Fatal(err)
	}
	cache := b.TempDir()
	b.SetBytes(int64(stream.Len()))
	b.ResetTimer()
	for b.Loop() {
		e := &env{
			stdin: strings.NewReader(stream.String()), stdout: io.Discard, stderr: io.Discard,
			getenv: func(k string) string {
				if k == "FINLINT_CACHE_DIR" {
					return cache
				}
				return ""
			},
			now: time.Now, isTTY: func(any) bool { return false },
		}
		if code := run(b.Context(), e, []string{"lint", "--offline", "--format", "json", "--ndjson", "-"}); code != 1 {
			b.Fatalf("exit code %d", code)
		}
	}
	b.ReportMetric(float64(records*b.N)/b.Elapsed().Seconds(), "payloads/s")
}
