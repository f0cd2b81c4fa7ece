package translit

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestToASCII(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Maria", "Maria"},
		{"", ""},
		{"José", "Jose"},
		{"Königstraße", "Konigstrasse"},
		{"Łódź", "Lodz"},
		{"Ørsted Æbeltoft", "Orsted AEbeltoft"},
		{"Œuvre cœur", "OEuvre coeur"},
		{"Þórður Guðmundsson", "Thordur Gudmundsson"},
		{"Đặng Văn Đức", "Dang Van Duc"},
		{"Işıl Ağaoğlu", "Isil Agaoglu"},
		{"Ħal Qormi", "Hal Qormi"},
		{"Paraŀlel", "Parallel"},
		{"STRAẞE", "STRASSE"},
		{"Ştefan Ţiriac Șerban Țuțea", "Stefan Tiriac Serban Tutea"},
		{"Əliyev", "Aliyev"},
		{"O‘zbekiston", "O'zbekiston"},
		{"“quoted” ‘single’", `"quoted" 'single'`},
		{"Rua 25 de Março – Loja 3", "Rua 25 de Marco - Loja 3"},
		{"Apt\u00a04B", "Apt 4B"},
		{"zero\u200bwidth\u00adsoft", "zerowidthsoft"},
		{"ﬁnal ½ №5 Ａｂ²", "final 1/2 No5 Ab2"},
		{"tab\there", "tab here"},
		{"bell\x07", "bell"},
		{"Ångström", "Angstrom"},
		{"Nguyễn", "Nguyen"},
		{"Ñandú", "Nandu"},
		{"Čapek Dvořák", "Capek Dvorak"},
	}
	for _, tt := range tests {
		got, ok := ToASCII(tt.in)
		assert.True(t, ok, "%q", tt.in)
		assert.Equal(t, tt.want, got, "%q", tt.in)
	}
}

func TestToASCIIRefusesOtherScripts(t *testing.T) {
	for _, in := range []string{
		"Мария",            // Cyrillic
		"Ελένη",            // Greek
		"王芳",               // Han
		"محمد",             // Arabic
		"שרה",              // Hebrew
		"さくら",              // Hiragana
		"김민준",              // Hangul
		"Maria Иванова",    // mixed
		"Straße 5 €",       // a symbol with no agreed ASCII form
		"smile \U0001F600", // emoji
	} {
		got, ok := ToASCII(in)
		assert.False(t, ok, "%q", in)
		assert.Empty(t, got, "%q", in)
	}
}

func TestIsLatin(t *testing.T) {
	assert.True(t, IsLatin("Łódź 12"))
	assert.True(t, IsLatin("Straße €"))
	assert.False(t, IsLatin("Maria Иванова"))
	assert.False(t, IsLatin("王芳"))
}

func FuzzToASCII(f *testing.F) {
	for _, s := range []string{"José", "Königstraße", "Łódź", "Мария", "a\x00b", "\u0085", "ﬁ½", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ToASCII(s)
		if !ok {
			if got != "" {
				t.Fatalf("ToASCII(%q) = %q, false; want an empty string", s, got)
			}
			return
		}
		for i := 0; i < len(got); i++ {
			if got[i] < ' ' || got[i] > '~' {
				t.Fatalf("ToASCII(%q) = %q: byte %#x is not printable ASCII", s, got, got[i])
			}
		}
		if isPrintableASCII(s) && got != s {
			t.Fatalf("ToASCII(%q) = %q: printable ASCII must come back unchanged", s, got)
		}
		if again, ok := ToASCII(got); !ok || again != got {
			t.Fatalf("ToASCII is not idempotent on %q: %q, %v", got, again, ok)
		}
		if utf8.ValidString(s) && !IsLatin(s) {
			t.Fatalf("ToASCII(%q) = %q, true for text in another script", s, got)
		}
	})
}
