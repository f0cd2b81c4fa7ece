//go:build !unix

package cli

// readRegular is the plain-system-call reader of Unix systems; elsewhere
// every file is read through *os.File.
func readRegular(string, int) (data []byte, size int64, ok bool, err error) {
	return nil, 0, false, nil
}
