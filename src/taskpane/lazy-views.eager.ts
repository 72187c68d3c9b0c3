/** lazy-views.ts for the jest tests (package.json moduleNameMapper): the same views, imported at once. */
export { AllSheets } from './views/AllSheets';
export { AnnualView } from './views/AnnualView';
export { ColumnsView } from './views/ColumnsView';
export { ComputeView } from './views/ComputeView';
export { PeopleView } from './views/PeopleView';
export { QuotaView } from './views/QuotaView';
export { RankView } from './views/RankView';
export { SchemeView } from './views/SchemeView';
