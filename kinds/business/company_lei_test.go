package business

import (
	"testing"

	"github.com/finlint/finlint/rules"
)

func coLEIPatch(s string) string {
	return `{"basic_info": {"legal_entity_identifier": "` + s + `"}}`
}

func TestLEIFormat(t *testing.T) {
	coExpect(t, LEIFormat, runPatch(t, LEIFormat, coLEIPatch("5493004hpsw0rref0a16")), coFinding{
		Path:       leiPtr,
		Message:    `legal_entity_identifier "5493004hpsw0rref0a16" is not a well-formed LEI: letters must be upper case`,
		Suggestion: "5493004HPSW0RREF0A16", Fix: rules.FixString,
	})
	// Upper case with wrong check digits is still well formed: suggested.
	coExpect(t, LEIFormat, runPatch(t, LEIFormat, coLEIPatch("5493004hpsw0rref0a17")), coFinding{
		Path:       leiPtr,
		Message:    `legal_entity_identifier "5493004hpsw0rref0a17" is not a well-formed LEI: letters must be upper case`,
		Suggestion: "5493004HPSW0RREF0A17", Fix: rules.FixString,
	})
	// Upper case would not help: no suggestion.
	coExpect(t, LEIFormat, runPatch(t, LEIFormat, coLEIPatch("5493004hpsw0rref0a1x")), coFinding{
		Path:    leiPtr,
		Message: `legal_entity_identifier "5493004hpsw0rref0a1x" is not a well-formed LEI: letters must be upper case`,
	})
	coExpect(t, LEIFormat, runPatch(t, LEIFormat, coLEIPatch("5493004HPSW0-REF0A16")), coFinding{
		Path:    leiPtr,
		Message: `legal_entity_identifier "5493004HPSW0-REF0A16" is not a well-formed LEI: must contain only letters A-Z and digits 0-9`,
	})
	coExpect(t, LEIFormat, runPatch(t, LEIFormat, coLEIPatch("5493004hpsw0rref0a16"), coRedact), coFinding{
		Path:    leiPtr,
		Message: `legal_entity_identifier "********************" is not a well-formed LEI: letters must be upper case`,
	})
	// Other lengths are the schema's (minLength, maxLength).
	coExpect(t, LEIFormat, runPatch(t, LEIFormat, coLEIPatch("5493004HPSW0RREF0A1")))
	coExpect(t, LEIFormat, runPatch(t, LEIFormat, coLEIPatch("5493004hpsw0rref0a161")))
	coExpect(t, LEIFormat, runPatch(t, LEIFormat, coLEIPatch("5493004HPSW0RREF0A17")))
	coExpect(t, LEIFormat, runPatch(t, LEIFormat, `{"basic_info": {"legal_entity_identifier": null}}`))
}

func TestLEICheckDigits(t *testing.T) {
	coExpect(t, LEICheckDigits, runPatch(t, LEICheckDigits, coLEIPatch("5493004HPSW0RREF0A17")), coFinding{
		Path:    leiPtr,
		Message: `legal_entity_identifier "5493004HPSW0RREF0A17" fails its ISO 17442 check: check digits 17 do not match the rest of the LEI (expected 16); copy the LEI from the company's GLEIF record`,
	})
	// The check digits 00, 01 and 99 are never computed.
	coExpect(t, LEICheckDigits, runPatch(t, LEICheckDigits, coLEIPatch("5493004HPSW0RREF0A99")), coFinding{
		Path:    leiPtr,
		Message: `legal_entity_identifier "5493004HPSW0RREF0A99" fails its ISO 17442 check: check digits 99 do not match the rest of the LEI (expected 16); copy the LEI from the company's GLEIF record`,
	})
	// Malformed LEIs are lei-format's.
	coExpect(t, LEICheckDigits, runPatch(t, LEICheckDigits, coLEIPatch("5493004hpsw0rref0a17")))
	coExpect(t, LEICheckDigits, runPatch(t, LEICheckDigits, coLEIPatch("5493004HPSW0RREF0A1")))
	// A real LEI passes; the vendor's example is not one.
	coExpect(t, LEICheckDigits, runPatch(t, LEICheckDigits, coLEIPatch("529900T8BM49AURSDO55")))
	coExpect(t, LEICheckDigits, runPatch(t, LEICheckDigits, coLEIPatch("549300EXAMPLE0001X23")), coFinding{
		Path:    leiPtr,
		Message: `legal_entity_identifier "549300EXAMPLE0001X23" fails its ISO 17442 check: check digits 23 do not match the rest of the LEI (expected 31); copy the LEI from the company's GLEIF record`,
	})
}
