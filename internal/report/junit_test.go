package report

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint"
	"github.com/finlint/finlint/rules"
)

// The schemas each format is checked against; testdata/junit/LICENSE says
// where they come from.
const (
	junitSchema         = "testdata/junit/jenkins-junit.xsd"
	junitExtendedSchema = "testdata/junit/jenkins-junit-extended.xsd"
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
	File      *string      `xml:"file,attr"`
	Line      *string      `xml:"line,attr"`
	Failure   *readProblem `xml:"failure"`
	Error     *readProblem `xml:"error"`
	SystemOut string       `xml:"system-out"`
}

func readJUnit(t *testing.T, out string) readSuites {
	t.Helper()
	var doc readSuites
	require.NoError(t, xml.Unmarshal([]byte(out), &doc))
	return doc
}

// hostileMessage has what XML cannot carry (NUL, BEL, ESC, U+FFFE, a byte
// that is not UTF-8) and what it must escape (<, >, &, quotes, ]]>, CR).
const hostileMessage = "bad \x00 nul, \x07 bell, \x1b[31m escape, \uFFFE non-char, \xff byte; <tag a=\"v\"> & ]]> 'q'\r\nnext"

// hostileMessageRead is hostileMessage as a reader gets it back: each
// character XML cannot carry is U+FFFD, the rest intact.
const hostileMessageRead = "bad \uFFFD nul, \uFFFD bell, \uFFFD[31m escape, \uFFFD non-char, \uFFFD byte; <tag a=\"v\"> & ]]> 'q'\r\nnext"

const hostileSource = "odd <&>\x01 \"name\" ]]>.ndjson"

// hostile are NDJSON records of a kind from a source with a hostile name,
// whose messages, suggestion and submission error are hostile too.
func hostile() []*Result {
	return []*Result{
		{Result: finlint.Result{Source: hostileSource, Record: 2, Kind: "individual-v2", Findings: []rules.Finding{
			{Rule: "json-syntax", Severity: rules.Error, Message: hostileMessage, Line: 2, Column: 1, Suggestion: "]]><![CDATA[x]]>"},
			{Rule: "unknown-field", Severity: rules.Warning, Message: hostileMessage, Line: 2, Column: 9},
			{Rule: "email-lowercase", Severity: rules.Error, Message: "second", Line: 2, Column: 30},
		}}, Submission: &Submission{Status: "unknown", Error: "timeout ]]> & <eof>\x02", Sent: true}},
		{Result: finlint.Result{Source: hostileSource, Record: 3, Kind: "business-v2", Valid: true, Findings: []rules.Finding{
			{Rule: "tax-document-type", Severity: rules.Info, Message: "just so", Line: 3, Column: 4},
		}}},
		{Result: finlint.Result{Source: "unreadable <dir>", Error: hostileMessage}},
	}
}

// junitRuns are the result sets every schema test covers.
func junitRuns() map[string][]*Result {
	grouped := fixtures()
	grouped = append(grouped, &Result{Result: finlint.Result{Source: "valid.json", Findings: append(grouped[1].Findings[:1:1], grouped[2].Findings[0], grouped[1].Findings[0])}})
	return map[string][]*Result{
		"fixtures": fixtures(),
		"hostile":  hostile(),
		"grouped":  grouped,
		"empty":    nil,
		"all":      append(fixtures(), hostile()...),
	}
}

func TestJUnit(t *testing.T) {
	out := run(t, "junit", Options{Version: "v1.2.3"}, fixtures())
	require.True(t, strings.HasPrefix(out, xml.Header))
	// Markup in messages is escaped, not emitted.
	assert.Contains(t, out, "(&lt;bad&gt; &amp; worse)")

	doc := readJUnit(t, out)
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
			assert.Nil(t, c.File, "the schema has no file attribute on a test case")
			assert.Nil(t, c.Line, "nor a line attribute")
			assert.True(t, strings.HasPrefix(c.Name, s.Name), "the test case's name starts with its file: %s", c.Name)
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
		assert.Equal(t, "finlint.version", s.Properties[0].Name)
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
	assert.Equal(t, "bad/maría 1.json", bad.Name)
	require.NotNil(t, bad.Failure)
	assert.Equal(t, "email-lowercase", bad.Failure.Type, "only error-level rules fail the test")
	assert.Equal(t, `1 error: bad/maría 1.json:7:12: email "José@Example.com" has upper-case letters; the API accepts only lowercase (email-lowercase)`, bad.Failure.Message)
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
	assert.Equal(t, `1 error: batch.ndjson:3:22: expected a value, found "}" (<bad> & worse) (json-syntax)`, batch[0].Failure.Message)
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
	assert.Equal(t, "missing.json: error: cannot read input: open missing.json: no such file or directory", missing.Error.Text)
}

