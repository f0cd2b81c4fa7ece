package business

import (
	"testing"

	"github.com/finlint/finlint/rules"
)

func TestWebsiteURL(t *testing.T) {
	coExpect(t, WebsiteURL, runPatch(t, WebsiteURL, `{"basic_info": {"websites": [
  "https://www.harborpoint.example.com", "www.harborpoint.example.com", "ftp://files.example.com",
  "https:///about", "https://user:pw@example.com", "https://example.com:0", "https://exa mple.com", "", 5,
  "HTTP://Example.com/a?b#c", "https://example.com:8443/x"]}}`),
		coFinding{Path: "/basic_info/websites/1", Message: `websites[1] "www.harborpoint.example.com" has no scheme (it should start with https:// or http://)`, Suggestion: "https://www.harborpoint.example.com"},
		coFinding{Path: "/basic_info/websites/2", Message: `websites[2] "ftp://files.example.com" is not an http or https URL`},
		coFinding{Path: "/basic_info/websites/3", Message: `websites[3] "https:///about" has no host name`},
		coFinding{Path: "/basic_info/websites/4", Message: `websites[4] "https://user:pw@example.com" contains a user name or password before the host`},
		coFinding{Path: "/basic_info/websites/5", Message: `websites[5] "https://example.com:0" has an invalid port`},
		coFinding{Path: "/basic_info/websites/6", Message: `websites[6] "https://exa mple.com" contains spaces`},
		coFinding{Path: "/basic_info/websites/7", Message: `websites[7] "" is empty`},
	)
	f := coOne(t, WebsiteURL, runPatch(t, WebsiteURL, `{"basic_info": {"websites": ["example.com"]}}`, coRedact))
	coExpect(t, WebsiteURL, []rules.Finding{f}, coFinding{Path: "/basic_info/websites/0",
		Message: `websites[0] "***********" has no scheme (it should start with https:// or http://)`})
}

func TestDuplicateWebsite(t *testing.T) {
	coExpect(t, DuplicateWebsite, runPatch(t, DuplicateWebsite, `{"basic_info": {"websites": [
  "https://www.example.com/About", "HTTPS://WWW.Example.COM/About", "https://www.example.com/about",
  "http://www.example.com/About", "www.example.com", "www.example.com", "https://www.example.com:443/About",
  "https://www.example.com/About?", "https://www.example.com/About"]}}`),
		coFinding{Path: "/basic_info/websites/1", Message: `websites[1] "HTTPS://WWW.Example.COM/About" repeats websites[0]`},
		coFinding{Path: "/basic_info/websites/8", Message: `websites[8] "https://www.example.com/About" repeats websites[0]`},
	)
	coExpect(t, DuplicateWebsite, runPatch(t, DuplicateWebsite, `{"basic_info": {"websites": ["https://a.example.com", "https://b.example.com"]}}`))
}

func TestWebsiteKey(t *testing.T) {
	for in, want := range map[string]string{
		"HTTPS://A.Example.com":           "https://a.example.com",
		"https://A.example.com?Q=1":       "https://a.example.com?Q=1",
		"https://A.example.com#Frag":      "https://a.example.com#Frag",
		"Http://A.EXAMPLE.com:8080/Path/": "http://a.example.com:8080/Path/",
	} {
		got, ok := websiteKey(in)
		if !ok || got != want {
			t.Errorf("websiteKey(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := websiteKey("ftp://a.example.com"); ok {
		t.Error("an ftp URL has a key")
	}
}
