//go:build race

package schema_test

// raceEnabled is set when the race detector runs, whose instrumentation
// allocates where the code itself does not.
const raceEnabled = true
