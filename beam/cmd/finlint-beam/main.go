// Command finlint-beam lints NDJSON onboarding payloads on Apache Beam:
//
//	finlint-beam --input 'batches/*.ndjson' --output out/run [--runner prism]
//
// It reads every record of the files --input matches (with textio, so on
// a cluster any filesystem Beam supports: gs://, s3://, hdfs://), lints
// each with the finlintbeam transform, and writes the records that passed,
// byte for byte, to PREFIX-valid-00000-of-0000N.ndjson (a shard a bundle),
// the results of the ones that did not to PREFIX-invalid-*.ndjson (the
// objects `finlint lint --format ndjson` prints) and counts by verdict,
// severity, kind and rule to PREFIX-summary.txt.
// The reference catalogues are read once, from finlint's cache on the
// machine that starts the job, and travel with it.
//
// Beam's own flags (--runner, and a runner's: --project, --region,
// --staging_location, --endpoint, --environment_type, ...) are accepted
// beside finlint's.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	beamlog "github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/dataflow"
	//lint:ignore SA1019 the direct runner stays for small local runs and tests
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/direct"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/flink"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/spark"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/universal"

	"github.com/finlint/finlint/beam/finlintbeam"
	"github.com/finlint/finlint/internal/finapi"
	"github.com/finlint/finlint/refcache"
)

func main() { os.Exit(run(context.Background(), os.Args[1:], os.Stderr, os.Getenv)) }

// knownRunners are the runners this command links, by the names Beam
// registers them under.
var knownRunners = []string{
	"prism", "PrismRunner", "direct", "DirectRunner", "dataflow", "DataflowRunner", "flink", "FlinkRunner",
	"spark", "SparkRunner", "universal", "portable", "PortableRunner",
}

// flags are finlint-beam's own flags; Beam's are on flag.CommandLine.
type flags struct {
	input, output, kind, failOn, today, cacheDir, logLevel string
	rules                                                  map[string]string
	redact, reliance, noCatalogues                         bool
	maxSize, maxDepth                                      int
}

func define(fs *flag.FlagSet, f *flags) {
	f.rules = map[string]string{}
	fs.StringVar(&f.input, "input", "", "the NDJSON files to lint: a path or glob Beam's filesystems read (required)")
	fs.StringVar(&f.output, "output", "", "the prefix of the files written: PREFIX-valid-*.ndjson, PREFIX-invalid-*.ndjson, PREFIX-summary.txt (required)")
	fs.StringVar(&f.kind, "kind", "auto", "individual-v2, business-v2, or auto: tell each record's kind from its shape")
	fs.StringVar(&f.failOn, "fail-on", "error", "the lowest severity that makes a record invalid: error, warning, info or none")
	fs.Func("rule", "override one rule, as ID=off|info|warning|error; repeatable", func(s string) error {
		id, sev, ok := strings.Cut(s, "=")
		if !ok || id == "" {
			return errors.New("want ID=off|info|warning|error, as in --rule unknown-field=off")
		}
		f.rules[id] = sev
		return nil
	})
	fs.StringVar(&f.today, "today", "", "judge ages on this date, YYYY-MM-DD, instead of each worker's UTC date")
	fs.BoolVar(&f.redact, "redact", false, "mask every payload value in messages and suggestions")
	fs.BoolVar(&f.reliance, "reliance-enabled", false, "the client may send RELIANCE verification")
	fs.IntVar(&f.maxSize, "max-size", 0, "largest record in bytes (default finlint's, 1 MiB)")
	fs.IntVar(&f.maxDepth, "max-depth", 0, "deepest nesting allowed (default finlint's, 64)")
	fs.StringVar(&f.cacheDir, "cache-dir", "", "finlint's reference cache folder, read once when the job starts (default FINLINT_CACHE_DIR, or finlint's default)")
	fs.BoolVar(&f.noCatalogues, "no-catalogues", false, "do not read the reference cache: reference ids are not checked")
	fs.StringVar(&f.logLevel, "log-level", "warn", "what Beam logs on standard error: debug, info, warn or error")
}

