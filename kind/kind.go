// Package kind describes a payload kind: the request body of one endpoint
// of the Fin.com API, as a value the linter and its rules read. A kind
// brings its schema, a reference payload, the markers that tell its
// documents apart from other kinds' and the roles of its fields; the rules
// that check every kind read the roles, not pointers of their own.
//
// The kinds themselves live one folder each under kinds/.
package kind

import (
	"sync"

	"github.com/finlint/finlint/internal/jsondoc"
	"github.com/finlint/finlint/schema"
)

// Kind is one payload kind. Use it by pointer: it reads the keys its schema
// declares once.
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
	// leaf errors ordered by pointer, then keyword. Every kind must set
	// it, to the validator generated from its schema by go generate
	// (internal/schemagen), which the tests hold to the verdicts of the
	// JSON Schema library (schema/oracle); the linter calls it on every
	// payload of the kind.
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

	detectOnce sync.Once
	det        *detector
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
