// Package schemagen compiles a payload kind's JSON Schema (draft 2020-12)
// to Go: one function that walks the parsed document (*jsondoc.Value) and
// returns the []schema.Error the JSON Schema library would, the way ajv
// compiles schemas to JavaScript. Each kind's package holds a
// //go:generate line that runs the command in cmd/schemagen on its schema
// and commits the result as validate_gen.go.
//
// # Keywords
//
// The generator knows type, properties, required, additionalProperties
// (true or false), enum (of strings, beside "type": "string"), items,
// minItems, $ref (to "#/$defs/…"), allOf, pattern, format (date and uri;
// email is left to a rule, as the library is told to), minimum, maximum,
// minLength and maxLength, and the annotations (title, description and
// the like). Any other keyword, a boolean schema, a $ref elsewhere or a
// cycle of $ref and allOf makes it fail, naming the keyword and where it
// sits: a schema is never validated with a keyword quietly skipped. The
// schema is read through oracle.Prepare, so the assertions the rules own
// are left out exactly as the library leaves them out, and compiled by
// the oracle too, so that a schema the library would refuse is refused
// here.
//
// # How errors mirror the library
//
// Each schema object becomes a function that checks one value at one
// location, in the library's order: a type that does not match, then an
// enum value or a format that does not, ends the check of that schema
// with that one error; otherwise the $ref target is checked, then the
// keywords of the value's type (required, properties and
// additionalProperties; minItems and items; minLength, maxLength and
// pattern; minimum and maximum), then each allOf entry. An "integer" is a
// number whose exact value is whole (42.0 and 1e2 are), a length counts
// code points, a date is what time.Parse reads as YYYY-MM-DD and a URI
// what net/url parses as absolute, all as the library reads them; the
// messages are its messages, with the numbers written as its printer
// writes them. Patterns are translated from ECMA-262 to Go once, here,
// by the oracle's own translation. An object is read as the library reads
// the map it is handed: when a key repeats, the last occurrence is the
// one checked and an unknown key is reported once. The errors are then
// sorted as the oracle sorts them, by pointer and keyword, in the order
// found otherwise; that order matters only for errors at one pointer
// under one keyword, such as two allOf entries rejecting one type, and it
// is the library's.
//
// Where the library cannot answer, the generated code does: a number
// whose exponent math/big refuses (past a million) makes the library
// panic on minimum and maximum, while the generated code compares its
// exact value.
//
// Nothing is allocated for a valid payload: a location is a chain of
// values on the stack, spelled as a JSON Pointer only for an error, and
// numbers, dates and common web addresses are read without allocating.
//
// # Drift
//
// The tests of this package regenerate every kind's validator in memory
// and fail when it differs from the committed file, and compare the
// generated validators with the oracle (schema/oracle, the library) on
// every JSON file under testdata and on thousands of payloads mutated at
// every pointer of each kind's reference payload; a fuzz target per kind
// keeps looking for a payload on which the two differ.
package schemagen

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/finlint/finlint/schema/oracle"
)

// Config says what to generate.
type Config struct {
	// Source is the schema document; Name is its file name, for the
	// header of the generated file and for errors.
	Source []byte
	Name   string
	// Package is the Go package the file belongs to, and Func the name of
	// the function it defines: func Func(root *jsondoc.Value) []schema.Error.
	// The helpers it needs are named after Func, so as not to collide
	// with the package's own names.
	Package string
	Func    string
}

// Command is a run of the schemagen command: the schema file In, the Go
// file Out, both relative to the directory it runs in (the package's, under
// go generate), the Package and the Func of Config.
type Command struct {
	In, Out, Package, Func string
}

// ParseCommand reads the arguments of the schemagen command (its
// //go:generate line without the command itself).
func ParseCommand(args []string) (Command, error) {
	var c Command
	fs := flag.NewFlagSet("schemagen", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.In, "in", "", "the schema `file`")
	fs.StringVar(&c.Out, "out", "", "the Go `file` to write")
	fs.StringVar(&c.Package, "pkg", "", "the Go package of the file")
	fs.StringVar(&c.Func, "func", "validate", "the `name` of the validator function")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if c.In == "" || c.Out == "" || c.Package == "" || fs.NArg() > 0 {
		return c, errors.New("usage: schemagen -in schema.json -out file.go -pkg name [-func name]")
	}
	return c, nil
}

