package report

import (
	"bufio"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint"
)

const wantJSON = `{
  "results": [
    {
      "source": "valid.json",
      "valid": true,
      "findings": []
    },
    {
      "source": "bad/maría 1.json",
      "valid": false,
      "findings": [
        {
          "rule": "email-lowercase",
          "severity": "error",
          "path": "/basic_info/email",
          "message": "email \"José@Example.com\" has upper-case letters; the API accepts only lowercase",
          "line": 7,
          "column": 12,
          "suggestion": "josé@example.com"
        },
        {
          "rule": "unknown-field",
          "severity": "warning",
          "path": "/basic_info/first_nmae",
          "message": "unknown key \"first_nmae\"",
          "line": 9,
          "column": 5,
          "suggestion": "first_name"
        },
        {
          "rule": "tax-document-type",
          "severity": "info",
          "path": "/basic_info/tax_info/0/document_type",
          "message": "document type PASSPORT, unusual for: USA",
          "line": 12,
          "column": 16
        }
      ]
    },
    {
      "source": "batch.ndjson",
      "record": 3,
      "valid": false,
      "findings": [
        {
          "rule": "json-syntax",
          "severity": "error",
          "path": "",
          "message": "expected a value, found \"}\" (<bad> & worse)",
          "line": 3,
          "column": 22
        }
      ]
    },
    {
      "source": "batch.ndjson",
      "record": 4,
      "valid": true,
      "findings": [],
      "submission": {
        "status": "created",
        "http_status": 200,
        "customer_id": "cus_123",
        "tos_policies_url": "https://sandbox.fin.com/tos/abc"
      }
    },
    {
      "source": "batch.ndjson",
      "record": 5,
      "valid": true,
      "findings": [],
      "submission": {
        "status": "failed",
        "http_status": 500,
        "error": "internal server error"
      }
    },
    {
      "source": "missing.json",
      "valid": false,
      "findings": [],
      "error": "cannot read input: open missing.json: no such file or directory"
    }
  ],
  "summary": {
    "payloads": 6,
    "valid": 3,
    "invalid": 2,
    "errors": 2,
    "warnings": 1,
    "infos": 1,
    "submitted": 2,
    "created": 1,
    "failed": 1,
    "unreadable": 1
  }
}
`

func TestJSON(t *testing.T) {
	out := run(t, "json", Options{}, fixtures())
	assert.Equal(t, wantJSON, out)
	assert.True(t, json.Valid([]byte(out)))
}

func TestJSONNoResults(t *testing.T) {
	out := run(t, "json", Options{}, nil)
	assert.Equal(t, `{
  "results": [],
  "summary": {
    "payloads": 0,
    "valid": 0,
    "invalid": 0,
    "errors": 0,
    "warnings": 0,
    "infos": 0,
    "submitted": 0
  }
}
`, out)
}

// The document is written as results arrive, not held back until Finish.
func TestJSONStreams(t *testing.T) {
	var b strings.Builder
	f, err := New("json", &b, Options{})
	require.NoError(t, err)
	require.NoError(t, f.Start())
	rs := fixtures()
	require.NoError(t, f.Result(rs[0]))
	assert.Contains(t, b.String(), `"source": "valid.json"`)
	n := b.Len()
	require.NoError(t, f.Result(rs[1]))
	assert.Contains(t, b.String()[n:], `"source": "bad/maría 1.json"`)
}

// A nil findings slice still prints as [] so consumers can range over it.
func TestJSONFindingsNeverNull(t *testing.T) {
	r := &Result{Result: finlint.Result{Source: "a.json", Valid: true}}
	for _, n := range []string{"json", "ndjson"} {
		out := run(t, n, Options{}, []*Result{r})
		assert.NotContains(t, out, "null", n)
		assert.Contains(t, out, `"findings":`, n)
	}
}

const wantNDJSON = `{"source":"valid.json","valid":true,"findings":[]}
{"source":"bad/maría 1.json","valid":false,"findings":[{"rule":"email-lowercase","severity":"error","path":"/basic_info/email","message":"email \"José@Example.com\" has upper-case letters; the API accepts only lowercase","line":7,"column":12,"suggestion":"josé@example.com"},{"rule":"unknown-field","severity":"warning","path":"/basic_info/first_nmae","message":"unknown key \"first_nmae\"","line":9,"column":5,"suggestion":"first_name"},{"rule":"tax-document-type","severity":"info","path":"/basic_info/tax_info/0/document_type","message":"document type PASSPORT, unusual for: USA","line":12,"column":16}]}
{"source":"batch.ndjson","record":3,"valid":false,"findings":[{"rule":"json-syntax","severity":"error","path":"","message":"expected a value, found \"}\" (<bad> & worse)","line":3,"column":22}]}
{"source":"batch.ndjson","record":4,"valid":true,"findings":[],"submission":{"status":"created","http_status":200,"customer_id":"cus_123","tos_policies_url":"https://sandbox.fin.com/tos/abc"}}
{"source":"batch.ndjson","record":5,"valid":true,"findings":[],"submission":{"status":"failed","http_status":500,"error":"internal server error"}}
{"source":"missing.json","valid":false,"findings":[],"error":"cannot read input: open missing.json: no such file or directory"}
{"summary":{"payloads":6,"valid":3,"invalid":2,"errors":2,"warnings":1,"infos":1,"submitted":2,"created":1,"failed":1,"unreadable":1}}
`

func TestNDJSON(t *testing.T) {
	out := run(t, "ndjson", Options{}, fixtures())
	assert.Equal(t, wantNDJSON, out)
	sc := bufio.NewScanner(strings.NewReader(out))
	lines := 0
	for sc.Scan() {
		lines++
		assert.True(t, json.Valid(sc.Bytes()), "line %d", lines)
	}
	assert.Equal(t, len(fixtures())+1, lines)
}

// Each line of NDJSON output decodes into the same result object the json
// format prints inside its document.
func TestNDJSONMatchesJSONResults(t *testing.T) {
	var doc struct {
		Results []json.RawMessage `json:"results"`
		Summary json.RawMessage   `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(run(t, "json", Options{}, fixtures())), &doc))
	lines := strings.Split(strings.TrimSuffix(run(t, "ndjson", Options{}, fixtures()), "\n"), "\n")
	require.Len(t, lines, len(doc.Results)+1)
	for i, r := range doc.Results {
		assert.JSONEq(t, string(r), lines[i])
	}
	assert.JSONEq(t, `{"summary":`+string(doc.Summary)+`}`, lines[len(lines)-1])
}

func TestNDJSONNoResults(t *testing.T) {
	assert.Equal(t, `{"summary":{"payloads":0,"valid":0,"invalid":0,"errors":0,"warnings":0,"infos":0,"submitted":0}}`+"\n",
		run(t, "ndjson", Options{}, []*Result{}))
}