func run(ctx context.Context, args []string, stderr io.Writer, getenv func(string) string) int {
	var f flags
	fs := flag.CommandLine
	fs.SetOutput(stderr)
	beamFlags := map[string]bool{}
	fs.VisitAll(func(fl *flag.Flag) { beamFlags[fl.Name] = true })
	define(fs, &f)
	// Beam defines some hundred flags of its own: a usage error shows
	// finlint-beam's, and -help says where Beam's are.
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: finlint-beam --input GLOB --output PREFIX [--runner R] [flags]")
		fmt.Fprintln(stderr, "\nfinlint-beam's flags:")
		fs.VisitAll(func(fl *flag.Flag) {
			if !beamFlags[fl.Name] {
				name, usage := flag.UnquoteUsage(fl)
				fmt.Fprintf(stderr, "  -%s %s\n    \t%s\n", fl.Name, name, usage)
			}
		})
		fmt.Fprintln(stderr, "\nBeam's own flags (--runner, --endpoint, --environment_type, --project, --region, ...) are accepted too; see Beam's documentation for the runner.")
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "finlint-beam: "+format+" (see finlint-beam -help)\n", a...)
		return 2
	}
	switch {
	case fs.NArg() > 0:
		return usage("unexpected argument %q: the input is --input", fs.Arg(0))
	case f.input == "":
		return usage("--input is required")
	case f.output == "":
		return usage("--output is required")
	case f.maxSize < 0:
		return usage("--max-size: want at least 1 byte, not %d", f.maxSize)
	case f.maxDepth < 0:
		return usage("--max-depth: want at least 1, not %d", f.maxDepth)
	}
	// A local glob that matches nothing is a typo, not an empty batch;
	// a remote one is for the runner's filesystem to match.
	if !strings.Contains(f.input, "://") {
		m, err := filepath.Glob(f.input)
		if err != nil || len(m) == 0 {
			return usage("--input %s matches no file", f.input)
		}
		for _, name := range m {
			if st, err := os.Stat(name); err == nil && st.IsDir() {
				return usage("--input %s matches the folder %s: give its files, as in %s", f.input, name, filepath.Join(name, "*.ndjson"))
			}
		}
	}
	if *runners.Runner == "" {
		*runners.Runner = "prism"
	}
	// beam.Run exits the process on a runner it does not know.
	if !slices.Contains(knownRunners, *runners.Runner) {
		return usage("--runner %s: want one of %s", *runners.Runner, strings.Join(knownRunners, ", "))
	}
	beamlog.LogLevel = f.logLevel
	beam.Init()

	opts := finlintbeam.Options{
		Kind: f.kind, FailOn: f.failOn, Rules: f.rules, Today: f.today, Redact: f.redact, RelianceEnabled: f.reliance,
		MaxPayloadSize: f.maxSize, MaxDepth: f.maxDepth,
	}
	if !f.noCatalogues {
		cats, err := catalogues(f.cacheDir, getenv)
		if err != nil {
			fmt.Fprintf(stderr, "finlint-beam: warning: reference catalogues not used: %v\n", err)
		}
		if cats == nil {
			fmt.Fprintln(stderr, "finlint-beam: notice: no reference catalogue is cached, so reference ids are not checked; run `finlint refcache refresh` with FIN_CLIENT_ID and FIN_CLIENT_SECRET set")
		}
		opts.Catalogues = cats
	}
	if err := opts.Check(); err != nil {
		return usage("%v", err)
	}

	p, s := beam.NewPipelineWithRoot()
	build(s, f.input, f.output, opts)
	start := time.Now()
	pr, err := beam.Run(ctx, *runners.Runner, p)
	if err != nil {
		fmt.Fprintf(stderr, "finlint-beam: the pipeline failed on %s: %v\n", *runners.Runner, err)
		return 2
	}
	elapsed := time.Since(start)
	if pr != nil {
		m := map[string]int64{}
		for _, c := range pr.Metrics().Query(func(r metrics.SingleResult) bool { return r.Namespace() == finlintbeam.Namespace }).Counters() {
			m[c.Name()] += c.Result()
		}
		fmt.Fprintf(stderr, "finlint-beam: %d payloads: %d valid, %d invalid; %d errors, %d warnings, %d infos in %.1f s on %s\n",
			m["payloads"], m["valid"], m["invalid"], m["errors"], m["warnings"], m["infos"], elapsed.Seconds(), *runners.Runner)
	}
	return 0
}

// catalogues reads the cached catalogues of the API base URL FIN_BASE_URL
// names (the sandbox by default), or nil when none is cached.
func catalogues(dir string, getenv func(string) string) (finlintbeam.Catalogues, error) {
	if dir == "" {
		var err error
		if dir, err = refcache.DefaultDir(getenv); err != nil {
			return nil, err
		}
	}
	snap, err := refcache.Open(dir, finapi.BaseURLFromEnv(getenv)).Load()
	if err != nil {
		return nil, err
	}
	if snap.Empty() {
		return nil, nil
	}
	return finlintbeam.Snapshot(snap), nil
}
