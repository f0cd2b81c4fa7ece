package jsondoc

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// lookupBySplit is Lookup as it was written first, on the tokens of
// SplitPointer: the reference the allocation-free walk must agree with.
func lookupBySplit(d *Doc, ptr string) *Value {
	v := d.Root
	if v == nil {
		return nil
	}
	for _, tok := range SplitPointer(ptr) {
		switch v.Kind {
		case Object:
			m := v.member(tok)
			if m == nil {
				return nil
			}
			v = m.Value
		case Array:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(v.Items) || (len(tok) > 1 && tok[0] == '0') {
				return nil
			}
			v = v.Items[i]
		default:
			return nil
		}
	}
	return v
}

func TestLookupAgreesWithSplitPointer(t *testing.T) {
	d := Parse([]byte(`{"a": {"b/c": [1, {"d~e": 2, "": 3}], "": {"": 4}}, "x~1": 5, "0": [6]}`), Limits{})
	for _, ptr := range []string{
		"", "/", "//", "///", "/a", "/a/", "/a/b~1c", "/a/b~1c/0", "/a/b~1c/1/d~0e", "/a/b~1c/1/",
		"/a/b~1c/01", "/a/b~1c/-1", "/a/b~1c/2", "/a//", "/x~01", "/x~1", "/0/0", "a", "a/b",
		"/a/b~1c/1/d~0e/x", "/nope", "/0/00",
	} {
		assert.Same(t, lookupBySplit(d, ptr), d.Lookup(ptr), "%q", ptr)
	}
}

func FuzzLookupAgreesWithSplitPointer(f *testing.F) {
	f.Add(`{"a": {"b": [1, 2]}}`, "/a/b/1")
	f.Add(`{"": {"~": 1}}`, "//~0")
	f.Fuzz(func(t *testing.T, doc, ptr string) {
		d := Parse([]byte(doc), Limits{})
		if lookupBySplit(d, ptr) != d.Lookup(ptr) {
			t.Fatalf("Lookup(%q) differs on %q", ptr, doc)
		}
	})
}

// A released document's blocks serve the next parse, cleared: nothing of
// the first document shows through in the second.
func TestReleaseReusesClearedBlocks(t *testing.T) {
	big := `{"a": [` + strings.Repeat(`{"k": "v", "n": 1},`, 100) + `{}], "s": "x\u00e9"}`
	for range 3 {
		d := Parse([]byte(big), Limits{})
		assert.Equal(t, "xé", d.Lookup("/s").Str)
		assert.Greater(t, len(d.blocks), 1, "more than one block")
		d.Release()
		assert.Nil(t, d.Root)
		e := Parse([]byte(`{"b": [true, null, "y"]}`), Limits{})
		assert.Nil(t, e.Lookup("/a"))
		v := e.Lookup("/b")
		assert.Len(t, v.Items, 3)
		assert.True(t, v.Items[0].Bool)
		assert.Equal(t, Null, v.Items[1].Kind)
		assert.Equal(t, "y", v.Items[2].Str)
		for _, it := range v.Items {
			assert.Nil(t, it.Members)
			assert.Nil(t, it.index)
		}
		e.Release()
	}
}
