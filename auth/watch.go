package auth

import (
	"context"
	"maps"
	"slices"
	"time"

	"github.com/jonboulle/clockwork"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/ent/apitoken"
)

// recheckEvery is how often the tokens of long-lived sessions are checked again. With the one
// second a revocation in another process takes to be seen, a revoked websocket ends within the
// two seconds plain HTTP takes (knownFor).
const recheckEvery = time.Second

// recheckChunk bounds the hashes asked for in one statement.
const recheckChunk = 500

// session is a long-lived connection authenticated once, by a token.
type session struct {
	hash string
	end  func()
}

// Watch keeps a long-lived session (a websocket) authenticated by token only as long as the
// token is valid: once it is revoked (here, by the CLI, on another replica) end is called, once,
// within recheckEvery. Every session's token is checked in one statement per tick, however many
// sessions are open. The returned stop ends the watch; call it when the session ends.
func (s *Service) Watch(token string, end func()) (stop func()) {
	w := &session{hash: string(hash(token)), end: end}
	s.wmu.Lock()
	s.sessions[w] = struct{}{}
	if !s.watching {
		s.watching = true
		// Made before Watch returns, so a fake clock's Advance reaches it.
		go s.recheck(s.clock.NewTicker(recheckEvery))
	}
	s.wmu.Unlock()
	return func() {
		s.wmu.Lock()
		delete(s.sessions, w)
		s.wmu.Unlock()
	}
}

// recheck ends the sessions whose token is no longer valid, every tick or when a revocation in
// this process kicks it; it returns once no session is left.
func (s *Service) recheck(t clockwork.Ticker) {
	defer t.Stop()
	for {
		select {
		case <-t.Chan():
		case <-s.kick:
		}
		s.wmu.Lock()
		if len(s.sessions) == 0 {
			s.watching = false
			s.wmu.Unlock()
			return
		}
		byHash := map[string][]*session{}
		for w := range s.sessions {
			byHash[w.hash] = append(byHash[w.hash], w)
		}
		s.wmu.Unlock()
		valid, err := s.validHashes(slices.Collect(maps.Keys(byHash)))
		if err != nil {
			continue // the database did not answer: the sessions stay until it does
		}
		var ended []*session
		s.wmu.Lock()
		for h, ws := range byHash {
			if valid[h] {
				continue
			}
			for _, w := range ws {
				if _, open := s.sessions[w]; open {
					delete(s.sessions, w)
					ended = append(ended, w)
				}
			}
		}
		s.wmu.Unlock()
		if len(ended) > 0 {
			s.mu.Lock()
			for _, w := range ended {
				delete(s.known, w.hash) // plain HTTP with the same token stops at once too
			}
			s.mu.Unlock()
		}
		for _, w := range ended {
			w.end()
		}
	}
}

// validHashes returns which of the hashes belong to tokens that are not revoked.
func (s *Service) validHashes(hashes []string) (map[string]bool, error) {
	ctx, cancel := context.WithTimeout(database.System(context.Background()), 10*time.Second)
	defer cancel()
	valid := make(map[string]bool, len(hashes))
	for start := 0; start < len(hashes); start += recheckChunk {
		chunk := hashes[start:min(start+recheckChunk, len(hashes))]
		in := make([][]byte, len(chunk))
		for i, h := range chunk {
			in[i] = []byte(h)
		}
		toks, err := s.client.APIToken.Query().Where(apitoken.HashIn(in...), apitoken.RevokedAtIsNil(), Unexpired(s.clock.Now())).
			Select(apitoken.FieldHash).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, t := range toks {
			valid[string(t.Hash)] = true
		}
	}
	return valid, nil
}

// kickRecheck makes the sessions' tokens be checked at once (after a revocation here).
func (s *Service) kickRecheck() {
	select {
	case s.kick <- struct{}{}:
	default:
	}
}
