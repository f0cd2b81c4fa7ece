// Package fuzz holds fuzz targets that cross package boundaries: arbitrary
// bytes through the whole linter, alone and as newline-delimited streams.
// Targets that exercise one package live beside its code instead.
//
// Run one for a while with, for example:
//
//	go test -run '^$' -fuzz '^FuzzLint$' -fuzztime 60s ./fuzz/
//
// A failing input is saved under testdata/fuzz and replayed by every later
// go test run as a regression test.
package fuzz
