// Command bench-peers measures finlint beside the schema-only validators a
// team would otherwise run on the same payloads, each of them given the
// schema `finlint schema` prints, and prints a Markdown table of the
// figures.
//
// Run it from the module root:
//
//	make bench-peers                                # the full run, several minutes
//	make bench-peers BENCH_PEERS_FLAGS=-quick       # a small run, to check it works
//	go run ./scripts/bench-peers -runs 9 -cache DIR # more runs, another cache
//
// It builds finlint from the checkout, installs the peers it lacks into a
// cache folder (by default finlint/bench-peers in the user's cache folder,
// XDG_CACHE_HOME or ~/.cache; never the checkout) and generates the corpora
// in a temporary folder with internal/corpus. The peers are pinned:
// ajv-cli 5.0.0 with ajv-formats 3.0.1, @sourcemeta/jsonschema 16.11.0 (its
// native binary, with --fast), jv 0.7.0 (santhosh-tekuri/jsonschema's
// command, built through the Go module proxy), and ajv-stream.mjs beside
// this file, which validates NDJSON with ajv 8.20.0. Every peer asserts
// formats (dates, emails), as ajv with ajv-formats does, so that all of
// them check what the schema says.
//
// The work: (a) a folder of individual payload files, (b) the same kind as
// NDJSON records on standard input, (c) one file, start to end, where
// process start-up dominates, and (d) a folder of business payload files.
// finlint runs with --offline --format json, its output discarded; exit
// code 1 only says that invalid payloads were found. For each work item
// every contender runs once to warm up (its output then gives the counts
// in the table), then they take turns, A B C A B C…, for -runs timed runs,
// so that a slow spell of a shared machine falls on all of them alike.
// Each run's wall time is measured here and its CPU time (user+sys) comes
// from the child's rusage. Its peak RSS comes from the rusage too, but
// taken by /usr/bin/time where it is installed: the rusage of a child this
// program starts directly counts this program's own peak in (see timeBin).
// A peer that fails to install or to run is reported as such and the
// others still run.
//
// The invalid counts differ by design: finlint also checks what a schema
// cannot say (lower-case emails, ownership totals, ages), so it finds more.
// Peers that agree with each other show that each really validated.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// The pinned peers.
const (
	ajvCLI      = "ajv-cli@5.0.0"
	ajvFormats  = "ajv-formats@3.0.1"
	ajv         = "ajv@8.20.0"
	sourcemeta  = "@sourcemeta/jsonschema@16.11.0"
	jvModule    = "github.com/santhosh-tekuri/jsonschema/cmd/jv"
	jvVersion   = "v0.7.0"
	streamAsset = "scripts/bench-peers/ajv-stream.mjs"
)

type config struct {
	runs, singleRuns, files, records int
	seed                             uint64
	cache, tmp, root                 string
}

func main() {
	var c config
	quick := flag.Bool("quick", false, "a small run (300 files, 3,000 records, 2 runs) to check that everything works")
	flag.IntVar(&c.runs, "runs", 5, "timed runs of each contender per work item")
	flag.IntVar(&c.singleRuns, "single-runs", 30, "timed runs for the single-file work item")
	flag.IntVar(&c.files, "files", 10000, "payload files per folder corpus")
	flag.IntVar(&c.records, "records", 100000, "NDJSON records")
	flag.Uint64Var(&c.seed, "seed", 1, "corpus seed")
	flag.StringVar(&c.cache, "cache", defaultCache(), "folder the peers are installed into")
	flag.Parse()
	if *quick {
		c.runs, c.singleRuns, c.files, c.records = 2, 5, 300, 3000
	}
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "bench-peers:", err)
		os.Exit(1)
	}
}

func defaultCache() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "finlint", "bench-peers")
}

