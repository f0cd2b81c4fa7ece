//go:build race

package rules

// phoneSample is the share of the generated phone cases the differential
// tests run: the race detector slows libphonenumber's parsing twentyfold,
// and a sample still has every shard compile metadata concurrently.
const phoneSample = 8

// raceEnabled is set when the race detector runs, whose instrumentation
// allocates where the code itself does not.
const raceEnabled = true
