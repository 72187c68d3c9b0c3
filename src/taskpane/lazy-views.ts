/**
 * The views after the first result (检查 is CheckView, loaded with the pane): each a chunk loaded when
 * its tab is first opened (TabPanel shows a spinner meanwhile); docs/performance.md. The jest tests
 * map this module to lazy-views.eager.ts: the same views, imported at once.
 */
import { lazy } from 'react';

export const AnnualView = lazy(() => import(/* webpackChunkName: "year" */ './views/AnnualView').then((m) => ({ default: m.AnnualView })));
export const ColumnsView = lazy(() =>
  import(/* webpackChunkName: "columns" */ './views/ColumnsView').then((m) => ({ default: m.ColumnsView })),
);
export const ComputeView = lazy(() =>
  import(/* webpackChunkName: "compute" */ './views/ComputeView').then((m) => ({ default: m.ComputeView })),
);
export const QuotaView = lazy(() => import(/* webpackChunkName: "quota" */ './views/QuotaView').then((m) => ({ default: m.QuotaView })));
export const RankView = lazy(() => import(/* webpackChunkName: "rank" */ './views/RankView').then((m) => ({ default: m.RankView })));
export const SchemeView = lazy(() =>
  import(/* webpackChunkName: "scheme" */ './views/SchemeView').then((m) => ({ default: m.SchemeView })),
);
export const AllSheets = lazy(() => import(/* webpackChunkName: "sheets" */ './views/AllSheets').then((m) => ({ default: m.AllSheets })));
export const PeopleView = lazy(() =>
  import(/* webpackChunkName: "people" */ './views/PeopleView').then((m) => ({ default: m.PeopleView })),
);
