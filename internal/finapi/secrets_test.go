package finapi_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/finlint/finlint/internal/finapi"
	"github.com/finlint/finlint/internal/finapitest"
	"github.com/finlint/finlint/rules"
)

// TestSecretsNeverLeak drives every failure path that produces text and
// checks that no token and no client secret appears in any of it, even
// when the server echoes back the ones the client holds.
func TestSecretsNeverLeak(t *testing.T) {
	const staticToken = "tok-static-Q4m9-never-print"
	srv := startServer(t, finapitest.Options{})
	var texts []string
	note := func(v ...any) {
		for _, x := range v {
			if x != nil {
				texts = append(texts, fmt.Sprintf("%v | %+v | %#v", x, x, x))
			}
		}
	}
	// echo builds an answer quoting what the client in question knows.
	echo := func(status int, known ...string) finapitest.Fault {
		q := strings.Join(known, " and ")
		return finapitest.Fault{Status: status, Body: fmt.Sprintf(
			`{"message":"bad credentials %s","access_token":"%s","errors":[{"basic_info.email":"%s"}]}`, q, q, q)}
	}

	// The token endpoint failing in several ways, its answers echoing the
	// secret.
	for _, f := range []finapitest.Fault{
		echo(401, testClientSecret), echo(422, testClientSecret), echo(500, testClientSecret), echo(400, testClientSecret),
		{Status: 200, Body: `{"access_token": 12, "client_secret": "` + testClientSecret + `"}`},
		{Status: 200, Body: `{"data": {"note": "` + testClientSecret + `"}}`},
		{Status: 200, Body: testClientSecret},
	} {
		tsrv := startServer(t, finapitest.Options{})
		for i := 0; i < 10; i++ {
			tsrv.Script(finapitest.PathToken, f)
		}
		cl, _ := newClient(t, tsrv, creds(), finapi.Options{})
		_, err := cl.Fetch(context.Background(), rules.PurposesIndividual)
		require.Error(t, err)
		note(err)
		res, err := cl.CreateIndividual(context.Background(), payload("x@example.com"))
		require.Error(t, err)
		note(err, res)
		note(cl)
	}

	// A wrong secret.
	wrong := finapi.Credentials{ClientID: testClientID, ClientSecret: "wrong-" + testClientSecret}
	cl, _ := newClient(t, srv, wrong, finapi.Options{})
	_, err := cl.Fetch(context.Background(), rules.PurposesIndividual)
	require.ErrorIs(t, err, finapi.ErrUnauthorized)
	note(err, cl, wrong)

	// Working credentials; then catalogue and create failures whose
	// answers echo secrets and tokens.
	cl, _ = newClient(t, srv, creds(), finapi.Options{MaxAttempts: 2})
	_, err = cl.Fetch(context.Background(), rules.PurposesIndividual)
	require.NoError(t, err)
	known := []string{testClientSecret, srv.Secrets()[0], srv.Secrets()[1]}
	srv.Script(finapitest.PathPurposes, echo(500, known...), echo(500, known...))
	_, err = cl.Fetch(context.Background(), rules.PurposesIndividual)
	require.Error(t, err)
	note(err)
	for _, f := range []finapitest.Fault{echo(422, known...), echo(423, known...), echo(500, known...), echo(409, known...), {Drop: true}, {Status: 504}} {
		srv.Script(finapitest.PathCreate, f)
		res, err := cl.CreateIndividual(context.Background(), payload("y@example.com"))
		note(err, res)
	}
	srv.Script(finapitest.PathCreate, finapitest.Fault{Status: 401}, finapitest.Fault{Status: 401})
	res, err := cl.CreateIndividual(context.Background(), payload("z@example.com"))
	require.ErrorIs(t, err, finapi.ErrUnauthorized)
	note(err, res, cl, creds())

	// A static token, refused, with answers that quote it.
	st, _ := newClient(t, srv, finapi.Credentials{AccessToken: staticToken}, finapi.Options{})
	srv.Script(finapitest.PathPurposes, echo(401, staticToken))
	_, err = st.Fetch(context.Background(), rules.PurposesIndividual)
	require.ErrorIs(t, err, finapi.ErrUnauthorized)
	note(err, st)
	srv.Script(finapitest.PathCreate, echo(422, staticToken))
	res, err = st.CreateIndividual(context.Background(), payload("s@example.com"))
	note(err, res)
	assert.Contains(t, res.Message, "<redacted>", "the echoed secret is blanked, the rest kept")

	// The journal entries made from these results.
	path := filepath.Join(t.TempDir(), "j.jsonl")
	j, err := finapi.OpenJournal(path)
	require.NoError(t, err)
	require.NoError(t, j.Outcome("k", finapi.EntryFor(res, err)))
	require.NoError(t, j.Close())
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	texts = append(texts, string(data))

	secrets := append(srv.Secrets(), testClientSecret, staticToken)
	require.Greater(t, len(srv.Secrets()), 2)
	all := strings.Join(texts, "\n")
	require.NotEmpty(t, all)
	for _, s := range secrets {
		assert.NotContains(t, all, s)
	}
}
