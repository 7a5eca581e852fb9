package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/coder/websocket/wsjson"
	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/require"

	"github.com/hardcandy/hardcandy/database"
	"github.com/hardcandy/hardcandy/database/dbtest"
	"github.com/hardcandy/hardcandy/demo"
	"github.com/hardcandy/hardcandy/ent/jobrun"
	entlease "github.com/hardcandy/hardcandy/ent/lease"
	"github.com/hardcandy/hardcandy/inventory"
	"github.com/hardcandy/hardcandy/lease"
	"github.com/hardcandy/hardcandy/viewer"
)

// The tests here run several server processes on loopback ports sharing one Postgres database,
// as replicas behind a load balancer would. They need Postgres and skip without it.

var (
	binaryOnce sync.Once
	binaryPath string
	binaryErr  error
)

// builtBinary builds the server once per test process.
func builtBinary(t *testing.T) string {
	t.Helper()
	binaryOnce.Do(func() {
		dir, err := os.MkdirTemp("", "hardcandy-bin-")
		if err != nil {
			binaryErr = err
			return
		}
		binaryPath = filepath.Join(dir, "hardcandy")
		build := exec.Command("go", "build", "-o", binaryPath, ".")
		build.Stderr = os.Stderr
		binaryErr = build.Run()
	})
	require.NoError(t, binaryErr)
	return binaryPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binaryPath != "" {
		_ = os.RemoveAll(filepath.Dir(binaryPath))
	}
	os.Exit(code)
}

// replicaSet is one Postgres database with the demo data and 100 items of 4D.small, and server
// processes serving it.
type replicaSet struct {
	dsn, bin, config, key string
	tokens                map[string]string
	store                 *database.Store
	replicas              []*replica
}

type replica struct {
	cmd  *exec.Cmd
	url  string
	logs *syncBuffer
	done chan struct{}
}

