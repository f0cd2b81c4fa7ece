package rules

// FixKind says how `finlint fix` may apply a finding's suggestion, if at all.
//
// Only safe suggestions carry a kind other than FixNone. A safe fix keeps the
// meaning the author evidently intended and changes only how it is written:
// the letter case of an address or a code, the spelling of a country,
// subdivision or date, the layout of a phone number, the JSON type of a value
// that converts without loss, control characters that nobody can see. It
// never invents data: a renamed key (the author may have meant another
// field), one field copied into another, or a reference id picked from a
// catalogue are guesses, and stay suggestions for a person to judge.
type FixKind uint8

// The ways a suggestion is applied.
const (
	// FixNone leaves the finding to a person.
	FixNone FixKind = iota
	// FixString replaces the value at the finding's Path with the
	// suggestion, written as a JSON string.
	FixString
	// FixLiteral replaces the value at the finding's Path with the
	// suggestion as a raw JSON literal, such as the number 42.
	FixLiteral
	// FixInsert adds the key the finding's Path names, which is missing, to
	// its parent object, with the suggestion as a JSON string.
	FixInsert
)

var fixKindNames = [...]string{"none", "string", "literal", "insert"}

func (k FixKind) String() string {
	if int(k) < len(fixKindNames) {
		return fixKindNames[k]
	}
	return "fixkind(" + itoa(int(k)) + ")"
}

// suggest sets the finding's suggestion and, when there is one, how it is
// applied: a redacted or unknown suggestion ("") is nothing to apply.
func (f *Finding) suggest(s string, k FixKind) {
	f.Suggestion = s
	f.Fix = FixNone
	if s != "" {
		f.Fix = k
	}
}
