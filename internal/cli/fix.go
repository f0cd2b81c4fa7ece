package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/internal/finapi"
	"github.com/finlint/finlint/internal/hints"
	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/internal/report"
	"github.com/finlint/finlint/internal/show"
	"github.com/finlint/finlint/internal/source"
	"github.com/finlint/finlint/kinds"
	"github.com/finlint/finlint/rules"
	"github.com/spf13/cobra"
)

type fixFlags struct {
	write         bool
	ndjson        bool
	stdinFilename string
	kind          string
	settingsFlags
}

func newFixCmd(e *env) *cobra.Command {
	var f fixFlags
	cmd := &cobra.Command{
		Use:   "fix [flags] PATH ...",
		Short: "Apply the safe suggested fixes; without --write print them as a diff",
		Long: `Apply the suggestions that are safe to apply without a person.

A fix is safe when it keeps what the author evidently meant and changes only
how it is written: the case of an email address or a coded word ("female"
becomes "FEMALE"), a country, subdivision or date written another way ("US"
becomes "USA", "California" becomes "US-CA", "1990/04/15" becomes
"1990-04-15"), a phone number laid out in E.164, a value of the wrong JSON
type that converts without loss (94103 becomes "94103", "42" becomes 42),
an integer written 42.0, control characters, and the missing _en
transliteration of a Latin name or street line. Suggestions that guess
(a renamed key, another field's value, a catalogue id) are left to you.

Each PATH is a file, a directory (walked for *.json, *.ndjson and *.jsonl),
or - for standard input. Only the fixed values change: indentation, key
order, number spelling and every other byte stay as they were; a missing key
is added after the last member of its object. A .ndjson or .jsonl file (any
file with --ndjson) is fixed line by line and each line stays one line. A
payload that is not valid JSON or repeats a key is not touched.

Without --write each changed file is printed as a unified diff on standard
output, for review: tax document ids are masked in it, so it does not apply
as a patch where one is among the context lines; apply the fixes with
--write. With --write each changed file is replaced (through a temporary
file and a rename, keeping its permissions) and nothing is printed on
standard output. Standard input is always answered with the whole fixed payload on
standard output, never a diff.

On standard error come the findings the fixed payloads still have, in the
text format of lint (their lines are those of the fixed text), and a
summary. Reference catalogues are read from the cache only; fix never
touches the network. Settings come from --rule, --fail-on and the config
file as for lint: a rule turned off or an ignored finding is not fixed.

Exit codes: 0 nothing at or above --fail-on remains (and, without --write,
nothing needed fixing); 1 findings at or above --fail-on remain, or without
--write there are fixes still to apply (unless --fail-on none); 2 usage error, unreadable path, or a file could not be
written.`,
		Example: `  finlint fix payloads/                 # show what would change
  finlint fix --write payloads/         # change the files
  finlint fix - < customer.json > fixed.json`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErr("fix: no input: give a file, a directory, or - for standard input (see finlint fix --help)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runFix(cmd.Context(), e, cmd, &f, args)
		},
	}
	fl := cmd.Flags()
	fl.BoolVarP(&f.write, "write", "w", false, "write the fixes into the files instead of printing a diff")
	fl.BoolVar(&f.ndjson, "ndjson", false, "read every input as newline-delimited payloads, one per line")
	fl.StringVar(&f.kind, "kind", "auto", kindHelp)
	fl.StringVar(&f.stdinFilename, "stdin-filename", "", fixStdinFilenameHelp)
	addSettingsFlags(fl, &f.settingsFlags, "lowest severity left after fixing that makes the exit code 1: error, warning, info or none")
	return cmd
}

// fixRun is the state of one fix command across its inputs.
type fixRun struct {
	e       *env
	l       *finlint.Linter
	write   bool
	failOn  rules.Severity
	text    report.Format
	applied int // fixes applied
	changed int // inputs with at least one fix
	// errors, warnings and infos count the findings left after fixing.
	errors, warnings, infos int
	failed                  bool
	broken                  int // inputs that could not be read or written
	// stdinName is the source standard input is reported under
	// (--stdin-filename); empty means "-".
	stdinName string
	// kindFor is the kind the config's kinds entries give a source, or "".
	kindFor func(source string) string
}

