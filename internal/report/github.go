package report

import (
	"io"
	"strconv"
	"strings"

	"github.com/finlint/finlint/rules"
)

// githubFormat writes GitHub Actions workflow commands, which the runner
// turns into annotations on the pull request's files. It has no summary:
// the annotations are the report.
type githubFormat struct {
	w   io.Writer
	buf strings.Builder
}

func newGitHub(w io.Writer, _ Options) Format { return &githubFormat{w: w} }

func (g *githubFormat) Start() error { return nil }

// Escaping as the runner's command parser expects: data may not hold a
// line break, and property values may not hold the separators : and , .
var (
	ghData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func (g *githubFormat) command(level, file string, line, col int, title, msg string) {
	b := &g.buf
	b.WriteString("::" + level + " ")
	var props []string
	if file != "" && file != "-" {
		props = append(props, "file="+clean(ghProperty.Replace(file)))
	}
	if line > 0 {
		props = append(props, "line="+strconv.Itoa(line))
		if col > 0 {
			props = append(props, "col="+strconv.Itoa(col))
		}
	}
	props = append(props, "title="+ghProperty.Replace(title))
	b.WriteString(strings.Join(props, ",") + "::" + clean(ghData.Replace(msg)) + "\n")
}

func (g *githubFormat) Result(r *Result) error {
	g.buf.Reset()
	if r.Error != "" {
		g.command("error", r.Source, r.Record, 0, "finlint", r.Error)
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		msg := f.Message
		if f.Suggestion != "" {
			msg += "\nsuggestion: " + f.Suggestion
		}
		g.command(githubLevel(f.Severity), r.Source, f.Line, f.Column, f.Rule, msg)
	}
	if sub := r.Submission; sub != nil && (sub.Status == statusFailed || sub.Status == statusUnknown) {
		level := "error"
		if sub.Status == statusUnknown {
			level = "warning"
		}
		g.command(level, r.Source, r.Record, 0, "submission", submissionLine(sub))
	}
	if g.buf.Len() == 0 {
		return nil
	}
	_, err := io.WriteString(g.w, g.buf.String())
	return err
}

// Finish writes the run's notices as notice annotations of the workflow
// run, tied to no file.
func (g *githubFormat) Finish(s Summary) error {
	if len(s.Notices) == 0 {
		return nil
	}
	g.buf.Reset()
	for _, n := range s.Notices {
		g.command("notice", "", 0, 0, "finlint", n.Message)
	}
	_, err := io.WriteString(g.w, g.buf.String())
	return err
}

func githubLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "notice"
}
