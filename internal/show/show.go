// Package show prepares findings for people: the source line text output
// shows under each. Only programs that print findings need it; the
// library's results leave it out.
package show

import (
	"github.com/finlint/finlint"
	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/internal/source"
	"github.com/finlint/finlint/kinds"
)

// Source gives each finding of r the source line text output shows
// under it: the line it points at, cut to a window around its column,
// with tax ids (and, when redacting, every value) masked. The payload is
// parsed again only when it has findings; r.Data must still hold it.
func Source(r *finlint.Result, redact bool) {
	if len(r.Findings) == 0 || len(r.Data) == 0 {
		return
	}
	doc := jsondoc.Parse(r.Data, jsondoc.Limits{})
	ids, spans := source.Sensitive(doc.Root, kinds.Lookup(r.Kind), redact)
	scrub := source.Scrubber(ids)
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Offset < 0 || f.Offset > len(doc.Src) {
			continue
		}
		line := f.Line
		if r.Record > 0 {
			line = f.Line - r.Record + 1 // the record's own line
		}
		f.Context, f.ContextColumn = source.ContextLine(doc, line, f.Offset, spans)
		if scrub != nil {
			// The line masks the ids' own values; the same text written
			// into another field is masked here.
			f.Context = scrub.Replace(f.Context)
		}
	}
}