// name is how the replica signs the job-run log.
func (r *replica) name() string {
	host, _ := os.Hostname()
	return fmt.Sprintf("%s/%d", host, r.cmd.Process.Pid)
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newReplicaSet(t *testing.T, config string) *replicaSet {
	t.Helper()
	dsn := dbtest.Postgres(t) // skips without Postgres
	ctx := context.Background()
	st, err := database.Open(ctx, dsn, database.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	svc := newServices(st, clockwork.NewRealClock())
	users, err := demo.Load(ctx, demo.Services{Client: st.Client, Auth: svc.auth, Catalog: svc.catalog, Inventory: svc.inventory})
	require.NoError(t, err)
	var items []*inventory.NewItem
	for i := range 86 { // 14 demo items + 86 = 100
		items = append(items, &inventory.NewItem{SKU: "4D.small", Name: fmt.Sprintf("extra-%03d", i)})
	}
	_, err = svc.inventory.Add(viewer.NewContext(ctx, viewer.Viewer{UserID: 1, Name: "setup", Role: viewer.RoleAdmin}), items)
	require.NoError(t, err)

	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "hardcandy.yaml")
	require.NoError(t, os.WriteFile(cfgPath, []byte(config), 0o600))
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	rs := &replicaSet{dsn: dsn, bin: builtBinary(t), config: cfgPath, key: base64.StdEncoding.EncodeToString(key),
		tokens: map[string]string{}, store: st}
	for _, u := range users {
		rs.tokens[u.Name] = u.Token
	}
	t.Cleanup(func() {
		if t.Failed() {
			for i, r := range rs.replicas {
				t.Logf("replica %d logs:\n%s", i, tail(r.logs.String(), 40))
			}
		}
	})
	return rs
}

func tail(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

var servingRE = regexp.MustCompile(`msg="hardcandy serving" addr=(http://[0-9.:]+)/`)

// start starts n more replicas, each with args after the common ones, and waits until they serve.
func (rs *replicaSet) start(t *testing.T, n int, args ...string) {
	t.Helper()
	var wg sync.WaitGroup
	started := make([]*replica, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(rs.bin, append([]string{"serve", "--db", rs.dsn, "--addr", "127.0.0.1:0",
				"--config", rs.config, "--no-migrate", "--log-level", "debug", "--log-format", "text"}, args...)...)
			cmd.Env = append(os.Environ(), "HARDCANDY_SECRET_KEY="+rs.key)
			r := &replica{cmd: cmd, logs: &syncBuffer{}, done: make(chan struct{})}
			stderr, err := cmd.StderrPipe()
			if err != nil {
				t.Error(err)
				return
			}
			if err := cmd.Start(); err != nil {
				t.Error(err)
				return
			}
			go func() { _ = cmd.Wait(); close(r.done) }()
			sc := bufio.NewScanner(stderr)
			for sc.Scan() {
				line := sc.Text()
				fmt.Fprintln(r.logs, line)
				if m := servingRE.FindStringSubmatch(line); m != nil {
					r.url = m[1]
					break
				}
			}
			go func() {
				for sc.Scan() {
					fmt.Fprintln(r.logs, sc.Text())
				}
			}()
			started[i] = r
		}()
	}
	wg.Wait()
	for _, r := range started {
		require.NotNil(t, r)
		require.NotEmpty(t, r.url, "replica did not start:\n%s", r.logs.String())
		rs.replicas = append(rs.replicas, r)
		t.Cleanup(func() {
			_ = r.cmd.Process.Kill()
			<-r.done
		})
	}
}

// kill stops replica i at once, as a crash would: no draining, no unlock, no goodbye.
func (rs *replicaSet) kill(t *testing.T, i int) {
	t.Helper()
	require.NoError(t, rs.replicas[i].cmd.Process.Signal(syscall.SIGKILL))
	<-rs.replicas[i].done
}

func (rs *replicaSet) alive(i int) bool {
	select {
	case <-rs.replicas[i].done:
		return false
	default:
		return true
	}
}

// gql sends a GraphQL request to replica i as user as; a transport error comes back as err.
func (rs *replicaSet) gql(i int, as, query string, vars map[string]any) (gqlResult, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, rs.replicas[i].url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+rs.tokens[as])
	res, err := httpClient.Do(req)
	if err != nil {
		return gqlResult{}, err
	}
	defer res.Body.Close()
	var out gqlResult
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		return gqlResult{}, fmt.Errorf("decode: %w", err)
	}
	return out, nil
}

func (rs *replicaSet) invariants(t *testing.T) {
	t.Helper()
	v, err := lease.Violations(context.Background(), rs.store.Client)
	require.NoError(t, err)
	require.Empty(t, v)
}

const replicaConfig = `
leasing:
  max_items_per_user: 10000
  pending_timeout: 2s
`

var stormUsers = []string{"alice", "bob", "manny", "admin"}

// TestReplicasVendStorm: 500 concurrent vends spread over three replicas for 100 items make
// exactly 100 leases, and no item is in two active allocations.
func TestReplicasVendStorm(t *testing.T) {
	t.Parallel()
	rs := newReplicaSet(t, replicaConfig)
	rs.start(t, 3, "--no-scheduler")
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		codes = map[string]int{}
		ids   = map[string]bool{}
	)
	gate := make(chan struct{})
	for i := range 500 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate
			r, err := rs.gql(i%3, stormUsers[i%len(stormUsers)], vendMutation,
				map[string]any{"in": map[string]any{"sku": "4D.small", "duration": "1d"}})
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				codes["transport: "+err.Error()]++
				return
			}
			codes[r.code()]++
			if r.code() == "" {
				var v struct{ ID string }
				_ = json.Unmarshal(r.Data["vend"], &v)
				ids[v.ID] = true
			}
		}()
	}
	close(gate)
	wg.Wait()
	require.Equal(t, map[string]int{"": 100, "OUT_OF_STOCK": 400}, codes)
	require.Len(t, ids, 100)
	n, err := rs.store.Client.Lease.Query().Where(entlease.StatusEQ(lease.Active)).Count(database.System(context.Background()))
	require.NoError(t, err)
	require.Equal(t, 100, n)
	rs.invariants(t)
}

