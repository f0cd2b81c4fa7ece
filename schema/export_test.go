package schema

// The helpers the tests hold to their references: math/big, the
// library's printer, net/url.
var (
	FormatFloat = formatFloat
	FormatInt   = formatInt
	ParseFloat  = parseFloat
	PlainWebURL = plainWebURL
	ParsedURI   = parsedURI
)