// Generate returns what the command writes when it runs in dir.
func (c Command) Generate(dir string) ([]byte, error) {
	src, err := os.ReadFile(filepath.Join(dir, c.In))
	if err != nil {
		return nil, err
	}
	return Generate(Config{Source: src, Name: filepath.Base(c.In), Package: c.Package, Func: c.Func})
}

// Generate returns the gofmt'ed source of the validator of c.Source.
func Generate(c Config) ([]byte, error) {
	if !identRE.MatchString(c.Package) || !identRE.MatchString(c.Func) {
		return nil, fmt.Errorf("package %q and function %q must be Go identifiers", c.Package, c.Func)
	}
	doc, err := oracle.Prepare(c.Source)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", c.Name, err)
	}
	root, ok := doc.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: the schema must be an object", c.Name)
	}
	id, _ := root["$id"].(string)
	if id == "" {
		return nil, fmt.Errorf("%s: the schema has no $id", c.Name)
	}
	if s, ok := root["$schema"]; ok && s != "https://json-schema.org/draft/2020-12/schema" {
		return nil, fmt.Errorf("%s: $schema %v: only draft 2020-12 is supported", c.Name, s)
	}
	if _, err := oracle.Compile(id, c.Source); err != nil {
		return nil, fmt.Errorf("%s: the JSON Schema library refuses it: %w", c.Name, err)
	}
	g := &gen{cfg: c, doc: root, nodes: map[string]*node{}}
	top, err := g.node("", root)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", c.Name, err)
	}
	// Definitions no one refers to are checked as well, so that a keyword
	// the generator does not know fails the build wherever it sits.
	if defs, ok := root["$defs"].(map[string]any); ok {
		for _, name := range sortedKeys(defs) {
			if _, err := g.node("/$defs/"+name, defs[name]); err != nil {
				return nil, fmt.Errorf("%s: %w", c.Name, err)
			}
		}
	}
	for _, n := range g.sortedNodes() {
		if err := g.checkCycle(n, nil); err != nil {
			return nil, fmt.Errorf("%s: %w", c.Name, err)
		}
	}
	src := g.emit(top)
	out, err := format.Source(src)
	if err != nil {
		return nil, fmt.Errorf("%s: generated code does not parse: %w\n%s", c.Name, err, src)
	}
	return out, nil
}

var (
	identRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	// name is what a property or $defs name may be made of: characters
	// that a schema location carries as they are, so that the $defs entry
	// and the known keys of an error are found the way the library finds
	// them.
	nameRE = regexp.MustCompile(`^[A-Za-z0-9_.-]+$`)
)

// node is one schema object, at loc (a JSON Pointer into the schema).
type node struct {
	loc string
	def string // the $defs entry it sits in, as errors name it

	types  []string // in the library's order; nil without "type"
	enum   []string
	format string // an asserted format, or ""
	ref    *node

	props      []prop // sorted by name
	hasProps   bool
	required   []string
	noExtra    bool // additionalProperties: false
	items      *node
	minItems   *int
	minLength  *int
	maxLength  *int
	pattern    *pattern
	minimum    *bound
	maximum    *bound
	allOf      []*node
	assertions bool // whether it asserts anything itself

	fn       string   // the Go function, when one is emitted
	sharedBy []string // the other locations its function checks
	known    string   // the Go variable of its property names
	enumV    string   // the Go variable of its enum values
}

type prop struct {
	name string
	node *node
}

type pattern struct {
	ecma, goSrc string
	// class is the pattern's character class when it is one and nothing
	// else (as \S is): a schema.RuneClass then answers in place of a
	// regular expression.
	class []rune
	v     string // the Go variable of the compiled pattern
}

type bound struct {
	lit string // the literal, as the schema writes it
	rat string // as the library writes it in a message
}

type gen struct {
	cfg      Config
	doc      map[string]any
	nodes    map[string]*node
	patterns []*pattern
	names    map[string]bool
}

// typeOrder is the order in which the library lists the types of "type".
var typeOrder = []string{"null", "boolean", "number", "integer", "string", "array", "object"}

