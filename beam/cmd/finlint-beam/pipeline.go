package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // file paths for textio
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/transforms/stats"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/beam/finlintbeam"
	"github.com/finlint/finlint/rules"
)

// The files the pipeline writes, after its output prefix: the records
// that passed, byte for byte, in shards PREFIX-valid-00000-of-0000N.ndjson;
// the results of the ones that did not, in shards of PREFIX-invalid; and
// counts of payloads, verdicts and findings by rule in PREFIX-summary.txt.
const (
	validBase     = "-valid"
	invalidBase   = "-invalid"
	shardExt      = ".ndjson"
	summarySuffix = "-summary.txt"
)

// build adds the whole job to s: read the NDJSON records matching input,
// lint them, and write the three files under prefix.
func build(s beam.Scope, input, prefix string, opts finlintbeam.Options) {
	// Each result names the file its record came from.
	lines := textio.ReadWithFilename(s, input)
	payloads := beam.ParDo(s, toBytes, lines)
	results, valid, _ := finlintbeam.LintNamed(s, payloads, opts)
	writeShards(s, prefix+validBase, shardExt, beam.ParDo(s, toString, valid))

	invalid, keys := beam.ParDo2(s, &tallyFn{FailOn: opts.FailOn}, results)
	writeShards(s, prefix+invalidBase, shardExt, invalid)

	// Every total appears in the summary, zero or not, and the summary
	// is written even for an input with no record.
	seeds := beam.ParDo(s, zeroCount, beam.CreateList(s, totals))
	counts := stats.SumPerKey(s, beam.Flatten(s, beam.ParDo(s, oneCount, keys), seeds))
	text := beam.Combine(s, mergeLines, beam.ParDo(s, countLine, counts))
	textio.Write(s, prefix+summarySuffix, beam.ParDo(s, orderSummary, text))
}

func toBytes(file, line string) (string, []byte) { return file, []byte(line) }
func toString(b []byte) string                   { return string(b) }

// totals are the summary's first lines, in this order; a line per kind,
// "kind<TAB>NAME<TAB>N", follows, by name, then a line per rule,
// "rule<TAB>ID<TAB>N", the rule with most findings first.
var totals = []string{"payloads", "valid", "invalid", "errors", "warnings", "infos"}

// tallyFn sorts each result by the transform's own verdict, passing on
// the results of the records that failed, and emits the summary's keys
// for it.
type tallyFn struct {
	FailOn string // as Options.FailOn: "" is error

	failOn rules.Severity
}

func (f *tallyFn) Setup() error {
	f.failOn = rules.Error
	if f.FailOn != "" {
		var err error
		f.failOn, err = rules.ParseFailOn(f.FailOn)
		return err
	}
	return nil
}

func (f *tallyFn) ProcessElement(_ context.Context, result string, invalid, keys func(string)) error {
	var r finlint.Result
	if err := json.Unmarshal([]byte(result), &r); err != nil {
		return fmt.Errorf("reading a result of the transform: %w", err)
	}
	// A result is of a record the transform read and kept (one too
	// large to keep has a payload-limit error), which its bytes, never
	// serialised, would say.
	r.Data = []byte{}
	keys("payloads")
	if r.Kind != "" {
		keys("kind\t" + r.Kind)
	}
	for _, fd := range r.Findings {
		keys(fd.Severity.String() + "s")
		keys("rule\t" + fd.Rule)
	}
	if r.Passes(f.failOn) {
		keys("valid")
		return nil
	}
	keys("invalid")
	invalid(result)
	return nil
}

func oneCount(key string) (string, int)  { return key, 1 }
func zeroCount(key string) (string, int) { return key, 0 }

func countLine(key string, n int) string { return key + "\t" + strconv.Itoa(n) }

// mergeLines joins two sets of summary lines; the order is orderSummary's
// to set, so merging in any order gives the same file.
func mergeLines(a, b string) string { return a + "\n" + b }

// orderSummary writes the totals first, in their order, then the rules by
// their number of findings, most first, ties by name.
func orderSummary(text string) string {
	counts := map[string]int{}
	var ruleIDs, kindNames []string
	for _, line := range strings.Split(text, "\n") {
		i := strings.LastIndexByte(line, '\t')
		if i < 0 {
			continue
		}
		n, _ := strconv.Atoi(line[i+1:])
		key := line[:i]
		if id, ok := strings.CutPrefix(key, "rule\t"); ok {
			ruleIDs = append(ruleIDs, id)
		}
		if name, ok := strings.CutPrefix(key, "kind\t"); ok {
			kindNames = append(kindNames, name)
		}
		counts[key] += n
	}
	slices.SortFunc(ruleIDs, func(a, b string) int {
		if d := counts["rule\t"+b] - counts["rule\t"+a]; d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	var out strings.Builder
	for _, k := range totals {
		fmt.Fprintf(&out, "%s\t%d\n", k, counts[k])
	}
	slices.Sort(kindNames)
	for _, name := range slices.Compact(kindNames) {
		fmt.Fprintf(&out, "kind\t%s\t%d\n", name, counts["kind\t"+name])
	}
	for _, id := range slices.Compact(ruleIDs) {
		fmt.Fprintf(&out, "rule\t%s\t%d\n", id, counts["rule\t"+id])
	}
	return strings.TrimSuffix(out.String(), "\n")
}

func init() {
	register.Function2x2(toBytes)
	register.Function1x1(toString)
	register.DoFn4x1[context.Context, string, func(string), func(string), error](&tallyFn{})
	register.Emitter1[string]()
	register.Function1x2(oneCount)
	register.Function1x2(zeroCount)
	register.Function2x1(countLine)
	register.Function2x1(mergeLines)
	register.Function1x1(orderSummary)
}
