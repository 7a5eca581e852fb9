package inventory_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/inventory"
)

func TestLabelProblem(t *testing.T) {
	for l, ok := range map[string]bool{
		"gpu": true, "nic=25g": true, "rack=a12": true, "os/ubuntu:24.04": true,
		"": false, "has space": false, "a;b": false, "a,b": false, "a=b=c": false, "=v": false, "k=": false,
		"tab\there": false, string(make([]byte, 101)): false,
	} {
		require.Equal(t, ok, inventory.LabelProblem(l) == "", "%q: %s", l, inventory.LabelProblem(l))
	}
}

func TestSelection(t *testing.T) {
	pool := "lab1"
	s := inventory.Selection{Pool: &pool, Labels: []string{"gpu", "nic=25g", "gpu"}, NotLabels: []string{"broken"}}.Normalize()
	require.Equal(t, []string{"gpu", "nic=25g"}, s.Labels)
	require.Equal(t, "pool lab1, labels gpu+nic=25g, not broken", s.String())
	require.Equal(t, s.Key(), inventory.Selection{Pool: &pool, Labels: []string{"nic=25g", "gpu"}, NotLabels: []string{"broken"}}.Normalize().Key())
	require.NotEqual(t, s.Key(), inventory.Selection{Labels: s.Labels, NotLabels: s.NotLabels}.Key())
	require.True(t, inventory.Selection{}.Empty())
	require.Contains(t, inventory.Selection{Labels: []string{"x"}, NotLabels: []string{"x"}}.Problem("lines[0]"), "lines[0].labels")
	require.Contains(t, inventory.Selection{Labels: []string{"a b"}}.Problem(""), "labels: label")
}