func run(c config) error {
	var err error
	if c.root, err = os.Getwd(); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(c.root, "cmd", "finlint")); err != nil {
		return errors.New("run from the module root, as make bench-peers does")
	}
	if c.cache, err = filepath.Abs(c.cache); err != nil {
		return err
	}
	if c.tmp, err = os.MkdirTemp("", "bench-peers-"); err != nil {
		return err
	}
	defer os.RemoveAll(c.tmp)

	logf("building finlint")
	finlint := filepath.Join(c.tmp, "finlint")
	if err := sh(c.root, nil, nil, "go", "build", "-o", finlint, "./cmd/finlint"); err != nil {
		return err
	}
	schemas := map[string]string{}
	for _, kind := range []string{"individual-v2", "business-v2"} {
		schemas[kind] = filepath.Join(c.tmp, kind+".schema.json")
		var out bytes.Buffer
		if err := sh(c.tmp, nil, &out, finlint, "schema", "--kind", kind); err != nil {
			return err
		}
		if err := os.WriteFile(schemas[kind], out.Bytes(), 0o644); err != nil {
			return err
		}
	}

	logf("generating corpora: %d files of each kind, %d records", c.files, c.records)
	individual, businessDir := filepath.Join(c.tmp, "individual"), filepath.Join(c.tmp, "business")
	ndjson := filepath.Join(c.tmp, "individual.ndjson")
	gen := func(out io.Writer, args ...string) error {
		return sh(c.root, nil, out, "go", append([]string{"run", "./internal/corpus/gencorpus", "-seed", strconv.FormatUint(c.seed, 10)}, args...)...)
	}
	if err := gen(nil, "-files", strconv.Itoa(c.files), "-out", individual); err != nil {
		return err
	}
	if err := gen(nil, "-kind", "business-v2", "-files", strconv.Itoa(c.files), "-out", businessDir); err != nil {
		return err
	}
	f, err := os.Create(ndjson)
	if err != nil {
		return err
	}
	err = gen(f, "-ndjson", strconv.Itoa(c.records))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}

	logf("installing the peers that are missing into %s", c.cache)
	p := installPeers(c)

	// finlint's caches and state go to folders of this run, and it runs
	// outside the checkout, so that no catalogue, journal or config of the
	// user's changes what it checks.
	finEnv := []string{"FINLINT_CACHE_DIR=" + filepath.Join(c.tmp, "fincache"), "FINLINT_STATE_DIR=" + filepath.Join(c.tmp, "finstate"), "NO_COLOR=1"}
	fin := func(args ...string) *contender {
		return &contender{name: "finlint", path: finlint, args: append([]string{"lint", "--offline", "--format", "json"}, args...),
			dir: c.tmp, env: finEnv, ok: []int{0, 1}, count: countFinlint}
	}
	single := filepath.Join(individual, "000", "payload-000000.json")
	ndjsonFin := fin("--ndjson", "-")
	ndjsonFin.stdin = ndjson
	items := []*work{
		{label: fmt.Sprintf("(a) %s individual files", thousands(c.files)), size: c.files, runs: c.runs,
			contenders: []*contender{fin(individual), p.sourcemeta(schemas["individual-v2"], individual), p.jv(schemas["individual-v2"], individual), p.ajvCLI(schemas["individual-v2"], individual)}},
		{label: fmt.Sprintf("(b) %s NDJSON records on stdin", thousands(c.records)), size: c.records, runs: c.runs,
			contenders: []*contender{ndjsonFin, p.stream(schemas["individual-v2"], ndjson)}},
		{label: "(c) 1 individual file, start to end", size: 1, runs: c.singleRuns,
			contenders: []*contender{fin(single), p.jvFile(schemas["individual-v2"], single)}},
		{label: fmt.Sprintf("(d) %s business files", thousands(c.files)), size: c.files, runs: c.runs,
			contenders: []*contender{fin(businessDir), p.sourcemeta(schemas["business-v2"], businessDir), p.jv(schemas["business-v2"], businessDir)}},
	}
	for _, w := range items {
		w.measure(c.tmp)
	}
	var version bytes.Buffer
	_ = sh(c.tmp, nil, &version, finlint, "version")
	printTable(os.Stdout, c, strings.TrimSpace(version.String()), items)
	return nil
}

// A contender is one command that does a work item's whole job.
type contender struct {
	name  string
	path  string
	args  []string
	dir   string   // working directory
	stdin string   // file given as standard input, or ""
	env   []string // added to the environment
	ok    []int    // exit codes that mean the job was done
	// count reads the warm-up run's output (standard output and error
	// together): how many payloads were checked and how many were invalid.
	count func(out []byte) (checked, invalid int, err error)
	err   error // why it cannot run, or nil

	samples          []sample
	checked, invalid int
}

