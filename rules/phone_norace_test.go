//go:build !race

package rules

// phoneSample is the share of the generated phone cases the differential
// tests run: all of them.
const phoneSample = 1

const raceEnabled = false