var annotations = map[string]bool{
	"title": true, "description": true, "$comment": true, "examples": true,
	"default": true, "deprecated": true, "readOnly": true, "writeOnly": true,
}

func (g *gen) fail(loc, msg string, args ...any) error {
	return fmt.Errorf("#%s: %s", loc, fmt.Sprintf(msg, args...))
}

// node reads the schema at loc once, whatever the number of references
// to it.
func (g *gen) node(loc string, v any) (*node, error) {
	if n, ok := g.nodes[loc]; ok {
		return n, nil
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, g.fail(loc, "a schema must be an object here, not %s", describe(v))
	}
	n := &node{loc: loc, def: defOf(loc)}
	g.nodes[loc] = n
	for _, kw := range sortedKeys(obj) {
		val := obj[kw]
		var err error
		switch kw {
		case "$schema", "$id", "$defs":
			if loc != "" {
				err = g.fail(loc, "%s is supported only at the top of the schema", kw)
			} else if kw == "$defs" {
				defs, ok := val.(map[string]any)
				if !ok {
					err = g.fail(loc, "$defs must be an object")
				}
				for d := range defs {
					if !nameRE.MatchString(d) {
						err = g.fail(loc, "$defs name %q: only letters, digits, '_', '.' and '-' are supported", d)
					}
				}
			}
		case "type":
			err = g.readType(n, val)
		case "enum":
			err = g.readEnum(n, val)
		case "format":
			f, ok := val.(string)
			switch {
			case !ok:
				err = g.fail(loc, "format must be a string")
			case !oracle.AssertsFormat(f):
				// The library accepts every string for it; so does the
				// generated code.
			case f == "date" || f == "uri":
				n.format = f
			default:
				err = g.fail(loc, "format %q is not supported (date, uri and email are)", f)
			}
		case "$ref":
			err = g.readRef(n, val)
		case "properties":
			err = g.readProps(n, val)
		case "required":
			err = g.readRequired(n, val)
		case "additionalProperties":
			b, ok := val.(bool)
			if !ok {
				err = g.fail(loc, "additionalProperties must be true or false; a schema there is not supported")
			}
			n.noExtra = !b
		case "items":
			n.items, err = g.node(loc+"/items", val)
		case "minItems":
			n.minItems, err = g.count(loc, kw, val)
		case "minLength":
			n.minLength, err = g.count(loc, kw, val)
		case "maxLength":
			n.maxLength, err = g.count(loc, kw, val)
		case "pattern":
			err = g.readPattern(n, val)
		case "minimum":
			n.minimum, err = g.bound(loc, kw, val)
		case "maximum":
			n.maximum, err = g.bound(loc, kw, val)
		case "allOf":
			arr, ok := val.([]any)
			if !ok || len(arr) == 0 {
				err = g.fail(loc, "allOf must be a non-empty array")
			}
			for i, s := range arr {
				var sub *node
				if sub, err = g.node(fmt.Sprintf("%s/allOf/%d", loc, i), s); err != nil {
					break
				}
				n.allOf = append(n.allOf, sub)
			}
		default:
			if !annotations[kw] {
				err = g.fail(loc, "keyword %q is not supported", kw)
			}
		}
		if err != nil {
			return nil, err
		}
	}
	if n.enum != nil && !slices.Equal(n.types, []string{"string"}) {
		return nil, g.fail(loc, `enum is supported only beside "type": "string"`)
	}
	n.assertions = n.types != nil || n.enum != nil || n.format != "" || n.required != nil ||
		n.noExtra || n.minItems != nil || n.minLength != nil || n.maxLength != nil ||
		n.pattern != nil || n.minimum != nil || n.maximum != nil
	return n, nil
}