type sample struct {
	wall, cpu time.Duration
	rss       int64 // bytes
}

type work struct {
	label      string
	size, runs int
	contenders []*contender // finlint first
}

func (w *work) measure(tmp string) {
	var live []*contender
	for i, c := range w.contenders {
		if c.err != nil {
			continue
		}
		logf("%s: warm-up of %s", w.label, c.name)
		out := filepath.Join(tmp, fmt.Sprintf("warmup-%d.out", i))
		if _, err := c.run(out); err != nil {
			c.err = err
			continue
		}
		data, err := os.ReadFile(out)
		os.Remove(out)
		if err == nil {
			c.checked, c.invalid, err = c.count(data)
		}
		if err == nil && c.checked != w.size {
			err = fmt.Errorf("checked %d of %d payloads", c.checked, w.size)
		}
		if err != nil {
			c.err = err
			continue
		}
		live = append(live, c)
	}
	for r := range w.runs {
		logf("%s: run %d of %d", w.label, r+1, w.runs)
		for _, c := range live {
			if c.err != nil {
				continue
			}
			s, err := c.run(os.DevNull)
			if err != nil {
				c.err = err
				continue
			}
			c.samples = append(c.samples, s)
		}
	}
}

// timeBin is GNU time, through which each contender runs when it is
// installed. A child that Go starts shares its parent's memory until it
// execs (vfork), so Linux counts this program's own peak RSS into the
// child's ru_maxrss; GNU time forks a copy of itself, which is small, and
// reports its child's true peak.
var timeBin = func() string {
	if _, err := os.Stat("/usr/bin/time"); err == nil {
		return "/usr/bin/time"
	}
	return ""
}()

// run runs c once with its output to the file out, and measures it.
func (c *contender) run(out string) (sample, error) {
	cmd := exec.Command(c.path, c.args...)
	rssFile := out + ".rss"
	if timeBin != "" {
		cmd = exec.Command(timeBin, append([]string{"--quiet", "--format=%M", "--output=" + rssFile, "--", c.path}, c.args...)...)
		defer os.Remove(rssFile)
	}
	cmd.Dir = c.dir
	cmd.Env = append(os.Environ(), c.env...)
	if c.stdin != "" {
		in, err := os.Open(c.stdin)
		if err != nil {
			return sample{}, err
		}
		defer in.Close()
		cmd.Stdin = in
	}
	f, err := os.Create(out)
	if err != nil {
		return sample{}, err
	}
	defer f.Close()
	cmd.Stdout, cmd.Stderr = f, f
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	var exit *exec.ExitError
	if errors.As(err, &exit) && slices.Contains(c.ok, exit.ExitCode()) {
		err = nil
	}
	if err != nil {
		return sample{}, fmt.Errorf("%s: %v%s", c.name, err, tail(out))
	}
	st := cmd.ProcessState
	s := sample{wall: wall, cpu: st.UserTime() + st.SystemTime()}
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		s.rss = int64(ru.Maxrss) * 1024 // Linux reports kilobytes.
	}
	if timeBin != "" {
		data, err := os.ReadFile(rssFile)
		fields := strings.Fields(string(data))
		if err != nil || len(fields) == 0 {
			return sample{}, fmt.Errorf("%s: no peak RSS from %s", c.name, timeBin)
		}
		kb, err := strconv.ParseInt(fields[len(fields)-1], 10, 64)
		if err != nil {
			return sample{}, fmt.Errorf("%s: peak RSS %q from %s", c.name, fields[len(fields)-1], timeBin)
		}
		s.rss = kb * 1024
	}
	return s, nil
}

// tail returns the last line a failed run wrote, to say why it failed.
func tail(path string) string {
	data, _ := os.ReadFile(path)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if last := strings.TrimSpace(lines[len(lines)-1]); last != "" {
		return ": " + last
	}
	return ""
}

// peers knows where each installed peer is, or why it is not.
type peers struct {
	node, sourcemetaBin, jvBin, script string
	npmErr, sourcemetaErr, jvErr       error
}

