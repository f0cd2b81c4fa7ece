// Package kind describes a payload kind: the request body of one endpoint
// of the Fin.com API, as a value the linter and its rules read. A kind
// brings its schema, a reference payload, the markers that tell its
// documents apart from other kinds' and the roles of its fields; the rules
// that check every kind read the roles, not pointers of their own.
//
// The kinds themselves live one folder each under kinds/.
package kind

import (
	"encoding/json"
	"strconv"
	"strings"
	"sync"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/schema"
)

// Kind is one payload kind. Use it by pointer: it compiles its schema once.
type Kind struct {
	// Name is the kind's stable id, such as "individual-v2".
	Name string
	// Title names the call, such as "Create Individual Customer V2".
	Title string
	// Endpoint is the path the payload is posted to, such as
	// "/v2/customers/individual".
	Endpoint string
	// CustomerType is the vendor's customer type, INDIVIDUAL or BUSINESS:
	// the type of its reference catalogues and of its customers in
	// GET /v2/customers.
	CustomerType string
	// SchemaID is the $id of SchemaJSON, a draft 2020-12 JSON Schema.
	SchemaID   string
	SchemaJSON []byte
	// Validate checks a parsed payload against SchemaJSON and returns its
	// leaf errors ordered by pointer, then keyword. Each kind sets it to
	// the validator generated from its schema (go generate); the schema
	// package's tests hold it to the JSON Schema library's verdicts.
	Validate func(root *jsondoc.Value) []schema.Error
	// Reference is a complete valid payload; documentation examples are
	// JSON merge patches over it.
	Reference string
	// Markers are pointers whose presence says a document is of this kind;
	// see Detect.
	Markers []string
	// Roles say what the kind's fields are, for the rules that check every
	// kind.
	Roles Roles

	once   sync.Once
	schema *schema.Schema
	err    error

	keysOnce sync.Once
	keys     map[string]bool
}

// Schema returns the kind's compiled schema, compiling it on first use:
// once per process, whatever the number of linters.
func (k *Kind) Schema() (*schema.Schema, error) {
	k.once.Do(func() { k.schema, k.err = schema.Compile(k.SchemaID, k.SchemaJSON) })
	return k.schema, k.err
}

// Roles name the fields of a kind by what they are. A pattern is a JSON
// Pointer in which a "*" token stands for every index of an array, such as
// "/associated_parties/*/basic_info/email".
type Roles struct {
	// TaxInfo are the tax_info arrays; the document_id of each entry is
	// masked in every output, and unique within its array.
	TaxInfo []string
	// PersonTaxInfo are the tax_info arrays of people, whose documents
	// follow the individual rules (an SSN's format, the document types of
	// a country).
	PersonTaxInfo []string
	// Emails are email addresses; Phones are phone numbers.
	Emails []string
	Phones []Phone
	// Countries are ISO 3166-1 alpha-3 country codes.
	Countries []string
	// Addresses are address objects, each with its country and its
	// subdivision fields.
	Addresses []Address
	// References are ids, or arrays of ids, of the vendor's catalogues.
	References []Reference
	// Integers are integer fields; a "*" in one stands for every item of an
	// array of integers.
	Integers []string
	// Births are dates of birth of people who must be adults.
	Births []string
	// Twins are the fields that may hold non-ASCII text when an "_en"
	// field carries their Latin transliteration.
	Twins []Twin
}

// Phone is a phone number (a pattern). Region lists the country fields a
// national number without its calling code is most likely of, first
// found first; Residence, when set, is the country the number must belong
// to (phone-country). Their "*" tokens match the phone's.
type Phone struct {
	Ptr       string
	Region    []string
	Residence string
}

// Address is an address object (a pattern) with the keys of its country
// and of the fields that hold an ISO 3166-2 code of that country.
type Address struct {
	Ptr          string
	Country      string
	Subdivisions []string
}

// Reference is a catalogue id, or with List an array of them, and the
// catalogue (a rules catalogue id such as "purposes-business") it must be
// found in.
type Reference struct {
	Ptr       string
	Catalogue string
	List      bool
}

// Twin is a field and the "_en" field that carries its transliteration.
type Twin struct {
	// Base and Twin are patterns; a "*" in Base matches the same index in
	// Twin.
	Base, Twin string
	// Always says the vendor requires the twin even when Base is ASCII.
	Always bool
}

// Detect returns the kind a document is of, told by its shape: each kind
// scores ten points for each of its Markers present and one for every other
// key of the document, three levels deep, that its schema knows. The kind
// with the highest score is the document's; when two share it, or none
// scores, Detect returns nil: such a document must be given its kind. The
// order of kinds does not matter.
func Detect(root *jsondoc.Value, kinds []*Kind) *Kind {
	if root == nil || root.Kind != jsondoc.Object {
		return nil
	}
	var best *Kind
	bestN, tie := 0, false
	for _, k := range kinds {
		n := k.score(root)
		switch {
		case n > bestN:
			best, bestN, tie = k, n, false
		case n == bestN && n > 0:
			tie = true
		}
	}
	if tie {
		return nil
	}
	return best
}

