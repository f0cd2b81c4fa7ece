package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/internal/finapi"
	"github.com/finlint/finlint/internal/hints"
	"github.com/finlint/finlint/internal/report"
	"github.com/finlint/finlint/internal/show"
	"github.com/finlint/finlint/kinds"
	"github.com/finlint/finlint/rules"
	"github.com/spf13/cobra"
)

type lintFlags struct {
	formats       []string
	ndjson        bool
	kind          string
	stdinFilename string
	offline       bool
	jobs          int
	redact        bool
	baseline      string
	writeBaseline string
	quiet         bool
	maxSize       int
	maxDepth      int
	submit        bool
	emit          string
	settingsFlags
	submitFlags
}

func newLintCmd(e *env) *cobra.Command {
	var f lintFlags
	cmd := &cobra.Command{
		Use:   "lint [flags] [PATH ...]",
		Short: "Lint payloads: files, directories (*.json, *.ndjson, *.jsonl) or - for stdin",
		Long: `Lint Fin.com onboarding payloads: individual-v2 (POST /v2/customers/individual)
and business-v2 (POST /v2/customers/business), each told apart by its shape
unless --kind or the config's kinds entries name it.

Each PATH is a file, a directory (walked for *.json, *.ndjson and *.jsonl), or -
for standard input. A .ndjson or .jsonl file holds one payload per line; so does
standard input when its first line is a complete object and another follows,
and any input with --ndjson. With no PATH and standard input not a terminal,
standard input is read. Walking a directory skips hidden files and folders and
node_modules (unless named) and whatever --exclude or the config's exclude
matches; a directory with no payload file is a warning on standard error.

Findings are reported at their exact line and column with the rule that found
them and, where a fix is known, a suggestion. Results come in input order
whatever --jobs is. What is true of the whole run (no reference catalogue
cached) is said once, as a notice on standard error.

Settings come from the flags, then .finlint.yaml (or .finlint.yml) found from
the working directory upward; finlint config shows the result.

Exit codes:
  0  no finding at or above --fail-on, and every submission that was due
     succeeded or was skipped
  1  a finding at or above --fail-on (never with --emit: a mapper's
     verdicts are in its stream), or a submission failed, unknown or not
     sent
  2  usage error, an input path that cannot be read, credentials the API
     refused during --submit, or finlint itself failed (the other inputs are
     still linted and reported)`,
		Example: `  finlint lint testdata/valid
  finlint lint --format json payloads/ > findings.json
  finlint lint --format text --format sarif=finlint.sarif fixtures/
  finlint lint --today 2026-01-31 --exclude 'fixtures/drafts/**' fixtures/
  cat batch.ndjson | finlint lint --fail-on warning -
  finlint lint --emit valid - < batch.ndjson > valid.ndjson`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLint(cmd.Context(), e, cmd, &f, args)
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&f.formats, "format", nil, "output `FORMAT[=PATH]`: text, json, ndjson, sarif, junit, junit-extended or github; repeatable, each to its own PATH or (at most one, also as =-) standard output; default text")
	fl.BoolVar(&f.ndjson, "ndjson", false, "read every input as newline-delimited payloads, one per line")
	fl.StringVar(&f.kind, "kind", "auto", kindHelp)
	fl.StringVar(&f.stdinFilename, "stdin-filename", "", stdinFilenameHelp)
	addSettingsFlags(fl, &f.settingsFlags, "lowest severity that makes the exit code 1 (with --emit, a record invalid): error, warning, info or none")
	fl.BoolVar(&f.offline, "offline", false, "never touch the network: reference catalogues only from the cache")
	fl.IntVarP(&f.jobs, "jobs", "j", runtime.NumCPU(), "parallel workers; output order is input order whatever N")
	fl.BoolVar(&f.redact, "redact", false, "mask every payload value in messages, suggestions and source lines (tax ids are always masked)")
	fl.StringVar(&f.baseline, "baseline", "", "hide the findings recorded in `FILE`")
	fl.StringVar(&f.writeBaseline, "write-baseline", "", "record this run's findings in `FILE`")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "no progress line and no summary line")
	fl.BoolVar(&f.submit, "submit", false, "send every payload with no finding at or above --fail-on to the API, once (needs FIN_CLIENT_ID and FIN_CLIENT_SECRET, or FIN_ACCESS_TOKEN)")
	addSubmitFlags(cmd, &f.submitFlags)
	fl.StringVar(&f.emit, "emit", "", emitHelp)
	fl.IntVar(&f.maxSize, "max-size", finlint.DefaultMaxPayloadSize, "largest payload in `BYTES`; a larger one is reported, not parsed")
	fl.IntVar(&f.maxDepth, "max-depth", 64, "deepest nesting of arrays and objects allowed")
	return cmd
}