func installPeers(c config) *peers {
	p := &peers{script: filepath.Join(c.root, streamAsset)}
	prefix := filepath.Join(c.cache, "npm")
	p.node = filepath.Join(prefix, "node_modules")
	p.npmErr = npmInstall(prefix, ajvCLI, ajvFormats, ajv)
	if p.sourcemetaErr = npmInstall(prefix, sourcemeta); p.sourcemetaErr == nil {
		p.sourcemetaBin, p.sourcemetaErr = sourcemetaBinary(p.node)
	}
	p.jvBin, p.jvErr = installJV(c.cache)
	return p
}

// npmInstall installs the packages (name@version) into prefix unless each
// is already there at its version.
func npmInstall(prefix string, pkgs ...string) error {
	var missing []string
	for _, pkg := range pkgs {
		at := strings.LastIndex(pkg, "@")
		var meta struct{ Version string }
		data, err := os.ReadFile(filepath.Join(prefix, "node_modules", pkg[:at], "package.json"))
		if err != nil || json.Unmarshal(data, &meta) != nil || meta.Version != pkg[at+1:] {
			missing = append(missing, pkg)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	if err := os.MkdirAll(prefix, 0o755); err != nil {
		return err
	}
	logf("npm install %s", strings.Join(missing, " "))
	args := append([]string{"install", "--prefix", prefix, "--no-audit", "--no-fund", "--save-exact"}, missing...)
	return sh(prefix, nil, nil, "npm", args...)
}

// sourcemetaBinary returns the native binary the npm package ships for
// this machine; running it directly leaves out the package's Node wrapper,
// which only starts it.
func sourcemetaBinary(nodeModules string) (string, error) {
	arch := map[string]string{"amd64": "x86_64", "arm64": "arm64"}[runtime.GOARCH]
	bin := filepath.Join(nodeModules, "@sourcemeta", "jsonschema", "build", "github-releases", "jsonschema-"+runtime.GOOS+"-"+arch)
	if _, err := os.Stat(bin); err != nil {
		return "", fmt.Errorf("no native binary for %s/%s in the package", runtime.GOOS, runtime.GOARCH)
	}
	return bin, nil
}

// installJV builds jv into cache/bin unless the one there is the pinned
// version.
func installJV(cache string) (string, error) {
	bin := filepath.Join(cache, "bin", "jv")
	var out bytes.Buffer
	if sh(cache, nil, &out, bin, "--version") == nil && strings.Contains(out.String(), jvModule+" "+jvVersion) {
		return bin, nil
	}
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		return "", err
	}
	env := []string{"GOBIN=" + filepath.Dir(bin), "GOWORK=off"}
	logf("go install %s@%s", jvModule, jvVersion)
	err := sh(cache, env, nil, "go", "install", jvModule+"@"+jvVersion)
	if err == nil {
		return bin, nil
	}
	// go install pkg@version also asks the proxy for the module's latest
	// version, to warn of a deprecation, and fails where the proxy lists
	// no versions of it; a throwaway module that requires the pinned
	// version builds the same binary without that question.
	logf("go install failed (%v); building jv in a module of its own", err)
	mod := filepath.Join(cache, "jv-build")
	if err := os.MkdirAll(mod, 0o755); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module jvbuild\n\ngo 1.21\n"), 0o644); err != nil {
		return "", err
	}
	if err := sh(mod, env, nil, "go", "get", jvModule+"@"+jvVersion); err != nil {
		return "", err
	}
	if err := sh(mod, env, nil, "go", "build", "-o", bin, jvModule); err != nil {
		return "", err
	}
	return bin, nil
}

func (p *peers) sourcemeta(schema, dir string) *contender {
	return &contender{name: "sourcemeta --fast", path: p.sourcemetaBin, err: p.sourcemetaErr, dir: dir, ok: []int{0, 2},
		args:  []string{"validate", "--fast", "--format-assertion", "--continue", schema, "."},
		count: countSourcemeta}
}

func (p *peers) jv(schema, dir string) *contender {
	c := &contender{name: "jv", path: p.jvBin, err: p.jvErr, dir: dir, ok: []int{0, 1}, count: countJV}
	// jv takes instances as arguments only; paths relative to the corpus
	// keep 10,000 of them well within the argument limit.
	files, err := jsonFiles(dir)
	if err != nil && c.err == nil {
		c.err = err
	}
	c.args = append([]string{"--assert-format", schema}, files...)
	return c
}