// junit-extended is junit plus file and line on each test case: the line
// of the first error, else of the first finding, else of the NDJSON record.
func TestJUnitExtended(t *testing.T) {
	rs := append(fixtures(), hostile()...)
	out := run(t, "junit-extended", Options{Version: "v1.2.3"}, rs)
	doc := readJUnit(t, out)

	type fileLine struct{ file, line string }
	var got []fileLine
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			require.NotNil(t, c.File, c.Name)
			fl := fileLine{file: *c.File}
			if c.Line != nil {
				fl.line = *c.Line
			}
			got = append(got, fl)
		}
	}
	hostileRead := "odd <&>\uFFFD \"name\" ]]>.ndjson"
	assert.Equal(t, []fileLine{
		{"valid.json", ""},
		{"bad/maría 1.json", "7"},
		{"batch.ndjson", "3"},
		{"batch.ndjson", "4"},
		{"batch.ndjson", "5"},
		{"missing.json", ""},
		{hostileRead, "2"},
		{hostileRead, "3"},
		{"unreadable <dir>", ""},
	}, got)

	// Apart from the two attributes, the documents are the same.
	plain := run(t, "junit", Options{Version: "v1.2.3"}, rs)
	stripped := regexp.MustCompile(` (file|line)="[^"]*"`).ReplaceAllString(out, "")
	assert.Equal(t, plain, stripped)
	assert.NotEqual(t, plain, out)
}

func TestJUnitLine(t *testing.T) {
	w := rules.Finding{Severity: rules.Warning, Line: 3}
	e := rules.Finding{Severity: rules.Error, Line: 9}
	for _, c := range []struct {
		r    finlint.Result
		want int
	}{
		{finlint.Result{}, 0},
		{finlint.Result{Record: 4}, 4},
		{finlint.Result{Findings: []rules.Finding{w}}, 3},
		{finlint.Result{Findings: []rules.Finding{w, e}}, 9},
		{finlint.Result{Record: 4, Findings: []rules.Finding{{Severity: rules.Error}}}, 4},
	} {
		assert.Equal(t, c.want, (&junitFormat{}).junitLine(&Result{Result: c.r}), "%+v", c.r)
	}
}

// Results of one source arriving apart still land in one suite, and a
// failure lists each failing rule once.
func TestJUnitGroupsBySource(t *testing.T) {
	doc := readJUnit(t, run(t, "junit", Options{}, junitRuns()["grouped"]))
	require.Len(t, doc.Suites, 4)
	assert.Equal(t, 2, doc.Suites[0].Tests)
	assert.Equal(t, 1, doc.Suites[0].Failures)
	assert.Empty(t, doc.Suites[0].Properties, "no version, no property")
	f := doc.Suites[0].Cases[1].Failure
	require.NotNil(t, f)
	assert.Equal(t, "email-lowercase, json-syntax", f.Type)
	assert.True(t, strings.HasPrefix(f.Message, "3 errors: valid.json:7:12: "), f.Message)
	assert.Equal(t, 7, doc.Tests)
}

func TestJUnitNoResults(t *testing.T) {
	for _, format := range []string{"junit", "junit-extended"} {
		doc := readJUnit(t, run(t, format, Options{}, nil))
		assert.Equal(t, 0, doc.Tests, format)
		assert.Empty(t, doc.Suites, format)
	}
}

// Characters XML cannot carry are replaced, and markup is escaped, so the
// document stays readable and says what the payload said.
func TestJUnitInvalidXMLCharacters(t *testing.T) {
	r := &Result{Result: finlint.Result{Source: "a\x01.json", Error: "bad byte \x00 here"}}
	doc := readJUnit(t, run(t, "junit", Options{}, []*Result{r}))
	require.Len(t, doc.Suites, 1)
	assert.Equal(t, "a\uFFFD.json", doc.Suites[0].Name)
	assert.Equal(t, "bad byte \uFFFD here", doc.Suites[0].Cases[0].Error.Message)

	out := run(t, "junit", Options{}, hostile())
	assert.True(t, utf8.ValidString(out))
	assert.NotContains(t, out, "]]>", "escaped wherever it appears")
	assert.NotContains(t, out, "<tag")
	assert.NotContains(t, out, "<eof>")
	doc = readJUnit(t, out)
	require.Len(t, doc.Suites, 2)
	s := doc.Suites[0]
	assert.Equal(t, "odd <&>\uFFFD \"name\" ]]>.ndjson", s.Name)
	require.Len(t, s.Cases, 2)
	c := s.Cases[0]
	assert.Equal(t, s.Name+":2", c.Name)
	require.NotNil(t, c.Failure)
	assert.Equal(t, "2 errors: "+s.Name+":2:1: "+hostileMessageRead+" (json-syntax), submission unknown", c.Failure.Message)
	assert.Equal(t, "json-syntax, email-lowercase, submission", c.Failure.Type)
	assert.Equal(t, s.Name+":2:1: error: "+hostileMessageRead+" (json-syntax)\n"+
		"    suggestion: ]]><![CDATA[x]]>\n"+
		s.Name+":2:30: error: second (email-lowercase)\n"+
		s.Name+":2: submission unknown: timeout ]]> & <eof>\uFFFD", c.Failure.Text)
	assert.Equal(t, s.Name+":2: kind individual-v2\n"+
		s.Name+":2:9: warning: "+hostileMessageRead+" (unknown-field)", c.SystemOut)
	assert.Nil(t, s.Cases[1].Failure)
	assert.Equal(t, s.Name+":3: kind business-v2\n"+s.Name+":3:4: info: just so (tax-document-type)", s.Cases[1].SystemOut)
	u := doc.Suites[1].Cases[0]
	require.NotNil(t, u.Error)
	assert.Equal(t, hostileMessageRead, u.Error.Message)
	assert.Equal(t, "unreadable <dir>: error: "+hostileMessageRead, u.Error.Text)
}

