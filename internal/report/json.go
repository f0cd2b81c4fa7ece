package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/finlint/finlint/rules"
)

// jsonResult is a result as the json and ndjson formats print it. It is
// spelled out rather than taken from finlint.Result so that nothing but
// these keys, and never the payload's bytes, can reach the output.
type jsonResult struct {
	Source     string          `json:"source"`
	Record     int             `json:"record,omitempty"`
	Reference  string          `json:"reference,omitempty"`
	Kind       string          `json:"kind,omitempty"`
	Valid      bool            `json:"valid"`
	Findings   []rules.Finding `json:"findings"`
	Submission *Submission     `json:"submission,omitempty"`
	Error      string          `json:"error,omitempty"`
}

func toJSONResult(r *Result) jsonResult {
	out := jsonResult{
		Source:     r.Source,
		Record:     r.Record,
		Reference:  r.Reference,
		Kind:       r.Kind,
		Valid:      r.Valid,
		Findings:   r.Findings,
		Submission: r.Submission,
		Error:      r.Error,
	}
	if out.Findings == nil {
		out.Findings = []rules.Finding{}
	}
	return out
}

// marshal encodes v without escaping <, > and & (the output is not HTML),
// indented with prefix and indent unless both are empty, and without the
// encoder's trailing newline.
func marshal(v any, prefix, indent string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if prefix != "" || indent != "" {
		enc.SetIndent(prefix, indent)
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// jsonFormat writes one document, {"results": [...], "summary": {...}},
// streaming each result as it comes so that memory stays flat however many
// payloads there are.
type jsonFormat struct {
	w   io.Writer
	n   int
	buf []byte // one result's bytes, reused
}

func newJSON(w io.Writer, _ Options) Format { return &jsonFormat{w: w} }

func (j *jsonFormat) Start() error {
	_, err := io.WriteString(j.w, "{\n  \"results\": [")
	return err
}

func (j *jsonFormat) Result(r *Result) error {
	sep := ",\n    "
	if j.n == 0 {
		sep = "\n    "
	}
	j.buf = append(j.buf[:0], sep...)
	var ok bool
	if j.buf, ok = appendResult(j.buf, r, "    ", "  "); !ok {
		b, err := marshal(toJSONResult(r), "    ", "  ")
		if err != nil {
			return fmt.Errorf("encoding result for %s: %w", r.Source, err)
		}
		j.buf = append(j.buf, b...)
	}
	j.n++
	_, err := j.w.Write(j.buf)
	return err
}

func (j *jsonFormat) Finish(s Summary) error {
	b, err := marshal(s, "  ", "  ")
	if err != nil {
		return fmt.Errorf("encoding summary: %w", err)
	}
	end := "\n  ],\n  "
	if j.n == 0 {
		end = "],\n  "
	}
	if len(s.Notices) > 0 {
		nb, err := marshal(s.Notices, "  ", "  ")
		if err != nil {
			return fmt.Errorf("encoding notices: %w", err)
		}
		end += "\"notices\": " + string(nb) + ",\n  "
	}
	end += "\"summary\": "
	_, err = io.WriteString(j.w, end+string(b)+"\n}\n")
	return err
}