// score is how much root looks like a payload of k; see Detect.
func (k *Kind) score(root *jsondoc.Value) int {
	n := 0
	for _, m := range k.Markers {
		if lookup(root, m) != nil {
			n += 10
		}
	}
	known := k.knownKeys()
	var walk func(v *jsondoc.Value, at string, depth int)
	walk = func(v *jsondoc.Value, at string, depth int) {
		if depth == 3 {
			return
		}
		switch v.Kind {
		case jsondoc.Object:
			for _, m := range v.Members {
				p := jsondoc.Join(at, m.Key)
				if known[p] {
					n++
					walk(m.Value, p, depth+1)
				}
			}
		case jsondoc.Array:
			for _, it := range v.Items {
				walk(it, at+"/*", depth)
			}
		}
	}
	walk(root, "", 0)
	return n
}

// knownKeys returns the patterns of every key the kind's schema declares,
// three levels deep ("/basic_info", "/basic_info/email",
// "/associated_parties/*/basic_info"), read once from SchemaJSON.
func (k *Kind) knownKeys() map[string]bool {
	k.keysOnce.Do(func() {
		k.keys = map[string]bool{}
		var doc map[string]any
		if json.Unmarshal(k.SchemaJSON, &doc) != nil {
			return
		}
		defs, _ := doc["$defs"].(map[string]any)
		// depth counts keys, not array levels; hops bounds the $ref chain
		// of a schema that refers to itself.
		var walk func(s map[string]any, at string, depth, hops int)
		walk = func(s map[string]any, at string, depth, hops int) {
			if depth >= 3 || hops > 16 || s == nil {
				return
			}
			if ref, ok := s["$ref"].(string); ok {
				if name, ok := strings.CutPrefix(ref, "#/$defs/"); ok {
					d, _ := defs[name].(map[string]any)
					walk(d, at, depth, hops+1)
				}
			}
			for _, key := range []string{"allOf", "anyOf", "oneOf"} {
				list, _ := s[key].([]any)
				for _, c := range list {
					c, _ := c.(map[string]any)
					walk(c, at, depth, hops+1)
				}
			}
			if items, ok := s["items"].(map[string]any); ok {
				walk(items, at+"/*", depth, hops)
			}
			props, _ := s["properties"].(map[string]any)
			for name, c := range props {
				p := jsondoc.Join(at, name)
				k.keys[p] = true
				c, _ := c.(map[string]any)
				walk(c, p, depth+1, hops)
			}
		}
		walk(doc, "", 0, 0)
	})
	return k.keys
}

func lookup(root *jsondoc.Value, ptr string) *jsondoc.Value {
	v := root
	for _, t := range jsondoc.SplitPointer(ptr) {
		v = v.Get(t)
		if v == nil {
			return nil
		}
	}
	return v
}

// Each calls fn with the pointer and value of every value of doc that
// pattern matches, in document order; a "*" token matches every index of
// an array. Values that are missing are skipped.
func Each(root *jsondoc.Value, pattern string, fn func(ptr string, v *jsondoc.Value)) {
	each(root, "", jsondoc.SplitPointer(pattern), fn)
}

func each(v *jsondoc.Value, at string, toks []string, fn func(string, *jsondoc.Value)) {
	if v == nil {
		return
	}
	if len(toks) == 0 {
		fn(at, v)
		return
	}
	t := toks[0]
	if t == "*" {
		if v.Kind != jsondoc.Array {
			return
		}
		for i, it := range v.Items {
			each(it, at+"/"+strconv.Itoa(i), toks[1:], fn)
		}
		return
	}
	each(v.Get(t), jsondoc.Join(at, t), toks[1:], fn)
}

// Expand returns pattern with its "*" tokens replaced, in order, by the
// indexes of ptr, a pointer pattern matched: the twin of
// "/associated_parties/2/basic_info/first_name" is
// "/associated_parties/2/basic_info/first_name_en".
func Expand(pattern, matched string) string {
	ptoks, mtoks := jsondoc.SplitPointer(pattern), jsondoc.SplitPointer(matched)
	var idx []string
	for i, t := range ptoks {
		if t == "*" && i < len(mtoks) {
			idx = append(idx, mtoks[i])
		}
	}
	out := make([]string, len(ptoks))
	for i, t := range ptoks {
		if t == "*" && len(idx) > 0 {
			t, idx = idx[0], idx[1:]
		}
		out[i] = t
	}
	return jsondoc.Pointer(out...)
}

// Match reports whether ptr is one of the pointers pattern matches.
func Match(pattern, ptr string) bool {
	ptoks, toks := jsondoc.SplitPointer(pattern), jsondoc.SplitPointer(ptr)
	if len(ptoks) != len(toks) {
		return false
	}
	for i, t := range ptoks {
		if t == "*" {
			if !isIndex(toks[i]) {
				return false
			}
			continue
		}
		if t != toks[i] {
			return false
		}
	}
	return true
}

func isIndex(t string) bool {
	if t == "" {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return true
}

// IsTaxDocumentID reports whether ptr is the document_id of an entry of
// one of the kind's tax_info arrays.
func (k *Kind) IsTaxDocumentID(ptr string) bool {
	for _, t := range k.Roles.TaxInfo {
		if Match(t+"/*/document_id", ptr) {
			return true
		}
	}
	return false
}

// TwinOf returns the twin role whose Base matches ptr, and the pointer of
// its twin.
func (k *Kind) TwinOf(ptr string) (Twin, string, bool) {
	for _, t := range k.Roles.Twins {
		if Match(t.Base, ptr) {
			return t, Expand(t.Twin, ptr), true
		}
	}
	return Twin{}, "", false
}

// IsTwin reports whether ptr is an "_en" twin field of the kind.
func (k *Kind) IsTwin(ptr string) bool {
	for _, t := range k.Roles.Twins {
		if Match(t.Twin, ptr) {
			return true
		}
	}
	return false
}
