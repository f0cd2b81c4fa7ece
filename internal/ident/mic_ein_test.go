package ident

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMIC(t *testing.T) {
	for _, tc := range []struct{ in, reason string }{
		// Published ISO 10383 MICs.
		{"XNAS", ""}, // Nasdaq
		{"XNYS", ""}, // New York Stock Exchange
		{"XLON", ""}, // London Stock Exchange
		{"XETR", ""}, // Xetra
		{"XPAR", ""}, // Euronext Paris
		{"XTKS", ""}, // Tokyo Stock Exchange
		{"XHKG", ""}, // Hong Kong Exchanges
		{"XASX", ""}, // ASX
		{"ARCX", ""}, // NYSE Arca
		{"BATS", ""}, // Cboe BZX
		{"IEXG", ""}, // IEX
		{"XCX2", ""}, // CX2 (Canada): MICs may contain digits
		{"ZZZZ", ""}, // well-formed; the register is not consulted
		{"", "must be 4 characters, not 0"},
		{"XNA", "must be 4 characters, not 3"},
		{"XNASX", "must be 4 characters, not 5"},
		{"XNAS ", "must be 4 characters, not 5"},
		{"xnas", "letters must be upper case"},
		{"Xnas", "letters must be upper case"},
		{"XN-S", "must contain only letters A-Z and digits 0-9"},
		{"XN S", "must contain only letters A-Z and digits 0-9"},
		{"XNÅS", "must contain only letters A-Z and digits 0-9"},
	} {
		assert.Equal(t, tc.reason, MIC(tc.in), "%q", tc.in)
	}
}

func TestEIN(t *testing.T) {
	const bad = "must be nine digits, written NN-NNNNNNN or NNNNNNNNN"
	for _, tc := range []struct{ in, reason string }{
		{"12-3456789", ""},
		{"123456789", ""},
		{"41-0449260", ""}, // Wells Fargo & Company, as printed in its SEC filings
		{"94-2404110", ""}, // Apple Inc.
		{"000000000", ""},  // the shape is all that is checked
		{"", bad},
		{"12-345678", bad},
		{"12-34567890", bad},
		{"12345678", bad},
		{"1234567890", bad},
		{"123-456789", bad},
		{"123-45-6789", bad}, // an SSN's shape
		{"12 3456789", bad},
		{"12.3456789", bad},
		{"12–3456789", bad}, // en dash
		{" 123456789", bad},
		{"123456789 ", bad},
		{"12-345678a", bad},
		{"1a3456789", bad},
		{"-123456789", bad},
		{"１２３４５６７８９", bad}, // full-width digits
	} {
		assert.Equal(t, tc.reason, EIN(tc.in), "%q", tc.in)
	}
}