// TestReplicaKilledMidStorm: vends and returns spread over three replicas while one of them is
// killed with SIGKILL. Clients move to the surviving replicas as a load balancer would. Once the
// survivors' scheduler repaired what the dead one left half done, every invariant holds and
// every answered vend and return is in the database.
func TestReplicaKilledMidStorm(t *testing.T) {
	t.Parallel()
	rs := newReplicaSet(t, replicaConfig)
	rs.start(t, 3, "--schedule", "recover-stuck=1s", "--schedule", "reclaim-items=1s")
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		active   = map[string]bool{} // vends answered ACTIVE and not returned
		returned = map[string]bool{} // returns answered RETURNED
		// uncertain are returns cut off by the kill: either outcome is right, nothing else.
		uncertain = map[string]bool{}
		errs      int
		answered  atomic.Int64 // requests that got an answer or an error
	)
	// A bounded storm (16 requests per client), with the kill after the first 100 answers:
	// events, not seconds, so a loaded machine only makes it slower.
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	for w := range 24 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			as := stormUsers[w%len(stormUsers)]
			var mine []string
			for n := 0; ctx.Err() == nil && n < 16; n++ {
				i := (w + n) % 3
				for !rs.alive(i) {
					i = (i + 1) % 3
				}
				if len(mine) > 2 || (len(mine) > 0 && n%2 == 1) {
					id := mine[0]
					r, err := rs.gql(i, as, `mutation($id: ID!) { returnLease(id: $id) { id status } }`, map[string]any{"id": id})
					answered.Add(1)
					mine = mine[1:]
					if err != nil {
						// Cut off by the kill: the return may or may not have committed.
						mu.Lock()
						errs++
						delete(active, id)
						uncertain[id] = true
						mu.Unlock()
						continue
					}
					if r.code() == "" {
						mu.Lock()
						delete(active, id)
						returned[id] = true
						mu.Unlock()
					}
					continue
				}
				r, err := rs.gql(i, as, vendMutation, map[string]any{"in": map[string]any{"sku": "4D.small", "duration": "1d"}})
				answered.Add(1)
				if err != nil {
					mu.Lock()
					errs++
					mu.Unlock()
					continue
				}
				if r.code() == "" {
					var v struct{ ID string }
					_ = json.Unmarshal(r.Data["vend"], &v)
					mine = append(mine, v.ID)
					mu.Lock()
					active[v.ID] = true
					mu.Unlock()
				} else if c := r.code(); c != "OUT_OF_STOCK" && c != "CONFLICT" {
					t.Errorf("vend on replica %d: %s: %v", i, c, r.Errors)
				}
			}
		}()
	}
	require.Eventually(t, func() bool { return answered.Load() >= 100 }, 2*time.Minute, 5*time.Millisecond)
	rs.kill(t, 1)
	wg.Wait()
	t.Logf("answered: %d active, %d returned; %d requests cut off by the kill", len(active), len(returned), errs)
	require.NotEmpty(t, returned)

	// The survivors' recover-stuck job rolls back what the dead replica left between a vend's
	// two transactions (after the 2s pending timeout), and reclamation empties REBUILDING.
	sys := database.System(context.Background())
	require.Eventually(t, func() bool {
		n, err := rs.store.Client.Lease.Query().Where(entlease.StatusEQ(lease.Pending)).Count(sys)
		return err == nil && n == 0
	}, 2*time.Minute, 100*time.Millisecond, "no lease is left PENDING")
	rs.invariants(t)

	// Nothing answered is lost.
	leases, err := rs.store.Client.Lease.Query().All(sys)
	require.NoError(t, err)
	status := map[string]entlease.Status{}
	for _, l := range leases {
		status[strconv.Itoa(l.ID)] = l.Status
	}
	for id := range active {
		require.Equal(t, lease.Active, status[id], "lease %s was answered ACTIVE", id)
	}
	for id := range returned {
		require.Equal(t, lease.Returned, status[id], "lease %s was answered RETURNED", id)
	}
	for id := range uncertain {
		require.Contains(t, []entlease.Status{lease.Active, lease.Returned}, status[id], "lease %s: return cut off", id)
	}
}

