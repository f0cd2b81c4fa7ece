package rules

// All returns every rule, in the order `finlint rules` lists them: the
// bytes, the structure, then the meaning, section by section. The list is
// built anew on each call so that callers may reorder or filter it.
func All() []*Rule {
	return []*Rule{
		// The bytes and the structure (SPEC §12 and the schema table).
		PayloadLimit,
		JSONSyntax,
		PayloadKind,
		DuplicateKey,
		RequiredField,
		FieldType,
		EnumValue,
		NonBlank,
		DateFormat,
		MinItems,
		NumberRange,
		IntegerLiteral,
		IntegerRange,
		UnknownField,
		SchemaOther,

		// Text in every field.
		NonASCII,
		Transliteration,
		ControlCharacter,

		// Country codes everywhere.
		CountryCode,

		// basic_info.
		PhoneFormat,
		PhoneCountry,
		EmailFormat,
		EmailLowercase,
		AgeRange,
		SameNationality,
		TaxIDUnique,
		SSNFormat,
		TaxDocumentType,
		TaxResidence,

		// address.
		AddressCountry,
		SubdivisionCode,

		// financial_profile.
		ReferenceID,
		ReferenceCatalogue,
		DuplicateSourceOfFund,

		// The call as a whole.
		Reliance,

		// What the API itself says when a payload is submitted.
		APIError,
	}
}
