//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadRegular(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "a.json", `{"a": 1}`)
	data, size, ok, err := readRegular(p, 100)
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, `{"a": 1}`, string(data))
	assert.EqualValues(t, 8, size)

	data, size, ok, err = readRegular(p, 7)
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Nil(t, data, "over the limit: not read")
	assert.EqualValues(t, 8, size)

	empty := writeFile(t, dir, "empty.json", "")
	data, _, ok, err = readRegular(empty, 100)
	require.NoError(t, err)
	assert.True(t, ok)
	assert.NotNil(t, data)
	assert.Empty(t, data)

	_, _, ok, err = readRegular(filepath.Join(dir, "missing.json"), 100)
	assert.True(t, ok)
	assert.ErrorIs(t, err, os.ErrNotExist)

	// Not regular files: left to the *os.File path.
	_, _, ok, _ = readRegular(dir, 100)
	assert.False(t, ok, "a folder")
	fifo := filepath.Join(dir, "fifo.json")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	w, err := os.OpenFile(fifo, os.O_RDWR, 0) // so that opening it to read does not block
	require.NoError(t, err)
	defer w.Close()
	_, _, ok, _ = readRegular(fifo, 100)
	assert.False(t, ok, "a FIFO")
}
