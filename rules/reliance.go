package rules

// Reliance reports RELIANCE verification when the configuration does not say
// it is enabled for the client.
var Reliance = &Rule{
	ID:       "reliance-verification",
	Title:    "RELIANCE verification must be enabled for the client",
	Severity: Warning,
	Source:   "vendor endpoint guide (Important Requirements: RELIANCE verification answers 423 unless enabled); SPEC semantic rule 10",
	Doc: `verification_type RELIANCE asks the vendor to rely on identity checks the
caller has already made. It is switched on per client by the vendor; for a
client without it, the API answers 423 "RELIANCE is not available for your
client".

finlint cannot see the vendor's setting, so it warns whenever a payload asks
for RELIANCE. If RELIANCE is enabled for your client, say so once with
"reliance-enabled: true" in .finlint.yaml and the warning goes away.
Otherwise use STANDARD.`,
	Bad:  Example{Patch: `{"verification_type": "RELIANCE"}`},
	Good: Example{Patch: `{"verification_type": "STANDARD"}`},
	KindExamples: []KindExample{{
		Kind: "business-v2",
		Bad:  Example{Patch: `{"verification_type": "RELIANCE"}`},
		Good: Example{Patch: `{"verification_type": "STANDARD"}`},
	}},
	Run: func(p *Pass) {
		if p.Settings.RelianceEnabled {
			return
		}
		if v, ok := p.Text("/verification_type"); !ok || v != "RELIANCE" {
			return
		}
		p.Reportf("/verification_type", "RELIANCE verification is answered with 423 unless it is enabled for your client")
	},
}