// TestReplicasRunJobsOnce: three replicas, jobs every second. Each tick's work is done once, by
// the leader; when the leader is killed, another takes over and finishes its work.
func TestReplicasRunJobsOnce(t *testing.T) {
	t.Parallel()
	rs := newReplicaSet(t, replicaConfig)
	rs.start(t, 3, "--schedule", "expire-leases=1s", "--schedule", "recover-stuck=1s", "--schedule", "reclaim-items=1s")
	sys := database.System(context.Background())
	runsBy := func(job string, since time.Time) map[string]int {
		runs, err := rs.store.Client.JobRun.Query().Where(jobrun.Job(job), jobrun.StartedAtGTE(since)).All(sys)
		require.NoError(t, err)
		out := map[string]int{}
		for _, r := range runs {
			out[r.Replica]++
		}
		return out
	}
	start := time.Now().UTC()
	// Wait for three runs, however slowly a loaded machine gets there.
	total := func() int {
		n := 0
		for _, c := range runsBy("expire-leases", start.Add(-time.Minute)) {
			n += c
		}
		return n
	}
	require.Eventually(t, func() bool { return total() >= 3 }, 2*time.Minute, 50*time.Millisecond)
	byReplica := runsBy("expire-leases", start.Add(-time.Minute))
	elapsed := time.Since(start)
	require.Len(t, byReplica, 1, "one replica runs the jobs: %v", byReplica)
	var leaderName string
	for name, n := range byReplica {
		leaderName = name
		// One run at start and one a second after: never one per replica per tick.
		require.LessOrEqual(t, n, int(elapsed/time.Second)+3, "runs in %s", elapsed)
	}
	leaderIdx := -1
	for i, r := range rs.replicas {
		if r.name() == leaderName {
			leaderIdx = i
		}
	}
	require.NotEqual(t, -1, leaderIdx, "the leader %s is one of ours", leaderName)
	for _, job := range []string{"recover-stuck", "reclaim-items", "close-bills", "deliver-notices"} {
		require.Equal(t, []string{leaderName}, keys(runsBy(job, start.Add(-time.Minute))), job)
	}
	// A follower shows the leader's runs, and refuses to run a job beside it.
	follower := (leaderIdx + 2) % 3
	r, err := rs.gql(follower, "admin", `{ schedulerJobs { name lastRunStartedAt lastRunReplica } }`, nil)
	require.NoError(t, err)
	require.Empty(t, r.Errors)
	var jobs struct {
		SchedulerJobs []struct {
			Name             string
			LastRunStartedAt *time.Time
			LastRunReplica   *string
		}
	}
	require.NoError(t, json.Unmarshal(mustJSON(t, r.Data), &jobs))
	require.NotEmpty(t, jobs.SchedulerJobs)
	for _, j := range jobs.SchedulerJobs {
		require.NotNil(t, j.LastRunReplica, j.Name)
		require.Equal(t, leaderName, *j.LastRunReplica, j.Name)
		require.NotNil(t, j.LastRunStartedAt, j.Name)
	}
	r, err = rs.gql(follower, "admin", `mutation { runJob(name: "expire-leases") { name } }`, nil)
	require.NoError(t, err)
	require.Equal(t, "CONFLICT", r.code(), "%v", r.Errors)

	// Leases fall due, and the leader dies before or while expiring them.
	other := (leaderIdx + 1) % 3
	var due []int
	for range 5 {
		r, err := rs.gql(other, "alice", vendMutation, map[string]any{"in": map[string]any{"sku": "4D.small", "duration": "1d"}})
		require.NoError(t, err)
		require.Empty(t, r.Errors)
		var v struct{ ID string }
		require.NoError(t, json.Unmarshal(r.Data["vend"], &v))
		id, _ := strconv.Atoi(v.ID)
		due = append(due, id)
	}
	rs.kill(t, leaderIdx)
	killed := time.Now().UTC()
	_, err = rs.store.Client.Lease.Update().Where(entlease.IDIn(due...)).SetEndsAt(time.Now().UTC().Add(-time.Minute)).Save(sys)
	require.NoError(t, err)

	// A survivor takes over and expires them, once each.
	require.Eventually(t, func() bool {
		n, err := rs.store.Client.Lease.Query().Where(entlease.IDIn(due...), entlease.StatusEQ(lease.Expired)).Count(sys)
		return err == nil && n == len(due)
	}, time.Minute, 50*time.Millisecond)
	// The run that expired them records what it handled once it is over: wait for that, then a
	// few more ticks, in which only one survivor runs the job.
	handled := func() int {
		runs, err := rs.store.Client.JobRun.Query().Where(jobrun.Job("expire-leases"), jobrun.StartedAtGTE(killed)).All(sys)
		require.NoError(t, err)
		n := 0
		for _, r := range runs {
			n += r.Handled
		}
		return n
	}
	require.Eventually(t, func() bool { return handled() >= len(due) }, time.Minute, 50*time.Millisecond)
	time.Sleep(2 * time.Second)
	after := runsBy("expire-leases", killed)
	require.Len(t, after, 1, "after the kill one survivor runs the jobs: %v", after)
	require.NotContains(t, after, leaderName)
	require.Equal(t, len(due), handled(), "each due lease is expired by exactly one run")
	rs.invariants(t)
}

