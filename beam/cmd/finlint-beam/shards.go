package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

// writeShards writes the lines of col to files named
// BASE-00000-of-0000N.EXT, one a bundle, in no particular order.
//
// textio.Write groups a whole collection under one key to write one file,
// which on prism holds every line in memory at once. Here each bundle
// writes a temporary file of its own as its lines come; one last step,
// which sees only the file names, gives the files of the bundles that
// succeeded their final names and removes what a failed attempt or an
// earlier run left under BASE.
func writeShards(s beam.Scope, base, ext string, col beam.PCollection) {
	s = s.Scope("writeShards")
	tmp := beam.ParDo(s, &shardFn{Base: base, Ext: ext}, col)
	// The seed makes the last step run, and write one empty file, when
	// there is no line at all.
	names := beam.Flatten(s, tmp, beam.Create(s, ""))
	beam.ParDo0(s, &finalizeFn{Base: base, Ext: ext}, beam.GroupByKey(s, beam.AddFixedKey(s, names)))
}

// shardFn writes a bundle's lines to a temporary file and, when the bundle
// is done, passes on the file's name.
type shardFn struct {
	Base, Ext string

	fs   filesystem.Interface
	name string
	file io.WriteCloser
	w    *bufio.Writer
}

// ProcessElement takes the emitter FinishBundle emits with, so that the
// two have one type for Beam's registration.
func (f *shardFn) ProcessElement(ctx context.Context, line string, _ func(string)) error {
	if f.w == nil {
		fs, err := filesystem.New(ctx, f.Base)
		if err != nil {
			return err
		}
		var id [8]byte
		_, _ = rand.Read(id[:])
		f.fs, f.name = fs, f.Base+"-tmp-"+hex.EncodeToString(id[:])+f.Ext
		if f.file, err = fs.OpenWrite(ctx, f.name); err != nil {
			return err
		}
		f.w = bufio.NewWriterSize(f.file, 1<<20)
	}
	if _, err := f.w.WriteString(line); err != nil {
		return err
	}
	return f.w.WriteByte('\n')
}

// Teardown closes what a failed bundle left open; its temporary file is
// removed by the last step.
func (f *shardFn) Teardown() error {
	if f.file != nil {
		f.file.Close()
	}
	if f.fs != nil {
		f.fs.Close()
	}
	f.fs, f.file, f.w = nil, nil, nil
	return nil
}

func (f *shardFn) FinishBundle(ctx context.Context, emit func(string)) error {
	if f.w == nil {
		return nil
	}
	err := f.w.Flush()
	if cerr := f.file.Close(); err == nil {
		err = cerr
	}
	f.fs.Close()
	name := f.name
	f.fs, f.file, f.w, f.name = nil, nil, nil, ""
	if err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	emit(name)
	return nil
}

// finalizeFn names the bundles' files BASE-00000-of-0000N.EXT, in the
// order of their temporary names, and removes every other file of that
// form and every other temporary file under BASE. A retry of it, after a
// worker died part-way, finds some files already renamed and leaves them.
type finalizeFn struct {
	Base, Ext string
}

func (f *finalizeFn) ProcessElement(ctx context.Context, _ int, names func(*string) bool) error {
	var done []string
	var n string
	for names(&n) {
		if n != "" {
			done = append(done, n)
		}
	}
	slices.Sort(done)
	done = slices.Compact(done) // a runner may deliver a name twice
	fs, err := filesystem.New(ctx, f.Base)
	if err != nil {
		return err
	}
	defer fs.Close()
	final := make([]string, max(1, len(done)))
	for i := range final {
		final[i] = shardName(f.Base, f.Ext, i, len(final))
	}
	existing, err := fs.List(ctx, f.Base+"-*"+f.Ext)
	if err != nil {
		return err
	}
	for _, name := range existing {
		rest := strings.TrimSuffix(strings.TrimPrefix(name, f.Base+"-"), f.Ext)
		ours := slices.Contains(done, name) || slices.Contains(final, name)
		if (shardPart.MatchString(rest) || strings.HasPrefix(rest, "tmp-")) && !ours {
			if err := remove(ctx, fs, name); err != nil {
				return err
			}
		}
	}
	if len(done) == 0 {
		// No line at all: one empty file, so that BASE* is always there.
		w, err := fs.OpenWrite(ctx, final[0])
		if err != nil {
			return err
		}
		return w.Close()
	}
	for i, name := range done {
		if _, err := fs.Size(ctx, name); err != nil {
			if _, ferr := fs.Size(ctx, final[i]); ferr == nil {
				continue // renamed by an earlier attempt
			}
			return fmt.Errorf("the shard %s is gone, and %s is not there: %w", name, final[i], err)
		}
		if err := filesystem.Rename(ctx, fs, name, final[i]); err != nil {
			return err
		}
	}
	return nil
}

// shardPart is what a shard's name holds between BASE- and EXT.
var shardPart = regexp.MustCompile(`^[0-9]{5}-of-[0-9]{5}$`)

func shardName(base, ext string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d%s", base, i, n, ext)
}

func remove(ctx context.Context, fs filesystem.Interface, name string) error {
	r, ok := fs.(filesystem.Remover)
	if !ok {
		return fmt.Errorf("cannot remove %s from its filesystem", name)
	}
	return r.Remove(ctx, name)
}

func init() {
	register.DoFn3x1[context.Context, string, func(string), error](&shardFn{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&finalizeFn{})
	register.Emitter1[string]()
	register.Iter1[string]()
}