func runFix(ctx context.Context, e *env, cmd *cobra.Command, f *fixFlags, args []string) error {
	st, err := loadSettings(e, cmd.Flags().Changed, &f.settingsFlags)
	if err != nil {
		return err
	}
	cfg, failOn := st.cfg, st.failOn
	stdin := false
	for _, a := range args {
		stdin = stdin || a == "-"
	}
	if stdin && len(args) > 1 {
		return usageErr("fix: - (standard input) cannot be combined with other paths: its fixed payload and the diffs would share standard output")
	}

	noClient := func() (*finapi.Client, error) { return nil, errors.New("fix works offline") }
	l, err := finlint.New(finlint.Options{
		Kind:            f.kind,
		Now:             st.now,
		Severity:        st.severity,
		Catalogues:      loadCatalogues(ctx, e, noClient, true, cfg.CacheTTL),
		RelianceEnabled: cfg.RelianceEnabled != nil && *cfg.RelianceEnabled,
		Ignore:          cfg.Ignore,
		Dir:             e.wd,
	})
	if err != nil {
		return st.linterErr(err)
	}
	text, err := report.New("text", e.stderr, report.Options{
		Color: st.color(e.stderr),
		Quiet: true,
	})
	if err != nil {
		return &exitError{code: exitTool, err: err}
	}
	r := &fixRun{e: e, l: l, write: f.write, failOn: failOn, text: text, stdinName: f.stdinFilename, kindFor: cfg.kindFor}

	for _, in := range collect(args, f.ndjson, st.excluded, e.warnf) {
		if err := ctx.Err(); err != nil {
			return &exitError{code: exitTool, err: err}
		}
		if in.err != nil {
			r.broken++
			fmt.Fprintf(e.stderr, "finlint: %s: cannot read input: %v\n", in.source, unwrapPath(in.err))
			continue
		}
		if err := r.file(ctx, in); err != nil {
			var xe *exitError
			if errors.As(err, &xe) {
				return err
			}
			r.broken++
			fmt.Fprintf(e.stderr, "finlint: %s: %v\n", in.source, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return &exitError{code: exitTool, err: err}
	}
	printNotices(e, notices(l))
	fmt.Fprintln(e.stderr, r.summary(stdin))
	switch {
	case r.broken > 0:
		return &exitError{code: exitTool, err: fmt.Errorf("%d input%s could not be read or written", r.broken, plural(r.broken))}
	case r.failed:
		return &exitError{code: exitFindings}
	case !r.write && !stdin && r.changed > 0 && r.failOn != rules.Off:
		// A review run that found fixes to make: the files on disk are
		// not right yet, so a CI job running it must not pass.
		return &exitError{code: exitFindings}
	}
	return nil
}

// parseRuleFlags adds --rule ID=SEVERITY overrides to severity.
func parseRuleFlags(flags []string, severity map[string]rules.Severity) error {
	for _, r := range flags {
		id, sv, ok := strings.Cut(r, "=")
		if !ok {
			return usageErr("--rule %q: want ID=off|info|warning|error", r)
		}
		if rules.Lookup(kinds.Rules(), id) == nil {
			return usageErr("--rule: unknown rule %q%s (see finlint rules)", id, didYouMeanRule(id))
		}
		s, err := rules.ParseSeverity(sv)
		if err != nil {
			return usageErr("--rule %s: %v", id, err)
		}
		severity[id] = s
	}
	return nil
}

// file fixes one input and shows or writes the result. An error it returns
// is about this input only, unless it is an *exitError.
func (r *fixRun) file(ctx context.Context, in input) error {
	var data []byte
	var err error
	ndjson := in.ndjson
	name := stdinName(in.source, r.stdinName)
	if in.source == "-" {
		ndjson = ndjson || isNDJSONName(r.stdinName)
		src := r.e.stdin
		if !ndjson {
			src, ndjson = sniffNDJSON(src, finlint.DefaultMaxPayloadSize)
		}
		data, err = io.ReadAll(src)
	} else {
		data, err = os.ReadFile(in.source)
	}
	if err != nil {
		return fmt.Errorf("cannot read input: %w", unwrapPath(err))
	}

	var fixed []byte
	var results []finlint.Result
	applied := 0
	if ndjson {
		fixed, results, applied = fixLines(ctx, r.l, name, r.kindFor(name), data)
	} else {
		res := r.l.FixPayload(ctx, finlint.Payload{Source: name, Kind: r.kindFor(name), Data: data})
		fixed, results, applied = res.Fixed, []finlint.Result{res.Remaining}, len(res.Applied)
	}
	if applied > 0 {
		r.applied += applied
		r.changed++
	}

	switch {
	case in.source == "-":
		if _, err := r.e.stdout.Write(fixed); err != nil {
			return &exitError{code: exitTool, err: fmt.Errorf("writing standard output: %w", err)}
		}
	case applied == 0:
	case r.write:
		if err := replaceFile(in.source, fixed); err != nil {
			return err
		}
	default:
		name := filepath.ToSlash(in.source)
		if _, err := unifiedDiff(r.e.stdout, name, displayText(data, ndjson), displayText(fixed, ndjson)); err != nil {
			return &exitError{code: exitTool, err: fmt.Errorf("writing standard output: %w", err)}
		}
	}

	for i := range results {
		res := &results[i]
		e, w, n := res.Count()
		r.errors, r.warnings, r.infos = r.errors+e, r.warnings+w, r.infos+n
		for _, fd := range res.Findings {
			if r.failOn != rules.Off && fd.Severity >= r.failOn {
				r.failed = true
			}
		}
		hints.Add(res)
		show.Source(res, false)
		if err := r.text.Result(&report.Result{Result: *res}); err != nil {
			return &exitError{code: exitTool, err: fmt.Errorf("writing standard error: %w", err)}
		}
	}
	return nil
}

// fixLines fixes an NDJSON text line by line. Blank lines and line endings
// are kept; a line whose fix would span lines (which no fix does) is kept
// as it was.
func fixLines(ctx context.Context, l *finlint.Linter, source, kindName string, data []byte) ([]byte, []finlint.Result, int) {
	var out []byte
	var results []finlint.Result
	applied := 0
	for n, line := range bytes.SplitAfter(data, []byte("\n")) {
		body := bytes.TrimSuffix(line, []byte("\n"))
		body = bytes.TrimSuffix(body, []byte("\r"))
		if len(bytes.Trim(body, " \t\r")) == 0 {
			out = append(out, line...)
			continue
		}
		record := n + 1
		res := l.FixPayload(ctx, finlint.Payload{Source: source, Kind: kindName, Data: body})
		if bytes.ContainsAny(res.Fixed, "\r\n") {
			res = finlint.FixResult{Fixed: body, Remaining: l.LintPayload(ctx, finlint.Payload{Source: source, Kind: kindName, Data: body})}
		}
		applied += len(res.Applied)
		out = append(append(out, res.Fixed...), line[len(body):]...)
		// Each record is one line, so its findings are on that line.
		rem := res.Remaining
		rem.Record = record
		for i := range rem.Findings {
			rem.Findings[i].Line += record - 1
		}
		results = append(results, rem)
	}
	return out, results, applied
}

// summary is the last line on standard error.
func (r *fixRun) summary(stdin bool) string {
	fixes, files := nounCount(r.applied, "fix"), nounCount(r.changed, "file")
	var s string
	switch {
	case r.applied == 0:
		s = "no fixes to apply"
	case stdin:
		s = fixes + " applied; the fixed payload is on standard output"
	case r.write:
		s = fixes + " applied in " + files
	default:
		s = fixes + " to apply in " + files + " (run with --write to apply them)"
	}
	return fmt.Sprintf("finlint: %s; remaining: %s, %s, %s", s,
		nounCount(r.errors, "error"), nounCount(r.warnings, "warning"), nounCount(r.infos, "info"))
}

// nounCount writes n and a noun, in the plural unless n is 1.
func nounCount(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "x") {
		return fmt.Sprintf("%d %ses", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// replaceFile writes data over path atomically, keeping the permissions of
// the file (of its target, when path is a symbolic link).
func replaceFile(path string, data []byte) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fmt.Errorf("cannot write: %w", unwrapPath(err))
	}
	st, err := os.Stat(target)
	if err != nil {
		return fmt.Errorf("cannot write: %w", unwrapPath(err))
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*")
	if err != nil {
		return fmt.Errorf("cannot write: %w", unwrapPath(err))
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	steps := []func() error{
		func() error { _, err := tmp.Write(data); return err },
		func() error { return tmp.Chmod(st.Mode().Perm()) },
		tmp.Sync,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			tmp.Close()
			return fmt.Errorf("cannot write: %w", unwrapPath(err))
		}
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write: %w", unwrapPath(err))
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("cannot write: %w", unwrapPath(err))
	}
	return nil
}

// taxIDText finds a document_id member in text that could not be parsed.
var taxIDText = regexp.MustCompile(`"document_id"\s*:\s*"((?:[^"\\]|\\.)*)"`)

// displayText is data as a diff may show it: every tax document id masked
// but for its last 4 characters, where it is the value of a document_id and
// wherever else it appears in the same payload.
func displayText(data []byte, ndjson bool) string {
	chunks := [][]byte{data}
	if ndjson {
		chunks = bytes.SplitAfter(data, []byte("\n"))
	}
	var out strings.Builder
	for _, c := range chunks {
		if doc := jsondoc.Parse(c, jsondoc.Limits{}); doc.Root != nil {
			out.WriteString(source.MaskTaxIDs(c))
			continue
		}
		// Not JSON: mask what looks like a document_id's string value.
		pos := 0
		for _, m := range taxIDText.FindAllSubmatchIndex(c, -1) {
			out.Write(c[pos:m[2]])
			out.WriteString(rules.MaskTaxID(string(c[m[2]:m[3]])))
			pos = m[3]
		}
		out.Write(c[pos:])
	}
	return out.String()
}