// Each format is valid against its schema, and junit also against the
// older one junit-extended follows; junit-extended is not valid against
// the current schema, which is why junit exists.
func TestJUnitSchemas(t *testing.T) {
	current := loadXSD(t, junitSchema)
	extended := loadXSD(t, junitExtendedSchema)
	for name, rs := range junitRuns() {
		for _, o := range []Options{{}, {Version: "v1.2.3"}} {
			plain := run(t, "junit", o, rs)
			assert.NoError(t, current.validate(plain), "junit, %s", name)
			assert.NoError(t, extended.validate(plain), "junit against the extended schema, %s", name)
			assert.NoError(t, extended.validate(run(t, "junit-extended", o, rs)), "junit-extended, %s", name)
		}
	}
	err := current.validate(run(t, "junit-extended", Options{}, fixtures()))
	require.Error(t, err)
	assert.ErrorContains(t, err, `testcase[1]: attribute "file" is not allowed`)
	assert.ErrorContains(t, err, `attribute "line" is not allowed`)
}

// mutations break a junit document in ways a schema must refuse. Each
// takes the document and returns the broken one; want is part of the
// walker's complaint.
var junitMutations = []struct {
	name, want string
	mutate     func(string) string
}{
	{"file on a test case", `attribute "file" is not allowed`, func(s string) string {
		return strings.Replace(s, `<testcase name="valid.json"`, `<testcase file="valid.json" name="valid.json"`, 1)
	}},
	{"properties in a test case", `children [properties] do not fit`, func(s string) string {
		return strings.Replace(s, `classname="finlint"></testcase>`, `classname="finlint"><properties><property name="k" value="v"></property></properties></testcase>`, 1)
	}},
	{"a suite without its required count", `required attribute "tests" is missing`, func(s string) string {
		return strings.Replace(s, `<testsuite name="valid.json" tests="1"`, `<testsuite name="valid.json"`, 1)
	}},
	{"a test case without a name", `required attribute "name" is missing`, func(s string) string {
		return strings.Replace(s, `<testcase name="valid.json"`, `<testcase`, 1)
	}},
	{"a test case outside a suite", `children [testsuite testsuite testsuite testsuite testcase] do not fit`, func(s string) string {
		return strings.Replace(s, `</testsuites>`, `<testcase name="x"></testcase></testsuites>`, 1)
	}},
	{"a time that is not one", `attribute "time": "soon" does not match`, func(s string) string {
		return strings.Replace(s, `<testsuite name="valid.json"`, `<testsuite time="soon" name="valid.json"`, 1)
	}},
	{"text where only elements go", `text is not allowed`, func(s string) string {
		return strings.Replace(s, `</testsuites>`, `stray</testsuites>`, 1)
	}},
	{"an unknown element", `children [testsuite testsuite testsuite testsuite report] do not fit`, func(s string) string {
		return strings.Replace(s, `</testsuites>`, `<report></report></testsuites>`, 1)
	}},
}

// The schema checks must be able to fail: each broken document is refused.
func TestJUnitSchemaRejects(t *testing.T) {
	current := loadXSD(t, junitSchema)
	out := run(t, "junit", Options{Version: "v1"}, fixtures())
	require.NoError(t, current.validate(out))
	for _, m := range junitMutations {
		broken := m.mutate(out)
		require.NotEqual(t, out, broken, "the mutation %q no longer applies", m.name)
		assert.ErrorContains(t, current.validate(broken), m.want, m.name)
	}
}

// With xmllint at hand, a full XML Schema validator agrees.
func TestJUnitXmllint(t *testing.T) {
	path, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint is not installed")
	}
	validate := func(schema, doc string) error {
		cmd := exec.Command(path, "--noout", "--schema", schema, "-")
		cmd.Stdin = strings.NewReader(doc)
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("%w: %s", err, out)
		}
		return nil
	}
	for name, rs := range junitRuns() {
		plain := run(t, "junit", Options{Version: "v1.2.3"}, rs)
		assert.NoError(t, validate(junitSchema, plain), "junit, %s", name)
		assert.NoError(t, validate(junitExtendedSchema, plain), "junit against the extended schema, %s", name)
		assert.NoError(t, validate(junitExtendedSchema, run(t, "junit-extended", Options{Version: "v1.2.3"}, rs)), "junit-extended, %s", name)
	}
	// Refused by the schema, not for being broken XML.
	err = validate(junitSchema, run(t, "junit-extended", Options{}, fixtures()))
	assert.ErrorContains(t, err, "Schemas validity error : Element 'testcase', attribute 'file'", "file and line are not in the current schema")
	out := run(t, "junit", Options{Version: "v1"}, fixtures())
	for _, m := range junitMutations {
		assert.ErrorContains(t, validate(junitSchema, m.mutate(out)), "Schemas validity error", m.name)
	}
}

