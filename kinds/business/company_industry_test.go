package business

import (
	"testing"

	"github.com/finlint/finlint/rules"
)

func TestIndustryCode(t *testing.T) {
	coExpect(t, IndustryCode, runPatch(t, IndustryCode, `{"industry_codes": ["541511", "523130", "5415", "541-511", "ABCDEF", "5415111"]}`),
		coFinding{Path: "/industry_codes/1", Message: `industry_codes[1] "523130" is not a NAICS 2022 code; nearest: 523150 Investment Banking and Securities Intermediation, 523160 Commodity Contracts Intermediation, 523210 Securities and Commodity Exchanges`},
		coFinding{Path: "/industry_codes/2", Message: `industry_codes[2] "5415" is not a six-digit NAICS 2022 code; nearest: 541511 Custom Computer Programming Services, 541512 Computer Systems Design Services, 541513 Computer Facilities Management Services`},
		coFinding{Path: "/industry_codes/3", Message: `industry_codes[3] "541-511" is not a six-digit NAICS 2022 code; without its separators it is 541511`, Suggestion: "541511", Fix: rules.FixString},
		coFinding{Path: "/industry_codes/4", Message: `industry_codes[4] "ABCDEF" is not a six-digit NAICS 2022 code`},
		coFinding{Path: "/industry_codes/5", Message: `industry_codes[5] "5415111" is not a six-digit NAICS 2022 code`},
	)
	// 2017's Software Publishers is 513210 in 2022.
	f := coOne(t, IndustryCode, runPatch(t, IndustryCode, `{"industry_codes": ["511210"]}`))
	coExpect(t, IndustryCode, []rules.Finding{f}, coFinding{Path: "/industry_codes/0",
		Message: `industry_codes[0] "511210" is not a NAICS 2022 code; nearest: 512110 Motion Picture and Video Production, 512120 Motion Picture and Video Distribution, 512131 Motion Picture Theaters (except Drive-Ins)`})
	// Redaction hides the value and the suggestion drawn from it.
	coExpect(t, IndustryCode, runPatch(t, IndustryCode, `{"industry_codes": ["541-511"]}`, coRedact),
		coFinding{Path: "/industry_codes/0", Message: `industry_codes[0] "*******" is not a six-digit NAICS 2022 code; without its separators it is 541511`})
	coExpect(t, IndustryCode, runPatch(t, IndustryCode, `{"industry_codes": ["541511", "513210", "523160"]}`))
}

func TestDuplicateIndustryCode(t *testing.T) {
	coExpect(t, DuplicateIndustryCode, runPatch(t, DuplicateIndustryCode, `{"industry_codes": ["541511", "541512", "541511", 5, "541512", "541511"]}`),
		coFinding{Path: "/industry_codes/2", Message: `industry_codes[2] "541511" repeats industry_codes[0]`},
		coFinding{Path: "/industry_codes/4", Message: `industry_codes[4] "541512" repeats industry_codes[1]`},
		coFinding{Path: "/industry_codes/5", Message: `industry_codes[5] "541511" repeats industry_codes[0]`},
	)
	// Compared exactly: no trimming.
	coExpect(t, DuplicateIndustryCode, runPatch(t, DuplicateIndustryCode, `{"industry_codes": ["541511", "541511 "]}`))
}
