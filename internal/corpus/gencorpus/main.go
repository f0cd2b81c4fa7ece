// Command gencorpus writes a benchmark corpus: -files N pretty-printed
// payload files under -out, or -ndjson N records to standard output, of the
// payload kind -kind (individual-v2 or business-v2).
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/finlint/finlint/internal/corpus"
)

func main() {
	out := flag.String("out", "testdata/corpus", "folder for -files")
	files := flag.Int("files", 0, "number of payload files to write under -out")
	ndjson := flag.Int("ndjson", 0, "number of NDJSON records to write to standard output")
	seed := flag.Uint64("seed", 1, "random seed; the same seed gives the same corpus")
	kind := flag.String("kind", "individual-v2", "payload kind: individual-v2 or business-v2")
	flag.Parse()
	gen, err := corpus.ForKind(*kind)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(2)
	}
	switch {
	case *files > 0:
		err = gen.WriteFiles(*out, *files, *seed)
	case *ndjson > 0:
		err = gen.WriteNDJSON(os.Stdout, *ndjson, *seed)
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}
