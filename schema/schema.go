// Package schema compiles the JSON Schema (draft 2020-12) of a payload
// kind and validates payloads against it. It checks structure only;
// meaning is the rules' job. It holds no schema of its own: each kind
// brings its schema and compiles it once, through Compile.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Error is one leaf error of validation, flattened from the validator's tree.
type Error struct {
	// Pointer is the RFC 6901 location in the payload. For a missing
	// required key it is the key's own pointer, not its parent's.
	Pointer string
	// Keyword is the JSON Schema keyword that failed: required, type, enum,
	// format, pattern, minItems, minimum, additionalProperties, or another.
	Keyword string
	// Def names the $defs entry the failing keyword sits in ("countryCode",
	// "nonBlank", ...), or "" when it sits inline.
	Def string
	// Got is the JSON type (type) or value (enum, format) that was found.
	Got string
	// Want lists what would have been accepted: types, enum values, the
	// format name, or the pattern.
	Want []string
	// Known lists the keys an object accepts, for additionalProperties.
	Known []string
	// Message is short, lowercase, and quotes no payload value.
	Message string
}

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
// ownedByRules); Source still returns src whole.
func Compile(id string, src []byte) (*Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("schema %s: %w", id, err)
	}
	ownedByRules(doc)
	comp := jsonschema.NewCompiler()
	comp.DefaultDraft(jsonschema.Draft2020)
	comp.AssertFormat()
	comp.UseRegexpEngine(ecmaRegexp)
	comp.RegisterFormat(&jsonschema.Format{Name: "email", Validate: validateEmail})
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

// ownedByRules removes from the schema that is compiled (not from the one
// Source prints) the assertions that a rule of finlint makes itself, with a
// better message and a suggestion: the country list (country-code), the
// E.164 pattern (phone-format), the printable-ASCII pattern (non-ascii,
// control-character) and the subdivision pattern (subdivision-code). Their
// schema errors would only be dropped as duplicates, and the 249-value enum
// alone was a tenth of the time of a clean payload.
func ownedByRules(doc any) {
	defs, _ := doc.(map[string]any)["$defs"].(map[string]any)
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

// validateEmail accepts every string: the email-format rule applies the
// vendor's reading of an address, with a message and a suggestion, so the
// schema's own format check would only repeat it, slowly.
func validateEmail(any) error { return nil }

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
func (s *Schema) Validate(v any) []Error {
	err := s.sch.Validate(v)
	if err == nil {
		return nil
	}
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return []Error{{Keyword: "schema", Message: err.Error()}}
	}
	var out []Error
	flatten(ve, s, &out)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Pointer != out[j].Pointer {
			return out[i].Pointer < out[j].Pointer
		}
		return out[i].Keyword < out[j].Keyword
	})
	return out
}

func flatten(e *jsonschema.ValidationError, s *Schema, out *[]Error) {
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
	base := Error{Pointer: ptr, Def: def}
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