func (p *peers) jvFile(schema, file string) *contender {
	return &contender{name: "jv", path: p.jvBin, err: p.jvErr, dir: filepath.Dir(file), ok: []int{0, 1}, count: countJV,
		args: []string{"--assert-format", schema, filepath.Base(file)}}
}

func (p *peers) ajvCLI(schema, dir string) *contender {
	return &contender{name: "ajv-cli", path: filepath.Join(p.node, ".bin", "ajv"), err: p.npmErr, dir: dir, ok: []int{0, 1},
		args:  []string{"validate", "--spec=draft2020", "-c", "ajv-formats", "-s", schema, "-d", "**/*.json", "--errors=no"},
		count: countAJV}
}

func (p *peers) stream(schema, ndjson string) *contender {
	return &contender{name: "ajv stream (node)", path: "node", err: p.npmErr, dir: filepath.Dir(ndjson), stdin: ndjson, ok: []int{0, 1},
		args: []string{p.script, schema}, env: []string{"NODE_PATH=" + p.node}, count: countStream}
}

func jsonFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".json") {
			rel, _ := filepath.Rel(dir, path)
			files = append(files, rel)
		}
		return err
	})
	return files, err
}

func countFinlint(out []byte) (int, int, error) {
	i := bytes.LastIndex(out, []byte(`"summary":`))
	if i < 0 {
		return 0, 0, errors.New("finlint: no summary in its JSON output")
	}
	var s struct{ Payloads, Invalid int }
	if err := json.NewDecoder(bytes.NewReader(out[i+len(`"summary":`):])).Decode(&s); err != nil {
		return 0, 0, fmt.Errorf("finlint: summary: %v", err)
	}
	return s.Payloads, s.Invalid, nil
}

var sourcemetaTotals = regexp.MustCompile(`(\d+) validated, \d+ passed, (\d+) failed`)

func countSourcemeta(out []byte) (int, int, error) {
	m := sourcemetaTotals.FindSubmatch(out)
	if m == nil {
		return 0, 0, errors.New("sourcemeta: no totals line in its output")
	}
	checked, _ := strconv.Atoi(string(m[1]))
	failed, _ := strconv.Atoi(string(m[2]))
	return checked, failed, nil
}

var jvInstance = regexp.MustCompile(`(?m)^instance .*: (ok|failed)$`)

func countJV(out []byte) (int, int, error) {
	return tally(jvInstance.FindAllSubmatch(out, -1), "failed")
}

var ajvFile = regexp.MustCompile(`(?m) (valid|invalid)$`)

func countAJV(out []byte) (int, int, error) {
	return tally(ajvFile.FindAllSubmatch(out, -1), "invalid")
}

func tally(ms [][][]byte, bad string) (int, int, error) {
	invalid := 0
	for _, m := range ms {
		if string(m[1]) == bad {
			invalid++
		}
	}
	return len(ms), invalid, nil
}

func countStream(out []byte) (int, int, error) {
	var s struct {
		Valid, Invalid *int
	}
	if err := json.Unmarshal(bytes.TrimSpace(out), &s); err != nil || s.Valid == nil || s.Invalid == nil {
		return 0, 0, fmt.Errorf("ajv stream: unexpected output %.200q", out)
	}
	return *s.Valid + *s.Invalid, *s.Invalid, nil
}

// sh runs a command that prepares the benchmark; its output goes to out,
// or to standard error so that a failure shows why.
func sh(dir string, env []string, out io.Writer, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = out, &errb
	if out == nil {
		cmd.Stdout = &errb
	}
	if err := cmd.Run(); err != nil {
		what := filepath.Base(name)
		if len(args) > 0 {
			what += " " + args[0]
		}
		msg := strings.TrimSpace(errb.String())
		if i := strings.LastIndex(msg, "\n"); i >= 0 {
			msg = msg[i+1:]
		}
		if msg != "" {
			return fmt.Errorf("%s: %v: %s", what, err, msg)
		}
		return fmt.Errorf("%s: %v", what, err)
	}
	return nil
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench-peers: "+format+"\n", args...)
}

