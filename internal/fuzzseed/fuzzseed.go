// Package fuzzseed seeds fuzz targets from the repository's testdata, for
// the fuzz tests of several packages. Only tests import it.
package fuzzseed

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// AddDir adds every file under dir (recursively), and every line of its
// NDJSON files, to f's seed corpus.
func AddDir(f *testing.F, dir string) {
	f.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		f.Fatalf("seed corpus: %v", err)
	}
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		if e.IsDir() {
			AddDir(f, path)
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatalf("seed corpus: %v", err)
		}
		f.Add(data)
		if strings.HasSuffix(path, ".ndjson") {
			for line := range bytes.SplitSeq(data, []byte("\n")) {
				f.Add(line)
			}
		}
	}
}