func describe(v any) string {
	switch v.(type) {
	case bool:
		return "a boolean schema"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", v)
}

// defOf returns the $defs entry a schema location sits in, as the oracle
// names it for an error.
func defOf(loc string) string {
	if i := strings.LastIndex(loc, "/$defs/"); i >= 0 {
		return strings.SplitN(loc[i+len("/$defs/"):], "/", 2)[0]
	}
	return ""
}

func (g *gen) readType(n *node, v any) error {
	var list []string
	switch t := v.(type) {
	case string:
		list = []string{t}
	case []any:
		for _, x := range t {
			s, ok := x.(string)
			if !ok {
				return g.fail(n.loc, "type must list strings")
			}
			list = append(list, s)
		}
	default:
		return g.fail(n.loc, "type must be a string or an array of strings")
	}
	if len(list) == 0 {
		return g.fail(n.loc, "type lists no type")
	}
	for _, t := range list {
		if !slices.Contains(typeOrder, t) {
			return g.fail(n.loc, "type %q is not a JSON Schema type", t)
		}
	}
	for _, t := range typeOrder {
		if slices.Contains(list, t) {
			n.types = append(n.types, t)
		}
	}
	return nil
}

func (g *gen) readEnum(n *node, v any) error {
	arr, ok := v.([]any)
	if !ok || len(arr) == 0 {
		return g.fail(n.loc, "enum must be a non-empty array")
	}
	for _, x := range arr {
		s, ok := x.(string)
		if !ok {
			return g.fail(n.loc, "enum values other than strings are not supported")
		}
		n.enum = append(n.enum, s)
	}
	return nil
}

func (g *gen) readRef(n *node, v any) error {
	ref, ok := v.(string)
	const prefix = "#/$defs/"
	if !ok || !strings.HasPrefix(ref, prefix) || !nameRE.MatchString(ref[len(prefix):]) {
		return g.fail(n.loc, "$ref %v: only references to #/$defs/<name> are supported", v)
	}
	defs, _ := g.doc["$defs"].(map[string]any)
	target, ok := defs[ref[len(prefix):]]
	if !ok {
		return g.fail(n.loc, "$ref %s: no such definition", ref)
	}
	var err error
	n.ref, err = g.node(ref[1:], target)
	return err
}

func (g *gen) readProps(n *node, v any) error {
	props, ok := v.(map[string]any)
	if !ok {
		return g.fail(n.loc, "properties must be an object")
	}
	n.hasProps = true
	for _, k := range sortedKeys(props) {
		if !nameRE.MatchString(k) {
			return g.fail(n.loc, "property %q: only letters, digits, '_', '.' and '-' are supported in names", k)
		}
		c, err := g.node(n.loc+"/properties/"+k, props[k])
		if err != nil {
			return err
		}
		n.props = append(n.props, prop{k, c})
	}
	return nil
}

func (g *gen) readRequired(n *node, v any) error {
	arr, ok := v.([]any)
	if !ok {
		return g.fail(n.loc, "required must be an array")
	}
	n.required = []string{}
	for _, x := range arr {
		s, ok := x.(string)
		if !ok || slices.Contains(n.required, s) {
			return g.fail(n.loc, "required must list distinct strings")
		}
		n.required = append(n.required, s)
	}
	return nil
}

func (g *gen) count(loc, kw string, v any) (*int, error) {
	num, ok := v.(json.Number)
	if !ok {
		return nil, g.fail(loc, "%s must be a number", kw)
	}
	i, err := strconv.Atoi(num.String())
	if err != nil || i < 0 {
		return nil, g.fail(loc, "%s %s: only a non-negative integer written without a fraction or exponent is supported", kw, num)
	}
	return &i, nil
}

func (g *gen) bound(loc, kw string, v any) (*bound, error) {
	num, ok := v.(json.Number)
	if !ok {
		return nil, g.fail(loc, "%s must be a number", kw)
	}
	r, ok := new(big.Rat).SetString(num.String())
	if !ok {
		return nil, g.fail(loc, "%s %s: not a number math/big reads", kw, num)
	}
	return &bound{lit: num.String(), rat: r.RatString()}, nil
}

func (g *gen) readPattern(n *node, v any) error {
	p, ok := v.(string)
	if !ok {
		return g.fail(n.loc, "pattern must be a string")
	}
	goSrc, err := oracle.TranslateECMA(p)
	if err != nil {
		return g.fail(n.loc, "%v", err)
	}
	for _, q := range g.patterns {
		if q.ecma == p {
			n.pattern = q
			return nil
		}
	}
	n.pattern = &pattern{ecma: p, goSrc: goSrc}
	// As regexp.Compile parses it.
	if re, err := syntax.Parse(goSrc, syntax.Perl); err == nil {
		if re = re.Simplify(); re.Op == syntax.OpCharClass {
			n.pattern.class = slices.Clone(re.Rune)
		}
	}
	g.patterns = append(g.patterns, n.pattern)
	return nil
}

// checkCycle fails on a chain of $ref and allOf that comes back to a
// schema it left: the library reports such a cycle on the payload, and
// the generated functions would call each other for ever.
func (g *gen) checkCycle(n *node, path []*node) error {
	if slices.Contains(path, n) {
		return g.fail(n.loc, "$ref and allOf make a cycle")
	}
	path = append(path, n)
	if n.ref != nil {
		if err := g.checkCycle(n.ref, path); err != nil {
			return err
		}
	}
	for _, s := range n.allOf {
		if err := g.checkCycle(s, path); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) sortedNodes() []*node {
	var out []*node
	for _, loc := range sortedKeys(g.nodes) {
		out = append(out, g.nodes[loc])
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// target returns the node whose function checks n: n itself, or, for a
// schema that is only a $ref (and annotations), what it refers to; nil
// when nothing needs checking at all.
func (n *node) target() *node {
	for n != nil && !n.assertions && n.allOf == nil && !n.hasProps && n.items == nil {
		n = n.ref
	}
	return n
}

// onlyType reports whether n is an inline schema that asks for nothing
// but its type, and returns the name of that type ("String",
// "StringOrNull").
func (n *node) onlyType() (string, bool) {
	if n.types == nil || n.def != "" || n.enum != nil || n.format != "" || n.ref != nil ||
		n.hasProps || n.required != nil || n.noExtra || n.items != nil || n.minItems != nil ||
		n.minLength != nil || n.maxLength != nil || n.pattern != nil || n.minimum != nil ||
		n.maximum != nil || n.allOf != nil {
		return "", false
	}
	parts := make([]string, len(n.types))
	for i, t := range n.types {
		parts[i] = strings.ToUpper(t[:1]) + t[1:]
	}
	return strings.Join(parts, "Or"), true
}

// kinds returns the jsondoc kinds the value can be once the type check
// has passed; nil means any.
func (n *node) kinds() map[string]bool {
	if n.types == nil {
		return nil
	}
	out := map[string]bool{}
	for _, t := range n.types {
		out[kindOf[t]] = true
	}
	return out
}

var kindOf = map[string]string{
	"null": "Null", "boolean": "Bool", "number": "Number", "integer": "Number",
	"string": "String", "array": "Array", "object": "Object",
}

// guard returns the condition under which the keywords of kind k apply,
// "" when they always do, and false when they never can.
func (n *node) guard(k string) (string, bool) {
	ks := n.kinds()
	switch {
	case ks == nil:
		return "v.Kind == jsondoc." + k, true
	case !ks[k]:
		return "", false
	case len(ks) == 1:
		return "", true
	}
	return "v.Kind == jsondoc." + k, true
}

// emit writes the file.
func (g *gen) emit(top *node) []byte {
	g.names = map[string]bool{g.cfg.Func: true}
	var funcs []*node
	for _, n := range g.sortedNodes() {
		if n.target() == n {
			funcs = append(funcs, n)
		}
	}
	// The root's function is named first, so that its name does not
	// depend on the names of the others.
	slices.SortStableFunc(funcs, func(a, b *node) int {
		switch {
		case a.loc == "":
			return -1
		case b.loc == "":
			return 1
		}
		return 0
	})
	// Inline schemas that ask only for a type ({"type": "string"}) share
	// one function per type, named after it.
	shared := map[string]*node{}
	var emitted []*node
	for _, n := range funcs {
		if key, ok := n.onlyType(); ok {
			if s, ok := shared[key]; ok {
				n.fn = s.fn
				s.sharedBy = append(s.sharedBy, n.loc)
				continue
			}
			n.fn = g.newName(g.cfg.Func + "Any" + key)
			shared[key] = n
			emitted = append(emitted, n)
			continue
		}
		n.fn = g.newName(g.cfg.Func + suffix(n.loc))
		if n.noExtra {
			n.known = g.newName(n.fn + "Known")
		}
		if n.enum != nil {
			n.enumV = g.newName(n.fn + "Enum")
		}
		emitted = append(emitted, n)
	}
	funcs = emitted
	for i, p := range g.patterns {
		p.v = g.newName(fmt.Sprintf("%sPattern%d", g.cfg.Func, i))
	}

	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by schemagen from %s. DO NOT EDIT.\n\n", g.cfg.Name)
	fmt.Fprintf(&b, "package %s\n\n", g.cfg.Package)
	b.WriteString("import (\n")
	if slices.ContainsFunc(g.patterns, func(p *pattern) bool { return p.class == nil }) {
		b.WriteString("\"regexp\"\n\n")
	}
	b.WriteString("\"github.com/finlint/finlint/internal/jsondoc\"\n\"github.com/finlint/finlint/schema\"\n)\n\n")

	fmt.Fprintf(&b, "// %s checks a parsed payload against %s and returns\n", g.cfg.Func, g.cfg.Name)
	b.WriteString("// its leaf errors, ordered by pointer, then keyword, as the JSON Schema\n// library reports them.\n")
	fmt.Fprintf(&b, "func %s(root *jsondoc.Value) []schema.Error {\n", g.cfg.Func)
	b.WriteString("if root == nil {\nreturn nil\n}\n")
	b.WriteString("var errs []schema.Error\n")
	if t := top.target(); t != nil {
		fmt.Fprintf(&b, "%s(root, nil, &errs)\n", t.fn)
	}
	b.WriteString("schema.Sort(errs)\nreturn errs\n}\n\n")

	if len(g.patterns) > 0 {
		b.WriteString("// The patterns of the schema, translated from ECMA-262 when this file was generated.\nvar (\n")
		for _, p := range g.patterns {
			comment := strings.ReplaceAll(p.ecma, "\n", `\n`)
			if p.class == nil {
				fmt.Fprintf(&b, "%s = regexp.MustCompile(%s) // %s\n", p.v, strconv.Quote(p.goSrc), comment)
				continue
			}
			fmt.Fprintf(&b, "%s = schema.RuneClass{", p.v)
			for i, r := range p.class {
				if i > 0 {
					b.WriteString(", ")
				}
				fmt.Fprintf(&b, "%#x", r)
			}
			fmt.Fprintf(&b, "} // %s, as %s\n", comment, strconv.Quote(p.goSrc))
		}
		b.WriteString(")\n\n")
	}
	for _, n := range funcs {
		if n.known != "" {
			known := make([]string, 0, len(n.props))
			for _, p := range n.props {
				known = append(known, p.name)
			}
			if !n.hasProps {
				known = nil
			}
			fmt.Fprintf(&b, "// %s are the keys the schema at #%s defines.\nvar %s = %s\n\n", n.known, n.loc, n.known, stringSlice(known))
		}
		if n.enumV != "" {
			fmt.Fprintf(&b, "// %s are the values the schema at #%s allows.\nvar %s = %s\n\n", n.enumV, n.loc, n.enumV, stringSlice(n.enum))
		}
	}
	for _, n := range funcs {
		g.emitNode(&b, n)
	}
	return b.Bytes()
}

func stringSlice(list []string) string {
	if list == nil {
		return "[]string(nil)"
	}
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = strconv.Quote(s)
	}
	return "[]string{" + strings.Join(q, ", ") + "}"
}

func (g *gen) newName(base string) string {
	n := base
	for i := 2; g.names[n]; i++ {
		n = fmt.Sprintf("%s%d", base, i)
	}
	g.names[n] = true
	return n
}

// suffix turns a schema location into the end of a Go name:
// "/properties/basic_info/properties/tax_info/items" is
// "BasicInfoTaxInfoItems", "/$defs/nonBlank" "DefNonBlank".
func suffix(loc string) string {
	if loc == "" {
		return "Root"
	}
	var b strings.Builder
	for _, tok := range strings.Split(loc[1:], "/") {
		switch tok {
		case "properties":
			continue
		case "$defs":
			tok = "def"
		}
		for _, part := range strings.FieldsFunc(tok, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
		}) {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// call writes the check of v, at the location in the variable at, against
// n, if n asks for one.
func call(b *bytes.Buffer, n *node, v, at string) {
	if t := n.target(); t != nil {
		fmt.Fprintf(b, "%s(%s, %s, errs)\n", t.fn, v, at)
	}
}

func (g *gen) emitNode(b *bytes.Buffer, n *node) {
	def := strconv.Quote(n.def)
	if len(n.sharedBy) > 0 {
		fmt.Fprintf(b, "// %s checks the value at at against an inline schema that asks only\n// for its type, as that of #%s and %d others do.\n", n.fn, n.loc, len(n.sharedBy))
	} else {
		fmt.Fprintf(b, "// %s checks the value at at against #%s.\n", n.fn, n.loc)
	}
	fmt.Fprintf(b, "func %s(v *jsondoc.Value, at *schema.Loc, errs *[]schema.Error) {\n", n.fn)

	// A type, an enum value or a format that does not match is the one
	// error the library reports for the schema.
	if n.types != nil {
		var conds []string
		number := slices.Contains(n.types, "number")
		for _, t := range n.types {
			switch {
			case t == "integer" && number:
			case t == "integer":
				conds = append(conds, "v.Kind == jsondoc.Number && schema.IsInteger(v.Str)")
			default:
				conds = append(conds, "v.Kind == jsondoc."+kindOf[t])
			}
		}
		cond := "!(" + strings.Join(conds, " || ") + ")"
		if len(conds) == 1 {
			switch c := conds[0]; {
			case strings.Contains(c, "&&"):
				cond = "v.Kind != jsondoc.Number || !schema.IsInteger(v.Str)"
			default:
				cond = strings.Replace(c, "==", "!=", 1)
			}
		}
		want := make([]string, len(n.types))
		for i, t := range n.types {
			want[i] = strconv.Quote(t)
		}
		fmt.Fprintf(b, "if %s {\nschema.AddType(errs, at, %s, v.Kind.String(), %s)\nreturn\n}\n", cond, def, strings.Join(want, ", "))
	}
	if n.enum != nil {
		cases := make([]string, len(n.enum))
		for i, s := range n.enum {
			cases[i] = strconv.Quote(s)
		}
		fmt.Fprintf(b, "switch v.Str {\ncase %s:\ndefault:\nschema.AddEnum(errs, at, %s, v.Str, %s)\nreturn\n}\n", strings.Join(cases, ", "), def, n.enumV)
	}
	if n.format != "" {
		check := map[string]string{"date": "schema.IsDate", "uri": "schema.IsURI"}[n.format]
		cond := "!" + check + "(v.Str)"
		if guard, ok := n.guard("String"); !ok {
			cond = ""
		} else if guard != "" {
			cond = guard + " && " + cond
		}
		if cond != "" {
			fmt.Fprintf(b, "if %s {\nschema.AddFormat(errs, at, %s, v.Str, %q)\nreturn\n}\n", cond, def, n.format)
		}
	}
	if n.ref != nil {
		call(b, n.ref, "v", "at")
	}
	g.emitObject(b, n, def)
	g.emitArray(b, n, def)
	g.emitString(b, n, def)
	g.emitNumber(b, n, def)
	for _, s := range n.allOf {
		call(b, s, "v", "at")
	}
	b.WriteString("}\n\n")
}

// open writes the start of a block of keywords that apply only to values
// of kind k, and returns its end; ok is false when they never apply.
func open(b *bytes.Buffer, n *node, k string) (end string, ok bool) {
	guard, ok := n.guard(k)
	if !ok {
		return "", false
	}
	if guard == "" {
		return "", true
	}
	fmt.Fprintf(b, "if %s {\n", guard)
	return "}\n", true
}

func (g *gen) emitObject(b *bytes.Buffer, n *node, def string) {
	index := map[string]int{}
	checked := false
	for i, p := range n.props {
		index[p.name] = i
		checked = checked || p.node.target() != nil
	}
	loop := checked || n.noExtra
	for _, r := range n.required {
		if _, ok := index[r]; ok {
			loop = true
		}
	}
	if !loop && len(n.required) == 0 {
		return
	}
	end, ok := open(b, n, "Object")
	if !ok {
		return
	}
	if loop {
		if len(n.props) > 0 {
			fmt.Fprintf(b, "var seen [%d]bool\n", len(n.props))
		}
		// From the last member back, so that the first time a key is met
		// is its last occurrence, the one the library sees.
		b.WriteString("for i := len(v.Members) - 1; i >= 0; i-- {\nm := &v.Members[i]\nswitch m.Key {\n")
		for i, p := range n.props {
			fmt.Fprintf(b, "case %s:\nif seen[%d] {\ncontinue\n}\nseen[%d] = true\n", strconv.Quote(p.name), i, i)
			if t := p.node.target(); t != nil {
				fmt.Fprintf(b, "c := at.Key(m.Key)\n%s(m.Value, &c, errs)\n", t.fn)
			}
		}
		if n.noExtra {
			b.WriteString("default:\n// An unknown key is reported once, at its last occurrence.\n")
			fmt.Fprintf(b, "if v.Get(m.Key) == m.Value {\nschema.AddUnknown(errs, at, %s, m.Key, %s)\n}\n", def, n.known)
		}
		b.WriteString("}\n}\n")
	}
	for _, r := range n.required {
		if i, ok := index[r]; ok {
			fmt.Fprintf(b, "if !seen[%d] {\n", i)
		} else {
			fmt.Fprintf(b, "if v.Get(%s) == nil {\n", strconv.Quote(r))
		}
		fmt.Fprintf(b, "schema.AddRequired(errs, at, %s, %s)\n}\n", def, strconv.Quote(r))
	}
	b.WriteString(end)
}

func (g *gen) emitArray(b *bytes.Buffer, n *node, def string) {
	var items *node
	if n.items != nil {
		items = n.items.target()
	}
	if n.minItems == nil && items == nil {
		return
	}
	end, ok := open(b, n, "Array")
	if !ok {
		return
	}
	if n.minItems != nil {
		fmt.Fprintf(b, "if len(v.Items) < %d {\nschema.AddMinItems(errs, at, %s, %d)\n}\n", *n.minItems, def, *n.minItems)
	}
	if items != nil {
		fmt.Fprintf(b, "for i, it := range v.Items {\nc := at.Index(i)\n%s(it, &c, errs)\n}\n", items.fn)
	}
	b.WriteString(end)
}

func (g *gen) emitString(b *bytes.Buffer, n *node, def string) {
	if n.minLength == nil && n.maxLength == nil && n.pattern == nil {
		return
	}
	end, ok := open(b, n, "String")
	if !ok {
		return
	}
	if n.minLength != nil || n.maxLength != nil {
		b.WriteString("length := schema.Length(v.Str)\n")
	}
	if n.minLength != nil {
		fmt.Fprintf(b, "if length < %d {\nschema.AddMinLength(errs, at, %s, length, %d)\n}\n", *n.minLength, def, *n.minLength)
	}
	if n.maxLength != nil {
		fmt.Fprintf(b, "if length > %d {\nschema.AddMaxLength(errs, at, %s, length, %d)\n}\n", *n.maxLength, def, *n.maxLength)
	}
	if p := n.pattern; p != nil {
		fmt.Fprintf(b, "if !%s.MatchString(v.Str) {\nschema.AddPattern(errs, at, %s, v.Str, %s)\n}\n", p.v, def, strconv.Quote(p.ecma))
	}
	b.WriteString(end)
}

func (g *gen) emitNumber(b *bytes.Buffer, n *node, def string) {
	if n.minimum == nil && n.maximum == nil {
		return
	}
	end, ok := open(b, n, "Number")
	if !ok {
		return
	}
	if m := n.minimum; m != nil {
		fmt.Fprintf(b, "if schema.Compare(v.Str, %s) < 0 {\nschema.AddMinimum(errs, at, %s, v.Str, %s)\n}\n", strconv.Quote(m.lit), def, strconv.Quote(m.rat))
	}
	if m := n.maximum; m != nil {
		fmt.Fprintf(b, "if schema.Compare(v.Str, %s) > 0 {\nschema.AddMaximum(errs, at, %s, v.Str, %s)\n}\n", strconv.Quote(m.lit), def, strconv.Quote(m.lit))
	}
	b.WriteString(end)
}
