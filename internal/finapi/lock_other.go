//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd)

package finapi

import (
	"errors"
	"os"
)

var errWouldBlock = errors.New("would block")

// lockFile cannot lock on this platform: flock is missing, and nothing in
// the standard library replaces it. Two runs sharing one journal here could
// both send a payload, so do not start them together.
func lockFile(*os.File) error { return nil }
