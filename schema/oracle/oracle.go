// Package oracle validates payloads with the JSON Schema library
// (github.com/santhosh-tekuri/jsonschema/v6, draft 2020-12), as finlint did
// before its validators were generated. It stays as the reference the
// generated validators are held to: their tests and fuzz targets compare
// the two on every fixture and on thousands of mutated payloads, and the
// generator reads each schema through Prepare, as Compile does. Nothing
// that ships in the finlint binary imports it, so the library and its
// package initialisation are not linked there.
package oracle

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/finlint/finlint/schema"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Schema is a kind's compiled schema. It is safe for concurrent use.
type Schema struct {
	id    string
	src   []byte
	sch   *jsonschema.Schema
	known map[string][]string // schema location fragment -> property names
}

var printer = message.NewPrinter(language.English)

// Compile compiles src, a draft 2020-12 schema whose $id is id. Patterns
// are read as ECMA-262, as JSON Schema writes them, and the assertions that
// finlint's rules make themselves are left out of the compiled form (see
// Prepare); Source still returns src whole.
func Compile(id string, src []byte) (*Schema, error) {
	doc, err := Prepare(src)
	if err != nil {
		return nil, fmt.Errorf("schema %s: %w", id, err)
	}
	comp := jsonschema.NewCompiler()
	comp.DefaultDraft(jsonschema.Draft2020)
	comp.AssertFormat()
	comp.UseRegexpEngine(ecmaRegexp)
	for _, name := range formatsLeftToRules {
		comp.RegisterFormat(&jsonschema.Format{Name: name, Validate: acceptAll})
	}
	if err := comp.AddResource(id, doc); err != nil {
		return nil, fmt.Errorf("schema %s: %w", id, err)
	}
	sch, err := comp.Compile(id)
	if err != nil {
		return nil, fmt.Errorf("schema %s: compile: %w", id, err)
	}
	s := &Schema{id: id, src: bytes.Clone(src), sch: sch, known: map[string][]string{}}
	collectKnown(doc, "", s.known)
	return s, nil
}

// ID returns the schema's $id.
func (s *Schema) ID() string { return s.id }

// Source returns the schema document as written.
func (s *Schema) Source() []byte { return bytes.Clone(s.src) }

// Prepare decodes a schema document as the library reads it (numbers as
// json.Number) and removes from it the assertions that a rule of finlint
// makes itself, with a better message and a suggestion: the country list
// (country-code), the E.164 pattern (phone-format), the printable-ASCII
// pattern (non-ascii, control-character) and the subdivision pattern
// (subdivision-code). Their schema errors would only be dropped as
// duplicates, and the 249-value enum alone was a tenth of the time of a
// clean payload. The generator reads schemas through it too, so that the
// generated validators leave out exactly what Compile leaves out.
func Prepare(src []byte) (any, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
	if err != nil {
		return nil, err
	}
	ownedByRules(doc)
	return doc, nil
}

func ownedByRules(doc any) {
	root, _ := doc.(map[string]any)
	defs, _ := root["$defs"].(map[string]any)
	for name, kw := range map[string]string{
		"countryCode":     "enum",
		"e164":            "pattern",
		"printableAscii":  "pattern",
		"subdivisionCode": "pattern",
	} {
		if d, ok := defs[name].(map[string]any); ok {
			delete(d, kw)
		}
	}
}

// formatsLeftToRules are the formats the schema names but does not assert:
// the email-format rule applies the vendor's reading of an address, with a
// message and a suggestion, so the schema's own format check would only
// repeat it, slowly.
var formatsLeftToRules = []string{"email"}

// AssertsFormat reports whether Compile checks the format called name, or
// accepts every string for it because a rule checks it instead.
func AssertsFormat(name string) bool {
	for _, f := range formatsLeftToRules {
		if f == name {
			return false
		}
	}
	return true
}

func acceptAll(any) error { return nil }

