package rules

// All returns every rule, in the order `finlint rules` lists them. The list
// is built anew on each call so that callers may reorder or filter it.
func All() []*Rule {
	return []*Rule{
		// The bytes and the structure.
		JSONSyntax,
		DuplicateKey,
		RequiredField,
		FieldType,
		EnumValue,
		NonBlank,
		DateFormat,
		MinItems,
		NumberRange,
		IntegerLiteral,
		UnknownField,
		SchemaOther,
	}
}