// TestSubscriptionAcrossReplicas: a subscriber on one replica sees the events of leases changed
// through another.
func TestSubscriptionAcrossReplicas(t *testing.T) {
	t.Parallel()
	rs := newReplicaSet(t, replicaConfig)
	rs.start(t, 2, "--no-scheduler")
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	alice := subscribe(t, ctx, rs.replicas[0].url, rs.tokens["alice"])
	bob := subscribe(t, ctx, rs.replicas[0].url, rs.tokens["bob"])
	// Subscribing completes asynchronously on the server: vend until the first event arrives.
	var next struct {
		Type    string
		Payload struct {
			Data struct {
				LeaseEvents struct {
					Kind  string
					Lease struct {
						ID    string
						Owner struct{ Name string }
					}
				}
			}
		}
	}
	got := make(chan error, 1)
	go func() { got <- wsjson.Read(ctx, alice, &next) }()
	var vended []string
	for len(vended) < 20 {
		r, err := rs.gql(1, "alice", vendMutation, map[string]any{"in": map[string]any{"sku": "4D.small", "duration": "1d"}})
		require.NoError(t, err)
		require.Empty(t, r.Errors)
		var v struct{ ID string }
		require.NoError(t, json.Unmarshal(r.Data["vend"], &v))
		vended = append(vended, v.ID)
		select {
		case err := <-got:
			require.NoError(t, err)
			require.Equal(t, "next", next.Type)
			require.Equal(t, "ACTIVE", next.Payload.Data.LeaseEvents.Kind)
			require.Equal(t, "alice", next.Payload.Data.LeaseEvents.Lease.Owner.Name)
			require.Contains(t, vended, next.Payload.Data.LeaseEvents.Lease.ID)

			// Bob, of another cost center, sees none of it.
			short, stop := context.WithTimeout(ctx, 300*time.Millisecond)
			defer stop()
			var none map[string]any
			require.Error(t, wsjson.Read(short, bob, &none), "bob must not see alice's lease events: %v", none)
			return
		case <-time.After(2 * time.Second): // not subscribed yet: vend again
		}
	}
	t.Fatal("no lease event crossed from replica 1 to a subscriber on replica 0")
}

func keys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}
