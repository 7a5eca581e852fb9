import { createContext, useContext, useEffect } from 'react';
import { saveViewer, type Role, type SessionViewer } from './session';

export type ViewerValue = { viewer: SessionViewer; setViewer: (v: SessionViewer) => void; signOut: (notice?: string) => void };

export const ViewerContext = createContext<ViewerValue | null>(null);

export function useViewer(): ViewerValue {
  const v = useContext(ViewerContext);
  if (!v) throw new Error('useViewer outside the signed-in app');
  return v;
}

type QueriedViewer = { readonly id: string; readonly name: string; readonly role: string; readonly costCenter?: { readonly code: string } | null };

/**
 * Every page's query carries the viewer; this keeps the navigation's copy current (a role change
 * shows at once). Pages call it once their data is in, so it also marks the moment the page is on
 * screen and interactive ("hardcandy:page-ready", read by the benchmark).
 */
export function useSeenViewer(q: QueriedViewer | null | undefined) {
  const { viewer, setViewer } = useViewer();
  useEffect(() => {
    performance.mark('hardcandy:page-ready');
  }, []);
  useEffect(() => {
    if (!q) return;
    const next: SessionViewer = { id: q.id, name: q.name, role: q.role as Role, costCenter: q.costCenter?.code ?? null };
    if (next.id !== viewer.id || next.name !== viewer.name || next.role !== viewer.role || next.costCenter !== viewer.costCenter) {
      saveViewer(next);
      setViewer(next);
    }
  }, [q, viewer, setViewer]);
}
