package cli

import (
	"github.com/finlint/finlint"
	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/internal/source"
	"github.com/finlint/finlint/kinds"
	"github.com/finlint/finlint/rules"
)

// annotate adds findings made outside the rules, such as the API's field
// errors after a submission, to a result: each is placed in the payload
// (line, column, offset) like the rules' findings, its severity follows
// the linter's overrides (a rule turned off drops it), tax ids are masked
// in its text, the findings stay sorted and Valid is recomputed. res.Data
// must still hold the payload's bytes.
func annotate(l *finlint.Linter, res *finlint.Result, fs []rules.Finding) {
	kept := fs[:0]
	for _, f := range fs {
		if r := rules.Lookup(l.Rules(), f.Rule); r != nil {
			f.Severity = l.SeverityOf(r)
		}
		if f.Severity != rules.Off {
			kept = append(kept, f)
		}
	}
	if len(kept) == 0 {
		return
	}
	doc := jsondoc.Parse(res.Data, jsondoc.Limits{})
	ids, _ := source.TaxIDs(doc.Root, kinds.Lookup(res.Kind))
	scrub := source.Scrubber(ids)
	for i := range kept {
		f := &kept[i]
		f.Offset = doc.Offset(f.Path)
		line, col := doc.Position(f.Offset)
		f.Line, f.Column = line, col
		if res.Record > 0 {
			f.Line = res.Record + line - 1
		}
		if scrub != nil {
			f.Message = scrub.Replace(f.Message)
		}
	}
	res.Findings = append(res.Findings, kept...)
	rules.Sort(res.Findings)
	res.Valid = true
	for _, f := range res.Findings {
		if f.Severity == rules.Error {
			res.Valid = false
			break
		}
	}
}

// scrub masks in s every tax document id of res's payload: for text that
// came from outside the rules, such as an API error message, which may
// quote the payload back. res.Data must still hold the payload's bytes.
func scrub(res *finlint.Result, s string) string {
	if s == "" || len(res.Data) == 0 {
		return s
	}
	doc := jsondoc.Parse(res.Data, jsondoc.Limits{})
	ids, _ := source.TaxIDs(doc.Root, kinds.Lookup(res.Kind))
	if r := source.Scrubber(ids); r != nil {
		return r.Replace(s)
	}
	return s
}