func printTable(w io.Writer, c config, version string, items []*work) {
	var node bytes.Buffer
	if sh(c.tmp, nil, &node, "node", "--version") != nil {
		node.Reset()
		node.WriteString("not found")
	}
	rssNote := ", as GNU time reports it"
	if timeBin == "" {
		rssNote = " from the rusage of a child of this program, which counts in this program's own peak (GNU time is not installed)"
	}
	fmt.Fprintf(w, "Machine: %s, %d cores; %s; node %s; %s\n\n", cpuModel(), runtime.NumCPU(), runtime.Version(),
		strings.TrimSpace(node.String()), time.Now().UTC().Format("2006-01-02"))
	fmt.Fprintf(w, "%s (--offline --format json) beside %s, %s, %s (--fast), jv %s, and ajv %s in a streaming script. "+
		"Median wall time (min–max) of %d timed runs (%d for one file) after a warm-up, contenders alternating; "+
		"ratios are finlint÷peer of the medians; CPU is user+sys; RSS is the highest peak resident set of the runs%s.\n\n",
		version, ajvCLI, ajvFormats, sourcemeta, jvVersion, strings.TrimPrefix(ajv, "ajv@"), c.runs, c.singleRuns, rssNote)
	fmt.Fprintln(w, "| work | peer | finlint wall | peer wall | wall ratio | CPU ratio | peak RSS finlint / peer | invalid found finlint / peer |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | ---: | ---: | --- | --- |")
	for _, it := range items {
		fin := it.contenders[0]
		for _, p := range it.contenders[1:] {
			switch {
			case fin.err != nil:
				fmt.Fprintf(w, "| %s | %s | failed: %s | – | – | – | – | – |\n", it.label, p.name, cell(fin.err))
			case p.err != nil:
				fmt.Fprintf(w, "| %s | %s | %s | failed: %s | – | – | %s / – | %s / – |\n", it.label, p.name, spread(fin), cell(p.err),
					mib(peak(fin)), thousands(fin.invalid))
			default:
				fmt.Fprintf(w, "| %s | %s | %s | %s | %.2f | %.2f | %s / %s | %s / %s |\n", it.label, p.name, spread(fin), spread(p),
					ratio(fin, p, wallOf), ratio(fin, p, cpuOf), mib(peak(fin)), mib(peak(p)), thousands(fin.invalid), thousands(p.invalid))
			}
		}
	}
	fmt.Fprintln(w)
	for _, it := range items {
		if fin := it.contenders[0]; fin.err == nil && it.size > 1 {
			fmt.Fprintf(w, "%s: finlint found %.1f%% valid (%s of %s).\n", it.label,
				100*float64(fin.checked-fin.invalid)/float64(fin.checked), thousands(fin.checked-fin.invalid), thousands(fin.checked))
		}
	}
}

func cell(err error) string { return strings.ReplaceAll(err.Error(), "|", `\|`) }

func wallOf(s sample) time.Duration { return s.wall }
func cpuOf(s sample) time.Duration  { return s.cpu }

func median(c *contender, of func(sample) time.Duration) time.Duration {
	d := make([]time.Duration, len(c.samples))
	for i, s := range c.samples {
		d[i] = of(s)
	}
	slices.Sort(d)
	if len(d) == 0 {
		return 0
	}
	if len(d)%2 == 0 {
		return (d[len(d)/2-1] + d[len(d)/2]) / 2
	}
	return d[len(d)/2]
}

func ratio(a, b *contender, of func(sample) time.Duration) float64 {
	return float64(median(a, of)) / float64(median(b, of))
}

func spread(c *contender) string {
	walls := make([]time.Duration, len(c.samples))
	for i, s := range c.samples {
		walls[i] = s.wall
	}
	if len(walls) == 0 {
		return "no run"
	}
	return fmt.Sprintf("%s (%s–%s)", seconds(median(c, wallOf)), seconds(slices.Min(walls)), seconds(slices.Max(walls)))
}

func seconds(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return fmt.Sprintf("%.1f s", d.Seconds())
	case d >= time.Second:
		return fmt.Sprintf("%.2f s", d.Seconds())
	case d >= 10*time.Millisecond:
		return fmt.Sprintf("%.0f ms", d.Seconds()*1000)
	}
	return fmt.Sprintf("%.1f ms", d.Seconds()*1000)
}

func peak(c *contender) int64 {
	var m int64
	for _, s := range c.samples {
		m = max(m, s.rss)
	}
	return m
}

func mib(b int64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				return strings.TrimSpace(v)
			}
		}
	}
	return runtime.GOARCH + " CPU"
}