// The walker follows the constructs it claims to: order in a sequence,
// xs:all, simple content with attributes, occurrence bounds, and it
// refuses a schema construct it does not know rather than pass anything.
func TestXSDWalker(t *testing.T) {
	s, err := compileXSD([]byte(`<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:simpleType name="small">
    <xs:restriction base="xs:string"><xs:enumeration value="a"/><xs:enumeration value="b"/></xs:restriction>
  </xs:simpleType>
  <xs:complexType name="note">
    <xs:simpleContent>
      <xs:extension base="xs:string"><xs:attribute name="level" type="small" use="required"/></xs:extension>
    </xs:simpleContent>
  </xs:complexType>
  <xs:element name="root">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="head" type="xs:string"/>
        <xs:element name="note" type="note" minOccurs="0" maxOccurs="2"/>
        <xs:element ref="tail"/>
      </xs:sequence>
      <xs:attribute name="n" type="xs:int"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="tail">
    <xs:complexType>
      <xs:all><xs:element name="x" type="xs:string"/><xs:element name="y" type="xs:string" minOccurs="0"/></xs:all>
    </xs:complexType>
  </xs:element>
</xs:schema>`))
	require.NoError(t, err)
	const ok = `<root n="3"><head>h</head><note level="a">x</note><tail><y/><x/></tail></root>`
	require.NoError(t, s.validate(ok))
	require.NoError(t, s.validate(xml.Header+ok+"\n<!-- after -->\n"))
	require.NoError(t, s.validate(`<root><head/><tail><x/></tail></root>`), "optional parts left out")
	for _, c := range []struct{ doc, want string }{
		{`<root><tail><x/></tail><head/></root>`, "root: children [tail head] do not fit"},
		{`<root><head/><note level="a"/><note level="b"/><note level="a"/><tail><x/></tail></root>`, "root: children [head note note note tail] do not fit"},
		{`<root><head/><tail><y/></tail></root>`, "root/tail[1]: children [y] do not fit"},
		{`<root><head/><tail><x/><x/></tail></root>`, "root/tail[1]: children [x x] do not fit"},
		{`<root><head/><note level="c"/><tail><x/></tail></root>`, `root/note[1]: attribute "level": "c" is not one of`},
		{`<root><head/><note/><tail><x/></tail></root>`, `root/note[1]: required attribute "level" is missing`},
		{`<root><head/><note level="b" extra="1">x</note><tail><x/></tail></root>`, `root/note[1]: attribute "extra" is not allowed`},
		{`<root><head/><note level="a"><b/></note><tail><x/></tail></root>`, "root/note[1]: simple content has child elements"},
		{`<root><head>h<i/></head><tail><x/></tail></root>`, "root/head[1]: simple content has child elements"},
		{`<root n="three"><head/><tail><x/></tail></root>`, `root: attribute "n": "three" is not an integer`},
		{`<root><head>h</head><tail><x/></tail>text</root>`, "root: text is not allowed"},
		{`<root xmlns="urn:x"><head/><tail><x/></tail></root>`, "namespace"},
		{`<other/>`, `no global element "other"`},
		{`<root><head>h</head><tail><x/></tail></root><root/>`, "after the root element"},
		{`<root><head>h</head><tail><x/></tail>`, "unexpected EOF"},
	} {
		assert.ErrorContains(t, s.validate(c.doc), c.want, c.doc)
	}

	for schema, want := range map[string]string{
		`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:group name="g"/></xs:schema>`:                                                                                    `unsupported "group"`,
		`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="e"><xs:complexType><xs:complexContent/></xs:complexType></xs:element></xs:schema>`:                 `unsupported "complexContent"`,
		`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="e" type="xs:duration"/></xs:schema>`:                                                               `unsupported built-in type "duration"`,
		`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="e" nillable="true"/></xs:schema>`:                                                                  `unsupported attribute "nillable"`,
		`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x"/>`:                                                                                           `unsupported attribute "targetNamespace"`,
		`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="e" type="missing"/></xs:schema>`:                                                                   `unknown type "missing"`,
		`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="e"><xs:complexType><xs:sequence><xs:any/></xs:sequence></xs:complexType></xs:element></xs:schema>`: `unsupported "any"`,
	} {
		_, err := compileXSD([]byte(schema))
		assert.ErrorContains(t, err, want, schema)
	}
}

// An XSD walker for the constructs JUnit schemas use: global and local
// xs:element (name, ref, type, minOccurs, maxOccurs), named and inline
// xs:complexType (mixed, xs:sequence, xs:choice, xs:all, xs:attribute with
// use, xs:simpleContent with xs:extension) and xs:simpleType restrictions
// (xs:pattern, xs:enumeration). It checks a document's elements, their
// order and number, their attributes, required ones included, and where
// text may go. Any other construct makes compileXSD fail, so that nothing
// passes unchecked.

const xsdNS = "http://www.w3.org/2001/XMLSchema"

type xsdNode struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Children []xsdNode  `xml:",any"`
}

