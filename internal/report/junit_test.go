package report

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint"
)

// The test reads the XML back with its own types, as a CI system would,
// rather than with the ones that wrote it.
type readSuites struct {
	XMLName  xml.Name    `xml:"testsuites"`
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Suites   []readSuite `xml:"testsuite"`
}

type readSuite struct {
	Name       string `xml:"name,attr"`
	Tests      int    `xml:"tests,attr"`
	Failures   int    `xml:"failures,attr"`
	Errors     int    `xml:"errors,attr"`
	Properties []struct {
		Name  string `xml:"name,attr"`
		Value string `xml:"value,attr"`
	} `xml:"properties>property"`
	Cases []readCase `xml:"testcase"`
}

type readProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type readCase struct {
	Name      string       `xml:"name,attr"`
	Classname string       `xml:"classname,attr"`
	File      string       `xml:"file,attr"`
	Failure   *readProblem `xml:"failure"`
	Error     *readProblem `xml:"error"`
	SystemOut string       `xml:"system-out"`
}

func TestJUnit(t *testing.T) {
	out := run(t, "junit", Options{Version: "v1.2.3"}, fixtures())
	require.True(t, strings.HasPrefix(out, xml.Header))
	// Markup in messages is escaped, not emitted.
	assert.Contains(t, out, "(&lt;bad&gt; &amp; worse)")

	var doc readSuites
	require.NoError(t, xml.Unmarshal([]byte(out), &doc))
	assert.Equal(t, "finlint", doc.Name)
	assert.Equal(t, 6, doc.Tests)
	assert.Equal(t, 3, doc.Failures, "two invalid payloads and a failed submission")
	assert.Equal(t, 1, doc.Errors, "the unreadable input")

	require.Len(t, doc.Suites, 4)
	names := []string{}
	tests, failures, errs := 0, 0, 0
	for _, s := range doc.Suites {
		names = append(names, s.Name)
		assert.Equal(t, len(s.Cases), s.Tests, s.Name)
		f, e := 0, 0
		for _, c := range s.Cases {
			assert.Equal(t, "finlint", c.Classname)
			assert.Equal(t, s.Name, c.File)
			if c.Failure != nil {
				f++
			}
			if c.Error != nil {
				e++
			}
		}
		assert.Equal(t, f, s.Failures, s.Name)
		assert.Equal(t, e, s.Errors, s.Name)
		tests, failures, errs = tests+s.Tests, failures+s.Failures, errs+s.Errors
		require.Len(t, s.Properties, 1)
		assert.Equal(t, "v1.2.3", s.Properties[0].Value)
	}
	assert.Equal(t, []string{"valid.json", "bad/maría 1.json", "batch.ndjson", "missing.json"}, names)
	assert.Equal(t, [3]int{doc.Tests, doc.Failures, doc.Errors}, [3]int{tests, failures, errs})

	valid := doc.Suites[0].Cases[0]
	assert.Equal(t, "valid.json", valid.Name)
	assert.Nil(t, valid.Failure)
	assert.Nil(t, valid.Error)
	assert.Empty(t, valid.SystemOut)

	bad := doc.Suites[1].Cases[0]
	require.NotNil(t, bad.Failure)
	assert.Equal(t, "email-lowercase", bad.Failure.Type, "only error-level rules fail the test")
	assert.Equal(t, `1 error: email "José@Example.com" has upper-case letters; the API accepts only lowercase (email-lowercase)`, bad.Failure.Message)
	assert.Equal(t, "bad/maría 1.json:7:12: error: email \"José@Example.com\" has upper-case letters; the API accepts only lowercase (email-lowercase)\n"+
		"    suggestion: josé@example.com", bad.Failure.Text)
	assert.Equal(t, "bad/maría 1.json:9:5: warning: unknown key \"first_nmae\" (unknown-field)\n"+
		"    suggestion: first_name\n"+
		"bad/maría 1.json:12:16: info: document type PASSPORT, unusual for: USA (tax-document-type)", bad.SystemOut)

	batch := doc.Suites[2].Cases
	require.Len(t, batch, 3)
	assert.Equal(t, []string{"batch.ndjson:3", "batch.ndjson:4", "batch.ndjson:5"}, []string{batch[0].Name, batch[1].Name, batch[2].Name})
	require.NotNil(t, batch[0].Failure)
	assert.Equal(t, "json-syntax", batch[0].Failure.Type)
	assert.Equal(t, `batch.ndjson:3:22: error: expected a value, found "}" (<bad> & worse) (json-syntax)`, batch[0].Failure.Text)
	assert.Nil(t, batch[1].Failure)
	assert.Contains(t, batch[1].SystemOut, "submission created: HTTP 200, customer cus_123")
	require.NotNil(t, batch[2].Failure)
	assert.Equal(t, "submission", batch[2].Failure.Type)
	assert.Equal(t, "submission failed", batch[2].Failure.Message)
	assert.Equal(t, "batch.ndjson:5: submission failed: HTTP 500, internal server error", batch[2].Failure.Text)

	missing := doc.Suites[3].Cases[0]
	assert.Nil(t, missing.Failure)
	require.NotNil(t, missing.Error)
	assert.Equal(t, "unreadable", missing.Error.Type)
	assert.Equal(t, "cannot read input: open missing.json: no such file or directory", missing.Error.Message)
}

// Results of one source arriving apart still land in one suite, and a
// failure lists each failing rule once.
func TestJUnitGroupsBySource(t *testing.T) {
	rs := fixtures()
	rs = append(rs, &Result{Result: finlint.Result{Source: "valid.json", Record: 0, Findings: append(rs[1].Findings[:1:1], rs[2].Findings[0], rs[1].Findings[0])}})
	var doc readSuites
	require.NoError(t, xml.Unmarshal([]byte(run(t, "junit", Options{}, rs)), &doc))
	require.Len(t, doc.Suites, 4)
	assert.Equal(t, 2, doc.Suites[0].Tests)
	assert.Equal(t, 1, doc.Suites[0].Failures)
	assert.Empty(t, doc.Suites[0].Properties, "no version, no property")
	f := doc.Suites[0].Cases[1].Failure
	require.NotNil(t, f)
	assert.Equal(t, "email-lowercase, json-syntax", f.Type)
	assert.True(t, strings.HasPrefix(f.Message, "3 errors: "), f.Message)
	assert.Equal(t, 7, doc.Tests)
}

func TestJUnitNoResults(t *testing.T) {
	out := run(t, "junit", Options{}, nil)
	var doc readSuites
	require.NoError(t, xml.Unmarshal([]byte(out), &doc))
	assert.Equal(t, 0, doc.Tests)
	assert.Empty(t, doc.Suites)
}

// Characters XML cannot carry are replaced, so the document stays readable.
func TestJUnitInvalidXMLCharacters(t *testing.T) {
	r := &Result{Result: finlint.Result{Source: "a\x01.json", Error: "bad byte \x00 here"}}
	var doc readSuites
	require.NoError(t, xml.Unmarshal([]byte(run(t, "junit", Options{}, []*Result{r})), &doc))
	require.Len(t, doc.Suites, 1)
	assert.Equal(t, "a\uFFFD.json", doc.Suites[0].Name)
}