// output is one --format destination.
type output struct {
	name   string
	path   string
	w      io.Writer
	buf    *bufferedOutput // what the format writes to, in front of w
	closer io.Closer
	format report.Format
}

// finish ends the output's document and writes out what is buffered.
func (o *output) finish(sum report.Summary) error {
	err := o.format.Finish(sum)
	if ferr := o.buf.Flush(); err == nil {
		err = ferr
	}
	return err
}

func parseFailOn(s string) (rules.Severity, error) {
	sev, err := rules.ParseFailOn(s)
	if err != nil {
		return rules.Off, usageErr("--fail-on: %v", err)
	}
	return sev, nil
}

func runLint(ctx context.Context, e *env, cmd *cobra.Command, f *lintFlags, args []string) error {
	changed := cmd.Flags().Changed
	st, err := loadSettings(e, changed, &f.settingsFlags)
	if err != nil {
		return err
	}
	cfg, cfgPath, failOn, severity := st.cfg, st.cfgPath, st.failOn, st.severity
	if err := checkEmit(e, f, args, changed); err != nil {
		return err
	}
	jobs := f.jobs
	if !changed("jobs") && cfg.Jobs != nil {
		jobs = *cfg.Jobs
	}
	if jobs < 1 {
		return usageErr("--jobs: want at least 1, not %d", jobs)
	}
	if f.maxSize < 1 {
		return usageErr("--max-size: want at least 1 byte, not %d", f.maxSize)
	}
	if f.maxDepth < 1 {
		return usageErr("--max-depth: want at least 1, not %d", f.maxDepth)
	}
	reliance := cfg.RelianceEnabled != nil && *cfg.RelianceEnabled

	var bl *baseline
	if f.baseline != "" {
		if bl, err = loadBaseline(e.wd, f.baseline); err != nil {
			return err
		}
	}
	var blw *baselineWriter
	if f.writeBaseline != "" {
		blw = newBaselineWriter(e.wd, f.writeBaseline)
	}

	if len(args) == 0 {
		if e.isTTY(e.stdin) {
			return usageErr("no input: give a file, a directory, or - for standard input (see finlint lint --help)")
		}
		args = []string{"-"}
	}

	// One API client (one token) for the whole run, made when first needed.
	var client *finapi.Client
	getClient := func() (*finapi.Client, error) {
		if client != nil {
			return client, nil
		}
		var err error
		client, err = newClient(e, finapi.BaseURLFromEnv(e.getenv), finapi.CredentialsFromEnv(e.getenv))
		return client, err
	}
	// Submission is checked (credentials, base URL, production, journal
	// lock) before anything touches the network.
	var sub *submitter
	if f.submit && f.offline {
		return usageErr("--submit and --offline do not go together: submitting needs the network")
	}
	if !f.submit {
		for _, name := range []string{"journal", "rate", "yes", "resend-absent"} {
			if cmd.Flags().Changed(name) {
				return usageErr("--%s shapes a submission: it needs --submit", name)
			}
		}
	}
	if f.submit {
		stdinIsInput := false
		for _, a := range args {
			stdinIsInput = stdinIsInput || a == "-"
		}
		if sub, err = newSubmitter(e, f, getClient, failOn, jobs, stdinIsInput); err != nil {
			return err
		}
		defer sub.close()
	}

	cats := loadCatalogues(ctx, e, getClient, f.offline, cfg.CacheTTL)

	l, err := finlint.New(finlint.Options{
		Kind:            f.kind,
		Now:             st.now,
		Severity:        severity,
		Catalogues:      cats,
		RelianceEnabled: reliance,
		Redact:          f.redact,
		Ignore:          cfg.Ignore,
		Dir:             e.wd,
		Jobs:            jobs,
		MaxPayloadSize:  f.maxSize,
		MaxDepth:        f.maxDepth,
	})
	if err != nil {
		return st.linterErr(err)
	}

	outs, err := openOutputs(e, f, st.color, failOn, l.SeverityOf)
	if err != nil {
		return err
	}
	defer func() {
		for _, o := range outs {
			if o.closer != nil {
				o.closer.Close()
			}
		}
	}()

	if sub != nil {
		sub.linter = l
	}
	var em *emitter
	if f.emit != "" {
		buf := newBufferedOutput(e.stdout)
		fm, err := report.New("ndjson", buf, report.Options{})
		if err != nil {
			return &exitError{code: exitTool, err: err}
		}
		em = &emitter{mode: f.emit, failOn: failOn, out: &output{name: "--emit " + f.emit, w: e.stdout, buf: buf, format: fm}, warnf: e.warnf}
	}
	for _, o := range outs {
		if err := o.format.Start(); err != nil {
			return outputErr(o, err)
		}
	}
	fd := &feeder{inputs: collect(args, f.ndjson || em != nil, st.excluded, e.warnf), stdin: e.stdin, stdinName: f.stdinFilename, limit: f.maxSize}
	fd.kindFor = cfg.kindFor // a kinds entry of the config first, then --kind
	var sum report.Summary
	failed := false
	prog := newProgress(e, f.quiet || em != nil)
	emit := func(r report.Result) error {
		prog.tick()
		bl.filter(&r.Result)
		hints.Add(&r.Result)
		for _, fd := range r.Findings {
			if failOn != rules.Off && fd.Severity >= failOn {
				failed = true
			}
		}
		if s := r.Submission; s != nil && s.Due && s.Status != "created" && s.Status != "skipped" {
			failed = true // a submission that was due and did not succeed
		}
		sum.Add(&r)
		if em != nil {
			if err := em.write(&r); err != nil {
				return outputErr(em.out, err)
			}
		}
		r.Data = nil
		for _, o := range outs {
			if err := o.format.Result(&r); err != nil {
				return outputErr(o, err)
			}
		}
		return nil
	}
	// Submissions finish out of order; queue keeps the results in input
	// order and bounds how many are in flight.
	var queue []<-chan report.Result
	drain := func(all bool) error {
		for len(queue) > 0 {
			if !all && len(queue) < 4*jobs {
				select {
				case r := <-queue[0]:
					queue = queue[1:]
					if err := emit(r); err != nil {
						return err
					}
					continue
				default:
					return nil
				}
			}
			r := <-queue[0]
			queue = queue[1:]
			if err := emit(r); err != nil {
				return err
			}
		}
		return nil
	}
	// The source lines text output shows under findings are cut on the
	// workers; no other format prints them, so without text the payloads
	// are not parsed again.
	var source func(*finlint.Result)
	if slices.ContainsFunc(outs, func(o *output) bool { return o.name == "text" }) {
		source = func(r *finlint.Result) { show.Source(r, f.redact) }
	}
	runErr := l.RunWith(ctx, fd.next, source, func(r finlint.Result) error {
		// The baseline records and the submission judges every finding;
		// only the report and the exit code leave the accepted ones out.
		if blw != nil {
			blw.add(&r)
		}
		if sub == nil {
			return emit(report.Result{Result: r})
		}
		queue = append(queue, sub.start(ctx, report.Result{Result: r}))
		return drain(false)
	})
	if err := drain(true); err != nil && runErr == nil {
		runErr = err
	}
	if em != nil {
		if err := em.finish(); err != nil && runErr == nil {
			runErr = err
		}
	}
	prog.done()
	// Notices go into the documents now and onto standard error once the
	// results are out, so that on a terminal they come last.
	sum.Notices = notices(l)
	defer printNotices(e, sum.Notices)
	if runErr != nil {
		// An interrupted run still closes its documents (a JSON array,
		// a SARIF log) so that what was written parses; best effort.
		for _, o := range outs {
			_ = o.finish(sum)
		}
		var xe *exitError
		if errors.As(runErr, &xe) {
			return runErr
		}
		return &exitError{code: exitTool, err: runErr}
	}
	for _, o := range outs {
		if err := o.finish(sum); err != nil {
			return outputErr(o, err)
		}
	}
	if blw != nil {
		if err := blw.write(); err != nil {
			return &exitError{code: exitTool, err: err}
		}
	}
	for _, ig := range l.UnusedIgnores() {
		where := ""
		if ig.Files != "" {
			where = " in " + ig.Files
		}
		fmt.Fprintf(e.stderr, "finlint: warning: %s: ignore entry for %s%s hid nothing in the files it names; remove it\n", cfgPath, ig.Rule, where)
	}
	if sub != nil {
		if err := sub.stopped(); err != nil {
			return &exitError{code: exitTool, err: fmt.Errorf("submission stopped: %w", err)}
		}
	}
	if n := int(fd.failed.Load()); n > 0 {
		return &exitError{code: exitTool, err: fmt.Errorf("%d input%s could not be read", n, plural(n))}
	}
	// A mapper's verdicts are in its stream: an engine fails the task of
	// a mapper that exits non-zero.
	if failed && em == nil {
		return &exitError{code: exitFindings}
	}
	return nil
}