// get returns an attribute of the node, or "".
func (n *xsdNode) get(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Space == "" && a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// only fails for an attribute of the node that is not in allowed, so that
// a construct the walker does not follow cannot pass unnoticed.
func (n *xsdNode) only(allowed ...string) error {
	for _, a := range n.Attrs {
		if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
			continue
		}
		if a.Name.Space != "" || !contains(allowed, a.Name.Local) {
			return fmt.Errorf("xs:%s: unsupported attribute %q", n.XMLName.Local, a.Name.Local)
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

type xsdSchema struct {
	prefixes map[string]string // namespace prefix to URI, from the root
	elements map[string]*xsdDecl
	complex  map[string]*xsdType
	simple   map[string]*xsdSimple
}

type xsdDecl struct {
	name string
	typ  *xsdType
}

// xsdType is a complex type, or the simple content of an element whose
// type is simple.
type xsdType struct {
	any     bool       // xs:anyType: anything goes
	simple  *xsdSimple // text only, of this type
	mixed   bool
	content *xsdParticle // nil: no child elements
	attrs   map[string]*xsdAttr
}

type xsdAttr struct {
	required bool
	typ      *xsdSimple
}

type xsdSimple struct {
	name  string
	check func(string) error
}

type xsdParticle struct {
	kind     string // element, sequence, choice or all
	name     string // of an element
	local    *xsdDecl
	items    []*xsdParticle
	min, max int // max < 0: unbounded
}

func loadXSD(t *testing.T, path string) *xsdSchema {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	s, err := compileXSD(b)
	require.NoError(t, err, path)
	return s
}

func compileXSD(b []byte) (*xsdSchema, error) {
	var root xsdNode
	if err := xml.Unmarshal(b, &root); err != nil {
		return nil, err
	}
	if root.XMLName.Space != xsdNS || root.XMLName.Local != "schema" {
		return nil, fmt.Errorf("not an XML Schema: %v", root.XMLName)
	}
	if err := root.only("elementFormDefault", "attributeFormDefault", "version"); err != nil {
		return nil, err
	}
	s := &xsdSchema{prefixes: map[string]string{}, elements: map[string]*xsdDecl{}, complex: map[string]*xsdType{}, simple: map[string]*xsdSimple{}}
	for _, a := range root.Attrs {
		if a.Name.Space == "xmlns" {
			s.prefixes[a.Name.Local] = a.Value
		} else if a.Name.Space == "" && a.Name.Local == "xmlns" {
			s.prefixes[""] = a.Value
		}
	}
	// Simple types first, then complex ones, then elements: each may use
	// the ones before by name; elements refer to elements only by name, so
	// recursion (a suite in a suite) needs nothing more.
	var named, elements []*xsdNode
	for i := range root.Children {
		n := &root.Children[i]
		if n.XMLName.Space != xsdNS {
			return nil, fmt.Errorf("unsupported element %v", n.XMLName)
		}
		switch n.XMLName.Local {
		case "annotation":
		case "simpleType":
			st, err := s.compileSimple(n)
			if err != nil {
				return nil, err
			}
			s.simple[n.get("name")] = st
		case "complexType":
			named = append(named, n)
		case "element":
			elements = append(elements, n)
		default:
			return nil, fmt.Errorf("unsupported %q in xs:schema", n.XMLName.Local)
		}
	}
	for _, n := range named {
		if n.get("name") == "" {
			return nil, errors.New("xs:complexType at the top without a name")
		}
		ct, err := s.compileComplex(n, true)
		if err != nil {
			return nil, err
		}
		s.complex[n.get("name")] = ct
	}
	for _, n := range elements {
		d, err := s.compileDecl(n)
		if err != nil {
			return nil, err
		}
		s.elements[d.name] = d
	}
	return s, nil
}

// qname splits a type's name into built-in (in the schema namespace) or
// the schema's own.
func (s *xsdSchema) qname(q string) (local string, builtin bool, err error) {
	prefix, local, ok := strings.Cut(q, ":")
	if !ok {
		prefix, local = "", q
	}
	ns, declared := s.prefixes[prefix]
	switch {
	case declared && ns == xsdNS:
		return local, true, nil
	case !declared && prefix == "":
		// No target namespace: an unprefixed name is the schema's own.
		return local, false, nil
	}
	return "", false, fmt.Errorf("name %q is in a namespace this walker does not know", q)
}

func (s *xsdSchema) simpleType(q string) (*xsdSimple, error) {
	local, builtin, err := s.qname(q)
	if err != nil {
		return nil, err
	}
	if builtin {
		return builtinSimple(local)
	}
	if st := s.simple[local]; st != nil {
		return st, nil
	}
	return nil, fmt.Errorf("unknown type %q", q)
}

var xsdInteger = regexp.MustCompile(`^[+-]?[0-9]+$`)

func builtinSimple(local string) (*xsdSimple, error) {
	switch local {
	case "string", "anySimpleType":
		return &xsdSimple{name: local, check: func(string) error { return nil }}, nil
	case "int", "integer", "nonNegativeInteger":
		return &xsdSimple{name: local, check: func(v string) error {
			v = strings.TrimSpace(v)
			if !xsdInteger.MatchString(v) {
				return fmt.Errorf("%q is not an integer", v)
			}
			n, err := strconv.ParseInt(v, 10, 64)
			switch {
			case local == "int" && (err != nil || n != int64(int32(n))):
				return fmt.Errorf("%q is out of range for xs:int", v)
			case local == "nonNegativeInteger" && strings.HasPrefix(v, "-") && strings.Trim(v, "-0") != "":
				return fmt.Errorf("%q is negative", v)
			}
			return nil
		}}, nil
	}
	return nil, fmt.Errorf("unsupported built-in type %q", local)
}

func (s *xsdSchema) compileSimple(n *xsdNode) (*xsdSimple, error) {
	if err := n.only("name"); err != nil {
		return nil, err
	}
	if len(n.Children) != 1 || n.Children[0].XMLName.Local != "restriction" {
		return nil, fmt.Errorf("xs:simpleType %q: only xs:restriction is supported", n.get("name"))
	}
	r := &n.Children[0]
	if err := r.only("base"); err != nil {
		return nil, err
	}
	base, err := s.simpleType(r.get("base"))
	if err != nil {
		return nil, err
	}
	var patterns []*regexp.Regexp
	var enum []string
	for i := range r.Children {
		f := &r.Children[i]
		if err := f.only("value"); err != nil {
			return nil, err
		}
		switch f.XMLName.Local {
		case "pattern":
			// An XML Schema pattern matches the whole value.
			re, err := regexp.Compile(`^(?:` + f.get("value") + `)$`)
			if err != nil {
				return nil, fmt.Errorf("xs:pattern %q: %w", f.get("value"), err)
			}
			patterns = append(patterns, re)
		case "enumeration":
			enum = append(enum, f.get("value"))
		case "annotation":
		default:
			return nil, fmt.Errorf("unsupported facet %q", f.XMLName.Local)
		}
	}
	return &xsdSimple{name: n.get("name"), check: func(v string) error {
		if err := base.check(v); err != nil {
			return err
		}
		if len(patterns) > 0 {
			ok := false
			for _, re := range patterns {
				ok = ok || re.MatchString(v)
			}
			if !ok {
				return fmt.Errorf("%q does not match the pattern of %s", v, n.get("name"))
			}
		}
		if len(enum) > 0 && !contains(enum, v) {
			return fmt.Errorf("%q is not one of %q", v, enum)
		}
		return nil
	}}, nil
}

func (s *xsdSchema) compileComplex(n *xsdNode, top bool) (*xsdType, error) {
	allowed := []string{"mixed"}
	if top {
		allowed = append(allowed, "name")
	}
	if err := n.only(allowed...); err != nil {
		return nil, err
	}
	t := &xsdType{mixed: n.get("mixed") == "true", attrs: map[string]*xsdAttr{}}
	for i := range n.Children {
		c := &n.Children[i]
		switch c.XMLName.Local {
		case "annotation":
		case "sequence", "choice", "all":
			if t.content != nil || t.simple != nil {
				return nil, errors.New("xs:complexType with more than one content model")
			}
			p, err := s.compileParticle(c)
			if err != nil {
				return nil, err
			}
			t.content = p
		case "attribute":
			if err := s.compileAttr(c, t); err != nil {
				return nil, err
			}
		case "simpleContent":
			if t.content != nil || len(c.Children) != 1 || c.Children[0].XMLName.Local != "extension" {
				return nil, errors.New("xs:simpleContent: only one xs:extension is supported")
			}
			ext := &c.Children[0]
			if err := ext.only("base"); err != nil {
				return nil, err
			}
			st, err := s.simpleType(ext.get("base"))
			if err != nil {
				return nil, err
			}
			t.simple = st
			for j := range ext.Children {
				a := &ext.Children[j]
				if a.XMLName.Local != "attribute" {
					return nil, fmt.Errorf("unsupported %q in xs:extension", a.XMLName.Local)
				}
				if err := s.compileAttr(a, t); err != nil {
					return nil, err
				}
			}
		default:
			return nil, fmt.Errorf("unsupported %q in xs:complexType", c.XMLName.Local)
		}
	}
	return t, nil
}

func (s *xsdSchema) compileAttr(n *xsdNode, t *xsdType) error {
	if err := n.only("name", "type", "use"); err != nil {
		return err
	}
	if len(n.Children) > 0 {
		return fmt.Errorf("xs:attribute %q: inline types are not supported", n.get("name"))
	}
	st, err := builtinSimple("anySimpleType")
	if q := n.get("type"); q != "" {
		st, err = s.simpleType(q)
	}
	if err != nil {
		return err
	}
	switch n.get("use") {
	case "", "optional":
		t.attrs[n.get("name")] = &xsdAttr{typ: st}
	case "required":
		t.attrs[n.get("name")] = &xsdAttr{typ: st, required: true}
	case "prohibited":
	default:
		return fmt.Errorf("xs:attribute %q: use %q", n.get("name"), n.get("use"))
	}
	return nil
}

func occurs(n *xsdNode) (min, max int, err error) {
	min, max = 1, 1
	if v := n.get("minOccurs"); v != "" {
		if min, err = strconv.Atoi(v); err != nil {
			return 0, 0, err
		}
	}
	switch v := n.get("maxOccurs"); v {
	case "":
	case "unbounded":
		max = -1
	default:
		if max, err = strconv.Atoi(v); err != nil {
			return 0, 0, err
		}
	}
	return min, max, nil
}

func (s *xsdSchema) compileParticle(n *xsdNode) (*xsdParticle, error) {
	if n.XMLName.Space != xsdNS {
		return nil, fmt.Errorf("unsupported element %v", n.XMLName)
	}
	p := &xsdParticle{kind: n.XMLName.Local}
	var err error
	switch p.kind {
	case "element":
		if err := n.only("name", "ref", "type", "minOccurs", "maxOccurs"); err != nil {
			return nil, err
		}
		if ref := n.get("ref"); ref != "" {
			if n.get("name") != "" || n.get("type") != "" || len(n.Children) > 0 {
				return nil, fmt.Errorf("xs:element ref=%q with a declaration of its own", ref)
			}
			if p.name, _, err = s.qname(ref); err != nil {
				return nil, err
			}
		} else {
			if p.local, err = s.compileDecl(n); err != nil {
				return nil, err
			}
			p.name = p.local.name
		}
	case "sequence", "choice", "all":
		if err := n.only("minOccurs", "maxOccurs"); err != nil {
			return nil, err
		}
		for i := range n.Children {
			c := &n.Children[i]
			if c.XMLName.Local == "annotation" {
				continue
			}
			if p.kind == "all" && c.XMLName.Local != "element" {
				return nil, fmt.Errorf("xs:all holds only elements, not %q", c.XMLName.Local)
			}
			item, err := s.compileParticle(c)
			if err != nil {
				return nil, err
			}
			if p.kind == "all" && item.max != 1 {
				return nil, errors.New("an xs:all element occurs at most once")
			}
			p.items = append(p.items, item)
		}
	default:
		return nil, fmt.Errorf("unsupported %q in a content model", p.kind)
	}
	if p.min, p.max, err = occurs(n); err != nil {
		return nil, err
	}
	return p, nil
}

// compileDecl compiles an element declaration, global or local.
func (s *xsdSchema) compileDecl(n *xsdNode) (*xsdDecl, error) {
	if n.get("ref") != "" {
		return nil, errors.New("xs:element ref at the top")
	}
	if err := n.only("name", "type", "minOccurs", "maxOccurs"); err != nil {
		return nil, err
	}
	d := &xsdDecl{name: n.get("name")}
	if d.name == "" {
		return nil, errors.New("xs:element without a name")
	}
	var inline *xsdNode
	for i := range n.Children {
		switch c := &n.Children[i]; c.XMLName.Local {
		case "annotation":
		case "complexType":
			inline = c
		default:
			return nil, fmt.Errorf("xs:element %q: unsupported %q", d.name, c.XMLName.Local)
		}
	}
	switch q := n.get("type"); {
	case inline != nil && q != "":
		return nil, fmt.Errorf("xs:element %q has a type twice", d.name)
	case inline != nil:
		t, err := s.compileComplex(inline, false)
		if err != nil {
			return nil, err
		}
		d.typ = t
	case q == "":
		d.typ = &xsdType{any: true}
	default:
		local, builtin, err := s.qname(q)
		if err != nil {
			return nil, err
		}
		if builtin && local == "anyType" {
			d.typ = &xsdType{any: true}
		} else if ct := s.complex[local]; ct != nil && !builtin {
			d.typ = ct
		} else {
			st, err := s.simpleType(q)
			if err != nil {
				return nil, err
			}
			d.typ = &xsdType{simple: st}
		}
	}
	return d, nil
}

// match returns the positions in names where p, started at pos, can end.
func (p *xsdParticle) match(names []string, pos int) map[int]bool {
	step := func(from map[int]bool) map[int]bool {
		to := map[int]bool{}
		for q := range from {
			for e := range p.matchOnce(names, q) {
				to[e] = true
			}
		}
		return to
	}
	cur := map[int]bool{pos: true}
	for n := 0; n < p.min; n++ {
		if cur = step(cur); len(cur) == 0 {
			return cur
		}
	}
	result := map[int]bool{}
	for q := range cur {
		result[q] = true
	}
	// Past the minimum every end is good; a position reached again can
	// lead nowhere new, so the frontier keeps only new ones.
	frontier := cur
	for n := p.min; p.max < 0 || n < p.max; n++ {
		next := map[int]bool{}
		for e := range step(frontier) {
			if !result[e] {
				result[e] = true
				next[e] = true
			}
		}
		if len(next) == 0 {
			break
		}
		frontier = next
	}
	return result
}

func (p *xsdParticle) matchOnce(names []string, pos int) map[int]bool {
	out := map[int]bool{}
	switch p.kind {
	case "element":
		if pos < len(names) && names[pos] == p.name {
			out[pos+1] = true
		}
	case "sequence":
		cur := map[int]bool{pos: true}
		for _, it := range p.items {
			next := map[int]bool{}
			for q := range cur {
				for e := range it.match(names, q) {
					next[e] = true
				}
			}
			cur = next
		}
		out = cur
	case "choice":
		for _, it := range p.items {
			for e := range it.match(names, pos) {
				out[e] = true
			}
		}
	case "all":
		used := map[*xsdParticle]bool{}
		q := pos
	next:
		for q < len(names) {
			for _, it := range p.items {
				if it.name == names[q] && !used[it] {
					used[it] = true
					q++
					continue next
				}
			}
			break
		}
		for _, it := range p.items {
			if it.min > 0 && !used[it] {
				return out
			}
		}
		out[q] = true
	}
	return out
}

// decls lists the element declarations a content model allows, by name.
func (s *xsdSchema) decls(p *xsdParticle, into map[string]*xsdDecl) {
	if p == nil {
		return
	}
	if p.kind == "element" {
		if p.local != nil {
			into[p.name] = p.local
		} else if d := s.elements[p.name]; d != nil {
			into[p.name] = d
		}
	}
	for _, it := range p.items {
		s.decls(it, into)
	}
}

type xmlElem struct {
	name     xml.Name
	attrs    []xml.Attr
	children []*xmlElem
	text     strings.Builder
}

// parseXML reads a whole document into a tree of elements.
func parseXML(doc string) (*xmlElem, error) {
	d := xml.NewDecoder(strings.NewReader(doc))
	var root *xmlElem
	var stack []*xmlElem
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			e := &xmlElem{name: tok.Name, attrs: tok.Attr}
			switch {
			case len(stack) > 0:
				top := stack[len(stack)-1]
				top.children = append(top.children, e)
			case root != nil:
				return nil, errors.New("an element after the root element")
			default:
				root = e
			}
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(tok)
			} else if len(bytes.TrimSpace(tok)) > 0 {
				return nil, errors.New("text outside the root element")
			}
		case xml.Directive:
			return nil, errors.New("a DTD is not expected")
		}
	}
	if root == nil {
		return nil, errors.New("no root element")
	}
	if len(stack) > 0 {
		return nil, errors.New("unexpected EOF")
	}
	return root, nil
}

