import { useState } from 'react';
import { fetchQuery, graphql, useLazyLoadQuery, useMutation, useRelayEnvironment } from 'react-relay';
import type { JobsQuery } from '../../__generated__/JobsQuery.graphql';
import type { JobsRunMutation } from '../../__generated__/JobsRunMutation.graphql';
import { useSeenViewer } from '../../viewer';
import { Time } from '../../components/Time';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Empty } from '../../components/Loading';

const query = graphql`
  query JobsQuery {
    viewer { id name role costCenter { code } }
    schedulerJobs { name schedule lastRunStartedAt lastRunCompletedAt nextRun lastError running lastRunReplica }
  }
`;
const run = graphql`
  mutation JobsRunMutation($name: String!) {
    runJob(name: $name) { name lastRunStartedAt lastRunCompletedAt lastError running }
  }
`;

export default function Jobs() {
  const data = useLazyLoadQuery<JobsQuery>(query, {}, { fetchPolicy: 'store-and-network' });
  useSeenViewer(data.viewer);
  const env = useRelayEnvironment();
  const [commit] = useMutation<JobsRunMutation>(run);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const runNow = (name: string) => {
    setBusy(name);
    setError(null);
    setDone(null);
    commit({
      variables: { name },
      onCompleted: (r) => {
        setBusy(null);
        setDone(r.runJob.lastError ? `${name} ran and failed: ${r.runJob.lastError}` : `${name} ran.`);
        fetchQuery(env, query, {}, { fetchPolicy: 'network-only' }).subscribe({});
      },
      onError: (e) => {
        setBusy(null);
        setError(e);
      },
    });
  };
  return (
    <section>
      <div className="page-head">
        <h1>Scheduler jobs</h1>
        <p className="muted">Times in your zone; hover for UTC.</p>
      </div>
      <ErrorMessage error={error} />
      {done && <p className="ok" role="status">{done}</p>}
      {data.schedulerJobs.length === 0 ? (
        <Empty>This server runs no jobs (started with --no-scheduler).</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Schedule</th>
                <th scope="col">Last run</th>
                <th scope="col">Next run</th>
                <th scope="col">Last error</th>
                <th scope="col"><span className="sr-only">Run</span></th>
              </tr>
            </thead>
            <tbody>
              {data.schedulerJobs.map((j) => (
                <tr key={j.name} data-job={j.name}>
                  <td className="mono">{j.name}</td>
                  <td className="mono">{j.schedule}</td>
                  <td>
                    {j.running ? <span className="badge badge-pending">running</span> : <Time value={j.lastRunCompletedAt ?? j.lastRunStartedAt} fallback="never" />}
                    {j.lastRunReplica && <div className="muted">{j.lastRunReplica}</div>}
                  </td>
                  <td><Time value={j.nextRun} /></td>
                  <td className={j.lastError ? 'field-error' : 'muted'}>{j.lastError ?? 'none'}</td>
                  <td>
                    <button type="button" className="small" onClick={() => runNow(j.name)} disabled={busy !== null} aria-label={`Run ${j.name} now`}>
                      {busy === j.name ? 'Running…' : 'Run now'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