func collectKnown(v any, loc string, out map[string][]string) {
	switch t := v.(type) {
	case map[string]any:
		if props, ok := t["properties"].(map[string]any); ok {
			keys := make([]string, 0, len(props))
			for k := range props {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			out[loc] = keys
		}
		for k, c := range t {
			collectKnown(c, loc+"/"+k, out)
		}
	case []any:
		for i, c := range t {
			collectKnown(c, fmt.Sprintf("%s/%d", loc, i), out)
		}
	}
}

// Validate checks a decoded payload (as jsondoc.Value.Interface returns it)
// and returns its leaf errors, ordered by pointer then keyword.
func (s *Schema) Validate(v any) []schema.Error {
	err := s.sch.Validate(v)
	if err == nil {
		return nil
	}
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return []schema.Error{{Keyword: "schema", Message: err.Error()}}
	}
	var out []schema.Error
	flatten(ve, s, &out)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Pointer != out[j].Pointer {
			return out[i].Pointer < out[j].Pointer
		}
		return out[i].Keyword < out[j].Keyword
	})
	return out
}

func flatten(e *jsonschema.ValidationError, s *Schema, out *[]schema.Error) {
	if len(e.Causes) > 0 {
		for _, cause := range e.Causes {
			flatten(cause, s, out)
		}
		return
	}
	ptr := pointer(e.InstanceLocation)
	frag := ""
	if i := strings.IndexByte(e.SchemaURL, '#'); i >= 0 {
		frag = e.SchemaURL[i+1:]
	}
	def := ""
	if i := strings.LastIndex(frag, "/$defs/"); i >= 0 {
		def = strings.SplitN(frag[i+len("/$defs/"):], "/", 2)[0]
	}
	base := schema.Error{Pointer: ptr, Def: def}
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		for _, m := range k.Missing {
			x := base
			x.Pointer = ptr + "/" + escape(m)
			x.Keyword = "required"
			x.Message = "missing required field"
			*out = append(*out, x)
		}
	case *kind.AdditionalProperties:
		for _, p := range k.Properties {
			x := base
			x.Pointer = ptr + "/" + escape(p)
			x.Keyword = "additionalProperties"
			x.Known = s.known[frag]
			x.Message = "unknown field"
			*out = append(*out, x)
		}
	case *kind.Type:
		base.Keyword = "type"
		base.Got = k.Got
		base.Want = k.Want
		base.Message = fmt.Sprintf("must be %s, not %s", article(strings.Join(k.Want, " or ")), article(k.Got))
		*out = append(*out, base)
	case *kind.Enum:
		base.Keyword = "enum"
		base.Got = fmt.Sprint(k.Got)
		for _, w := range k.Want {
			base.Want = append(base.Want, fmt.Sprint(w))
		}
		base.Message = "must be one of " + strings.Join(base.Want, ", ")
		if len(base.Want) > 8 {
			base.Message = "must be one of the allowed values"
		}
		*out = append(*out, base)
	case *kind.Format:
		base.Keyword = "format"
		base.Got = fmt.Sprint(k.Got)
		base.Want = []string{k.Want}
		base.Message = "must be a valid " + k.Want
		if k.Want == "date" {
			base.Message = "must be a real calendar date written YYYY-MM-DD"
		}
		*out = append(*out, base)
	case *kind.Pattern:
		base.Keyword = "pattern"
		base.Got = k.Got
		base.Want = []string{k.Want}
		base.Message = "must match " + k.Want
		*out = append(*out, base)
	case *kind.MinItems:
		base.Keyword = "minItems"
		base.Want = []string{fmt.Sprint(k.Want)}
		base.Message = fmt.Sprintf("must have at least %d item%s", k.Want, plural(k.Want))
		*out = append(*out, base)
	case *kind.Minimum:
		base.Keyword = "minimum"
		base.Got = ratString(k.Got)
		base.Want = []string{ratString(k.Want)}
		base.Message = "must be at least " + ratString(k.Want)
		*out = append(*out, base)
	default:
		kw := e.ErrorKind.KeywordPath()
		base.Keyword = strings.Join(kw, "/")
		base.Message = strings.ToLower(e.ErrorKind.LocalizedString(printer))
		*out = append(*out, base)
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func article(t string) string {
	switch {
	case t == "null":
		return "null"
	case strings.IndexByte("aeiou", t[0]) >= 0:
		return "an " + t
	}
	return "a " + t
}

func pointer(toks []string) string {
	var b strings.Builder
	for _, t := range toks {
		b.WriteByte('/')
		b.WriteString(escape(t))
	}
	return b.String()
}

func escape(t string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(t)
}

// ratString renders a number from the validator without exponent noise.
func ratString(v any) string {
	type ratLike interface{ RatString() string }
	if r, ok := v.(ratLike); ok {
		return r.RatString()
	}
	b, _ := json.Marshal(v)
	return string(b)
}
