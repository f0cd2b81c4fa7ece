package rules

// SchemaOther reports any schema error no more specific rule owns. With the
// embedded schema it should never fire; it exists so that no schema error
// can be lost if the schema grows a keyword the rules do not map yet.
var SchemaOther = &Rule{
	ID:       "schema",
	Title:    "the payload must satisfy the embedded JSON Schema",
	Severity: Error,
	Source:   "finlint schema",
	Doc: `A catch-all for JSON Schema errors that no more specific rule reports. Run
"finlint schema" to see the schema the payload is checked against.`,
	Bad:  Example{},
	Good: Example{Patch: `{}`},
	Run: func(p *Pass) {
		for _, e := range schemaErrorsFor(p, "schema") {
			p.Report(Finding{Path: e.Pointer, Message: label(e.Pointer) + ": " + e.Message})
		}
	},
}