// validate checks a document against the schema and returns every problem
// found, joined.
func (s *xsdSchema) validate(doc string) error {
	root, err := parseXML(doc)
	if err != nil {
		return err
	}
	d := s.elements[root.name.Local]
	if d == nil {
		return fmt.Errorf("no global element %q", root.name.Local)
	}
	var problems []string
	s.check(d, root, root.name.Local, &problems)
	if len(problems) == 0 {
		return nil
	}
	return errors.New(strings.Join(problems, "\n"))
}

func (s *xsdSchema) check(d *xsdDecl, e *xmlElem, path string, problems *[]string) {
	fail := func(format string, args ...any) {
		*problems = append(*problems, path+": "+fmt.Sprintf(format, args...))
	}
	if e.name.Space != "" {
		fail("element in namespace %q, the schema has none", e.name.Space)
		return
	}
	t := d.typ
	if t.any {
		return
	}
	seen := map[string]bool{}
	for _, a := range e.attrs {
		decl := t.attrs[a.Name.Local]
		if a.Name.Space != "" || decl == nil {
			fail("attribute %q is not allowed", a.Name.Local)
			continue
		}
		seen[a.Name.Local] = true
		if err := decl.typ.check(a.Value); err != nil {
			fail("attribute %q: %v", a.Name.Local, err)
		}
	}
	var required []string
	for name, a := range t.attrs {
		if a.required && !seen[name] {
			required = append(required, name)
		}
	}
	sort.Strings(required)
	for _, name := range required {
		fail("required attribute %q is missing", name)
	}
	text := e.text.String()
	if t.simple != nil {
		if len(e.children) > 0 {
			fail("simple content has child elements")
		} else if err := t.simple.check(text); err != nil {
			fail("%v", err)
		}
		return
	}
	if !t.mixed && strings.TrimSpace(text) != "" {
		fail("text is not allowed here")
	}
	names := make([]string, len(e.children))
	for i, c := range e.children {
		names[i] = c.name.Local
	}
	fits := len(names) == 0
	if t.content != nil {
		fits = t.content.match(names, 0)[len(names)]
	}
	if !fits {
		fail("children %v do not fit the content model", names)
	}
	allowed := map[string]*xsdDecl{}
	s.decls(t.content, allowed)
	count := map[string]int{}
	for _, c := range e.children {
		count[c.name.Local]++
		if cd := allowed[c.name.Local]; cd != nil {
			s.check(cd, c, fmt.Sprintf("%s/%s[%d]", path, c.name.Local, count[c.name.Local]), problems)
		}
	}
}

