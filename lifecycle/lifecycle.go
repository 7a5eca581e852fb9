// Package lifecycle holds the state machines of Hardcandy: one table of allowed transitions per
// kind of thing, consulted by every status change so that no code path invents its own.
package lifecycle

import (
	"fmt"
	"slices"

	"github.com/hardcandy/hardcandy/apperr"
)

// Machine is a table of allowed transitions between states of type S.
type Machine[S ~string] struct {
	name    string
	states  []S
	allowed map[S][]S
}

// New returns a machine named name (used in errors) with the given states and allowed moves.
// Every state used in allowed must be listed in states.
func New[S ~string](name string, states []S, allowed map[S][]S) *Machine[S] {
	for from, tos := range allowed {
		for _, s := range append([]S{from}, tos...) {
			if !slices.Contains(states, s) {
				panic(fmt.Sprintf("lifecycle %s: state %q is not declared", name, s))
			}
		}
	}
	return &Machine[S]{name: name, states: states, allowed: allowed}
}

// States returns every state, in declaration order.
func (m *Machine[S]) States() []S { return slices.Clone(m.states) }

// Allowed reports whether from → to is a legal move.
func (m *Machine[S]) Allowed(from, to S) bool { return slices.Contains(m.allowed[from], to) }

// Check returns a CONFLICT error naming from and to when the move is not allowed.
func (m *Machine[S]) Check(from, to S) error {
	if m.Allowed(from, to) {
		return nil
	}
	return apperr.New(apperr.Conflict, "%s cannot go from %s to %s", m.name, from, to)
}

// Sources returns the states from which to can be reached.
func (m *Machine[S]) Sources(to S) []S {
	var out []S
	for _, s := range m.states {
		if m.Allowed(s, to) {
			out = append(out, s)
		}
	}
	return out
}
