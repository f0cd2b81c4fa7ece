package report

import (
	"fmt"
	"io"

	"github.com/finlint/finlint"
)

// ndjsonFormat writes each result on one line as it finishes, then one
// last line {"summary": {...}}, with the run's notices beside the summary
// when there are any.
type ndjsonFormat struct {
	w   io.Writer
	buf []byte // one result's line, reused
}

func newNDJSON(w io.Writer, _ Options) Format { return &ndjsonFormat{w: w} }

func (n *ndjsonFormat) Start() error { return nil }

func (n *ndjsonFormat) Result(r *Result) error {
	var ok bool
	if n.buf, ok = appendResult(n.buf[:0], r, "", ""); !ok {
		b, err := marshal(toJSONResult(r), "", "")
		if err != nil {
			return fmt.Errorf("encoding result for %s: %w", r.Source, err)
		}
		n.buf = append(n.buf[:0], b...)
	}
	_, err := n.w.Write(append(n.buf, '\n'))
	return err
}

func (n *ndjsonFormat) Finish(s Summary) error {
	b, err := marshal(struct {
		Summary Summary          `json:"summary"`
		Notices []finlint.Notice `json:"notices,omitempty"`
	}{s, s.Notices}, "", "")
	if err != nil {
		return fmt.Errorf("encoding summary: %w", err)
	}
	_, err = n.w.Write(append(b, '\n'))
	return err
}
