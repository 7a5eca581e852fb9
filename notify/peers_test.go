package notify_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"errors"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/dispenser"
	"github.com/hardcandy/hardcandy/notify"
)

// Real peers for delivery tests: an SMTP server with STARTTLS and AUTH PLAIN that keeps what it
// receives, and a webhook receiver that checks signatures.

const (
	smtpUser     = "hc"
	smtpPassword = "s3cret"
)

// received is one message an SMTP server accepted.
type received struct {
	From   string
	To     []string
	Data   []byte
	TLS    bool
	AuthAs string
}

// mailbox is an in-process SMTP server.
type mailbox struct {
	Host string
	Port int
	mu   sync.Mutex
	got  []received
}

// Mails returns what the server accepted so far.
func (m *mailbox) Mails() []received {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]received(nil), m.got...)
}

// Config returns the SMTP configuration that reaches m.
func (m *mailbox) Config() notify.SMTPConfig {
	return notify.SMTPConfig{Host: m.Host, Port: m.Port, Username: smtpUser, Password: smtpPassword,
		From: "Hardcandy <hardcandy@example.com>", StartTLS: true, InsecureSkipVerify: true}
}

// startSMTP starts an SMTP server on 127.0.0.1 with a self-signed certificate. It offers AUTH
// only after STARTTLS and accepts mail only when authenticated.
func startSMTP(t *testing.T) *mailbox {
	t.Helper()
	box := &mailbox{}
	s := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		return &session{box: box, conn: c}, nil
	}))
	s.Domain = "localhost"
	s.TLSConfig = &tls.Config{Certificates: []tls.Certificate{selfSigned(t)}, MinVersion: tls.VersionTLS12}
	s.ReadTimeout, s.WriteTimeout = 10*time.Second, 10*time.Second
	s.ErrorLog = log.New(io.Discard, "", 0)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	go func() { _ = s.Serve(l) }()
	t.Cleanup(func() { _ = s.Close() })
	host, port, err := net.SplitHostPort(l.Addr().String())
	require.NoError(t, err)
	box.Host = host
	box.Port, err = strconv.Atoi(port)
	require.NoError(t, err)
	return box
}

// session is one SMTP connection.
type session struct {
	box  *mailbox
	conn *smtp.Conn
	user string
	from string
	to   []string
}

func (s *session) AuthMechanisms() []string { return []string{sasl.Plain} }

func (s *session) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, username, password string) error {
		if username != smtpUser || password != smtpPassword {
			return errors.New("invalid username or password")
		}
		s.user = username
		return nil
	}), nil
}

func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	if s.user == "" {
		return smtp.ErrAuthRequired
	}
	s.from = from
	return nil
}

func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.to = append(s.to, to)
	return nil
}

func (s *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	_, isTLS := s.conn.TLSConnectionState()
	s.box.mu.Lock()
	s.box.got = append(s.box.got, received{From: s.from, To: s.to, Data: b, TLS: isTLS, AuthAs: s.user})
	s.box.mu.Unlock()
	return nil
}

func (s *session) Reset()        { s.from, s.to = "", nil }
func (s *session) Logout() error { return nil }

// selfSigned returns a certificate for 127.0.0.1.
func selfSigned(t *testing.T) tls.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1)},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

// hook is a webhook receiver. With a secret it rejects unsigned or wrongly signed requests with
// 401; it answers the first fail calls with 500 (every call when fail < 0), and keeps the bodies
// it accepted.
type hook struct {
	URL      string
	secret   []byte
	fail     int
	mu       sync.Mutex
	calls    int
	bodies   []notify.WebhookBody
	problems []string
}

func startHook(t *testing.T, secret string, fail int) *hook {
	t.Helper()
	h := &hook{secret: []byte(secret), fail: fail}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	h.URL = srv.URL + "/notices"
	return h
}

func (h *hook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.calls++
	body, err := io.ReadAll(r.Body)
	switch {
	case err != nil:
		h.problems = append(h.problems, "read: "+err.Error())
	case r.Method != http.MethodPost || r.URL.Path != "/notices":
		h.problems = append(h.problems, "request "+r.Method+" "+r.URL.Path)
	case r.Header.Get("Content-Type") != "application/json":
		h.problems = append(h.problems, "content type "+r.Header.Get("Content-Type"))
	case len(h.secret) == 0 && r.Header.Get(dispenser.HeaderSignature) != "":
		h.problems = append(h.problems, "signed without a secret")
	case len(h.secret) > 0 && !dispenser.Verify(h.secret, body, r.Header.Get(dispenser.HeaderSignature)):
		h.problems = append(h.problems, "bad signature")
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	if h.fail < 0 || h.calls <= h.fail {
		http.Error(w, "boom: backend down", http.StatusInternalServerError)
		return
	}
	var wb notify.WebhookBody
	if err := json.Unmarshal(body, &wb); err != nil {
		h.problems = append(h.problems, "decode: "+err.Error())
	}
	h.bodies = append(h.bodies, wb)
	w.WriteHeader(http.StatusNoContent)
}

// Calls returns how many requests arrived, the accepted bodies, and any problems seen.
func (h *hook) Calls() (int, []notify.WebhookBody, []string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.calls, append([]notify.WebhookBody(nil), h.bodies...), append([]string(nil), h.problems...)
}
