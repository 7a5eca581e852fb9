package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/hardcandy/hardcandy/config"
	"github.com/hardcandy/hardcandy/database"
)

// dashboardExprs returns every PromQL expression of the Grafana dashboard.
func dashboardExprs(t *testing.T) []string {
	t.Helper()
	raw, err := os.ReadFile("deploy/grafana/hardcandy.json")
	require.NoError(t, err)
	var dash struct {
		Panels []struct {
			Title   string `json:"title"`
			Targets []struct {
				Expr string `json:"expr"`
			} `json:"targets"`
		} `json:"panels"`
	}
	require.NoError(t, json.Unmarshal(raw, &dash))
	var out []string
	for _, p := range dash.Panels {
		for _, tg := range p.Targets {
			out = append(out, tg.Expr)
		}
	}
	require.NotEmpty(t, out)
	return out
}

// alertExprs returns every expression of the alert rules.
func alertExprs(t *testing.T) []string {
	t.Helper()
	raw, err := os.ReadFile("deploy/prometheus/alerts.yml")
	require.NoError(t, err)
	var rules struct {
		Groups []struct {
			Rules []struct {
				Expr string `yaml:"expr"`
			} `yaml:"rules"`
		} `yaml:"groups"`
	}
	require.NoError(t, yaml.Unmarshal(raw, &rules))
	var out []string
	for _, g := range rules.Groups {
		for _, r := range g.Rules {
			out = append(out, r.Expr)
		}
	}
	require.NotEmpty(t, out)
	return out
}

var fqNameRE = regexp.MustCompile(`fqName: "([^"]+)"`)

var metricNameRE = regexp.MustCompile(`\b(hardcandy_[a-z_]+|go_sql_[a-z_]+)`)

// TestDashboardAndAlertsUseExportedMetrics: every metric the dashboard and the alerts name is
// one the server exports, and every dashboard expression parses (promtool, when installed).
func TestDashboardAndAlertsUseExportedMetrics(t *testing.T) {
	t.Parallel()
	s := startOps(t, &config.File{}, nil, database.Options{})
	require.NotNil(t, s.app.sched, "the app's scheduler registered the job metrics")
	// Every metric the registry describes, whether or not it has a series yet.
	descs := make(chan *prometheus.Desc)
	go func() { s.app.metrics.Registry.Describe(descs); close(descs) }()
	exported := map[string]bool{}
	for d := range descs {
		if m := fqNameRE.FindStringSubmatch(d.String()); m != nil {
			for _, suffix := range []string{"", "_bucket", "_sum", "_count"} {
				exported[m[1]+suffix] = true
			}
		}
	}
	exprs := append(dashboardExprs(t), alertExprs(t)...)
	for _, e := range exprs {
		for _, name := range metricNameRE.FindAllString(e, -1) {
			require.True(t, exported[name], "%s (in %q) is not exported", name, e)
		}
	}

	bin := promtool(t)
	if bin == "" {
		return
	}
	// promtool parses rule files: the dashboard's expressions become recording rules.
	type rule struct {
		Record string `yaml:"record"`
		Expr   string `yaml:"expr"`
	}
	var rules []rule
	for i, e := range dashboardExprs(t) {
		e = strings.NewReplacer("$__rate_interval", "5m", "$product", ".*").Replace(e)
		rules = append(rules, rule{Record: "dashboard:panel_" + string(rune('a'+i%26)) + strings.Repeat("x", i/26), Expr: e})
	}
	out, err := yaml.Marshal(map[string]any{"groups": []map[string]any{{"name": "dashboard", "rules": rules}}})
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "dashboard-rules.yml")
	require.NoError(t, os.WriteFile(path, out, 0o600))
	msg, err := exec.Command(bin, "check", "rules", path).CombinedOutput()
	require.NoError(t, err, "the dashboard's expressions:\n%s", msg)
}

// promtool finds promtool on PATH or in bin/; "" (the test logs why) when it is missing
// outside CI.
func promtool(t *testing.T) string {
	t.Helper()
	if bin, err := exec.LookPath("promtool"); err == nil {
		return bin
	}
	if _, err := os.Stat("bin/promtool"); err == nil {
		return "bin/promtool"
	}
	if os.Getenv("CI") != "" {
		t.Fatal("promtool is missing: `make promtool` installs it")
	}
	t.Log("promtool not found (make promtool installs it): its checks are skipped")
	return ""
}
