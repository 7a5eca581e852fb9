import { useId, useState } from 'react';
import { fetchQuery, graphql, useMutation, useRelayEnvironment } from 'react-relay';
import type { ImportPreviewQuery, ImportPreviewQuery$data } from '../../__generated__/ImportPreviewQuery.graphql';
import type { ImportMutation } from '../../__generated__/ImportMutation.graphql';
import { Link } from '../../router';
import { ErrorMessage } from '../../components/ErrorMessage';

const preview = graphql`
  query ImportPreviewQuery($csv: String!) {
    inventoryImportPreview(csv: $csv) { valid rows { row sku name pool labels errors } }
  }
`;
const importItems = graphql`
  mutation ImportMutation($csv: String!) {
    importInventoryItems(csv: $csv) { id name status product { id sku } }
  }
`;

const EXAMPLE = 'sku,name,pool,labels\n4D.small,rack-c-01,rack-c,gpu;10g\n4D.small,rack-c-02,rack-c,\n';
/** The server refuses larger request bodies; a bigger file should be split. */
const MAX_BYTES = 900_000;

type Preview = ImportPreviewQuery$data['inventoryImportPreview'];

/** CSV import: check every row first (nothing is written), then import the checked file, all or nothing. */
export default function Import() {
  const env = useRelayEnvironment();
  const [csv, setCsv] = useState('');
  const [checked, setChecked] = useState<{ csv: string; preview: Preview } | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [inputError, setInputError] = useState<string | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const [commit, importing] = useMutation<ImportMutation>(importItems);
  const id = useId();

  const check = () => {
    setError(null);
    setImported(null);
    if (!csv.trim()) {
      setInputError('Paste CSV or choose a file first.');
      return;
    }
    if (new Blob([csv]).size > MAX_BYTES) {
      setInputError('The file is too large for one import: split it into parts of at most 10,000 rows.');
      return;
    }
    setInputError(null);
    setChecking(true);
    fetchQuery<ImportPreviewQuery>(env, preview, { csv }, { fetchPolicy: 'network-only' }).subscribe({
      next: (d) => setChecked({ csv, preview: d.inventoryImportPreview }),
      error: (e: unknown) => {
        setChecked(null);
        setError(e);
        setChecking(false);
      },
      complete: () => setChecking(false),
    });
  };
  const doImport = () => {
    if (!checked?.preview.valid || checked.csv !== csv) return;
    commit({
      variables: { csv },
      onCompleted: (r) => {
        setImported(r.importInventoryItems.length);
        setChecked(null);
        setCsv('');
      },
      onError: (e) => setError(e),
    });
  };
  const stale = checked !== null && checked.csv !== csv;
  const bad = checked?.preview.rows.filter((r) => r.errors.length > 0).length ?? 0;
  return (
    <section>
      <div className="page-head">
        <h1>Import items</h1>
        <p className="muted">
          CSV with the header <code>sku,name,pool,labels</code> (pool and labels optional; labels separated by <code>;</code>).
        </p>
      </div>
      <div className="panel">
        <div className="form stack">
          <label htmlFor={`${id}-csv`}>CSV</label>
          <textarea
            id={`${id}-csv`}
            rows={10}
            value={csv}
            onChange={(e) => setCsv(e.target.value)}
            placeholder={EXAMPLE}
            spellCheck={false}
            aria-invalid={inputError ? true : undefined}
            aria-describedby={`${id}-csv-msg`}
          />
          <p id={`${id}-csv-msg`} className={inputError ? 'field-error' : 'help'}>
            {inputError ?? 'Check first: every row is validated and nothing is written until you import.'}
          </p>
          <div className="row">
            <input
              id={`${id}-file`}
              type="file"
              accept=".csv,text/csv"
              className="sr-only"
              onChange={async (e) => {
                const f = e.target.files?.[0];
                if (f) setCsv(await f.text());
                e.target.value = '';
              }}
            />
            <label className="button" htmlFor={`${id}-file`}>
              Choose a file…
            </label>
            <button type="button" onClick={check} disabled={checking}>
              {checking ? 'Checking…' : 'Check'}
            </button>
            <button type="button" className="primary" onClick={doImport} disabled={!checked?.preview.valid || stale || importing}>
              {importing ? 'Importing…' : checked?.preview.valid ? `Import ${checked.preview.rows.length} items` : 'Import'}
            </button>
          </div>
        </div>
        <ErrorMessage error={error} />
        {imported !== null && (
          <p className="ok" role="status">
            Imported {imported} items. See them in the <Link to="/admin/inventory">inventory</Link>.
          </p>
        )}
      </div>
      {checked && (
        <div className="panel" aria-live="polite">
          <h2>Preview</h2>
          <p role="status" className={checked.preview.valid ? 'ok' : 'field-error'}>
            {checked.preview.valid
              ? `All ${checked.preview.rows.length} rows are fine.`
              : `${bad} of ${checked.preview.rows.length} rows have problems. Nothing was written; fix them and check again.`}
            {stale && ' The text changed since: check again.'}
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">SKU</th>
                  <th scope="col">Name</th>
                  <th scope="col">Pool</th>
                  <th scope="col">Labels</th>
                  <th scope="col">Problems</th>
                </tr>
              </thead>
              <tbody>
                {checked.preview.rows.map((r) => (
                  <tr key={r.row} className={r.errors.length ? 'bad' : ''} data-row={r.row}>
                    <td>{r.row}</td>
                    <td>{r.sku}</td>
                    <td className="mono">{r.name}</td>
                    <td>{r.pool ?? ''}</td>
                    <td>{r.labels.join(', ')}</td>
                    <td>{r.errors.length ? r.errors.join('; ') : <span className="ok">ok</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
