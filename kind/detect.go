package kind

import (
	"encoding/json"
	"strings"
	"sync"

	"github.com/finlint/finlint/internal/jsondoc"
)

// Detect returns the kind a document is of, told by its shape: each kind
// scores ten points for each of its Markers present and one for every other
// key of the document, three levels deep, that its schema knows. The kind
// with the highest score is the document's; when two share it, or none
// scores, Detect returns nil: such a document must be given its kind. The
// order of kinds does not matter.
func Detect(root *jsondoc.Value, kinds []*Kind) *Kind {
	if root == nil || root.Kind != jsondoc.Object {
		return nil
	}
	var scores [maxMerged]int
	merged := mergedFor(kinds)
	if merged != nil {
		merged.count(root, 0, scores[:len(kinds)])
	}
	var best *Kind
	bestN, tie := 0, false
	for i, k := range kinds {
		var n int
		if merged != nil {
			n = scores[i] + k.markerScore(root)
		} else {
			n = k.score(root)
		}
		switch {
		case n > bestN:
			best, bestN, tie = k, n, false
		case n == bestN && n > 0:
			tie = true
		}
	}
	if tie {
		return nil
	}
	return best
}

// score is how much root looks like a payload of k; see Detect.
func (k *Kind) score(root *jsondoc.Value) int {
	return k.markerScore(root) + k.detector().tree.count(root, 0)
}

// markerScore is ten points for each of k's markers root has.
func (k *Kind) markerScore(root *jsondoc.Value) int {
	n := 0
	for _, m := range k.detector().markers {
		if lookupTokens(root, m) != nil {
			n += 10
		}
	}
	return n
}

// maxMerged is the most kinds one merged tree serves; more kinds are
// scored one by one.
const maxMerged = 8

// mergedNode is the known keys of several kinds in one tree: kinds has a
// bit for each kind (by its place in the list) that knows the key leading
// here, so one walk of a document, one lookup a key, scores every kind.
type mergedNode struct {
	keys  map[string]*mergedNode
	items *mergedNode
	kinds uint8
}

// count adds to scores[i] the keys of v, depth levels deep at most, that
// the i-th kind knows; as keyNode.count does for one kind.
func (n *mergedNode) count(v *jsondoc.Value, depth int, scores []int) {
	if depth == 3 || n == nil {
		return
	}
	switch v.Kind {
	case jsondoc.Object:
		for _, m := range v.Members {
			sub, ok := n.keys[m.Key]
			if !ok {
				continue
			}
			for i, bits := 0, sub.kinds; bits != 0; i, bits = i+1, bits>>1 {
				if bits&1 != 0 {
					scores[i]++
				}
			}
			sub.count(m.Value, depth+1, scores)
		}
	case jsondoc.Array:
		if n.items != nil {
			for _, it := range v.Items {
				n.items.count(it, depth, scores)
			}
		}
	}
}

func (n *mergedNode) merge(src *keyNode, bit uint8) {
	for key, c := range src.keys {
		if n.keys == nil {
			n.keys = map[string]*mergedNode{}
		}
		d := n.keys[key]
		if d == nil {
			d = &mergedNode{}
			n.keys[key] = d
		}
		d.kinds |= bit
		d.merge(c, bit)
	}
	if src.items != nil {
		if n.items == nil {
			n.items = &mergedNode{}
		}
		n.items.merge(src.items, bit)
	}
}

// mergedTrees holds a merged tree per list of kinds, built on first use.
var mergedTrees sync.Map // [maxMerged]*Kind -> *mergedNode

// mergedFor returns the merged tree of kinds, or nil when there are too
// many to merge.
func mergedFor(kinds []*Kind) *mergedNode {
	if len(kinds) > maxMerged {
		return nil
	}
	var key [maxMerged]*Kind
	copy(key[:], kinds)
	if t, ok := mergedTrees.Load(key); ok {
		return t.(*mergedNode)
	}
	t := &mergedNode{}
	for i, k := range kinds {
		t.merge(k.detector().tree, 1<<i)
	}
	actual, _ := mergedTrees.LoadOrStore(key, t)
	return actual.(*mergedNode)
}

// detector is what Detect needs of a kind, built once: its markers split
// into tokens and its known keys as a tree, so that scoring a document
// looks keys up token by token and builds no pointer.
type detector struct {
	markers [][]string
	tree    *keyNode
}

// keyNode is one level of a kind's known keys: the keys an object there
// may have, and under items what an array's items may have.
type keyNode struct {
	keys  map[string]*keyNode
	items *keyNode
}

// detector returns k's detector, built on first use from its markers and
// its schema.
func (k *Kind) detector() *detector {
	k.detectOnce.Do(func() {
		d := &detector{tree: knownKeys(k.SchemaJSON)}
		for _, m := range k.Markers {
			d.markers = append(d.markers, jsondoc.SplitPointer(m))
		}
		k.det = d
	})
	return k.det
}

func (n *keyNode) child(t string) *keyNode {
	if t == "*" {
		if n.items == nil {
			n.items = &keyNode{}
		}
		return n.items
	}
	if n.keys == nil {
		n.keys = map[string]*keyNode{}
	}
	c, ok := n.keys[t]
	if !ok {
		c = &keyNode{}
		n.keys[t] = c
	}
	return c
}

// count is the number of keys of v, depth levels of keys deep at most,
// that the tree knows; array levels do not count as depth.
func (n *keyNode) count(v *jsondoc.Value, depth int) int {
	if depth == 3 || n == nil {
		return 0
	}
	c := 0
	switch v.Kind {
	case jsondoc.Object:
		for _, m := range v.Members {
			if sub, ok := n.keys[m.Key]; ok {
				c += 1 + sub.count(m.Value, depth+1)
			}
		}
	case jsondoc.Array:
		if n.items != nil {
			for _, it := range v.Items {
				c += n.items.count(it, depth)
			}
		}
	}
	return c
}

// knownKeys returns the tree of every key a schema declares, three levels
// deep: basic_info, basic_info/email, associated_parties/*/basic_info.
func knownKeys(schemaJSON []byte) *keyNode {
	root := &keyNode{}
	var doc map[string]any
	if json.Unmarshal(schemaJSON, &doc) != nil {
		return root
	}
	defs, _ := doc["$defs"].(map[string]any)
	// depth counts keys, not array levels; hops bounds the $ref chain of a
	// schema that refers to itself.
	var walk func(s map[string]any, at *keyNode, depth, hops int)
	walk = func(s map[string]any, at *keyNode, depth, hops int) {
		if depth >= 3 || hops > 16 || s == nil {
			return
		}
		if ref, ok := s["$ref"].(string); ok {
			if name, ok := strings.CutPrefix(ref, "#/$defs/"); ok {
				d, _ := defs[name].(map[string]any)
				walk(d, at, depth, hops+1)
			}
		}
		for _, key := range []string{"allOf", "anyOf", "oneOf"} {
			list, _ := s[key].([]any)
			for _, c := range list {
				c, _ := c.(map[string]any)
				walk(c, at, depth, hops+1)
			}
		}
		if items, ok := s["items"].(map[string]any); ok {
			walk(items, at.child("*"), depth, hops)
		}
		props, _ := s["properties"].(map[string]any)
		for name, c := range props {
			c, _ := c.(map[string]any)
			walk(c, at.child(name), depth+1, hops)
		}
	}
	walk(doc, root, 0, 0)
	return root
}

func lookupTokens(root *jsondoc.Value, toks []string) *jsondoc.Value {
	v := root
	for _, t := range toks {
		v = v.Get(t)
		if v == nil {
			return nil
		}
	}
	return v
}
