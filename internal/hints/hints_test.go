package hints

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestForAndStrip(t *testing.T) {
	for _, c := range []struct{ id, msg, want string }{
		{"payload-kind", "name its kind", "name its kind with --kind, or a kinds entry of .finlint.yaml"},
		{"reference-id", "purpose_id 9 is not in the purposes catalogue, which is empty", "purpose_id 9 is not in the purposes catalogue, which is empty; run `finlint refcache refresh`"},
		{"reference-id", "purpose_id 9 is not in the purposes catalogue", "purpose_id 9 is not in the purposes catalogue"},
		{"email-lowercase", "email has upper-case letters", "email has upper-case letters"},
	} {
		got := c.msg + For(c.id, c.msg)
		assert.Equal(t, c.want, got, c.id)
		assert.Equal(t, c.msg, Strip(c.id, got), c.id)
	}
	// A message that only ends like a hint, of another rule, keeps it.
	assert.Equal(t, "x with --kind, or a kinds entry of .finlint.yaml", Strip("email-format", "x with --kind, or a kinds entry of .finlint.yaml"))
}