// notices returns the run's notices with the CLI's hints.
func notices(l *finlint.Linter) []finlint.Notice {
	ns := l.Notices()
	for i := range ns {
		ns[i].Message += hints.For(ns[i].ID, ns[i].Message)
	}
	return ns
}

// printNotices prints each notice once on standard error.
func printNotices(e *env, ns []finlint.Notice) {
	for _, n := range ns {
		fmt.Fprintf(e.stderr, "finlint: notice: %s\n", n.Message)
	}
}

func outputErr(o *output, err error) error {
	dest := o.path
	if dest == "" {
		dest = "standard output"
	}
	return &exitError{code: exitTool, err: fmt.Errorf("writing %s output to %s: %w", o.name, dest, err)}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// formatSpec splits a --format value: FORMAT, FORMAT=PATH, or FORMAT=- for
// standard output (path ""). hasPath is false only for a missing "=".
func formatSpec(s string) (name, path string, hasPath bool) {
	name, path, hasPath = strings.Cut(s, "=")
	if path == "-" {
		path = ""
	}
	return name, path, hasPath
}

func openOutputs(e *env, f *lintFlags, color func(any) bool, failOn rules.Severity, severity func(*rules.Rule) rules.Severity) ([]*output, error) {
	specs := f.formats
	if len(specs) == 0 && f.emit == "" {
		specs = []string{"text"}
	}
	// Every spec is checked before any file is created, so a typo in the
	// second --format leaves no empty first file behind.
	var toStdout []string
	byFile := map[string]string{} // a file's absolute path: the spec writing it
	for _, s := range specs {
		name, path, hasPath := formatSpec(s)
		if !slices.Contains(report.Names(), name) {
			return nil, usageErr("--format %s: unknown format %q (want one of %s)%s", s, name, strings.Join(report.Names(), ", "), didYouMean(name, report.Names()))
		}
		if hasPath && path == "" && !strings.HasSuffix(s, "=-") {
			return nil, usageErr("--format %s: no path after =: give a file, or drop the = to write to standard output", s)
		}
		if path == "" {
			toStdout = append(toStdout, name)
			continue
		}
		abs := absFrom(e.wd, path)
		if other, ok := byFile[abs]; ok {
			return nil, usageErr("--format %s and --format %s write the same file: the second would overwrite the first; give each its own path", other, s)
		}
		byFile[abs] = s
	}
	if len(toStdout) > 1 {
		return nil, usageErr("--format: %s would all write to standard output and mix there: give all but one of them a path, as in --format %s=FILE", strings.Join(toStdout, ", "), toStdout[1])
	}
	var outs []*output
	for _, s := range specs {
		name, path, _ := formatSpec(s)
		o := &output{name: name, path: path, w: e.stdout}
		if path != "" {
			file, err := os.Create(path)
			if err != nil {
				for _, p := range outs {
					if p.closer != nil {
						p.closer.Close()
					}
				}
				return nil, usageErr("--format %s: %v", s, err)
			}
			o.w, o.closer = file, file
		}
		o.buf = newBufferedOutput(o.w)
		fm, err := report.New(name, o.buf, report.Options{
			Color:    color(o.w),
			Quiet:    f.quiet,
			Rules:    kinds.Rules(),
			Severity: severity,
			Version:  buildVersion(),
			// A JUnit test case fails as its payload fails the run.
			FailOn:    failOn,
			FailNever: failOn == rules.Off,
		})
		if err != nil {
			return nil, usageErr("--format %s: %v (want one of %s)", s, err, strings.Join(report.Names(), ", "))
		}
		o.format = fm
		outs = append(outs, o)
	}
	return outs, nil
}
