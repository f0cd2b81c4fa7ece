// Package business holds the JSON Schema (draft 2020-12) and the reference
// payload of the Create Business Customer V2 request body
// (POST /v2/customers/business), the payload kind named business-v2.
//
// The schema is as strict as the vendor's CreateBusinessCustomerV2Input and
// the V2 schemas it refers to, with non-blank, printable-ASCII and format
// checks added. It checks structure only: requirements that depend on other
// values (physical_address when is_incorporated_address_same is false,
// ownership_info for a ubo, public_listings for a listed company, and so on)
// are the rules' job.
package business

import _ "embed"

// SchemaJSON is the JSON Schema of the Create Business Customer V2 request
// body. Its $id is https://github.com/finlint/finlint/schema/create-business-customer-v2.json.
// Its $defs share their names and meaning with the individual schema's
// (nonBlank, latinText, printableAscii, e164, subdivisionCode, countryCode).
//
//go:embed business-v2.schema.json
var SchemaJSON []byte

// ReferenceJSON is a complete, valid Create Business Customer V2 payload: a
// company incorporated in the USA with one associated party. It passes the
// schema and every semantic rule.
//
//go:embed reference.json
var ReferenceJSON []byte
