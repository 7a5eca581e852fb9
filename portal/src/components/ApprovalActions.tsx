import { useId, useState, type FormEvent } from 'react';
import { graphql, useMutation } from 'react-relay';
import type { ApprovalActionsApproveMutation } from '../__generated__/ApprovalActionsApproveMutation.graphql';
import type { ApprovalActionsRejectMutation } from '../__generated__/ApprovalActionsRejectMutation.graphql';
import type { ApprovalActionsApproveExtensionMutation } from '../__generated__/ApprovalActionsApproveExtensionMutation.graphql';
import type { ApprovalActionsRejectExtensionMutation } from '../__generated__/ApprovalActionsRejectExtensionMutation.graphql';
import { ErrorMessage } from './ErrorMessage';

const approve = graphql`
  mutation ApprovalActionsApproveMutation($id: ID!) {
    approveLease(id: $id) { id status awaitingApproval statusMessage decidedBy endsAt allocations { id } }
  }
`;
const reject = graphql`
  mutation ApprovalActionsRejectMutation($id: ID!, $reason: String!) {
    rejectLease(id: $id, reason: $reason) { id status awaitingApproval statusMessage decidedBy endedAt }
  }
`;

const approveExtension = graphql`
  mutation ApprovalActionsApproveExtensionMutation($id: ID!) {
    approveExtension(id: $id) { id status decidedBy decidedAt mayDecide lease { id endsAt timeLeft openExtensionRequest { id } } }
  }
`;
const rejectExtension = graphql`
  mutation ApprovalActionsRejectExtensionMutation($id: ID!, $reason: String!) {
    rejectExtension(id: $id, reason: $reason) { id status reason decidedBy decidedAt mayDecide lease { id openExtensionRequest { id } } }
  }
`;

/**
 * Approve, or reject with a reason (required), a lease awaiting approval, or (kind "extension")
 * an extension request with id `leaseId` naming the request.
 */
export function ApprovalActions({
  leaseId,
  kind = 'lease',
  onDecided,
}: {
  leaseId: string;
  kind?: 'lease' | 'extension';
  onDecided?: (outcome: 'approved' | 'rejected', message?: string) => void;
}) {
  const [approveLease, approvingLease] = useMutation<ApprovalActionsApproveMutation>(approve);
  const [rejectLease, rejectingLease] = useMutation<ApprovalActionsRejectMutation>(reject);
  const [approveExt, approvingExt] = useMutation<ApprovalActionsApproveExtensionMutation>(approveExtension);
  const [rejectExt, rejectingExt] = useMutation<ApprovalActionsRejectExtensionMutation>(rejectExtension);
  const approving = approvingLease || approvingExt;
  const rejecting = rejectingLease || rejectingExt;
  const doReject = (cfg: { variables: { id: string; reason: string }; onCompleted: () => void; onError: (e: Error) => void }) =>
    kind === 'lease' ? rejectLease(cfg) : rejectExt(cfg);
  const [rejectOpen, setRejectOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const id = useId();
  const submitReject = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setReasonError('Say why, in a few words: the requester reads it.');
      return;
    }
    setReasonError(null);
    doReject({ variables: { id: leaseId, reason: reason.trim() }, onCompleted: () => onDecided?.('rejected', reason.trim()), onError: setError });
  };
  return (
    <div className="approval-actions">
      <div className="buttons">
        <button
          type="button"
          className="primary"
          disabled={approving || rejecting}
          onClick={() => {
            setError(null);
            if (kind === 'extension') approveExt({ variables: { id: leaseId }, onCompleted: () => onDecided?.('approved'), onError: setError });
            else
              approveLease({
                variables: { id: leaseId },
                onCompleted: (r) => onDecided?.('approved', r.approveLease.status === 'REJECTED' ? (r.approveLease.statusMessage ?? undefined) : undefined),
                onError: setError,
              });
          }}
        >
          {approving ? 'Approving…' : 'Approve'}
        </button>
        <button type="button" onClick={() => setRejectOpen((o) => !o)} aria-expanded={rejectOpen} disabled={approving}>
          Reject…
        </button>
      </div>
      {rejectOpen && (
        <form className="form inline" onSubmit={submitReject} noValidate>
          <label htmlFor={`${id}-reason`}>Reason</label>
          <input
            id={`${id}-reason`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            size={30}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={`${id}-reason-msg`}
            autoFocus
          />
          <button type="submit" className="danger" disabled={rejecting}>
            {rejecting ? 'Rejecting…' : 'Reject'}
          </button>
          <span id={`${id}-reason-msg`} className={reasonError ? 'field-error' : 'help'}>
            {reasonError ?? 'Shown to the requester.'}
          </span>
        </form>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
