package report

import (
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"github.com/finlint/finlint/rules"
)

// ANSI styles for text output.
const (
	ansiReset   = "\x1b[0m"
	ansiRed     = "\x1b[1;31m"
	ansiYellow  = "\x1b[1;33m"
	ansiCyan    = "\x1b[1;36m"
	ansiGreen   = "\x1b[1;32m"
	ansiFaint   = "\x1b[2m"
	caretMarker = "^"
)

// textFormat writes findings the way compilers and golangci-lint do, so that
// editors and terminals turn source:line:col into links.
type textFormat struct {
	w   io.Writer
	o   Options
	buf strings.Builder
}

func newText(w io.Writer, o Options) Format { return &textFormat{w: w, o: o} }

func (t *textFormat) Start() error { return nil }

func (t *textFormat) paint(style, s string) string {
	if !t.o.Color {
		return s
	}
	return style + s + ansiReset
}

func (t *textFormat) severity(s rules.Severity) string {
	style := ansiCyan
	switch s {
	case rules.Error:
		style = ansiRed
	case rules.Warning:
		style = ansiYellow
	}
	return t.paint(style, s.String())
}

func (t *textFormat) Result(r *Result) error {
	b := &t.buf
	b.Reset()
	src := clean(r.Source)
	if r.Error != "" {
		b.WriteString(clean(resultWhere(r)) + ": " + t.severity(rules.Error) + ": " + clean(r.Error) + "\n")
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		b.WriteString(where(src, f) + ": " + t.severity(f.Severity) + ": " + clean(f.Message) +
			" (" + t.paint(ansiFaint, f.Rule) + ")\n")
		if f.Context != "" {
			ctx := clean(f.Context)
			b.WriteString(ctx + "\n")
			if f.ContextColumn > 0 {
				b.WriteString(caretPrefix(ctx, f.ContextColumn) + t.paint(ansiGreen, caretMarker) + "\n")
			}
		}
		if f.Suggestion != "" {
			b.WriteString("    suggestion: " + clean(f.Suggestion) + "\n")
		}
	}
	if r.Submission != nil {
		b.WriteString(clean(resultWhere(r)) + ": " + clean(submissionLine(r.Submission)) + "\n")
	}
	if b.Len() == 0 {
		return nil
	}
	_, err := io.WriteString(t.w, b.String())
	return err
}

// caretPrefix returns the blanks that put a caret under column col (1-based,
// in characters) of line. Tabs are copied so the caret lands where the
// terminal drew the character, and wide characters take two cells.
func caretPrefix(line string, col int) string {
	var b strings.Builder
	n := 1
	for _, r := range line {
		if n >= col {
			break
		}
		n++
		switch {
		case r == '\t':
			b.WriteByte('\t')
		case unicode.In(r, unicode.Mn, unicode.Me):
			// Combining marks draw on the previous cell.
		case wide(r):
			b.WriteString("  ")
		default:
			b.WriteByte(' ')
		}
	}
	for ; n < col; n++ {
		b.WriteByte(' ')
	}
	return b.String()
}

func wide(r rune) bool {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	return false
}

func (t *textFormat) Finish(s Summary) error {
	if t.o.Quiet {
		return nil
	}
	_, err := io.WriteString(t.w, summaryLine(s)+"\n")
	return err
}

// summaryLine is the last line of text output, e.g.
// "3 payloads: 1 valid, 2 invalid; 4 errors, 1 warning, 0 infos".
func summaryLine(s Summary) string {
	var b strings.Builder
	b.WriteString(count(s.Payloads, "payload", "payloads"))
	if len(s.Kinds) > 1 {
		// Only a run of mixed kinds says how many of each.
		names := make([]string, 0, len(s.Kinds))
		for k := range s.Kinds {
			names = append(names, k)
		}
		slices.Sort(names)
		parts := make([]string, 0, len(names))
		for _, k := range names {
			parts = append(parts, strconv.Itoa(s.Kinds[k])+" "+k)
		}
		b.WriteString(" (" + strings.Join(parts, ", ") + ")")
	}
	b.WriteString(": " +
		strconv.Itoa(s.Valid) + " valid, " + strconv.Itoa(s.Invalid) + " invalid; " +
		count(s.Errors, "error", "errors") + ", " +
		count(s.Warnings, "warning", "warnings") + ", " +
		count(s.Infos, "info", "infos"))
	if s.anySubmission() {
		b.WriteString("; " + strconv.Itoa(s.Submitted) + " submitted")
		var sent []string
		for _, c := range []struct {
			n    int
			word string
		}{{s.Created, "created"}, {s.Failed, "failed"}, {s.Unknown, "unknown"}} {
			if c.n > 0 {
				sent = append(sent, strconv.Itoa(c.n)+" "+c.word)
			}
		}
		if len(sent) > 0 {
			b.WriteString(" (" + strings.Join(sent, ", ") + ")")
		}
		if s.Skipped > 0 {
			b.WriteString(", " + strconv.Itoa(s.Skipped) + " skipped")
		}
		if s.NotSent > 0 {
			b.WriteString(", " + strconv.Itoa(s.NotSent) + " not sent")
		}
		if s.Unsettled > 0 {
			b.WriteString(", " + strconv.Itoa(s.Unsettled) + " unsettled (run finlint journal reconcile)")
		}
	}
	if s.Unreadable > 0 {
		b.WriteString("; " + strconv.Itoa(s.Unreadable) + " unreadable")
	}
	return b.String()
}
