//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package finapi

import (
	"errors"
	"os"
	"syscall"
)

var errWouldBlock = syscall.EWOULDBLOCK

// lockFile takes an exclusive flock without waiting. The lock belongs to
// the open file, so a second open of the same journal, even in the same
// process, is refused; the kernel drops it when the process dies, so a
// killed run never leaves the journal locked.
func lockFile(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}