// A test case fails exactly when its payload fails the run: --fail-on
// warning fails one with a warning, --fail-on none fails none for findings.
func TestJUnitFollowsFailOn(t *testing.T) {
	warn := &Result{Result: finlint.Result{Source: "w.json", Valid: true, Findings: []rules.Finding{
		{Rule: "unknown-field", Severity: rules.Warning, Path: "/x", Message: "unknown field", Line: 2, Column: 3},
	}}}
	bad := &Result{Result: finlint.Result{Source: "e.json", Findings: []rules.Finding{
		{Rule: "email-lowercase", Severity: rules.Error, Path: "/e", Message: "upper case", Line: 4, Column: 5},
	}}}
	failing := func(o Options) []string {
		var out []string
		for _, s := range readJUnit(t, run(t, "junit", o, []*Result{warn, bad})).Suites {
			for _, c := range s.Cases {
				if c.Failure != nil {
					out = append(out, c.Name+" "+c.Failure.Message)
				}
			}
		}
		return out
	}
	assert.Equal(t, []string{"e.json 1 error: e.json:4:5: upper case (email-lowercase)"}, failing(Options{}))
	assert.Equal(t, []string{"e.json 1 error: e.json:4:5: upper case (email-lowercase)"}, failing(Options{FailOn: rules.Error}))
	assert.Equal(t, []string{
		"w.json 1 finding: w.json:2:3: unknown field (unknown-field)",
		"e.json 1 finding: e.json:4:5: upper case (email-lowercase)",
	}, failing(Options{FailOn: rules.Warning}))
	assert.Empty(t, failing(Options{FailNever: true}))
}
