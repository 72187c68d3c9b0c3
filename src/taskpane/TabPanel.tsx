/** A tab's panel; its view may be a chunk loaded on first use (React.lazy), shown as a spinner until it arrives. */
import { Busy } from './Busy';
import { Suspense, type ReactNode } from 'react';

export function TabPanel({ label, loading, children }: { label: string; loading: string; children: ReactNode }) {
  return (
    <div role="tabpanel" aria-label={label}>
      <Suspense fallback={<Busy label={loading} />}>{children}</Suspense>
    </div>
  );
}
